// A digest that would list too many roles (a channel's first digest, a big feed added) says how many and where to look.
import type { Posting } from '../postings/index.ts';

export interface RoleSummary {
  total: number;
  companies: number;
  /** The companies with the most roles, most first. */
  byCompany: Array<{ name: string; count: number }>;
  byWorkMode: Array<{ mode: string; count: number }>;
  /** `/jobs …` searches that find something among these roles. */
  searches: string[];
}

const MODE_NAMES: Record<string, string> = { remote: 'remote', hybrid: 'hybrid', onsite: 'on-site' };

function countBy(items: Iterable<string>): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const k of items) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Counts by company and work mode, with a few searches to start from; bounded whatever the number of roles. */
export function summarise(postings: Posting[], top = 8): RoleSummary {
  const companies = countBy(postings.map((p) => p.company ?? 'Company not stated'));
  const modes = countBy(postings.map((p) => MODE_NAMES[p.workMode ?? ''] ?? 'not stated'));
  const skills = countBy(postings.flatMap((p) => p.skills.slice(0, 20)));
  const searches: string[] = [];
  if (modes.some(([m]) => m === 'remote')) searches.push('/jobs remote');
  const company = companies.find(([name]) => name !== 'Company not stated')?.[0];
  if (company) searches.push(`/jobs at ${company.slice(0, 60)}`);
  if (skills[0]) searches.push(`/jobs ${skills[0][0].slice(0, 40)}`);
  return {
    total: postings.length,
    companies: companies.length,
    byCompany: companies.slice(0, top).map(([name, count]) => ({ name, count })),
    byWorkMode: modes.map(([mode, count]) => ({ mode, count })),
    searches,
  };
}
