// Ashby posting API (includeCompensation=true): isRemote, workplaceType, compensation.summaryComponents.
import { fetchFeed, SourceError, SourceErrorCode } from './http.ts';
import { feedPosting, feedSalary, modeOf, periodOf } from './map.ts';
import type { Feed } from './types.ts';

interface AshbyJob {
  id: string;
  title?: string;
  department?: string;
  team?: string;
  employmentType?: string;
  location?: string;
  secondaryLocations?: Array<{ location?: string }>;
  isRemote?: boolean;
  isListed?: boolean;
  workplaceType?: string;
  descriptionHtml?: string;
  descriptionPlain?: string;
  publishedAt?: string;
  jobUrl?: string;
  compensation?: { compensationTierSummary?: string; summaryComponents?: Array<{ compensationType?: string; interval?: string; currencyCode?: string; minValue?: number; maxValue?: number }> };
}

export function ashbyFeed(org: string, company: string, base = 'https://api.ashbyhq.com'): Feed {
  const name = `ashby:${org}`;
  const url = `${base.replace(/\/$/, '')}/posting-api/job-board/${encodeURIComponent(org)}?includeCompensation=true`;
  return {
    name,
    async fetch(validators) {
      const res = await fetchFeed(url, { validators });
      if (res.status === 'not-modified') return { postings: null, validators };
      const jobs = (res.body as { jobs?: AshbyJob[] }).jobs;
      if (!Array.isArray(jobs)) throw new SourceError(SourceErrorCode.Format, `${name}: the answer has no "jobs" list`);
      const postings = jobs.filter((j) => j.isListed !== false).map((j) => {
        const pay = (j.compensation?.summaryComponents ?? [])
          .filter((c) => !c.compensationType || /salary|hourly|wage/i.test(c.compensationType))
          .map((c) => feedSalary(c.minValue, c.maxValue, c.currencyCode, periodOf(c.interval), j.compensation?.compensationTierSummary ?? `${c.minValue ?? ''}–${c.maxValue ?? ''} ${c.currencyCode ?? ''}`))
          .filter((s) => s !== null);
        const places = [j.location, ...(j.secondaryLocations ?? []).map((l) => l.location)].filter((l): l is string => !!l && !/^remote$/i.test(l));
        return feedPosting(name, {
          externalId: j.id,
          title: j.title ?? 'Untitled role',
          company,
          team: j.team ?? j.department ?? null,
          locations: places,
          workMode: modeOf(j.workplaceType) ?? (j.isRemote ? 'remote' : null),
          employment: j.employmentType?.replace(/([a-z])([A-Z])/g, '$1-$2') ?? null,
          salaries: pay,
          postedAt: j.publishedAt ?? null,
          url: j.jobUrl ?? null,
          description: j.descriptionHtml ?? j.descriptionPlain ?? '',
        });
      });
      return { postings, validators: { etag: res.etag, lastModified: res.lastModified } };
    },
  };
}
