// The query language: free words plus filters written as plain words or key:value, in any of the five languages
// questions come in, read the way a person means them. Words that are not filters rank roles; they never veto one.
import {
  annualize,
  currencyOf,
  findPlace,
  fold,
  foldKey,
  isSpecificCurrency,
  PAY_PERIODS,
  PLACES,
  placeAreas,
  QUESTION_WORK_MODES,
  SENIORITIES,
  SENIORITY_WORDS,
  SKILL_NAMES,
  THOUSAND_WORDS,
  USD_PER_UNIT,
  workModeOf,
  periodOf,
  WORK_MODE_LABELS,
  type PayPeriod,
  type Seniority,
  type WorkMode,
} from '../postings/index.ts';
import { isFunctionWord } from './text.ts';

export interface PayFloor {
  /** A yearly amount. */
  amount: number;
  currency: string;
}

export interface Filters {
  workModes: WorkMode[];
  companies: string[];
  excludeCompanies: string[];
  seniorities: Seniority[];
  /** Top of the yearly pay at least / at most this. */
  payFloor: PayFloor | null;
  payCeiling: PayFloor | null;
  places: string[];
  skills: string[];
  /** "PyTorch or XGBoost" asks for either; "Python and SQL" (or just both words) asks for both. */
  anySkill: boolean;
  /** Pay stated in one of these currencies / per one of these periods. */
  currencies: string[];
  periods: PayPeriod[];
  /** The years the posting asks for: at most / at least. */
  yearsMax: number | null;
  yearsMin: number | null;
  /** Posted within this many days of now. */
  postedWithinDays: number | null;
  /** The posting states pay (true) or states none (false). */
  listsPay: boolean | null;
  /** Only these roles: a follow-up about the roles of the previous answer. */
  ids: string[] | null;
}

export type Sort = 'relevance' | 'pay-desc' | 'pay-asc' | 'newest';

export interface ParsedQuery {
  /** The text as typed. */
  text: string;
  /** Free words: they rank roles. */
  words: string[];
  /** Words that must not appear. */
  excludedWords: string[];
  filters: Filters;
  sort: Sort;
  /** How ambiguous words were read, in words a person understands. */
  readings: string[];
}

/** What the parser needs to know of the corpus. */
export interface Vocabulary {
  /** Company names as written. */
  companies: string[];
  /** Whether a word is common in the postings' text, so a one-word company of that name needs "at" or a capital. */
  common?: (word: string) => boolean;
  /** Whether the postings hold the word as written: such a word is searched, never read as a typo of a filter. */
  known?: (word: string) => boolean;
}

export interface ParseOptions {
  /** Words the caller has read already (a question's own words: "pay", "compare"): never searched. */
  ignore?: (folded: string) => boolean;
}

export function emptyFilters(): Filters {
  return {
    workModes: [], companies: [], excludeCompanies: [], seniorities: [], payFloor: null, payCeiling: null, places: [], skills: [], anySkill: false,
    currencies: [], periods: [], yearsMax: null, yearsMin: null, postedWithinDays: null, listsPay: null, ids: null,
  };
}

const SHORT_PLACES = new Set(['sf', 'ny', 'nyc', 'uk', 'usa', 'eu', 'dc', 'emea', 'apac', 'latam', 'eua']);
/** Short places that are also words: read as places only as written in capitals ("LA", "US"). */
const CAPITAL_PLACES = new Set(['la', 'us']);

const SKILL_BY_LOWER = new Map(SKILL_NAMES.map((s) => [s.toLowerCase(), s]));
for (const [alias, name] of [['golang', 'Go'], ['k8s', 'Kubernetes'], ['postgres', 'PostgreSQL'], ['js', 'JavaScript'], ['ts', 'TypeScript'], ['sklearn', 'scikit-learn'], ['torch', 'PyTorch'], ['node', 'Node.js'], ['nodejs', 'Node.js'], ['react.js', 'React'], ['reactjs', 'React'], ['elastic', 'Elasticsearch'], ['mongo', 'MongoDB'], ['tf', 'TensorFlow'], ['csharp', 'C#'], ['cpp', 'C++'], ['dotnet', '.NET']] as const) {
  SKILL_BY_LOWER.set(alias, name);
}
// Skills that are also ordinary words are read as skills only when the query gives a reason (see below).
const AMBIGUOUS_SKILLS = new Set(['go', 'r', 'c', 'rest', 'spark', 'ray', 'swift', 'excel', 'chroma', 'git', 'dart', 'rust', 'julia', 'react', 'spring', 'flask', 'looker', 'statistics', 'embeddings']);
// Topics more than tools: searched as words, so a role about them is found even when the skill list misses them.
const TOPIC_SKILLS = new Set(['machine', 'deep', 'computer', 'natural', 'data', 'search', 'recommender', 'reinforcement']);
const MULTIWORD_SKILLS = SKILL_NAMES.filter((s) => s.includes(' ')).map((s) => s.toLowerCase().split(' '));

/** Words after which a currency name or code is the currency of pay: "paid in euros", "paying AUD", "en dólares". */
const PAY_CUES = new Set(['in', 'paid', 'paying', 'pays', 'pay', 'en', 'em', 'in', 'salary', 'gehalt', 'salaire', 'salario', 'pagado', 'pagos', 'payes']);

/** Words for years after a number ("5 years", "3 Jahre", "2 ans", "4 años"): the period lexicon's units for a year, their plurals, and "y"/"yoe". */
const YEAR_WORDS = new Set(['y', 'yoe', ...PAY_PERIODS.year.units.map(fold).flatMap((u) => [u, `${u}s`, `${u}e`, `${u}en`])]);
/** Comparators before a number: "over 150k", "under 3 years", "mehr als", "moins de", "al menos", "até". */
const COMPARATORS: Array<[string, 'gt' | 'min' | 'lt' | 'max']> = [
  ['more than', 'gt'], ['greater than', 'gt'], ['over', 'gt'], ['above', 'gt'], ['mehr als', 'gt'], ['uber', 'gt'], ['plus de', 'gt'], ['mas de', 'gt'],
  ['mais de', 'gt'], ['acima de', 'gt'], ['superieur a', 'gt'],
  ['at least', 'min'], ['min', 'min'], ['minimum', 'min'], ['from', 'min'], ['paying', 'min'], ['pays', 'min'], ['pay', 'min'], ['ab', 'min'], ['mindestens', 'min'],
  ['au moins', 'min'], ['al menos', 'min'], ['pelo menos', 'min'], ['no minimo', 'min'], ['a partir de', 'min'], ['desde', 'min'],
  ['less than', 'lt'], ['fewer than', 'lt'], ['under', 'lt'], ['below', 'lt'], ['weniger als', 'lt'], ['unter', 'lt'], ['moins de', 'lt'],
  ['menos de', 'lt'], ['abaixo de', 'lt'], ['inferieur a', 'lt'],
  ['at most', 'max'], ['up to', 'max'], ['max', 'max'], ['maximum', 'max'], ['no more than', 'max'], ['bis zu', 'max'], ['bis', 'max'], ['hochstens', 'max'],
  ['au plus', 'max'], ["jusqu'a", 'max'], ['hasta', 'max'], ['ate', 'max'], ['no maximo', 'max'], ['como maximo', 'max'],
];

const normCompany = foldKey;

/**
 * The work mode a phrase of a question names: a label of the work-mode lexicon, a question's own phrasing ("from
 * home"), or a plural or feminine form of either ("remotas", "presenciales", "presenciais", "hybriden").
 */
function modeOf(phrase: string): WorkMode | null {
  const own = QUESTION_WORK_MODES[phrase];
  if (own) return own;
  for (const v of [phrase, phrase.replace(/s$/, ''), phrase.replace(/es$/, ''), phrase.replace(/en$/, ''), phrase.replace(/as?$/, 'o'), phrase.replace(/ais$/, 'al')]) {
    const m = workModeOf(v);
    if (m) return m;
  }
  return null;
}

/**
 * Phrases that name a pay period in a question, from the period lexicon: the words that say it alone ("hourly",
 * "monatlich", "por hora") and a unit after "per", "a", "by the", "pro", "par", "por" … ("per month", "à l'heure").
 * A bare unit ("an", "tag", "mes") is not one: it is an ordinary word too often.
 */
const PERIOD_PHRASES = new Map<string, PayPeriod>();
for (const [period, w] of Object.entries(PAY_PERIODS) as Array<[PayPeriod, (typeof PAY_PERIODS)[PayPeriod]]>) {
  for (const phrase of [...w.adverbs, ...w.before]) if (phrase.length > 2 && !PERIOD_PHRASES.has(fold(phrase))) PERIOD_PHRASES.set(fold(phrase), period);
  for (const unit of w.units) {
    if (unit.length < 2) continue;
    for (const per of ['per', 'a', 'an', 'by the', 'pay by the', 'paid by the', 'each', 'pro', 'je', 'par', 'por', 'al', 'ao', 'a la', 'la']) PERIOD_PHRASES.set(fold(`${per} ${unit}`), period);
    PERIOD_PHRASES.set(fold(`a l'${unit}`), period);
    PERIOD_PHRASES.set(fold(`de l'${unit}`), period);
  }
}
const periodOfPhrase = (phrase: string): PayPeriod | null => PERIOD_PHRASES.get(phrase) ?? null;
/** The levels a phrase names, in the singular or the plural ("new grads", "directores", "Praktikanten"). */
const levelsOf = (phrase: string): Seniority[] | null => SENIORITY_WORDS[phrase] ?? (phrase.length > 4 ? SENIORITY_WORDS[phrase.replace(/(?:s|es|en|n)$/, '')] ?? null : null);

/**
 * "150k", "$150,000", "€80k", "150000", "chf120k", "80keur" → a pay amount; null when the word is not money. The sign
 * or code before or after the number is read by the currency lexicon, so every currency it knows is understood.
 */
export function readMoney(word: string): PayFloor | null {
  const m = /^([^\d\s]{0,4}?)(\d{1,3}(?:[,.]\d{3})+|\d{1,9}(?:\.\d{1,2})?)(k|m)?([^\d\s+]{0,4})\+?$/i.exec(word);
  if (!m) return null;
  const sym = (m[1] || m[4] || '').toLowerCase();
  if (m[1] && m[4]) return null;
  let n = Number(m[2]!.replace(/[,.](?=\d{3}\b)/g, ''));
  if (m[3]?.toLowerCase() === 'k') n *= 1000;
  if (m[3]?.toLowerCase() === 'm') n *= 1_000_000;
  if (!sym && !m[3] && n < 10_000) return null; // a bare "5" is not money
  const currency = sym ? currencyOf(sym) : 'USD';
  return currency && USD_PER_UNIT[currency] ? { amount: n, currency } : null;
}

/** Whether two words are one typo apart (an edit or a swap of neighbours); both short, so this is cheap. */
export function oneTypo(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length < 3; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/**
 * Filter words a typo of which is read as the filter ("remtoe", "senoir"): the one-word work-mode labels and level
 * words of the lexicons, six letters or more ("office" aside: it is too near "officer" and "offices").
 */
const FILTER_WORDS_FOR_TYPOS = [...new Set([...Object.values(WORK_MODE_LABELS).flat(), ...Object.keys(SENIORITY_WORDS)].map(fold))].filter((w) => w.length >= 6 && /^\p{L}+$/u.test(w) && w !== 'office');

/** Place names of one word, six letters or more, for typo matching ("seatle"). */
let placeWords: string[] | null = null;
function typoPlace(word: string): string | null {
  if (word.length < 5) return null;
  placeWords ??= [...new Set((PLACE_NAMES_FOR_TYPOS()).filter((w) => w.length >= 6 && !w.includes(' ')))];
  for (const w of placeWords) if (w[0] === word[0] && oneTypo(w, word)) return findPlace(w)?.name ?? null;
  return null;
}
function PLACE_NAMES_FOR_TYPOS(): string[] {
  return PLACES.filter((p) => p.kind === 'city' || p.kind === 'country').flatMap((p) => [p.name, ...p.aliases]).map(fold);
}

/** Phrases read from the whole text first, then blanked out: each sets a filter or the order. */
const PHRASES: Array<[RegExp, (q: ParsedQuery, m: RegExpExecArray) => void]> = [
  [/\b(?:(?:do|does|did)(?: not|n'?t) (?:list|state|show|mention|include|have|say)|(?:not|never) (?:listing|stating|showing|mentioning)|without|with no|no|sin|ohne|sans|sem|unlisted|undisclosed)(?: an?| any| the)? (?:pay|salary|salaries|salary range|pay range|compensation|comp|wage|gehalt|gehaltsangabe|salaire|remuneration|salario|sueldo|remuneracao)\b|\b(?:pay|salary|compensation) (?:is )?(?:not|un)(?:listed|stated|disclosed)\b/g, (q) => void (q.filters.listsPay = false)],
  [/\b(?:list|lists|listing|listed|state|states|stating|show|shows|showing|include|includes|mention|mentions|with|has|have|com|con|mit|avec)(?: an?| the| any| their)? (?:pay|salary|salaries|salary range|pay range|compensation|gehalt|gehaltsangabe|salaire|salario|sueldo|remuneracao)(?: listed| stated| range| info)?\b/g, (q) => void (q.filters.listsPay = true)],
  [/\b(?:(?:highest|best|top|better|greatest)[ -]?(?:paying|paid|pay|salar(?:y|ies))|(?:pays?|paying) (?:the )?(?:most|best)|most (?:money|pay)|mieux payes?|plus payes?|mieux remuneres?|mejor pagad[oa]s?|mas pagad[oa]s?|mejores salarios|mais bem pag[oa]s?|mais pag[oa]s?|melhores salarios|best ?bezahlte?n?|hochste[nm]? gehalt|meiste[nm]? gehalt|am besten bezahlte?n?)\b/g, (q) => void (q.sort = 'pay-desc')],
  [/\b(?:(?:lowest|worst|least)[ -]?(?:paying|paid|pay|salar(?:y|ies))|(?:pays?|paying) (?:the )?least|moins payes?|moins bien payes?|peor pagad[oa]s?|menos pagad[oa]s?|mais mal pag[oa]s?|menos pag[oa]s?|schlechtest bezahlte?n?|niedrigste[nm]? gehalt)\b/g, (q) => void (q.sort = 'pay-asc')],
  [/\b(?:newest|latest|most recent|recently posted|just posted|neueste[nmr]?|aktuellste[nmr]?|(?:les )?plus recent(?:e|s|es)?|(?:los |las )?mas recientes?|(?:as |os )?mais recentes|ultimas|ultimos)\b/g, (q) => void (q.sort = 'newest')],
  [/\b(?:(?:posted|published|added|new) )?(?:in the (?:last|past) (\d{1,3}) days|today|yesterday|this week|last week|this month|past week|heute|gestern|diese woche|letzte woche|diesen monat|aujourd'hui|hier|cette semaine|ce mois|hoy|ayer|esta semana|este mes|hoje|ontem)\b/g, (q, m) => {
    if (!POSTED.test(q.text)) return;
    const w = m[0];
    q.filters.postedWithinDays = m[1] ? Number(m[1]) : /today|heute|aujourd|hoy|hoje/.test(w) ? 1 : /yesterday|gestern|hier|ayer|ontem/.test(w) ? 2 : /month|monat|mois|mes/.test(w) ? 31 : 7;
  }],
];
const POSTED = /\b(?:posted|published|added|new|neu|neue|neuen|nouvelles?|nouveaux|publiee?s?|nuev[oa]s|publicad[oa]s|nov[oa]s|postad[oa]s|veroffentlicht|eingestellt|any)\b/i;

/** Reads a query such as `remote ranking`, `staff at reddit 150k+ -company:acme python "feed relevance"`. */
export function parseQuery(text: string, vocab: Vocabulary, opts: ParseOptions = {}): ParsedQuery {
  const q: ParsedQuery = { text, words: [], excludedWords: [], filters: emptyFilters(), sort: 'relevance', readings: [] };
  const companies = compileCompanies(vocab.companies);
  const f = q.filters;
  const add = <T>(list: T[], v: T): void => {
    if (!list.includes(v)) list.push(v);
  };
  // Punctuation that ends a clause goes; so do Spanish opening marks. Apostrophes stay ("l'heure", "who's").
  let clean = text.replace(/[¿¡]/g, ' ').replace(/[?!,;]+(\s|$)/g, ' ').replace(/[“”]/g, '"').replace(/[’‘`´]/g, "'");
  // Phrases over the folded text; the folded and original texts keep the same length only for ASCII, so the
  // phrases are matched and blanked on the folded text, which the tokens below are read from.
  let folded = fold(clean);
  if (folded.length !== clean.length) clean = folded;
  for (const [re, apply] of PHRASES) {
    folded = folded.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      apply(q, m);
      return ' '.repeat(String(args[0]).length);
    });
  }
  const raw: string[] = [];
  const lower: string[] = [];
  // Tokens from the blanked text, with the original spelling kept for capitals ("LA", "Go").
  for (const m of folded.matchAll(/-?[^\s"]*"[^"]*"|-?[^\s"]+/g)) {
    const orig = clean.slice(m.index!, m.index! + m[0].length);
    const low = m[0].replace(/[.:]+$/, '').replace(/^'+|'+$/g, '');
    // A hyphenated word that is not itself known is its parts: "Remote-Jobs", "est-ce", "a-t-il".
    if (low.includes('-') && !low.startsWith('-') && !known(low) && !/^[\d$€£]/.test(low)) {
      const parts = low.split('-').filter(Boolean);
      let at = 0;
      for (const p of parts) {
        const i = orig.toLowerCase().indexOf(p, at);
        raw.push(i >= 0 ? orig.slice(i, i + p.length) : p);
        lower.push(p);
        at = i >= 0 ? i + p.length : at;
      }
      continue;
    }
    raw.push(orig.replace(/[.:]+$/, ''));
    lower.push(low);
  }
  const hasContext = lower.some((t) => SKILL_BY_LOWER.has(t) && !AMBIGUOUS_SKILLS.has(t)) || /\b(need|needs|using|use|uses|with|know|knows|skill|skills|language|stack|written in|experience|mit|avec|con|com|require|requires|developer|engineer|entwickler|desenvolvedor|desarrollador|developpeur)\b/i.test(text);
  /** The longest phrase of up to three words at i that a lookup knows, with what it names. */
  const phraseAt = <T>(i: number, lookup: (phrase: string) => T | null): { key: string; value: T; length: number } | null => {
    for (let n = 3; n >= 1; n--) {
      if (i + n > lower.length) continue;
      const key = lower.slice(i, i + n).join(' ');
      const value = lookup(key);
      if (value !== null) return { key, value, length: n };
    }
    return null;
  };
  const comparatorAt = (i: number): { kind: 'gt' | 'min' | 'lt' | 'max'; length: number } | null => {
    for (const [phrase, kind] of COMPARATORS) {
      const parts = phrase.split(' ');
      if (parts.every((p, k) => lower[i + k] === p)) return { kind, length: parts.length };
    }
    return null;
  };
  /** Money at i, with a following period ("$50/hr", "60 an hour", "4k per month") made yearly. */
  const moneyAt = (i: number): { money: PayFloor; length: number } | null => {
    let tok = lower[i] ?? '';
    let period: PayPeriod | null = null;
    // "$50/hr", "4k/mo", "60k/yr": the unit after the slash, read by the period lexicon.
    const slash = /^(.+?)\/(\p{L}{1,7})$/u.exec(tok);
    const slashPeriod = slash ? periodOf(slash[2]) : null;
    if (slash && slashPeriod) {
      tok = slash[1]!;
      period = slashPeriod;
    }
    // "150 mil", "80 grand", "100 tausend": a number and a word for thousands.
    const thousands = /^\d{1,3}(?:[.,]\d)?$/.test(tok) && THOUSAND_WORDS.has(lower[i + 1] ?? '') ? Number(tok.replace(',', '.')) * 1000 : null;
    const money = thousands !== null ? { amount: thousands, currency: 'USD' } : readMoney(tok) ?? (/^\d{2,3}$/.test(tok) && (period || phraseAt(i + 1, periodOfPhrase)) ? { amount: Number(tok), currency: 'USD' } : null);
    if (!money) return null;
    let length = thousands !== null ? 2 : 1;
    // "80k euros", "60.000 EUR": a currency written after a bare amount.
    const after = lower[i + length] ?? '';
    const named = after && (isSpecificCurrency(after) || /^[a-z]{3}$/.test(after)) ? currencyOf(after) : null;
    if (named && USD_PER_UNIT[named] && /^[\d.,]+k?\+?$/.test(tok)) {
      money.currency = named;
      length++;
    }
    const per = period ? null : phraseAt(i + length, periodOfPhrase);
    if (per) {
      period = per.value;
      length += per.length;
    }
    if (period) money.amount = annualize({ min: money.amount, max: money.amount, currency: money.currency, period, text: '', estimated: false, periodInferred: false }).max!;
    return { money, length };
  };
  const yearsAt = (i: number): { n: number; plus: boolean; length: number } | null => {
    const m = /^(\d{1,2})(\+)?$/.exec(lower[i] ?? '');
    if (!m) return null;
    let j = i + 1;
    let plus = Boolean(m[2]);
    if (lower[j] === '+') {
      plus = true;
      j++;
    }
    if (!YEAR_WORDS.has(lower[j] ?? '')) return null;
    // "50 an hour": "an" begins a pay period here, not the French year.
    if ((phraseAt(j, periodOfPhrase)?.length ?? 0) > 1) return null;
    return { n: Number(m[1]), plus, length: j - i + 1 };
  };

  for (let i = 0; i < raw.length; i++) {
    let tok = lower[i]!;
    if (!tok) continue;
    let negate = false;
    if (tok.startsWith('-') && tok.length > 1 && !/^-\d/.test(tok)) {
      negate = true;
      tok = tok.slice(1);
    }
    // "not at acme" / "not acme" / "except acme" / "ohne acme"
    if (['not', 'non', 'except', 'excluding', 'without', 'ausser', 'kein', 'keine', 'sauf', 'excepto', 'menos', 'exceto', 'sem', 'sin', 'ohne'].includes(tok) && i + 1 < raw.length) {
      negate = true;
      i++;
      tok = lower[i]!;
      if (['at', 'bei', 'chez', 'en', 'na', 'no', 'da', 'do'].includes(tok) && i + 1 < raw.length) {
        i++;
        tok = lower[i]!;
      }
    }
    // key:value
    const kv = /^([a-z]+):(.+)$/.exec(tok);
    if (kv && !/^https?$/.test(kv[1]!)) {
      const [, key, value] = kv as unknown as [string, string, string];
      const v = value.replace(/^"|"$/g, '');
      if (key === 'company' || key === 'at') {
        const match = companies.all.find((c) => c.parts.join(' ') === normCompany(v)) ?? companies.all.find((c) => c.parts.join(' ').startsWith(normCompany(v)));
        const name = match?.name ?? v;
        if (negate) add(f.excludeCompanies, name);
        else add(f.companies, name);
        continue;
      }
      if (key === 'mode' || key === 'workmode' || key === 'work') {
        const mode = modeOf(v);
        if (mode) add(f.workModes, mode);
        continue;
      }
      if (key === 'level' || key === 'seniority') {
        for (const s of SENIORITY_WORDS[v] ?? (SENIORITIES.includes(v as Seniority) ? [v as Seniority] : [])) add(f.seniorities, s);
        continue;
      }
      if (key === 'salary' || key === 'pay' || key === 'min') {
        const money = readMoney(v);
        if (money) f.payFloor = money;
        continue;
      }
      if (key === 'location' || key === 'loc' || key === 'in' || key === 'place') {
        const p = findPlace(v.replace(/[-_]/g, ' '));
        add(f.places, p?.name ?? v);
        continue;
      }
      if (key === 'skill' || key === 'skills' || key === 'tech') {
        add(f.skills, SKILL_BY_LOWER.get(v) ?? v);
        continue;
      }
      if (key === 'currency' && currencyOf(v)) {
        add(f.currencies, currencyOf(v)!);
        continue;
      }
    }
    // "between 70k and 100k", "zwischen", "entre … et/y/e …"
    if (['between', 'zwischen', 'entre'].includes(tok)) {
      const lo = moneyAt(i + 1);
      if (lo && ['and', 'und', 'et', 'y', 'e', 'to', 'a', '-'].includes(lower[i + 1 + lo.length] ?? '')) {
        const hi = moneyAt(i + 2 + lo.length);
        if (hi) {
          if (hi.money.currency === 'USD' && lo.money.currency !== 'USD') hi.money.currency = lo.money.currency;
          f.payFloor = lo.money;
          f.payCeiling = hi.money;
          i += 1 + lo.length + hi.length;
          continue;
        }
      }
    }
    // "over 150k", "under 3 years", ">150k", "at least 5 years", "weniger als 3 Jahre".
    const cmpSym = /^(>=?|≥|<=?|≤)(.+)$/.exec(tok);
    if (cmpSym && readMoney(cmpSym[2]!)) {
      if (cmpSym[1]!.startsWith('<') || cmpSym[1] === '≤') f.payCeiling = readMoney(cmpSym[2]!);
      else f.payFloor = readMoney(cmpSym[2]!);
      continue;
    }
    const cmp = comparatorAt(i);
    if (cmp) {
      const years = yearsAt(i + cmp.length);
      if (years) {
        if (cmp.kind === 'gt') f.yearsMin = years.n + 1;
        else if (cmp.kind === 'min') f.yearsMin = years.n;
        else if (cmp.kind === 'lt') f.yearsMax = Math.max(0, years.n - 1);
        else f.yearsMax = years.n;
        i += cmp.length + years.length - 1;
        continue;
      }
      const money = moneyAt(i + cmp.length);
      if (money) {
        if (cmp.kind === 'lt' || cmp.kind === 'max') f.payCeiling = money.money;
        else f.payFloor = money.money;
        i += cmp.length + money.length - 1;
        continue;
      }
    }
    const years = yearsAt(i);
    if (years) {
      // "5+ years" asks for roles wanting five or more; "1 year of experience" is what the person has.
      if (years.plus) f.yearsMin = years.n;
      else f.yearsMax = years.n;
      i += years.length - 1;
      continue;
    }
    const money = moneyAt(i);
    if (money && (tok.endsWith('+') || /[k$€£₹]/.test(tok) || money.length > 1)) {
      f.payFloor = money.money;
      i += money.length - 1;
      continue;
    }
    // Company names, longest first: "at reddit", "reddit", "lumen pay".
    if (['at', '@', 'bei', 'chez', 'na', 'da', 'do', 'en', 'for'].includes(tok) && i + 1 < raw.length) {
      const m = matchCompany(companies, lower, i + 1);
      if (m) {
        if (negate) add(f.excludeCompanies, m.name);
        else add(f.companies, m.name);
        i += m.length;
        continue;
      }
    }
    const company = matchCompany(companies, lower, i);
    // A one-word company whose name is a common word ("Found", "Marker") needs a capital or "at".
    if (company && (company.length > 1 || !vocab.common?.(tok) || /\p{Lu}/u.test(raw[i]!) || negate)) {
      if (negate) add(f.excludeCompanies, company.name);
      else add(f.companies, company.name);
      i += company.length - 1;
      continue;
    }
    // "non-remote", "not remote", "kein Homeoffice": every other work mode.
    const tokMode = negate ? modeOf(tok) : null;
    const notMode = tokMode ? { value: tokMode, length: 1 } : negate ? phraseAt(i, modeOf) : null;
    if (notMode) {
      for (const m of Object.keys(WORK_MODE_LABELS) as WorkMode[]) if (m !== notMode.value) add(f.workModes, m);
      i += notMode.length - 1;
      continue;
    }
    if (negate) {
      add(q.excludedWords, tok.replace(/^"|"$/g, ''));
      continue;
    }
    // Work mode: "remote", "on site", "vor Ort", "télétravail", "from home".
    const mode = phraseAt(i, modeOf);
    if (mode && !(mode.key === 'office' && i > 0 && !['in', 'an', 'the'].includes(lower[i - 1]!)) && !(mode.key === 'office' && lower[i + 1] && !isFunctionWord(lower[i + 1]!))) {
      add(f.workModes, mode.value);
      i += mode.length - 1;
      continue;
    }
    // Seniority: "senior staff" is one level.
    const level = phraseAt(i, levelsOf);
    if (level && !(level.key === 'head' && lower[i + 1] === 'coach')) {
      for (const s of level.value) add(f.seniorities, s);
      i += level.length - 1;
      continue;
    }
    // Places, longest first: "new york", "san francisco", "sf", "europe".
    const place = matchPlace(lower, raw, i);
    if (place) {
      add(f.places, place.name);
      i += place.length - 1;
      continue;
    }
    // Currencies and pay periods standing alone: "paid in euros", "hourly jobs".
    const period = phraseAt(i, periodOfPhrase);
    if (period) {
      add(f.periods, period.value);
      i += period.length - 1;
      continue;
    }
    // A currency named in several words: "australian dollars", "aussie dollars", "francs suisses".
    const named = phraseAt(i, (p) => (p.includes(' ') && isSpecificCurrency(p) ? currencyOf(p) : null));
    if (named && USD_PER_UNIT[named.value]) {
      add(f.currencies, named.value);
      i += named.length - 1;
      continue;
    }
    // A currency standing alone: a name ("euros", "pounds"), a code in capitals ("AUD"), or any after "in"/"paid".
    const currency = currencyOf(tok);
    if (currency && USD_PER_UNIT[currency] && !SKILL_BY_LOWER.has(tok) && !/^[$€£¥₹]$/.test(tok) && ((tok.length >= 5 && isSpecificCurrency(tok)) || /^[A-Z]{3}$/.test(raw[i]!) || PAY_CUES.has(lower[i - 1] ?? ''))) {
      add(f.currencies, currency);
      continue;
    }
    // Skills: multi-word first ("machine learning" stays free text: it is a topic, not a filter).
    const multi = MULTIWORD_SKILLS.find((parts) => parts.length > 1 && parts.every((p, k) => lower[i + k] === p) && !TOPIC_SKILLS.has(parts[0]!));
    if (multi) {
      add(f.skills, SKILL_NAMES.find((s) => s.toLowerCase() === multi.join(' '))!);
      i += multi.length - 1;
      continue;
    }
    const skill = SKILL_BY_LOWER.get(tok);
    if (skill && (!AMBIGUOUS_SKILLS.has(tok) || hasContext || raw[i] === skill)) {
      add(f.skills, skill);
      if (AMBIGUOUS_SKILLS.has(tok)) q.readings.push(`“${raw[i]}” read as the skill ${skill}`);
      continue;
    }
    let word = tok.replace(/^"|"$/g, '');
    // French and Italian elisions: "d'expérience", "l'offre", "qu'il" are the word after the apostrophe.
    const elided = /^(?:l|d|qu|j|n|s|c|m|t|dell|all|nell)'(.+)$/.exec(word);
    if (elided && !isFunctionWord(word)) word = elided[1]!;
    if (!word || isFunctionWord(word) || opts.ignore?.(word) || !/[\p{L}\p{N}]/u.test(word)) continue;
    // A filter word one typo off ("remtoe", "senoir", "seatle").
    // "settle" is a word of its own, not "seattle": a word the postings hold is searched as written.
    const known = vocab.known?.(word) ?? false;
    const typo = word.length >= 5 && !known ? FILTER_WORDS_FOR_TYPOS.find((w) => oneTypo(w, word)) : undefined;
    if (typo) {
      const typoMode = modeOf(typo);
      if (typoMode) add(f.workModes, typoMode);
      else for (const s of SENIORITY_WORDS[typo] ?? []) add(f.seniorities, s);
      q.readings.push(`“${raw[i]}” read as ${typo}`);
      continue;
    }
    const typoPlaceName = known ? null : typoPlace(word);
    if (typoPlaceName) {
      add(f.places, typoPlaceName);
      q.readings.push(`“${raw[i]}” read as ${typoPlaceName}`);
      continue;
    }
    q.words.push(word);
  }
  // "Bern Switzerland", "Austin, Texas": a broader place that holds a narrower one named beside it only qualifies it.
  if (f.places.length > 1) f.places = f.places.filter((b) => !f.places.some((a) => a !== b && placeAreas(a).includes(b)));
  if (f.skills.length > 1 && /\b(or|oder|ou|o)\b/i.test(text) && !/\b(and|und|et|y|e)\b/i.test(text)) f.anySkill = true;
  if (f.workModes.includes('remote') && f.places.length) q.readings.push(`remote roles open to people in ${f.places.join(' or ')}`);
  const foreign = [f.payFloor, f.payCeiling].find((m) => m && m.currency !== 'USD');
  if (foreign) q.readings.push(`pay in other currencies compared at fixed rates (1 ${foreign.currency} ≈ $${USD_PER_UNIT[foreign.currency]})`);
  return q;
}

/** Words the filters know whole, so a hyphen inside them is kept ("on-site", "entry-level", "senior-staff"). */
function known(w: string): boolean {
  return modeOf(w) !== null || w in SENIORITY_WORDS || PERIOD_PHRASES.has(w) || SKILL_BY_LOWER.has(w) || findPlace(w) !== null || /^[a-z]+:/.test(w);
}

interface CompanyMatcher {
  /** Companies by the first word of their normalised name. */
  byFirst: Map<string, Array<{ name: string; parts: string[] }>>;
  all: Array<{ name: string; parts: string[] }>;
}

// Compiled once per vocabulary array: the index hands out the same array until its companies change.
const compiled = new WeakMap<string[], CompanyMatcher>();

/** Legal forms and filler a person leaves out when naming a company: "Tousley Motorsports" for "…, Inc.". */
const COMPANY_TAIL = new Set(['inc', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'companies', 'gmbh', 'ag', 'sa', 'sas', 'srl', 's r l', 'bv', 'plc', 'lp', 'llp', 'pc', 'group', 'the', 'n a', 'na']);

function compileCompanies(names: string[]): CompanyMatcher {
  let m = compiled.get(names);
  if (!m) {
    const all: Array<{ name: string; parts: string[] }> = [];
    for (const c of names) {
      const parts = normCompany(c).split(' ').filter(Boolean);
      if (!parts.length) continue;
      all.push({ name: c, parts });
      // Also without a trailing legal form: "JPMorgan Chase Bank, N.A." answers to "JPMorgan Chase Bank".
      let n = parts.length;
      while (n > 1 && COMPANY_TAIL.has(parts[n - 1]!)) n--;
      if (n < parts.length) all.push({ name: c, parts: parts.slice(0, n) });
    }
    const byFirst = new Map<string, Array<{ name: string; parts: string[] }>>();
    for (const c of all) {
      // A one-word company named like a function word or a filter word ("The", "Remote", "Senior", "London") is
      // read as that word: a posting whose company line was misread must not capture every question using it.
      if (c.parts.length === 1 && (isFunctionWord(c.parts[0]!) || known(c.parts[0]!) || isSpecificCurrency(c.parts[0]!))) continue;
      byFirst.set(c.parts[0]!, [...(byFirst.get(c.parts[0]!) ?? []), c]);
    }
    m = { byFirst, all };
    compiled.set(names, m);
  }
  return m;
}

function matchCompany(companies: CompanyMatcher, lower: string[], i: number): { name: string; length: number } | null {
  let best: { name: string; length: number } | null = null;
  for (const c of companies.byFirst.get(normCompany(lower[i] ?? '')) ?? []) {
    const n = c.parts.length;
    if (c.parts.every((p, k) => normCompany(lower[i + k] ?? '') === p) && (!best || n > best.length)) best = { name: c.name, length: n };
  }
  // Only the first word of a longer name ("jpmorgan" for "JPMorgan Chase Bank"), when it is distinctive.
  if (!best) {
    const first = normCompany(lower[i] ?? '');
    const hits = (companies.byFirst.get(first) ?? []).filter((c) => c.parts.length > 1);
    const names = [...new Set(hits.map((c) => c.name))];
    if (names.length === 1 && first.length >= 4 && !isFunctionWord(first) && !known(first)) best = { name: names[0]!, length: 1 };
  }
  return best;
}

function matchPlace(lower: string[], raw: string[], i: number): { name: string; length: number } | null {
  for (let n = 4; n >= 1; n--) {
    if (i + n > lower.length) continue;
    const phrase = lower.slice(i, i + n).join(' ');
    if (n === 1 && phrase.length <= 3 && !SHORT_PLACES.has(phrase) && !(CAPITAL_PLACES.has(phrase) && raw[i] === raw[i]!.toUpperCase())) continue;
    if (n === 1 && isFunctionWord(phrase) && !(CAPITAL_PLACES.has(phrase) && raw[i] === raw[i]!.toUpperCase())) continue;
    const p = findPlace(phrase);
    if (p) return { name: p.name, length: n };
  }
  return null;
}

const money = (m: PayFloor): string => `${m.currency === 'USD' ? '$' : ''}${Math.round(m.amount / 1000)}k${m.currency === 'USD' ? '' : ` ${m.currency}`}`;

/** The filters as words a person could type again; used in headings, "try instead" and "I understood". */
export function describeFilters(f: Filters): string[] {
  const out: string[] = [];
  if (f.workModes.length) out.push(f.workModes.join(' or '));
  if (f.seniorities.length) out.push(f.seniorities.join(' or '));
  if (f.companies.length) out.push(`at ${f.companies.join(' or ')}`);
  if (f.excludeCompanies.length) out.push(`not at ${f.excludeCompanies.join(', ')}`);
  if (f.places.length) out.push(`in ${f.places.join(' or ')}`);
  if (f.skills.length) out.push(`using ${f.skills.join(f.anySkill ? ' or ' : ' and ')}`);
  if (f.payFloor) out.push(`paying ${money(f.payFloor)}+ a year`);
  if (f.payCeiling) out.push(`paying up to ${money(f.payCeiling)} a year`);
  if (f.currencies.length) out.push(`paid in ${f.currencies.join(' or ')}`);
  if (f.periods.length) out.push(`paid by the ${f.periods.join(' or ')}`);
  if (f.yearsMax !== null) out.push(`asking at most ${f.yearsMax} years`);
  if (f.yearsMin !== null) out.push(`asking ${f.yearsMin}+ years`);
  if (f.postedWithinDays !== null) out.push(`posted in the last ${f.postedWithinDays} days`);
  if (f.listsPay === true) out.push('listing pay');
  if (f.listsPay === false) out.push('not listing pay');
  if (f.ids) out.push(`among the ${f.ids.length} roles before`);
  return out;
}

/** Whether a query asks for anything at all: a filter, a word or an order. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return !q.words.length && !q.excludedWords.length && !describeFilters(q.filters).length && q.sort === 'relevance';
}
