// What a posting does not say, or what could not be read, as a code callers branch on and a sentence people read.
import { z } from 'zod';

export const PROBLEM_CODES = [
  /** The file is not text (it looks binary). */
  'not-text',
  /** The text is empty. */
  'empty',
  /** The text was cut to the parser's limit. */
  'text-truncated',
  /** The parser failed on the text; the message says why. */
  'unreadable',
  'no-title',
  'no-company',
  /** Neither remote, hybrid nor on-site. */
  'no-work-mode',
  'no-location',
  'no-salary',
  'no-requirements',
  'no-responsibilities',
  'no-years',
  /** A structured value (JSON-LD, a feed's field) did not fit the schema and was left out; the message names it. */
  'invalid-field',
  /** A problem saved by an older version whose wording no code matches. */
  'other',
] as const;
export const ProblemCode = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const Problem = z.object({ code: ProblemCode, message: z.string() });
export type Problem = z.infer<typeof Problem>;

export const problem = (code: ProblemCode, message: string): Problem => ({ code, message });

/** True when the posting has a problem with this code. */
export const hasProblem = (p: { problems: Problem[] }, code: ProblemCode): boolean => p.problems.some((x) => x.code === code);

/** The messages, for people: "no salary stated; no location found". */
export const problemText = (problems: Problem[]): string => problems.map((p) => p.message).join('; ');

// Postings saved before problems had codes (feed snapshots, saved indexes) hold plain sentences; these are the
// sentences the parser wrote then, so old records keep their meaning.
const LEGACY: Array<[RegExp, ProblemCode]> = [
  [/^the file is not text/, 'not-text'],
  [/^the text is empty/, 'empty'],
  [/^the text is very long/, 'text-truncated'],
  [/^the text could not be read/, 'unreadable'],
  [/^no job title/, 'no-title'],
  [/^no company/, 'no-company'],
  [/^the posting does not say whether/, 'no-work-mode'],
  [/^no location/, 'no-location'],
  [/^no salary/, 'no-salary'],
  [/^no requirements/, 'no-requirements'],
  [/^no responsibilities/, 'no-responsibilities'],
  [/^years of experience not stated/, 'no-years'],
];

/** A problem as saved by an older version (a sentence), or as now ({code, message}). */
export function legacyProblem(text: string): Problem {
  return { code: LEGACY.find(([re]) => re.test(text))?.[1] ?? 'other', message: text };
}

/** Reads problems saved by any version: sentences get their code, records pass through. */
export const StoredProblem = z.union([Problem, z.string().transform(legacyProblem)]);

/** Brings a posting read from storage up to date without validating the rest (it was valid when saved). */
export function upgradeStored<T extends { problems: unknown }>(p: T): T & { problems: Problem[] } {
  const list = Array.isArray(p.problems) ? (p.problems as unknown[]) : [];
  if (list.every((x) => typeof x === 'object' && x !== null)) return p as T & { problems: Problem[] };
  return { ...p, problems: list.map((x) => (typeof x === 'string' ? legacyProblem(x) : (x as Problem))) };
}
