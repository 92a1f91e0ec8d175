// Greenhouse Job Board API: jobs with content=true (escaped HTML), pay from pay_input_ranges in cents.
import { fetchFeed, SourceError, SourceErrorCode } from './http.ts';
import { feedPosting, feedSalary } from './map.ts';
import type { Feed } from './types.ts';

interface GhPay { min_cents?: number; max_cents?: number; currency_type?: string; title?: string; blurb?: string }
interface GhJob {
  id: number | string;
  title?: string;
  updated_at?: string;
  first_published?: string;
  absolute_url?: string;
  location?: { name?: string };
  content?: string;
  departments?: Array<{ name?: string }>;
  offices?: Array<{ name?: string; location?: string }>;
  pay_input_ranges?: GhPay[];
}

export function greenhouseFeed(board: string, company: string, base = 'https://boards-api.greenhouse.io'): Feed {
  const root = `${base.replace(/\/$/, '')}/v1/boards/${encodeURIComponent(board)}`;
  const name = `greenhouse:${board}`;
  return {
    name,
    async fetch(validators) {
      const list = await fetchFeed(`${root}/jobs?content=true`, { validators });
      if (list.status === 'not-modified') return { postings: null, validators };
      const jobs = (list.body as { jobs?: GhJob[] }).jobs;
      if (!Array.isArray(jobs)) throw new SourceError(SourceErrorCode.Format, `${name}: the answer has no "jobs" list`);
      const postings = [];
      for (const job of jobs) {
        let pay = job.pay_input_ranges;
        if (!pay) {
          // Pay ranges come only with the single-job endpoint and pay_transparency.
          const detail = await fetchFeed(`${root}/jobs/${job.id}?pay_transparency=true`).catch(() => null);
          if (detail?.status === 'ok') pay = (detail.body as GhJob).pay_input_ranges;
        }
        const salaries = (pay ?? [])
          .map((p) => feedSalary(p.min_cents != null ? p.min_cents / 100 : null, p.max_cents != null ? p.max_cents / 100 : null, p.currency_type, 'year', [p.title, p.blurb].filter(Boolean).join(' — ') || 'pay range'))
          .filter((s) => s !== null);
        const locations = (job.location?.name ?? '').split(/\s*;\s*|\s+\|\s+/).filter(Boolean);
        postings.push(feedPosting(name, {
          externalId: String(job.id),
          title: job.title ?? 'Untitled role',
          company,
          team: job.departments?.[0]?.name ?? null,
          locations: locations.filter((l) => !/\bremote\b/i.test(l)),
          workMode: locations.some((l) => /remote/i.test(l)) ? 'remote' : null,
          remoteRegions: locations.filter((l) => /remote/i.test(l)).map((l) => l.replace(/^remote\s*[-–(,:]?\s*/i, '').replace(/\)$/, '')).filter(Boolean),
          salaries,
          postedAt: job.first_published ?? job.updated_at ?? null,
          url: job.absolute_url ?? null,
          description: job.content ?? '',
        }));
      }
      return { postings, validators: { etag: list.etag, lastModified: list.lastModified } };
    },
  };
}
