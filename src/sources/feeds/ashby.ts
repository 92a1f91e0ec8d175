// Ashby posting API (includeCompensation=true): isRemote, workplaceType, compensation.summaryComponents.
import { z } from 'zod';
import { bool, entryId, listOf, longText, num, optionalObject, readEntries, text } from './entries.ts';
import { defineFeed, listIn } from './feed.ts';
import { fetchFeed } from './http.ts';
import { periodOf, workModeOf } from '../../postings/index.ts';
import { feedPosting, feedSalary, type FeedFields } from './map.ts';
import type { Feed, FeedOptions } from './types.ts';

/** A job of a board's listing. */
export const AshbyJob = z.object({
  id: entryId,
  title: text(),
  department: text(),
  team: text(),
  employmentType: text(40),
  location: text(),
  secondaryLocations: listOf(z.object({ location: text() })),
  isRemote: bool,
  isListed: bool,
  workplaceType: text(40),
  descriptionHtml: longText,
  descriptionPlain: longText,
  publishedAt: text(40),
  jobUrl: text(2000),
  compensation: optionalObject({
    compensationTierSummary: text(),
    summaryComponents: listOf(z.object({ compensationType: text(40), interval: text(40), currencyCode: text(10), minValue: num, maxValue: num })),
  }),
});

export function ashbyFeed(org: string, company: string, opts: FeedOptions = {}): Feed {
  const name = `ashby:${org}`;
  const url = `${(opts.base ?? 'https://api.ashbyhq.com').replace(/\/$/, '')}/posting-api/job-board/${encodeURIComponent(org)}?includeCompensation=true`;
  return defineFeed(name, async (validators) => {
    const res = await fetchFeed(url, { ...opts.limits, validators });
    if (res.status === 'not-modified') return { postings: null, validators };
    const { postings, skipped } = await readEntries(listIn(res.body, 'jobs'), AshbyJob, (j) => (j.isListed === false ? null : feedPosting(name, ashbyFields(j, company))));
    return { postings, skipped, validators: { etag: res.etag, lastModified: res.lastModified } };
  }, opts);
}

/** A job's fields. */
export function ashbyFields(j: z.output<typeof AshbyJob>, company: string): FeedFields {
  const pay = (j.compensation?.summaryComponents ?? [])
    .filter((c) => !c.compensationType || /salary|hourly|wage/i.test(c.compensationType))
    .map((c) => feedSalary(c.minValue, c.maxValue, c.currencyCode, periodOf(c.interval), j.compensation?.compensationTierSummary ?? `${c.minValue ?? ''}–${c.maxValue ?? ''} ${c.currencyCode ?? ''}`))
    .filter((s) => s !== null);
  return {
    externalId: j.id,
    title: j.title ?? 'Untitled role',
    company,
    team: j.team ?? j.department ?? null,
    locations: [j.location, ...j.secondaryLocations.map((l) => l.location)].filter((l): l is string => !!l && !/^remote$/i.test(l)),
    workMode: workModeOf(j.workplaceType) ?? (j.isRemote ? 'remote' : null),
    employment: j.employmentType?.replace(/([a-z])([A-Z])/g, '$1-$2') ?? null,
    salaries: pay,
    postedAt: j.publishedAt ?? null,
    url: j.jobUrl ?? null,
    description: j.descriptionHtml ?? j.descriptionPlain ?? '',
  };
}
