// Posting accuracy on a labelled JSONL corpus: what `npm run eval` prints.
//
// How a field is scored (only fields named in a row's `labelOrigin` count):
// - title, company: equal after folding case, accents and punctuation (a company's trailing legal form,
//   "Inc", "GmbH", "Ltd" …, is not counted either way, nor is a Y Combinator batch after it, "(YC W21)", ", YC S24":
//   the batch is a badge beside the name, and the labels themselves write it both ways, "Lago (YC S21)" as "Lago").
// - locations: the same places, each label matched by one parsed place and each parsed place by one label; two
//   places match when their folded text is equal or one contains the other ("New York, NY" ~ "New York, NY 10001").
//   An empty label wants no place.
// - workMode: equal (`null` wants `null`).
// - salary: the posting's main range has the label's currency, period, min and max (each within 0.5%, `null`
//   wants `null`); a `null` label wants no pay at all.
// - years: the smallest number of years asked for equals the label's `minYearsExperience` (`null` wants `null`).
// A row whose text holds several roles is scored on the role whose title is nearest the label's.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { foldKey, parsePostings, type Posting } from '../postings/index.ts';

export const FIELDS = ['title', 'company', 'locations', 'workMode', 'salary', 'years'] as const;
export type Field = (typeof FIELDS)[number];

interface LabelSalary {
  min: number | null;
  max: number | null;
  currency: string;
  period: string;
}

export interface LabelledRow {
  id: string;
  text: string;
  lang?: string;
  board?: string;
  labels: {
    title?: string | null;
    company?: string | null;
    locations?: string[] | null;
    workMode?: string | null;
    salary?: LabelSalary | null;
    minYearsExperience?: number | null;
  };
  labelOrigin: Record<string, string>;
}

export interface Miss {
  id: string;
  field: Field;
  board: string;
  lang: string;
  expected: string;
  got: string;
  context: string;
}

interface Tally {
  right: number;
  total: number;
}

export interface EvalReport {
  rows: number;
  fields: Record<Field, Tally>;
  byBoard: Map<string, Record<Field, Tally>>;
  byLang: Map<string, Record<Field, Tally>>;
  misses: Miss[];
  slowest: { id: string; ms: number }[];
  totalMs: number;
}

const LEGAL = new Set([
  'inc', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'gmbh', 'ag', 'sa', 'sas', 'sarl', 'srl', 'spa',
  'bv', 'nv', 'plc', 'lp', 'llp', 'pty', 'kg', 'ug', 'se', 'ltda', 'eireli', 'me', 'pllc', 'pc',
]);

function companyKey(s: string): string {
  const words = foldKey(s).replace(/\byc(?: ?[wsfx]\d{2})*$/, '').split(' ').filter(Boolean);
  while (words.length > 1 && LEGAL.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

function placeMatch(a: string, b: string): boolean {
  const x = foldKey(a);
  const y = foldKey(b);
  return !!x && !!y && (x === y || x.includes(y) || y.includes(x));
}

function locationsRight(label: string[], got: string[]): boolean {
  if (!label.length || !got.length) return label.length === got.length;
  return label.every((l) => got.some((g) => placeMatch(l, g))) && got.every((g) => label.some((l) => placeMatch(l, g)));
}

function near(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= Math.max(0.005 * Math.abs(b), 0.01);
}

function salaryText(s: LabelSalary | Posting['salary'] | null | undefined): string {
  if (!s) return 'null';
  return `${s.min ?? '…'}–${s.max ?? '…'} ${s.currency}/${s.period}`;
}

/** Whether `p` gets `field` of the row right, with the expected and found values as text. */
export function scoreField(row: LabelledRow, p: Posting, field: Field): { right: boolean; expected: string; got: string } {
  const l = row.labels;
  switch (field) {
    case 'title': {
      const e = l.title ?? null;
      return { right: (e === null ? null : foldKey(e)) === (p.title === null ? null : foldKey(p.title)), expected: String(e), got: String(p.title) };
    }
    case 'company': {
      const e = l.company ?? null;
      const right = e === null ? p.company === null : p.company !== null && companyKey(e) === companyKey(p.company);
      return { right, expected: String(e), got: String(p.company) };
    }
    case 'locations': {
      const e = l.locations ?? [];
      return { right: locationsRight(e, p.locations), expected: JSON.stringify(e), got: JSON.stringify(p.locations) };
    }
    case 'workMode': {
      const e = l.workMode ?? null;
      return { right: e === p.workMode, expected: String(e), got: String(p.workMode) };
    }
    case 'salary': {
      const e = l.salary ?? null;
      const s = p.salary;
      const right = e === null
        ? s === null
        : s !== null && s.currency === e.currency && s.period === e.period && near(s.min, e.min) && near(s.max, e.max);
      return { right, expected: salaryText(e), got: salaryText(s) };
    }
    case 'years': {
      const e = l.minYearsExperience ?? null;
      const g = p.yearsExperience?.min ?? null;
      return { right: e === g, expected: String(e), got: String(g) };
    }
  }
}

const ORIGIN_KEY: Record<Field, string> = {
  title: 'title', company: 'company', locations: 'locations', workMode: 'workMode', salary: 'salary', years: 'minYearsExperience',
};

function emptyTallies(): Record<Field, Tally> {
  return Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Record<Field, Tally>;
}

/** The role of a multi-role text that the row's labels describe. */
function pick(row: LabelledRow, postings: Posting[]): Posting {
  if (postings.length === 1 || !row.labels.title) return postings[0]!;
  const want = foldKey(row.labels.title);
  return postings.find((p) => p.title && foldKey(p.title) === want)
    ?? postings.find((p) => p.title && (foldKey(p.title).includes(want) || want.includes(foldKey(p.title))))
    ?? postings[0]!;
}

/** Text around the first place the expected value (or, failing that, the found one) stands in the posting. */
function contextOf(text: string, expected: string, got: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const probe = (v: string) => {
    const s = v.replace(/^\["?|"?\]$/g, '').split(/[",–]/)[0]!.trim();
    return s && s !== 'null' && s.length >= 2 ? flat.toLowerCase().indexOf(s.toLowerCase()) : -1;
  };
  let at = probe(expected);
  if (at < 0) at = probe(got);
  if (at < 0) at = 0;
  const from = Math.max(0, at - 80);
  return `${from > 0 ? '…' : ''}${flat.slice(from, at + 160)}${at + 160 < flat.length ? '…' : ''}`;
}

/** Reads a JSONL file of labelled rows; rows that are not JSON are skipped. */
export function readRows(file: string): LabelledRow[] {
  const rows: LabelledRow[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as LabelledRow;
      if (typeof r.text === 'string' && r.labels && r.labelOrigin) rows.push(r);
    } catch {
      // a broken line is not a row
    }
  }
  return rows;
}

/** Parses every row and scores the labelled fields. */
export function evaluate(rows: LabelledRow[]): EvalReport {
  const report: EvalReport = {
    rows: rows.length, fields: emptyTallies(), byBoard: new Map(), byLang: new Map(), misses: [], slowest: [], totalMs: 0,
  };
  const times: { id: string; ms: number }[] = [];
  for (const row of rows) {
    const t0 = performance.now();
    const postings = parsePostings(row.text, { file: null });
    const ms = performance.now() - t0;
    report.totalMs += ms;
    times.push({ id: row.id, ms });
    const p = pick(row, postings);
    const board = row.board ?? 'unknown';
    const lang = row.lang ?? '?';
    if (!report.byBoard.has(board)) report.byBoard.set(board, emptyTallies());
    if (!report.byLang.has(lang)) report.byLang.set(lang, emptyTallies());
    for (const field of FIELDS) {
      if (!(ORIGIN_KEY[field] in row.labelOrigin)) continue;
      const s = scoreField(row, p, field);
      for (const t of [report.fields, report.byBoard.get(board)!, report.byLang.get(lang)!]) {
        t[field].total++;
        if (s.right) t[field].right++;
      }
      if (!s.right) {
        report.misses.push({ id: row.id, field, board, lang, expected: s.expected, got: s.got, context: contextOf(row.text, s.expected, s.got) });
      }
    }
  }
  report.slowest = times.sort((a, b) => b.ms - a.ms).slice(0, 5);
  return report;
}

function pct(t: Tally): string {
  return t.total ? `${((100 * t.right) / t.total).toFixed(1)}%`.padStart(7) : '      –';
}

function table(title: string, groups: [string, Record<Field, Tally>][]): string[] {
  const out = [`${title.padEnd(22)}${FIELDS.map((f) => f.padStart(10)).join('')}`];
  for (const [name, t] of groups) {
    out.push(`${name.slice(0, 21).padEnd(22)}${FIELDS.map((f) => `${pct(t[f])}${t[f].total ? '' : ''}`.padStart(10)).join('')}`);
  }
  return out;
}

export interface PrintOptions {
  misses?: number;
  field?: Field;
}

/** The report as text: per field, per board and per language, the slowest rows and the worst misses. */
export function formatReport(r: EvalReport, opts: PrintOptions = {}): string {
  const lines: string[] = [];
  lines.push(`${r.rows} rows parsed in ${(r.totalMs / 1000).toFixed(1)} s (${(r.rows / (r.totalMs / 1000)).toFixed(0)}/s); slowest: ${r.slowest.map((s) => `${s.id} ${s.ms.toFixed(0)} ms`).join(', ')}`);
  lines.push('');
  lines.push(...table('board', [...r.byBoard].sort((a, b) => a[0].localeCompare(b[0]))));
  lines.push('');
  lines.push(...table('language', [...r.byLang].sort((a, b) => a[0].localeCompare(b[0]))));
  const shown = opts.misses ?? 15;
  const misses = r.misses.filter((m) => !opts.field || m.field === opts.field);
  if (shown > 0 && misses.length) {
    lines.push('', `misses${opts.field ? ` (${opts.field})` : ''}: ${misses.length}; ${Math.min(shown, misses.length)} shown`);
    // Spread the shown misses over fields and boards: one of each field and board in turn, rather than file order.
    const groups = new Map<string, Miss[]>();
    for (const m of misses) {
      const k = `${m.field}|${m.board}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k)!.push(m);
    }
    const keys = [...groups.keys()].sort();
    const picked: Miss[] = [];
    for (let round = 0; picked.length < Math.min(shown, misses.length); round++) {
      for (const k of keys) {
        const m = groups.get(k)![round];
        if (m && picked.length < shown) picked.push(m);
      }
    }
    for (const m of picked) {
      lines.push(`- ${m.field} ${m.id} [${m.board}, ${m.lang}] expected ${m.expected} got ${m.got}`, `    ${m.context}`);
    }
  }
  lines.push('');
  lines.push(...table('field', [['all', r.fields]]));
  const totals = FIELDS.map((f) => `${f} ${r.fields[f].right}/${r.fields[f].total}`).join(', ');
  lines.push(totals);
  return lines.join('\n');
}
