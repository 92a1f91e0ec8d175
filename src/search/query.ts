// The query language: free words plus filters written as plain words or key:value, read the way a person means them.
import { findPlace, foldKey, SENIORITIES, SKILL_NAMES, USD_PER_UNIT, type Seniority, type WorkMode } from '../postings/index.ts';
import { isStopword } from './text.ts';

export interface PayFloor {
  amount: number;
  currency: string;
}

export interface Filters {
  workModes: WorkMode[];
  companies: string[];
  excludeCompanies: string[];
  seniorities: Seniority[];
  payFloor: PayFloor | null;
  places: string[];
  skills: string[];
  /** "PyTorch or XGBoost" asks for either; "Python and SQL" (or just both words) asks for both. */
  anySkill: boolean;
}

export interface ParsedQuery {
  /** The text as typed. */
  text: string;
  /** Free words, searched in the index. */
  words: string[];
  /** Words that must not appear. */
  excludedWords: string[];
  filters: Filters;
  /** How ambiguous words were read, in words a person understands. */
  readings: string[];
}

/** What the parser needs to know of the corpus: company names (as written). */
export interface Vocabulary {
  companies: string[];
}

const WORK_MODES: Record<string, WorkMode> = {
  remote: 'remote', remotely: 'remote', wfh: 'remote', hybrid: 'hybrid', onsite: 'onsite', 'on-site': 'onsite', 'in-office': 'onsite',
  office: 'onsite', 'in-person': 'onsite',
};

const SENIORITY_WORDS: Record<string, Seniority[]> = {
  intern: ['intern'], interns: ['intern'], internship: ['intern'], junior: ['junior'], jr: ['junior'], entry: ['junior'],
  mid: ['mid'], 'mid-level': ['mid'], intermediate: ['mid'], senior: ['senior'], sr: ['senior'], staff: ['staff', 'senior-staff'],
  'senior-staff': ['senior-staff'], principal: ['principal'], lead: ['lead'], manager: ['manager'], managers: ['manager'],
  director: ['director'], head: ['director'],
};

const SHORT_PLACES = new Set(['sf', 'ny', 'nyc', 'la', 'uk', 'us', 'usa', 'eu', 'dc', 'emea', 'apac', 'latam']);

const SKILL_BY_LOWER = new Map(SKILL_NAMES.map((s) => [s.toLowerCase(), s]));
for (const [alias, name] of [['golang', 'Go'], ['k8s', 'Kubernetes'], ['postgres', 'PostgreSQL'], ['js', 'JavaScript'], ['ts', 'TypeScript'], ['sklearn', 'scikit-learn'], ['torch', 'PyTorch'], ['node', 'Node.js'], ['nodejs', 'Node.js'], ['react.js', 'React'], ['reactjs', 'React'], ['elastic', 'Elasticsearch'], ['mongo', 'MongoDB'], ['tf', 'TensorFlow'], ['csharp', 'C#'], ['cpp', 'C++'], ['dotnet', '.NET']] as const) {
  SKILL_BY_LOWER.set(alias, name);
}
// Skills that are also ordinary words are read as skills only when the query gives a reason (see below).
const AMBIGUOUS_SKILLS = new Set(['go', 'r', 'c', 'rest', 'spark', 'ray', 'swift', 'excel', 'chroma', 'git', 'dart', 'rust', 'julia', 'react', 'spring', 'flask', 'looker', 'statistics', 'embeddings']);
const MULTIWORD_SKILLS = SKILL_NAMES.filter((s) => s.includes(' ')).map((s) => s.toLowerCase().split(' '));

const normCompany = foldKey;

/** "150k", "$150,000", "€80k", "150000" → a pay floor; null when the word is not money. */
export function readMoney(word: string): PayFloor | null {
  const m = /^(us\$|ca\$|\$|€|£|₹|usd|eur|gbp|cad|inr)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(k|m)?(usd|eur|gbp|cad|inr)?\+?$/i.exec(word);
  if (!m) return null;
  const sym = (m[1] ?? m[4] ?? '').toLowerCase();
  let n = Number(m[2]!.replace(/,/g, ''));
  if (m[3]?.toLowerCase() === 'k') n *= 1000;
  if (m[3]?.toLowerCase() === 'm') n *= 1_000_000;
  if (!m[1] && !m[3] && !m[4] && n < 10_000) return null; // a bare "5" is not money
  const currency = { $: 'USD', 'us$': 'USD', usd: 'USD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP', 'ca$': 'CAD', cad: 'CAD', '₹': 'INR', inr: 'INR' }[sym] ?? 'USD';
  return USD_PER_UNIT[currency] ? { amount: n, currency } : null;
}

function tokens(text: string): string[] {
  // Keep quoted phrases, key:value pairs, signs and money together.
  const out: string[] = [];
  for (const m of text.matchAll(/-?[^\s"]*"[^"]*"|-?[^\s"]+/g)) out.push(m[0]);
  return out;
}

/** Reads a query such as `remote ranking`, `staff at reddit 150k+ -company:acme python "feed relevance"`. */
export function parseQuery(text: string, vocab: Vocabulary): ParsedQuery {
  const q: ParsedQuery = {
    text,
    words: [],
    excludedWords: [],
    filters: { workModes: [], companies: [], excludeCompanies: [], seniorities: [], payFloor: null, places: [], skills: [], anySkill: false },
    readings: [],
  };
  const companies = compileCompanies(vocab.companies);
  const raw = tokens(text.replace(/[?!,;]+(\s|$)/g, ' ').replace(/[“”]/g, '"'));
  const lower = raw.map((t) => t.toLowerCase().replace(/[.]+$/, ''));
  const f = q.filters;
  const add = <T>(list: T[], v: T): void => {
    if (!list.includes(v)) list.push(v);
  };
  const hasContext = lower.some((t) => SKILL_BY_LOWER.has(t) && !AMBIGUOUS_SKILLS.has(t)) || /\b(need|needs|using|use|uses|with|know|knows|skill|skills|language|stack|written in|experience)\b/i.test(text);

  for (let i = 0; i < raw.length; i++) {
    let tok = lower[i]!;
    let negate = false;
    if (tok.startsWith('-') && tok.length > 1 && !/^-\d/.test(tok)) {
      negate = true;
      tok = tok.slice(1);
    }
    // "not at acme" / "not acme" / "except acme"
    if ((tok === 'not' || tok === 'except' || tok === 'excluding' || tok === 'without') && i + 1 < raw.length) {
      negate = true;
      i++;
      tok = lower[i]!;
      if (tok === 'at' && i + 1 < raw.length) {
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
        const mode = WORK_MODES[v];
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
    }
    // Pay floor: "150k+", ">150k", "over 150k", "above $150,000", "at least 150k"
    const cmp = /^(>=?|≥)(.+)$/.exec(tok);
    if (cmp && readMoney(cmp[2]!)) {
      f.payFloor = readMoney(cmp[2]!);
      continue;
    }
    if (['over', 'above', 'min', 'minimum', 'paying', 'pays', 'from'].includes(tok) && i + 1 < raw.length && readMoney(lower[i + 1]!)) {
      f.payFloor = readMoney(lower[++i]!);
      continue;
    }
    if (tok === 'at' && lower[i + 1] === 'least' && i + 2 < raw.length && readMoney(lower[i + 2]!)) {
      f.payFloor = readMoney(lower[i + 2]!);
      i += 2;
      continue;
    }
    const money = readMoney(tok);
    if (money && (tok.endsWith('+') || /[k$€£₹]/.test(tok))) {
      f.payFloor = money;
      continue;
    }
    // Company names, longest first: "at reddit", "reddit", "lumen pay".
    if (tok === 'at' && i + 1 < raw.length) {
      const m = matchCompany(companies, lower, i + 1);
      if (m) {
        if (negate) add(f.excludeCompanies, m.name);
        else add(f.companies, m.name);
        i += m.length;
        continue;
      }
    }
    const company = matchCompany(companies, lower, i);
    if (company) {
      if (negate) add(f.excludeCompanies, company.name);
      else add(f.companies, company.name);
      i += company.length - 1;
      continue;
    }
    if (negate) {
      add(q.excludedWords, tok.replace(/^"|"$/g, ''));
      continue;
    }
    // Work mode.
    if (WORK_MODES[tok] && !(tok === 'office' && i > 0)) {
      add(f.workModes, WORK_MODES[tok]!);
      continue;
    }
    if (tok === 'on' && lower[i + 1] === 'site') {
      add(f.workModes, 'onsite');
      i++;
      continue;
    }
    // Seniority: "senior staff" is one level.
    if ((tok === 'senior' || tok === 'sr') && lower[i + 1] === 'staff') {
      add(f.seniorities, 'senior-staff');
      i++;
      continue;
    }
    if (SENIORITY_WORDS[tok]) {
      for (const s of SENIORITY_WORDS[tok]!) add(f.seniorities, s);
      continue;
    }
    // Places, longest first: "new york", "san francisco", "sf", "europe".
    const place = matchPlace(lower, i);
    if (place) {
      add(f.places, place.name);
      i += place.length - 1;
      continue;
    }
    // Skills: multi-word first ("machine learning" stays free text: it is a topic, not a filter).
    const multi = MULTIWORD_SKILLS.find((parts) => parts.length > 1 && parts.every((p, k) => lower[i + k] === p) && !['machine', 'deep', 'computer', 'natural'].includes(parts[0]!));
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
    const word = tok.replace(/^"|"$/g, '');
    if (word && !isStopword(word) && /[\p{L}\p{N}]/u.test(word)) q.words.push(word);
  }
  if (f.skills.length > 1 && /\bor\b/i.test(text) && !/\band\b/i.test(text)) f.anySkill = true;
  if (f.workModes.includes('remote') && f.places.length) q.readings.push(`remote roles open to people in ${f.places.join(' or ')}`);
  if (f.payFloor && f.payFloor.currency !== 'USD') q.readings.push(`pay in other currencies compared at fixed rates (1 ${f.payFloor.currency} ≈ $${USD_PER_UNIT[f.payFloor.currency]})`);
  return q;
}

interface CompanyMatcher {
  /** Companies by the first word of their normalised name. */
  byFirst: Map<string, Array<{ name: string; parts: string[] }>>;
  all: Array<{ name: string; parts: string[] }>;
}

// Compiled once per vocabulary array: the index hands out the same array until its companies change.
const compiled = new WeakMap<string[], CompanyMatcher>();

function compileCompanies(names: string[]): CompanyMatcher {
  let m = compiled.get(names);
  if (!m) {
    const all = names.map((c) => ({ name: c, parts: normCompany(c).split(' ') })).filter((c) => c.parts[0]);
    const byFirst = new Map<string, Array<{ name: string; parts: string[] }>>();
    for (const c of all) byFirst.set(c.parts[0]!, [...(byFirst.get(c.parts[0]!) ?? []), c]);
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
  return best;
}

function matchPlace(lower: string[], i: number): { name: string; length: number } | null {
  for (let n = 4; n >= 1; n--) {
    if (i + n > lower.length) continue;
    const phrase = lower.slice(i, i + n).join(' ');
    if (n === 1 && phrase.length <= 3 && !SHORT_PLACES.has(phrase)) continue;
    const p = findPlace(phrase);
    if (p) return { name: p.name, length: n };
  }
  return null;
}

/** The query with one filter removed, as words a person could type again; used for "try instead" suggestions. */
export function describeFilters(f: Filters): string[] {
  const out: string[] = [];
  if (f.workModes.length) out.push(f.workModes.join(' or '));
  if (f.seniorities.length) out.push(f.seniorities.join(' or '));
  if (f.companies.length) out.push(`at ${f.companies.join(' or ')}`);
  if (f.excludeCompanies.length) out.push(`not at ${f.excludeCompanies.join(', ')}`);
  if (f.places.length) out.push(`in ${f.places.join(' or ')}`);
  if (f.skills.length) out.push(`using ${f.skills.join(f.anySkill ? ' or ' : ' and ')}`);
  if (f.payFloor) out.push(`paying ${f.payFloor.currency === 'USD' ? '$' : ''}${Math.round(f.payFloor.amount / 1000)}k${f.payFloor.currency === 'USD' ? '' : ` ${f.payFloor.currency}`}+ a year`);
  return out;
}
