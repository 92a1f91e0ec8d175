import { z } from 'zod';
import { StoredProblem } from './problems.ts';

/** Seniority levels, lowest first, so a filter can say "senior and above". */
export const SENIORITIES = [
  'intern',
  'junior',
  'mid',
  'senior',
  'staff',
  'senior-staff',
  'principal',
  'lead',
  'manager',
  'director',
] as const;
export const Seniority = z.enum(SENIORITIES);
export type Seniority = z.infer<typeof Seniority>;

export const WorkMode = z.enum(['remote', 'hybrid', 'onsite']);
export type WorkMode = z.infer<typeof WorkMode>;

export const PayPeriod = z.enum(['year', 'month', 'week', 'day', 'hour']);
export type PayPeriod = z.infer<typeof PayPeriod>;

export const EmploymentType = z.enum(['full-time', 'part-time', 'contract', 'internship']);
export type EmploymentType = z.infer<typeof EmploymentType>;

/** One pay range as the posting states it; `min`/`max` are equal for a single figure, one is null for "up to"/"from". */
export const SalaryRange = z
  .object({
    min: z.number().nonnegative().nullable(),
    max: z.number().nonnegative().nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
    period: PayPeriod,
    text: z.string(),
    estimated: z.boolean(),
    periodInferred: z.boolean(),
  })
  .refine((s) => s.min !== null || s.max !== null, { message: 'a range needs a minimum or a maximum' })
  .refine((s) => s.min === null || s.max === null || s.min <= s.max, { message: 'min must not exceed max' });
export type SalaryRange = z.infer<typeof SalaryRange>;

export const YearsExperience = z.object({
  min: z.number().int().nonnegative(),
  max: z.number().int().nonnegative().nullable(),
});
export type YearsExperience = z.infer<typeof YearsExperience>;

export const Source = z.object({
  /** The file, or the feed ("greenhouse:acme"), the posting came from. */
  file: z.string().nullable(),
  board: z.string().nullable(),
  /** Where to read or apply, when the source gives it. */
  url: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

/** The record every answer, filter and digest reads. Its JSON is a contract: change it only by adding fields. */
export const Posting = z.object({
  id: z.string().min(1),
  title: z.string().min(1).nullable(),
  company: z.string().min(1).nullable(),
  team: z.string().min(1).nullable(),
  seniority: Seniority.nullable(),
  locations: z.array(z.string()),
  workMode: WorkMode.nullable(),
  remoteRegions: z.array(z.string()),
  salary: SalaryRange.nullable(),
  salaries: z.array(SalaryRange),
  yearsExperience: YearsExperience.nullable(),
  requirements: z.array(z.string()),
  responsibilities: z.array(z.string()),
  niceToHave: z.array(z.string()),
  skills: z.array(z.string()),
  benefits: z.array(z.string()),
  education: z.string().nullable(),
  employmentType: EmploymentType.nullable(),
  summary: z.string(),
  /**
   * The role's own prose that no list above holds (the opening lines, "about the role"): all of the text when the
   * parser recognised no section, so a search still finds the role by any word of it. Optional: records saved before
   * it existed have none.
   */
  description: z.string().optional(),
  postedAt: z.string().nullable(),
  validThrough: z.string().nullable(),
  source: Source,
  /** Every source that lists this same role (same company, title and place), when more than one does. */
  sources: z.array(Source).optional(),
  /** What the posting does not say or what could not be read; branch on `code`, show `message`. Sentences saved by
   * older versions are read as their code. */
  problems: z.array(StoredProblem),
});
export type Posting = z.infer<typeof Posting>;
