// Questions as people ask them, over a mixed folder of real postings: what `npm run eval:ask` prints.
//
// The postings are the seeds plus every tenth row of the labelled corpus and all of its French rows, read from the
// corpus at run time (never copied into the repository). Each question in test/eval/questions.jsonl has one or more
// turns (a thread); each turn has checks, graded against the labels (what the posting's text says), not against what
// the parser made of it, so a question answered from a misread posting is a miss:
// - intent: the kind of answer expected (one of a list);
// - names / notNames: rows (by corpus id, or seed file name) that must / must not be among the roles named;
// - every: label conditions every named role must meet where its row labels that field;
// - min / max: how many roles may be named (roles, not postings: one post can hold several);
// - facts: groups of words, one of each group must appear in the answer's text;
// - absent: words that must not appear;
// - count: the answer states the number of rows whose labels meet the conditions, within a tolerance.
// A question counts as right only when every check of every turn holds.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ask, renderText, type Answer } from '../answers/index.ts';
import { annualize, parsePostings, type PayPeriod, type Posting } from '../postings/index.ts';
import { RoleIndex } from '../search/index.ts';
import type { LabelledRow } from './postings.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus/dev.jsonl');
export const QUESTIONS = join(ROOT, 'test/eval/questions.jsonl');
const SEED_LABELS = join(ROOT, 'test/eval/seed-labels.json');
/** The clock the questions are asked at, so "posted this week" means the same on every run. */
export const EVAL_NOW = new Date('2026-01-15T12:00:00Z');

type Labels = LabelledRow['labels'];

interface Where {
  workMode?: string | null;
  /** Regular expression over the labelled locations (any). */
  loc?: string;
  company?: string;
  title?: string;
  currency?: string;
  period?: string;
  /** The row states pay (true) or states none (false). */
  pay?: boolean;
  /** Years asked for at most / at least. */
  maxYears?: number;
  minYears?: number;
  /** Top of the annual pay (USD, same currency) at least / at most. */
  payAtLeast?: number;
  payAtMost?: number;
  /** Met when any of these is met: "junior" is a junior title or a role asking two years at most. */
  or?: Where[];
}

interface Checks {
  intent?: string | string[];
  names?: string[];
  notNames?: string[];
  every?: Where;
  min?: number;
  max?: number;
  facts?: Array<string | string[]>;
  absent?: string[];
  /**
   * The answer states how many rows meet the conditions. `also`: rows the labels leave unlabelled for a field of the
   * condition whose text states it plainly (read by hand), counted as meeting it.
   */
  count?: { where: Where; tolerance?: number; also?: string[] };
}

export interface Question {
  id: string;
  cat: string;
  lang: string;
  /** "heldout" for questions written before the reader was tuned on them: scored apart, to measure generality. */
  set?: string;
  turns: Array<{ q: string } & Checks>;
}

interface Row {
  id: string;
  labels: Labels;
  origin: Record<string, string>;
  /** How many roles the posting holds ("who is hiring" posts list several). */
  roles: number;
}

/** The rows the questions are asked over: every tenth row and all French rows, in file order. */
export function selectRows(rows: LabelledRow[]): LabelledRow[] {
  return rows.filter((r, i) => i % 10 === 0 || r.lang === 'fr');
}


/** Whether a row meets a condition; null when the row does not label that field (not graded). */
function meets(row: Row, w: Where): boolean | null {
  const l = row.labels;
  const has = (k: string): boolean => k in row.origin;
  const checks: Array<boolean | null> = [];
  if (w.or) {
    const each = w.or.map((x) => meets(row, x));
    checks.push(each.includes(true) ? true : each.includes(null) ? null : false);
  }
  if (w.workMode !== undefined) checks.push(has('workMode') ? (l.workMode ?? null) === w.workMode : null);
  if (w.loc !== undefined) checks.push(has('locations') ? (l.locations ?? []).some((x) => new RegExp(w.loc!, 'i').test(x)) : null);
  if (w.company !== undefined) checks.push(has('company') ? new RegExp(w.company, 'i').test(l.company ?? '') : null);
  if (w.title !== undefined) checks.push(has('title') ? new RegExp(w.title, 'i').test(l.title ?? '') : null);
  if (w.pay !== undefined) checks.push(has('salary') ? Boolean(l.salary) === w.pay : null);
  if (w.currency !== undefined) checks.push(has('salary') ? l.salary?.currency === w.currency : null);
  if (w.period !== undefined) checks.push(has('salary') ? l.salary?.period === w.period : null);
  if (w.payAtLeast !== undefined || w.payAtMost !== undefined) {
    if (!has('salary')) checks.push(null);
    else {
      const s = l.salary;
      const yearly = s ? annualize({ ...s, period: s.period as PayPeriod, text: '', estimated: false, periodInferred: false }) : null;
      const top = yearly ? (yearly.max ?? yearly.min ?? 0) : null;
      checks.push(top !== null && (w.payAtLeast === undefined || top >= w.payAtLeast) && (w.payAtMost === undefined || top <= w.payAtMost));
    }
  }
  const years = l.minYearsExperience;
  if (w.maxYears !== undefined) checks.push(has('minYearsExperience') ? years !== null && years !== undefined && years <= w.maxYears : null);
  if (w.minYears !== undefined) checks.push(has('minYearsExperience') ? years !== null && years !== undefined && years >= w.minYears : null);
  if (checks.some((c) => c === false)) return false;
  if (checks.some((c) => c === null)) return null;
  return true;
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

/** Why a turn failed, or null when it passed. */
function grade(a: Answer, text: string, named: string[], c: Checks, rows: Map<string, Row>): string | null {
  // Roles, not rows: a "who is hiring" post read as three roles is three roles named.
  const roles = new Set(a.roleIds).size;
  const t = norm(text);
  if (c.intent) {
    const ok = Array.isArray(c.intent) ? c.intent : [c.intent];
    if (!ok.includes(a.intent)) return `intent ${a.intent}, wanted ${ok.join('|')}`;
  }
  for (const id of c.names ?? []) if (!named.includes(id)) return `did not name ${id}`;
  for (const id of c.notNames ?? []) if (named.includes(id)) return `named ${id}`;
  if (c.min !== undefined && roles < c.min) return `named ${roles} roles, wanted at least ${c.min}`;
  if (c.max !== undefined && roles > c.max) return `named ${roles} roles, wanted at most ${c.max}`;
  if (c.every) {
    for (const id of named) {
      const row = rows.get(id);
      if (row && meets(row, c.every) === false) return `named ${id}, which does not meet ${JSON.stringify(c.every)}`;
    }
  }
  for (const group of c.facts ?? []) {
    const alts = Array.isArray(group) ? group : [group];
    if (!alts.some((f) => t.includes(norm(f)))) return `no “${alts.join('” or “')}” in the answer`;
  }
  for (const f of c.absent ?? []) if (t.includes(norm(f))) return `“${f}” should not be in the answer`;
  if (c.count) {
    // Postings or the roles in them: a "who is hiring" post with three remote roles is one posting and three roles.
    let n = 0;
    let roles = 0;
    for (const row of rows.values()) {
      const met = meets(row, c.count.where);
      if (met !== true && !(met === null && c.count.also?.includes(row.id))) continue;
      n++;
      roles += row.roles;
    }
    const tolerance = c.count.tolerance ?? 0.15;
    const near = (x: number, want: number): boolean => Math.abs(x - want) <= Math.max(1, Math.round(want * tolerance));
    const numbers = [...(a.heading + ' ' + text).matchAll(/\b\d+\b/g)].map((m) => Number(m[0]));
    if (!numbers.some((x) => near(x, n) || near(x, roles))) return `count: wanted about ${n} postings or ${roles} roles`;
  }
  return null;
}

export interface QuestionReport {
  total: number;
  right: number;
  byCat: Map<string, { right: number; total: number }>;
  byLang: Map<string, { right: number; total: number }>;
  bySet: Map<string, { right: number; total: number }>;
  misses: Array<{ id: string; cat: string; lang: string; turn: number; q: string; why: string; heading: string }>;
}

/** A thread for the questions: what the previous answer was about, as the real store keeps it. */
function memory(): { recall(): { roleIds: string[]; intent: string } | null; remember(r: { roleIds: string[]; intent: string }): void } {
  let last: { roleIds: string[]; intent: string } | null = null;
  return { recall: () => last, remember: (r) => void (last = r) };
}

export function runQuestions(questions: Question[], postings: Posting[], rows: Map<string, Row>, now = EVAL_NOW): QuestionReport {
  const index = RoleIndex.from(postings);
  const rowOf = (p: Posting): string => basename(p.source.file ?? p.id).replace(/\.(txt|md|html)$/, '');
  const report: QuestionReport = { total: 0, right: 0, byCat: new Map(), byLang: new Map(), bySet: new Map(), misses: [] };
  const tally = (m: Map<string, { right: number; total: number }>, k: string, ok: boolean): void => {
    const t = m.get(k) ?? { right: 0, total: 0 };
    t.total++;
    if (ok) t.right++;
    m.set(k, t);
  };
  for (const q of questions) {
    const thread = memory();
    let why: string | null = null;
    let turnAt = 0;
    let heading = '';
    for (const [i, turn] of q.turns.entries()) {
      const ctx = { index, now, thread };
      const a = ask(turn.q, ctx as Parameters<typeof ask>[1]);
      const named = [...new Set(a.roleIds.map((id) => index.get(id)).filter((p): p is Posting => Boolean(p)).map(rowOf))];
      why = grade(a, renderText(a), named, turn, rows);
      heading = a.heading;
      turnAt = i;
      if (why) break;
    }
    report.total++;
    if (!why) report.right++;
    tally(report.byCat, q.cat, !why);
    tally(report.byLang, q.lang, !why);
    tally(report.bySet, q.set ?? 'tuned', !why);
    if (why) report.misses.push({ id: q.id, cat: q.cat, lang: q.lang, turn: turnAt + 1, q: q.turns[turnAt]!.q, why, heading });
  }
  return report;
}

const pct = (t: { right: number; total: number }): string => `${((100 * t.right) / Math.max(1, t.total)).toFixed(1)}%`;

export function formatQuestionReport(r: QuestionReport, misses = 0): string {
  const lines = [`questions: ${r.right}/${r.total} right (${pct(r)})`];
  if (r.bySet.size > 1) for (const [k, t] of [...r.bySet].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`  ${k.padEnd(14)} ${String(t.right).padStart(3)}/${String(t.total).padEnd(3)} ${pct(t)}`);
  lines.push('', 'by category:');
  for (const [k, t] of [...r.byCat].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`  ${k.padEnd(14)} ${String(t.right).padStart(3)}/${String(t.total).padEnd(3)} ${pct(t)}`);
  lines.push('', 'by language:');
  for (const [k, t] of [...r.byLang].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`  ${k.padEnd(14)} ${String(t.right).padStart(3)}/${String(t.total).padEnd(3)} ${pct(t)}`);
  if (misses) {
    lines.push('', `misses (first ${misses}):`);
    for (const m of r.misses.slice(0, misses)) lines.push(`  ${m.id} [${m.cat}/${m.lang}] turn ${m.turn}: “${m.q}” — ${m.why} (answered: ${m.heading})`);
  }
  return lines.join('\n');
}

export function loadQuestions(file = QUESTIONS): Question[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Question);
}

/**
 * A posting with its labelled fields put in place of what the parser read: `--oracle` scores the questions as if
 * every posting were read right, which separates misses of the question reader from misses of the parser.
 */
function withLabels(p: Posting, r: LabelledRow): Posting {
  const o = r.labelOrigin;
  const l = r.labels;
  const out = { ...p };
  if ('title' in o) out.title = l.title ?? null;
  if ('company' in o) out.company = l.company ?? null;
  if ('locations' in o) out.locations = l.locations ?? [];
  if ('workMode' in o) out.workMode = (l.workMode ?? null) as Posting['workMode'];
  if ('salary' in o) {
    const s = l.salary;
    out.salaries = s ? [{ min: s.min, max: s.max, currency: s.currency, period: s.period as 'year', text: `${s.min ?? ''}–${s.max ?? ''} ${s.currency}`, estimated: false, periodInferred: false }] : [];
    out.salary = out.salaries[0] ?? null;
  }
  if ('minYearsExperience' in o) out.yearsExperience = l.minYearsExperience == null ? null : { min: l.minYearsExperience, max: null };
  return out;
}

/** Loads the seeds and the selected corpus rows; null when the corpus is not there. */
export function loadFolder(corpus = CORPUS, oracle = false): { postings: Posting[]; rows: Map<string, Row> } | null {
  if (!existsSync(corpus)) return null;
  const all = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledRow);
  const postings: Posting[] = [];
  const rows = new Map<string, Row>();
  for (const r of selectRows(all)) {
    const parsed = parsePostings(r.text, { file: `${r.id}.txt` });
    rows.set(r.id, { id: r.id, labels: r.labels, origin: r.labelOrigin, roles: Math.max(1, parsed.length) });
    postings.push(...(oracle && parsed.length === 1 ? parsed.map((p) => withLabels(p, r)) : parsed));
  }
  const seeds = join(ROOT, 'seeds');
  const seedLabels = JSON.parse(readFileSync(SEED_LABELS, 'utf8')) as Record<string, Labels>;
  for (const f of readdirSync(seeds).sort()) {
    const id = f.replace(/\.(txt|md|html)$/, '');
    const parsed = parsePostings(readFileSync(join(seeds, f), 'utf8'), { file: f });
    postings.push(...parsed);
    const labels = seedLabels[id];
    if (labels) rows.set(id, { id, labels, origin: Object.fromEntries(Object.keys(labels).map((k) => [k, 'read'])), roles: Math.max(1, parsed.length) });
  }
  return { postings, rows };
}

if (process.argv[1]?.endsWith('questions.ts')) {
  const args = process.argv.slice(2);
  const misses = Number(args.find((a) => a.startsWith('--misses='))?.slice(9) ?? 0);
  const only = args.find((a) => a.startsWith('--cat='))?.slice(6);
  const oracle = args.includes('--oracle');
  const corpus = args.find((a) => a.startsWith('--corpus='))?.slice(9) ?? CORPUS;
  const folder = loadFolder(corpus, oracle);
  if (!folder) {
    process.stderr.write(`eval:ask: the labelled corpus is missing (expected ${corpus === CORPUS ? '../shared/corpus/dev.jsonl beside the repository' : corpus}); nothing was measured.\n`);
    process.exit(1);
  }
  const qs = loadQuestions().filter((q) => !only || q.cat === only);
  if (oracle) process.stdout.write('(--oracle: postings carry their labelled fields, so only the reading of questions is measured)\n');
  process.stdout.write(`${formatQuestionReport(runQuestions(qs, folder.postings, folder.rows), misses)}\n`);
}
