// Lever Postings API (mode=json, paged with skip/limit): text is the title, categories, workplaceType, lists, salaryRange.
import { fetchFeed, SourceError, SourceErrorCode } from './http.ts';
import { feedPosting, feedSalary, modeOf, periodOf } from './map.ts';
import type { Feed } from './types.ts';

interface LeverPosting {
  id: string;
  text?: string;
  categories?: { team?: string; department?: string; location?: string; commitment?: string; allLocations?: string[] };
  workplaceType?: string;
  description?: string;
  descriptionPlain?: string;
  lists?: Array<{ text?: string; content?: string }>;
  additional?: string;
  salaryRange?: { min?: number; max?: number; currency?: string; interval?: string };
  salaryDescription?: string;
  hostedUrl?: string;
  createdAt?: number;
}

const PAGE = 100;

export function leverFeed(site: string, company: string, base = 'https://api.lever.co'): Feed {
  const name = `lever:${site}`;
  const root = `${base.replace(/\/$/, '')}/v0/postings/${encodeURIComponent(site)}?mode=json`;
  return {
    name,
    async fetch(validators) {
      const all: LeverPosting[] = [];
      let first = true;
      let etag: string | null = null;
      let lastModified: string | null = null;
      for (let skip = 0; ; skip += PAGE) {
        const page = await fetchFeed(`${root}&skip=${skip}&limit=${PAGE}`, { validators: first ? validators : undefined });
        if (page.status === 'not-modified') return { postings: null, validators };
        if (first) ({ etag, lastModified } = page);
        first = false;
        if (!Array.isArray(page.body)) throw new SourceError(SourceErrorCode.Format, `${name}: the answer is not a list of postings`);
        all.push(...(page.body as LeverPosting[]));
        if ((page.body as unknown[]).length < PAGE) break;
      }
      const postings = all.map((p) => {
        const c = p.categories ?? {};
        const range = p.salaryRange;
        const salary = range ? feedSalary(range.min, range.max, range.currency, periodOf(range.interval), p.salaryDescription ?? `${range.min ?? ''}–${range.max ?? ''} ${range.currency ?? ''} ${range.interval ?? ''}`.trim()) : null;
        const mode = modeOf(p.workplaceType);
        return feedPosting(name, {
          externalId: p.id,
          title: p.text ?? 'Untitled role',
          company,
          team: c.team ?? c.department ?? null,
          locations: (c.allLocations?.length ? c.allLocations : c.location ? [c.location] : []).filter((l) => !/^remote$/i.test(l)),
          workMode: mode,
          employment: c.commitment ?? null,
          salaries: salary ? [salary] : [],
          postedAt: p.createdAt ? new Date(p.createdAt).toISOString() : null,
          url: p.hostedUrl ?? null,
          description: p.description ?? p.descriptionPlain ?? '',
          sections: (p.lists ?? []).map((l) => ({ title: l.text ?? '', html: l.content ?? '' })),
        });
      });
      return { postings, validators: { etag, lastModified } };
    },
  };
}
