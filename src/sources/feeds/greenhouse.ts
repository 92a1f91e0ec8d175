// Greenhouse Job Board API: jobs with content=true (escaped HTML), pay from pay_input_ranges in cents.
import { z } from 'zod';
import { entryId, listOf, longText, num, optionalObject, readEntries, text } from './entries.ts';
import { defineFeed, listIn } from './feed.ts';
import { fetchFeed } from './http.ts';
import { feedPosting, feedSalary, type FeedFields } from './map.ts';
import type { Feed, FeedOptions } from './types.ts';

const GhPay = z.object({ min_cents: num, max_cents: num, currency_type: text(10), title: text(), blurb: text() });
type GhPay = z.output<typeof GhPay>;
/** A job as the board API lists it, or as its single-job endpoint answers (which adds company_name). */
export const GhJob = z.object({
  id: entryId,
  title: text(),
  company_name: text(),
  updated_at: text(40),
  first_published: text(40),
  absolute_url: text(2000),
  location: optionalObject({ name: text() }),
  content: longText,
  departments: listOf(z.object({ name: text() })),
  pay_input_ranges: listOf(GhPay),
});
type GhJob = z.output<typeof GhJob>;

/** A job's fields; `pay` from the single-job endpoint when the list entry carried none. */
export function greenhouseFields(job: GhJob, company: string, pay: readonly GhPay[] = job.pay_input_ranges): FeedFields {
  // Split on the separators, then trim: a pattern with spaces around them backtracks on long runs of spaces.
  const places = (job.location?.name ?? '').split(/[;|]/).map((l) => l.trim()).filter(Boolean);
  const remote = places.filter((l) => /\bremote\b/i.test(l));
  return {
    externalId: job.id,
    title: job.title ?? 'Untitled role',
    company,
    team: job.departments[0]?.name ?? null,
    locations: places.filter((l) => !/\bremote\b/i.test(l)),
    workMode: remote.length ? 'remote' : null,
    remoteRegions: remote.map((l) => l.replace(/^remote\s*[-–(,:]?\s*/i, '').replace(/\)$/, '')).filter(Boolean),
    salaries: pay
      .map((p) => feedSalary(p.min_cents != null ? p.min_cents / 100 : null, p.max_cents != null ? p.max_cents / 100 : null, p.currency_type, 'year', [p.title, p.blurb].filter(Boolean).join(' — ') || 'pay range'))
      .filter((s) => s !== null),
    postedAt: job.first_published ?? job.updated_at ?? null,
    url: job.absolute_url ?? null,
    description: job.content ?? '',
  };
}

/** What a detail request needs of a list entry; readEntries checks the whole entry once, later. */
const GhJobKey = GhJob.pick({ id: true, updated_at: true });

/** Detail requests for pay run a few at a time, each short, all within a budget, so one slow job delays nothing much. */
const DETAILS = { concurrency: 4, timeoutMs: 5_000, budgetMs: 60_000 };

export function greenhouseFeed(board: string, company: string, opts: FeedOptions = {}): Feed {
  const root = `${(opts.base ?? 'https://boards-api.greenhouse.io').replace(/\/$/, '')}/v1/boards/${encodeURIComponent(board)}`;
  const name = `greenhouse:${board}`;
  // Pay read from the single-job endpoint, by job and its update time, so an unchanged job is not asked again.
  const payCache = new Map<string, GhPay[]>();
  return defineFeed(name, async (validators) => {
    const list = await fetchFeed(`${root}/jobs?content=true`, { ...opts.limits, validators });
    if (list.status === 'not-modified') return { postings: null, validators };
    const items = listIn(list.body, 'jobs');
    const pays = await detailPay(root, items, payCache, opts);
    const { postings, skipped } = await readEntries(items, GhJob, (job) => feedPosting(name, greenhouseFields(job, company, pays.get(job.id))));
    return { postings, skipped, validators: { etag: list.etag, lastModified: list.lastModified } };
  }, opts);
}

/**
 * Pay ranges come only with the single-job endpoint and pay_transparency: asked for the jobs whose list entry has
 * none, a few at a time; a job that fails or is not reached within the budget is shown without pay this time.
 */
async function detailPay(root: string, items: readonly unknown[], cache: Map<string, GhPay[]>, opts: FeedOptions): Promise<Map<string, GhPay[]>> {
  const wanted: Array<{ id: string; key: string }> = [];
  for (const raw of items) {
    // A list entry that carries pay_input_ranges (even empty) has said all there is.
    if (!raw || typeof raw !== 'object' || Array.isArray((raw as { pay_input_ranges?: unknown }).pay_input_ranges)) continue;
    const job = GhJobKey.safeParse(raw);
    if (job.success) wanted.push({ id: job.data.id, key: `${job.data.id}@${job.data.updated_at ?? ''}` });
  }
  const out = new Map<string, GhPay[]>();
  const deadline = Date.now() + DETAILS.budgetMs;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < wanted.length && Date.now() < deadline) {
      const { id, key } = wanted[next++]!;
      const cached = cache.get(key);
      if (cached) {
        out.set(id, cached);
        continue;
      }
      const timeoutMs = Math.min(opts.limits?.timeoutMs ?? DETAILS.timeoutMs, DETAILS.timeoutMs);
      const detail = await fetchFeed(`${root}/jobs/${encodeURIComponent(id)}?pay_transparency=true`, { ...opts.limits, timeoutMs, retries: 0, budgetMs: Math.max(1, deadline - Date.now()) }).catch(() => null);
      if (detail?.status !== 'ok') continue;
      const parsed = z.object({ pay_input_ranges: listOf(GhPay) }).safeParse(detail.body);
      const pay = parsed.success ? parsed.data.pay_input_ranges : [];
      cache.set(key, pay);
      out.set(id, pay);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DETAILS.concurrency, wanted.length) }, worker));
  // Only the jobs still listed stay cached.
  const live = new Set(wanted.map((w) => w.key));
  for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
  return out;
}
