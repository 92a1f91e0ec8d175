// Lever Postings API (mode=json, paged with skip/limit): text is the title, categories, workplaceType, lists, salaryRange.
import { z } from 'zod';
import { ENTRY_LIMITS, entryId, listOf, longText, num, optionalObject, readEntries, text } from './entries.ts';
import { defineFeed } from './feed.ts';
import { fetchFeed, SourceError, SourceErrorCode } from './http.ts';
import { periodOf, workModeOf } from '../../postings/index.ts';
import { feedPosting, feedSalary, type FeedFields } from './map.ts';
import type { Feed, FeedOptions } from './types.ts';

/** A posting as the Postings API answers it, listed or alone. */
export const LeverPosting = z.object({
  id: entryId,
  text: text(),
  categories: optionalObject({ team: text(), department: text(), location: text(), commitment: text(), allLocations: listOf(z.string().max(ENTRY_LIMITS.field)) }),
  workplaceType: text(40),
  description: longText,
  descriptionPlain: longText,
  lists: listOf(z.object({ text: text(), content: longText })),
  salaryRange: optionalObject({ min: num, max: num, currency: text(10), interval: text(40) }),
  salaryDescription: text(),
  hostedUrl: text(2000),
  createdAt: num,
});

const PAGE = 100;

export function leverFeed(site: string, company: string, opts: FeedOptions = {}): Feed {
  const name = `lever:${site}`;
  const root = `${(opts.base ?? 'https://api.lever.co').replace(/\/$/, '')}/v0/postings/${encodeURIComponent(site)}?mode=json`;
  return defineFeed(name, async (validators) => {
    const all: unknown[] = [];
    let first = true;
    let etag: string | null = null;
    let lastModified: string | null = null;
    // Pages stop at the entry limit, so a feed that never ends cannot keep the refresh going.
    for (let skip = 0; skip <= ENTRY_LIMITS.entries; skip += PAGE) {
      const page = await fetchFeed(`${root}&skip=${skip}&limit=${PAGE}`, { ...opts.limits, validators: first ? validators : undefined });
      if (page.status === 'not-modified') return { postings: null, validators };
      if (first) ({ etag, lastModified } = page);
      first = false;
      if (!Array.isArray(page.body)) throw new SourceError(SourceErrorCode.Format, 'the answer is not a list of postings');
      all.push(...page.body);
      if (page.body.length < PAGE) break;
    }
    const { postings, skipped } = await readEntries(all, LeverPosting, (p) => feedPosting(name, leverFields(p, company)));
    return { postings, skipped, validators: { etag, lastModified } };
  }, opts);
}

/** A posting's fields. */
export function leverFields(p: z.output<typeof LeverPosting>, company: string): FeedFields {
  const c = p.categories;
  const range = p.salaryRange;
  const salary = range ? feedSalary(range.min, range.max, range.currency, periodOf(range.interval), p.salaryDescription ?? `${range.min ?? ''}–${range.max ?? ''} ${range.currency ?? ''} ${range.interval ?? ''}`.trim()) : null;
  return {
    externalId: p.id,
    title: p.text ?? 'Untitled role',
    company,
    team: c?.team ?? c?.department ?? null,
    locations: (c?.allLocations.length ? c.allLocations : c?.location ? [c.location] : []).filter((l) => !/^remote$/i.test(l)),
    workMode: workModeOf(p.workplaceType),
    employment: c?.commitment ?? null,
    salaries: salary ? [salary] : [],
    postedAt: p.createdAt && Number.isFinite(new Date(p.createdAt).getTime()) ? new Date(p.createdAt).toISOString() : null,
    url: p.hostedUrl ?? null,
    description: p.description ?? p.descriptionPlain ?? '',
    sections: p.lists.map((l) => ({ title: l.text ?? '', html: l.content ?? '' })),
  };
}
