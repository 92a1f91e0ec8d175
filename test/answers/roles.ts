// Postings written for the question tests: a role with every field empty but those given.
import type { Posting, SalaryRange } from '../../src/postings/index.ts';

export const pay = (min: number | null, max: number | null, currency = 'USD', period: SalaryRange['period'] = 'year', text = `${min}-${max}`): SalaryRange => ({ min, max, currency, period, text, estimated: false, periodInferred: false });

export function role(id: string, p: Partial<Posting>): Posting {
  return {
    id, title: null, company: null, team: null, seniority: null, locations: [], workMode: null, remoteRegions: [], salary: p.salaries?.[0] ?? null,
    salaries: [], yearsExperience: null, requirements: [], responsibilities: [], niceToHave: [], skills: [], benefits: [], education: null,
    employmentType: null, summary: '', postedAt: null, validThrough: null, source: { file: `${id}.txt`, board: null }, problems: [], ...p,
  };
}
