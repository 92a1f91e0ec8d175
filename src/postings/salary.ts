// Finds pay ranges in free text, in the many ways postings write them, and tells pay from other money.
import type { PayPeriod, SalaryRange } from './schema.ts';
import { CURRENCY_NAME_SOURCE, CURRENCY_SIGN_SOURCE, GROUPED_ONLY_SIGNS, SHARED_SYMBOLS, currencyOf, isSpecificCurrency } from './lexicon/currencies.ts';
import { PAY_PERIODS, PER_WORDS } from './lexicon/periods.ts';
import { wordsSource } from './lexicon/pattern.ts';

const CUR_PREFIX = `${CURRENCY_SIGN_SOURCE}|${Object.keys(GROUPED_ONLY_SIGNS).join('|')}`;
const NUM = String.raw`\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const MULT = String.raw`[kK](?![a-zA-Z])|Tsd\.?|Mio\.?|Mrd\.?|thousand|mil(?![a-zA-Z])|Mil(?![a-zA-Z])|lakhs?|lacs?|LPA|lpa|L(?![a-zA-Z])|million|mn|[mM](?![a-zA-Z])|billion|bn|[bB](?![a-zA-Z])|[Cc]rore`;
// Names as written in running text: "euros", "Euro", "reais", "Franken".
const capitalised = CURRENCY_NAME_SOURCE.split('|').map((n) => `${n}|${n[0]!.toUpperCase()}${n.slice(1)}`).join('|');
const CUR_SUFFIX = `${CURRENCY_SIGN_SOURCE}|${capitalised}`;
// What may stand before the amount is checked in scanAmounts: a sign may be glued to a word ("Compensation$18.50").
// Groups: 1 the sign before, 2 the number, 3 its multiplier, 4 the sign after. (Unnamed: a named group's object is
// built for every match, and most numbers in a posting are not pay.)
const AMOUNT = new RegExp(
  String.raw`(?<![\d.,])(${CUR_PREFIX})?\s?(${NUM})(?:\s?(${MULT}))?(?:\s?(${CUR_SUFFIX})(?![a-zA-Z]))?`,
  'g',
);

const MULTIPLIER: Array<[RegExp, number]> = [
  [/^(k|tsd\.?|thousand|mil)$/i, 1e3],
  [/^(lakhs?|lacs?|lpa|l)$/i, 1e5],
  [/^crore$/i, 1e7],
  [/^(m|mn|million|mio\.?)$/i, 1e6],
  [/^mrd\.?$/i, 1e9],
  [/^(b|bn|billion)$/i, 1e9],
];

/** True when the text is digits alone; a plain scan, as it runs for every number in a posting. */
function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return s.length > 0;
}

/** Parses "107,000", "70.000", "4.500,50", "55.5" and "120'000" by where the separators sit. */
export function parseAmount(num: string): number {
  // Most figures are digits alone ("5", "2024"), which read as they are.
  if (allDigits(num)) return Number(num);
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
  /** The sign or code that names one currency alone ("US$", "CAD", "€"), if the amount carries one. */
  specific: string | null;
  mult: number;
  multWord: string | null;
  /** "$150k+": no ceiling. */
  plus: boolean;
}


const PERIOD_ORDER: PayPeriod[] = ['hour', 'day', 'week', 'month', 'year'];
// Words after an amount that, by convention, mark a yearly figure: "€60.000 brutto", "£40k base", "£55k OTE".
const YEAR_HINTS = ['brutto', 'gross', 'base', 'ote', 'lpa'];
const PER = wordsSource(PER_WORDS);
// The period named right after an amount: every period in one pattern, each in its own group, in PERIOD_ORDER, so the
// first period that reads there wins (one test instead of one per period).
const PERIOD_AFTER = new RegExp(
  PERIOD_ORDER.map((p) => {
    const w = PAY_PERIODS[p];
    const alone = wordsSource([...w.adverbs, ...(p === 'year' ? YEAR_HINTS : [])]);
    return String.raw`(^\s*(?:${PER})?\s*(?:${wordsSource(w.units)})(?![\p{L}\d])|^\s*(?:${alone})(?![\p{L}\d]))`;
  }).join('|'),
  'iu',
);
const beforeSource = (periods: PayPeriod[]): string =>
  String.raw`(?<![\p{L}])(?:${wordsSource(periods.flatMap((p) => PAY_PERIODS[p].before))})(?![\p{L}])`;
const PERIOD_BEFORE: Array<[PayPeriod, RegExp]> = PERIOD_ORDER.map((p) => [p, new RegExp(beforeSource([p]), 'iu')]);
// Any period's phrase: most amounts have none near them, and are settled by this one test instead of ten.
const ANY_PERIOD_BEFORE = new RegExp(beforeSource(PERIOD_ORDER), 'iu');

const NOT_PAY_AFTER = /^\s*\+?\s*(arr|mrr|revenue|umsatz|(?:de )?chiffre d'affaires|de facturación|de faturamento|in (funding|revenue|sales|assets|annual)|funding|raised|valuation|users|customers|creators|members|generated|in sales|gmv|series|budget|ad spend|worth|of (funding|revenue|capital)|under management|aum)\b/i;
const NOT_PAY_BEFORE = /\b(raised|funding|revenue|umsatz|finanzierung|chiffre d'affaires|levée de fonds|facturación|financiación|faturamento|investimento|valuation|valued at|generated|worth|backed|plans? from|prices? from|costs?|fee|arr of|sales of|assets of|budget of|fund|grant of|donated|\/mo plans)\W*$/i;
const PAY_WORD = /\b(salary|salaries|pay|paid|compensation|comp|base|wage|rate|ote|stipend|gehalt|vergütung|verguetung|salaire|rémunération|remuneration|salario|sueldo|salário|remuneração|bolsa|ctc|package)\b/i;
const ESTIMATE = /\b(estimat\w*|est\.|glassdoor|indeed (?:estimate|salary)|employer est)/i;

/** Conventions for postings that give no period: by the currency's usual pay period and the size of the amount. */
export function inferPeriod(value: number, currency: string): PayPeriod {
  if (['BRL', 'ARS', 'MXN', 'COP', 'CLP', 'PEN', 'UYU'].includes(currency)) {
    if (value < 200) return 'hour';
    return value < 70_000 ? 'month' : 'year';
  }
  // Nordic and central European pay is quoted by the month: "35 000 SEK", "12 000 PLN".
  if (['SEK', 'NOK', 'DKK', 'CZK'].includes(currency)) return value < 500 ? 'hour' : value < 150_000 ? 'month' : 'year';
  if (['PLN', 'RON', 'UAH'].includes(currency)) return value < 200 ? 'hour' : value < 50_000 ? 'month' : 'year';
  if (currency === 'INR') return value < 2_000 ? 'hour' : value < 300_000 ? 'month' : 'year';
  if (currency === 'JPY' || currency === 'KRW') return value < 10_000 ? 'hour' : value < 1_500_000 ? 'month' : 'year';
  if (value < 200) return 'hour';
  if (value < 2_000) return 'day';
  if (value < 20_000) return 'month';
  return 'year';
}

const LETTER_FIRST = /^\p{L}/u;
const LETTER = /\p{L}/u;
/** A letter, digit, "_", "." or ",": a plain test on one character, run for every number in a posting. */
function isWordOrSeparator(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 44;
}
const THOUSANDS = /\d[.,' ]\d{3}/;

export function scanAmounts(line: string): Amount[] {
  const out: Amount[] = [];
  for (const m of amountMatches(line)) {
    const pre = m[1];
    const num = m[2]!;
    const start = m.index + m[0].length - m[0].trimStart().length;
    // A code glued to a word before it ("ABCUSD 5") is not a currency; a sign may be ("Compensation$18.50").
    const charBefore = line[start - 1] ?? '';
    if (pre ? LETTER_FIRST.test(pre) && LETTER.test(charBefore) : isWordOrSeparator(charBefore)) continue;
    const multWord = m[3] ?? null;
    let mult = 1;
    if (multWord) for (const [re, k] of MULTIPLIER) if (re.test(multWord)) mult = k;
    const grouped = pre ? GROUPED_ONLY_SIGNS[pre] : undefined;
    if (grouped && !THOUSANDS.test(num)) continue;
    const signBefore = grouped ?? pre;
    const signAfter = m[4]?.trim();
    const currency = currencyOf(signBefore) ?? currencyOf(signAfter);
    const specific = signBefore && isSpecificCurrency(signBefore) ? signBefore : signAfter && isSpecificCurrency(signAfter) ? signAfter : null;
    const end = start + m[0].trim().length;
    out.push({ start, end, value: parseAmount(num), currency, specific, mult, multWord, plus: line[end] === '+' });
  }
  return out;
}

const DIGITS = /\d+/g;
// The longest sign and space before the digits ("USD$ ", "CAN$ ").
const PREFIX_REACH = 8;

/**
 * The amounts of a line, searched for only from a little before each run of digits, not at every character. The one
 * compiled pattern is reused: recompiling it per line cost more than reading the line.
 */
function amountMatches(line: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  DIGITS.lastIndex = 0;
  for (let d = DIGITS.exec(line); d; d = DIGITS.exec(line)) {
    if (d.index < from) continue;
    AMOUNT.lastIndex = Math.max(from, d.index - PREFIX_REACH);
    const m = AMOUNT.exec(line);
    if (!m) break;
    out.push(m);
    from = m.index + Math.max(1, m[0].length);
    if (DIGITS.lastIndex < from) DIGITS.lastIndex = from;
  }
  return out;
}

export interface SalaryHints {
  /** Currency to assume for a bare "Salary: 50-60k", from the posting's country or language. */
  currency?: string | null;
}

interface Found {
  range: SalaryRange;
  /** How surely this is the role's pay: stated as pay, with a period, in the body rather than a board's badge. */
  score: number;
  order: number;
}

/** Every pay range the text states, each once, the role's own pay first (then in the order the text gives them). */
export function findSalaries(text: string, hints: SalaryHints = {}): SalaryRange[] {
  const found: Found[] = [];
  const seen = new Set<string>();
  let headEnd: number | undefined;
  forEachLineWithDigit(text, (line, start) => {
    const amounts = scanAmounts(line);
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i]!;
      let b: Amount | null = null;
      const next = amounts[i + 1];
      if (next && isRange(line, a, next)) {
        b = next;
        i++;
      }
      const read = toRange(line, a, b, hints);
      if (!read) continue;
      const { range } = read;
      const key = `${range.min}|${range.max}|${range.currency}|${range.period}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A board's badge at the top ("$65 - $75 an hour" under the title) gives way to pay the body states.
      const badge = start < (headEnd ??= lineStart(text, 5)) && !read.payWord;
      found.push({ range, score: (read.payWord ? 2 : 0) + (range.periodInferred ? 0 : 1) + (range.estimated || badge ? -2 : 0), order: found.length });
    }
  });
  return found.sort((x, y) => y.score - x.score || x.order - y.order).map((f) => f.range);
}

const DIGIT = /\d/g;

/**
 * Each line of the text that holds a digit, with where it starts. One search for digits over the text, rather than
 * splitting it and testing every line: most lines hold none.
 */
function forEachLineWithDigit(text: string, visit: (line: string, start: number) => void): void {
  DIGIT.lastIndex = 0;
  for (let d = DIGIT.exec(text); d; d = DIGIT.exec(text)) {
    const start = text.lastIndexOf('\n', d.index) + 1;
    const end = text.indexOf('\n', d.index);
    visit(text.slice(start, end < 0 ? text.length : end), start);
    if (end < 0) return;
    DIGIT.lastIndex = end;
  }
}

/** Where the text's line `n` (from 1) starts; Infinity when it has fewer lines. */
function lineStart(text: string, n: number): number {
  let at = 0;
  for (let line = 1; line < n; line++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return Infinity;
    at = nl + 1;
  }
  return at;
}

// Between the two ends of a range: a dash or word, after the first end's own period or code
// ("$60.00 USD Hourly - $65.00 USD Hourly", "Min USD $75,000.00/Yr. Max USD $95,000.00/Yr", "$110,092 - $118,412").
const RANGE_BETWEEN = new RegExp(
  String.raw`^\s*(?:(?:${CURRENCY_SIGN_SOURCE})\s*)?(?:(?:\/|per|an?|pro|par|por)?\s*(?:hourly|hour|hr|yr|year|annually|annual|annum|month|monthly|mo|week|weekly|day|daily)\.?\s*)?[,.]?\s*(?:-|–|—|~|to|bis|à|a|até|y|et|e|and|max(?:imum)?:?)\s*(?:(?:USD|EUR|GBP|CAD|AUD)\s*)?$`,
  'i',
);

function isRange(line: string, a: Amount, b: Amount): boolean {
  const between = line.slice(a.end, b.start);
  if (between.length > 40 || !RANGE_BETWEEN.test(between)) return false;
  // "EL 1 - $110,092": a bare small number before a sum with a currency is a grade or a count, not the low end.
  if (!a.currency && b.currency && a.mult === 1 && a.value * 10 < b.value * b.mult) return false;
  return true;
}

const UP_TO = /(?:up to|upto|maximum(?: of)?|max\.?|bis zu|jusqu'?à|hasta|até)\s*$/i;
const FROM = /(?:from|starting (?:at|from)|starts at|start(?:ing)? salary of|at least|minimum(?: of)?|min\.?|ab|à partir de|desde|a partir de)\s*:?\s*$/i;
// Money beside these words is a benefit, a bonus or a price, not the role's pay.
const BENEFIT_BEFORE = /\b(zuschuss\w*|\w*zuschuss|prämie|prime|indemnité|tickets? resto\w*|bono|auxílio|auxilio|vale[- ]\w+|ayuda|bonus|sign[- ]?on|signing|401\(?k\)?|match(?:ing)?|reimburse\w*|insurance|stipend|allowance|tuition|referral|relocation|per diem|premiums?|discount|fsa|hsa|wellness|gym|equipment|benefit card|meal card|vouchers?|differentials?|plans? (?:options )?start|checks? exceed|prize|award)\b[^$€£\n]{0,25}$/i;
const BENEFIT_AFTER = /^\s*\+?\s*(?:\w+\s+){0,2}(?:bonus|sign[- ]?on|stipend|allowance|reimbursement|life insurance|per person|for (?:single|family)|match|monthly company match|annual (?:bonus|budget)|budget|credit)\b/i;

const CODE_OR_LPA_AFTER = /^\s*(?:[A-Z]{3}\b|lpa\b)/i;

function toRange(line: string, a: Amount, b: Amount | null, hints: SalaryHints): { range: SalaryRange; payWord: boolean } | null {
  const start = a.start;
  const end = (b ?? a).end;
  const after = line.slice(end, end + 40);
  const multWords = a.multWord || b?.multWord ? [a.multWord, b?.multWord].filter(Boolean).map((w) => w!.toLowerCase()) : [];
  if (multWords.some((w) => /^(m|mn|million|mio\.?|mrd\.?|b|bn|billion)$/.test(w))) return null;
  // Most numbers carry no currency and stand far from any pay word: settle those before the costlier tests.
  const signed = a.currency || b?.currency || multWords.includes('lpa') || CODE_OR_LPA_AFTER.test(after);
  let payWordNear: boolean | undefined;
  const saysPay = (): boolean => (payWordNear ??= PAY_WORD.test(line.slice(Math.max(0, start - 60), end + 20)));
  if (!signed && (!hints.currency || !saysPay())) return null;
  const before = line.slice(Math.max(0, start - 40), start);
  if (NOT_PAY_AFTER.test(after) || NOT_PAY_BEFORE.test(before)) return null;
  if (BENEFIT_BEFORE.test(line.slice(Math.max(0, start - 50), start)) || BENEFIT_AFTER.test(after)) return null;
  // 401(k) and 403(b) are retirement plans, not pay.
  if ((a.value === 401 || a.value === 403 || a.value === 457) && a.multWord && /^[kb]$/i.test(a.multWord)) return null;

  // A code written anywhere on the range names it ("$125,000 - $140,000 CAD", "$140-170K CAD"); a shared sign ("$")
  // takes the posting's local currency when it can mean it ("$" in Sydney is Australian dollars).
  const codeAfter = /^\s*([A-Z]{3})\b/.exec(after)?.[1];
  const specific = a.specific ?? b?.specific ?? (codeAfter && isSpecificCurrency(codeAfter) ? codeAfter : null);
  let currency = specific ? currencyOf(specific) : a.currency || b?.currency ? currencyOf(sharedSign(line, a, b), hints.currency) : null;
  const lpa = multWords.includes('lpa') || /^\s*lpa\b/i.test(after);
  if (!currency && lpa) currency = 'INR';
  const payWord = saysPay();
  if (!currency) {
    const hasMult = a.mult > 1 || (b?.mult ?? 1) > 1;
    if (!payWord || !hints.currency || !(hasMult || a.value >= 1000)) return null;
    // A bare year ("2020") near a pay word is a date.
    if (!hasMult && !b && a.value >= 1900 && a.value <= 2100 && Number.isInteger(a.value)) return null;
    currency = hints.currency;
  }
  // A lakh "L" is a multiplier only in rupees ("₹40–60L"); elsewhere it is just a letter.
  const multOf = (x: Amount): number => (x.multWord === 'L' && currency !== 'INR' ? 1 : x.mult);
  a = { ...a, mult: multOf(a) };
  if (b) b = { ...b, mult: multOf(b) };
  // "$120-150k": the multiplier written once applies to both ends.
  let aMult = a.mult;
  if (b && aMult === 1 && b.mult > 1 && a.value < b.value * 10 && a.value * b.mult >= b.value) aMult = b.mult;
  const lo = a.value * aMult;
  const hi = b ? b.value * b.mult : lo;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo <= 0 || hi <= 0) return null;
  // A bare small number with a currency sign and no pay words ("$5 coffee") is not pay.
  if (!payWord && !b && lo < 1000 && !PERIOD_AFTER.test(after)) return null;

  let period: PayPeriod | null = null;
  let periodEnd = end;
  const afterCode = after.replace(/^\s*[A-Z]{3}\b/, (m) => ' '.repeat(m.length));
  const named = PERIOD_AFTER.exec(afterCode);
  if (named) {
    period = PERIOD_ORDER[named.findIndex((g, i) => i > 0 && g !== undefined) - 1]!;
    periodEnd = end + named[0].length;
  }
  if (lpa) period = 'year';
  const after25 = after.slice(0, 25);
  if (!period && (ANY_PERIOD_BEFORE.test(before) || ANY_PERIOD_BEFORE.test(after25))) {
    for (const [p, re] of PERIOD_BEFORE) if (re.test(before) || re.test(after25)) period = p;
  }
  let min: number | null = Math.min(lo, hi);
  let max: number | null = Math.max(lo, hi);
  const periodInferred = period === null;
  const finalPeriod = period ?? inferPeriod(max, currency);
  if (finalPeriod === 'year' && max < 1000) return null;
  if (finalPeriod === 'hour' && min > 5000 && currency !== 'JPY' && currency !== 'KRW') return null;
  // "Up to $113,000" has no floor; "From $15.00 per hour" and "$150k+" no ceiling.
  if (!b && UP_TO.test(before)) min = null;
  else if (!b && (FROM.test(before) || a.plus)) max = null;
  else if (b?.plus) max = Math.max(lo, hi);
  const text = line.slice(start, periodEnd).trim().replace(/[;,.]$/, '');
  return {
    range: {
      min,
      max,
      currency,
      period: finalPeriod,
      text,
      estimated: ESTIMATE.test(line.slice(Math.max(0, start - 60), periodEnd + 60)),
      periodInferred,
    },
    payWord,
  };
}

/** The shared sign the range was written with ("$", "kr"), for reading with the local currency. */
function sharedSign(line: string, a: Amount, b: Amount | null): string {
  const text = line.slice(a.start, (b ?? a).end);
  return Object.keys(SHARED_SYMBOLS).find((sign) => text.toLowerCase().includes(sign)) ?? '';
}
