// The one way structured fields (JSON-LD, feeds) join what the text parser read: each structured value is checked
// against the schema and wins where valid, the text fills every gap, a value that does not fit becomes a problem,
// and the result always goes through Posting.parse.
import { z } from 'zod';
import { employmentTypeOf, seniorityOf, teamFromTitle } from './identity.ts';
import { findPlace } from './places.ts';
import { summarize } from './parse.ts';
import { problem, type Problem, type ProblemCode } from './problems.ts';
import { EmploymentType, Posting, SalaryRange, Seniority, Source, WorkMode, YearsExperience } from './schema.ts';

/** What a structured source states. Values come from outside and may be missing or of any shape. */
export interface StructuredFields {
  id?: string;
  title?: unknown;
  company?: unknown;
  team?: unknown;
  seniority?: unknown;
  locations?: unknown;
  workMode?: unknown;
  remoteRegions?: unknown;
  /** One range or a list of ranges. */
  salaries?: unknown;
  yearsExperience?: unknown;
  /** Added to the skills the text names. */
  skills?: unknown;
  education?: unknown;
  /** An EmploymentType or the source's own word for it ("FULL_TIME", "Full-time"). */
  employmentType?: unknown;
  postedAt?: unknown;
  validThrough?: unknown;
  source?: Source;
}

const text = z.string().trim().min(1, 'it is empty').max(500, 'it is longer than 500 characters');
const date = z.string().trim().refine((s) => !Number.isNaN(Date.parse(s)), 'it is not a date');
const places = z.array(text).max(100);

const SCALARS = {
  title: text,
  company: text,
  team: text,
  seniority: Seniority,
  workMode: WorkMode,
  education: text,
  yearsExperience: YearsExperience,
  postedAt: date,
  validThrough: date,
} as const;

/** Problems a structured value settles: the text found no title, but the feed names one. */
const SETTLED: Partial<Record<ProblemCode, (p: Posting) => boolean>> = {
  'no-title': (p) => !!p.title,
  'no-company': (p) => !!p.company,
  'no-work-mode': (p) => !!p.workMode,
  'no-location': (p) => p.locations.length > 0 || p.workMode === 'remote',
  'no-salary': (p) => p.salaries.length > 0,
  'no-years': (p) => !!p.yearsExperience,
};

const shown = (v: unknown): string => {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};
const reason = (e: z.ZodError): string => e.issues[0]?.message ?? 'it does not fit';
const LABEL: Record<string, string> = { workMode: 'work mode', yearsExperience: 'years of experience', postedAt: 'date posted', validThrough: 'closing date', employmentType: 'employment type', remoteRegions: 'remote regions' };

/**
 * Merges `fields` from a structured source (`origin`, e.g. "the JSON-LD" or "the feed") into the posting the text
 * parser read from the same source's description. Never throws.
 */
export function mergePosting(fromText: Posting, fields: StructuredFields, origin: string): Posting {
  const problems: Problem[] = [];
  const invalid = (field: string, value: unknown, why: string): void => {
    problems.push(problem('invalid-field', `${origin} gave ${LABEL[field] ?? field} ${shown(value)}, left out: ${why}`));
  };
  const take = <T>(field: string, schema: z.ZodType<T>, value: unknown): T | undefined => {
    if (value === undefined || value === null) return undefined;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    invalid(field, value, reason(r.error));
    return undefined;
  };
  const out: Posting = { ...fromText };
  const scalar = out as Record<keyof typeof SCALARS, unknown>;
  const stated = new Set<string>();
  for (const [field, schema] of Object.entries(SCALARS) as Array<[keyof typeof SCALARS, z.ZodType]>) {
    const v = take(field, schema, fields[field]);
    if (v === undefined) continue;
    scalar[field] = v;
    stated.add(field);
  }
  const title = stated.has('title') ? out.title : null;
  if (title) {
    // The stated title names the level and often the team; the text's guesses were read from a looser source.
    if (!stated.has('seniority')) out.seniority = seniorityOf(title) ?? fromText.seniority;
    if (!stated.has('team')) out.team = teamFromTitle(title) ?? fromText.team;
  }

  if (fields.employmentType != null) {
    const word = typeof fields.employmentType === 'string' ? fields.employmentType.replace(/_/g, '-') : null;
    const type = EmploymentType.safeParse(word).data ?? (word ? employmentTypeOf(word) : null);
    if (type) out.employmentType = type;
    else invalid('employmentType', fields.employmentType, 'not full-time, part-time, contract or internship');
  }

  const regions = take('remoteRegions', places, fields.remoteRegions)?.map((r) => findPlace(r)?.name ?? r);
  if (regions?.length) out.remoteRegions = regions;
  const locations = take('locations', places, fields.locations);
  // As the text parser does: a remote role restricted to a region lists that region as its place.
  if (locations?.length) out.locations = locations;
  else if (regions?.length) out.locations = regions;

  if (fields.salaries != null) {
    const valid: SalaryRange[] = [];
    for (const s of Array.isArray(fields.salaries) ? fields.salaries : [fields.salaries]) {
      const r = SalaryRange.safeParse(s);
      if (r.success) valid.push(r.data);
      else invalid('salary', s, reason(r.error));
    }
    if (valid.length) {
      out.salaries = valid;
      out.salary = valid[0]!;
    }
  }

  if (fields.skills != null) {
    const extra = Array.isArray(fields.skills) ? fields.skills.filter((s): s is string => typeof s === 'string' && !!s.trim()).map((s) => s.trim()) : [];
    out.skills = [...new Set([...fromText.skills, ...extra])];
  }
  if (fields.source) out.source = fields.source;
  if (fields.id) out.id = fields.id;

  out.problems = [...fromText.problems.filter((p) => !SETTLED[p.code]?.(out)), ...problems];
  out.summary = summarize(out, (out.description ?? '').split('\n'));
  const checked = Posting.safeParse(out);
  if (checked.success) return checked.data;
  // Unreachable while every value above is checked; kept so a future field can never crash a feed.
  return Posting.parse({ ...fromText, problems: [...fromText.problems, problem('invalid-field', `${origin} gave fields that were left out: ${reason(checked.error)}`)] });
}
