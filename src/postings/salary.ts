// Finds pay ranges in free text, in the many ways postings write them, and tells pay from other money.
import type { PayPeriod, SalaryRange } from './schema.ts';
import { CURRENCY_NAME_SOURCE, CURRENCY_SIGN_SOURCE, currencyOf } from './lexicon/currencies.ts';
import { PAY_PERIODS, PER_WORDS } from './lexicon/periods.ts';
import { wordsSource } from './lexicon/pattern.ts';

const CUR_PREFIX = CURRENCY_SIGN_SOURCE;
const NUM = String.raw`\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const MULT = String.raw`[kK](?![a-zA-Z])|Tsd\.?|thousand|mil(?![a-zA-Z])|Mil(?![a-zA-Z])|lakhs?|lacs?|LPA|lpa|L(?![a-zA-Z])|million|mn|[mM](?![a-zA-Z])|billion|bn|[bB](?![a-zA-Z])|[Cc]rore`;
// Names as written in running text: "euros", "Euro", "reais", "Franken".
const capitalised = CURRENCY_NAME_SOURCE.split('|').map((n) => `${n}|${n[0]!.toUpperCase()}${n.slice(1)}`).join('|');
const CUR_SUFFIX = `${CURRENCY_SIGN_SOURCE}|${capitalised}`;
const AMOUNT = new RegExp(
  String.raw`(?<![\w.,])(?<pre>${CUR_PREFIX})?\s?(?<num>${NUM})(?:\s?(?<mult>${MULT}))?(?:\s?(?<suf>${CUR_SUFFIX})(?![a-zA-Z]))?`,
  'g',
);

const MULTIPLIER: Array<[RegExp, number]> = [
  [/^(k|tsd\.?|thousand|mil)$/i, 1e3],
  [/^(lakhs?|lacs?|lpa|l)$/i, 1e5],
  [/^crore$/i, 1e7],
  [/^(m|mn|million)$/i, 1e6],
  [/^(b|bn|billion)$/i, 1e9],
];

/** Parses "107,000", "70.000", "4.500,50", "55.5" and "120'000" by where the separators sit. */
export function parseAmount(num: string): number {
  const s = num.replace(/\s/g, '');
  const groups = /^\d{1,3}([.,'])\d{3}(?:\1\d{3})*(?:([.,])(\d{1,2}))?$/.exec(s);
  if (groups) {
    const whole = s.replace(/[.,'](?=\d{3}(\D|$))/g, '');
    return Number(whole.replace(',', '.'));
  }
  return Number(s.replace(',', '.'));
}

interface Amount {
  start: number;
  end: number;
  value: number;
  currency: string | null;
  mult: number;
  multWord: string | null;
}

const RANGE_SEP = /^\s*(?:-|–|—|~|to|bis|à|a|até|y|et|e|and)\s*$/i;

const PERIOD_ORDER: PayPeriod[] = ['hour', 'day', 'week', 'month', 'year'];
// Words after an amount that, by convention, mark a yearly figure: "€60.000 brutto", "£40k base", "£55k OTE".
const YEAR_HINTS = ['brutto', 'gross', 'base', 'ote', 'lpa'];
const PER = wordsSource(PER_WORDS);
const PERIOD_AFTER: Array<[PayPeriod, RegExp]> = PERIOD_ORDER.map((p) => {
  const w = PAY_PERIODS[p];
  const alone = wordsSource([...w.adverbs, ...(p === 'year' ? YEAR_HINTS : [])]);
  return [p, new RegExp(String.raw`^\s*(?:${PER})?\s*(?:${wordsSource(w.units)})(?![\p{L}\d])|^\s*(?:${alone})(?![\p{L}\d])`, 'iu')];
});
const PERIOD_BEFORE: Array<[PayPeriod, RegExp]> = PERIOD_ORDER.map((p) => [p, new RegExp(String.raw`(?<![\p{L}])(?:${wordsSource(PAY_PERIODS[p].before)})(?![\p{L}])`, 'iu')]);

const NOT_PAY_AFTER = /^\s*\+?\s*(arr|mrr|revenue|in (funding|revenue|sales|assets|annual)|funding|raised|valuation|users|customers|creators|members|generated|in sales|gmv|series|budget|ad spend|worth|of (funding|revenue|capital)|under management|aum)\b/i;
const NOT_PAY_BEFORE = /\b(raised|funding|revenue|valuation|valued at|generated|worth|backed|plans? from|prices? from|starting at|costs?|fee|arr of|sales of|assets of|budget of|fund|grant of|donated|\/mo plans)\W*$/i;
const PAY_WORD = /\b(salary|salaries|pay|paid|compensation|comp|base|wage|rate|ote|stipend|gehalt|vergütung|verguetung|salaire|rémunération|remuneration|salario|sueldo|salário|remuneração|bolsa|ctc|package)\b/i;
const ESTIMATE = /\b(estimat\w*|est\.|glassdoor|indeed (?:estimate|salary)|employer est)/i;

/** Conventions for postings that give no period: by the currency's usual pay period and the size of the amount. */
export function inferPeriod(value: number, currency: string): PayPeriod {
  if (['BRL', 'ARS', 'MXN', 'COP', 'CLP', 'PEN', 'UYU'].includes(currency)) {
    if (value < 200) return 'hour';
    return value < 70_000 ? 'month' : 'year';
  }
  if (currency === 'INR') return value < 2_000 ? 'hour' : value < 300_000 ? 'month' : 'year';
  if (currency === 'JPY' || currency === 'KRW') return value < 10_000 ? 'hour' : value < 1_500_000 ? 'month' : 'year';
  if (value < 200) return 'hour';
  if (value < 2_000) return 'day';
  if (value < 20_000) return 'month';
  return 'year';
}

function scanAmounts(line: string): Amount[] {
  const out: Amount[] = [];
  for (const m of line.matchAll(AMOUNT)) {
    const g = m.groups ?? {};
    const num = g.num ?? '';
    if (!num) continue;
    const multWord = g.mult ?? null;
    let mult = 1;
    if (multWord) for (const [re, k] of MULTIPLIER) if (re.test(multWord)) mult = k;
    const currency = currencyOf(g.pre) ?? currencyOf(g.suf?.trim());
    // A lakh "L" without rupees is just a letter.
    if (multWord === 'L' && currency !== 'INR') mult = 1;
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].trimEnd().length, value: parseAmount(num), currency, mult, multWord });
  }
  return out;
}

export interface SalaryHints {
  /** Currency to assume for a bare "Salary: 50-60k", from the posting's country or language. */
  currency?: string | null;
}

/** Every pay range the text states, in order, each once. */
export function findSalaries(text: string, hints: SalaryHints = {}): SalaryRange[] {
  const found: SalaryRange[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    if (!/\d/.test(line)) continue;
    const amounts = scanAmounts(line);
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i]!;
      let b: Amount | null = null;
      const next = amounts[i + 1];
      if (next && RANGE_SEP.test(line.slice(a.end, next.start))) {
        b = next;
        i++;
      }
      const range = toRange(line, a, b, hints);
      if (!range) continue;
      const key = `${range.min}|${range.max}|${range.currency}|${range.period}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(range);
    }
  }
  return found;
}

function toRange(line: string, a: Amount, b: Amount | null, hints: SalaryHints): SalaryRange | null {
  const start = a.start;
  const end = (b ?? a).end;
  const before = line.slice(Math.max(0, start - 40), start);
  const after = line.slice(end, end + 40);
  const multWords = [a.multWord, b?.multWord].filter(Boolean).map((w) => w!.toLowerCase());
  if (multWords.some((w) => /^(m|mn|million|b|bn|billion|crore)$/.test(w) && w !== 'crore')) return null;
  if (NOT_PAY_AFTER.test(after) || NOT_PAY_BEFORE.test(before)) return null;
  // 401(k) and 403(b) are retirement plans, not pay.
  if (/^(401|403|457)$/.test(String(a.value)) && a.multWord && /^[kb]$/i.test(a.multWord)) return null;

  let currency = a.currency ?? b?.currency ?? null;
  const lpa = multWords.includes('lpa') || /^\s*lpa\b/i.test(after);
  if (!currency && lpa) currency = 'INR';
  const payContext = PAY_WORD.test(line.slice(0, end + 20));
  if (!currency) {
    const hasMult = a.mult > 1 || (b?.mult ?? 1) > 1;
    if (!payContext || !hints.currency || !(hasMult || a.value >= 1000)) return null;
    currency = hints.currency;
  }
  // "$120-150k": the multiplier written once applies to both ends.
  let aMult = a.mult;
  if (b && aMult === 1 && b.mult > 1 && a.value < b.value * 10 && a.value * b.mult >= b.value) aMult = b.mult;
  const lo = a.value * aMult;
  const hi = b ? b.value * b.mult : lo;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo <= 0 || hi <= 0) return null;
  // A bare small number with a currency sign and no pay words ("$5 coffee") is not pay.
  if (!payContext && !b && lo < 1000 && !PERIOD_AFTER.some(([, re]) => re.test(after))) return null;

  let period: PayPeriod | null = null;
  let periodEnd = end;
  for (const [p, re] of PERIOD_AFTER) {
    const m = re.exec(after);
    if (m) {
      period = p;
      periodEnd = end + m[0].length;
      break;
    }
  }
  if (lpa) period = 'year';
  if (!period) for (const [p, re] of PERIOD_BEFORE) if (re.test(before) || re.test(after.slice(0, 25))) period = p;
  const min = Math.min(lo, hi);
  const max = Math.max(lo, hi);
  const periodInferred = period === null;
  const finalPeriod = period ?? inferPeriod(max, currency);
  if (finalPeriod === 'year' && max < 1000) return null;
  if (finalPeriod === 'hour' && min > 5000 && currency !== 'JPY' && currency !== 'KRW') return null;
  const text = line.slice(start, periodEnd).trim().replace(/[;,.]$/, '');
  return {
    min,
    max,
    currency,
    period: finalPeriod,
    text,
    estimated: ESTIMATE.test(line.slice(Math.max(0, start - 60), periodEnd + 60)),
    periodInferred,
  };
}
