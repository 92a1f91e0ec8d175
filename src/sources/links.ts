// A link to one posting → Postings: a Greenhouse, Lever or Ashby job page is read through its board's public API
// (the same mapping as the feeds, so the role has the same id as when a feed lists it); any other page must carry a
// schema.org JobPosting. Every fetch is bounded (see page.ts).
import { parsePostings, periodOf, workModeOf, type Posting } from '../postings/index.ts';
import { SourceError, SourceErrorCode } from './feeds/http.ts';
import { feedPosting, feedSalary, type FeedFields } from './feeds/map.ts';
import type { FeedBases } from './spec.ts';
import { assertPublicHost, fetchPage, PAGE_LIMITS, type PageLimits } from './page.ts';

export type BoardKind = 'greenhouse' | 'lever' | 'ashby';

export interface BoardLink {
  kind: BoardKind;
  /** The board, site or organisation name. */
  board: string;
  /** The job's id on that board. */
  job: string;
}

/** The hosts whose job pages are read through their board's API; also the manifest's unfurl domains. */
export const BOARD_HOSTS: Record<string, BoardKind> = {
  'boards.greenhouse.io': 'greenhouse',
  'job-boards.greenhouse.io': 'greenhouse',
  'jobs.lever.co': 'lever',
  'jobs.ashbyhq.com': 'ashby',
};

const SEGMENT = /^[A-Za-z0-9._~-]{1,100}$/;

/** Recognises a job page on a known board; null for anything else (a board's index page, another site). */
export function boardLink(url: string): BoardLink | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const kind = BOARD_HOSTS[u.hostname.toLowerCase()];
  if (!kind || (u.protocol !== 'https:' && u.protocol !== 'http:')) return null;
  const parts = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let board: string | undefined;
  let job: string | undefined;
  if (kind === 'greenhouse') {
    if (parts[0] === 'embed' && parts[1] === 'job_app') [board, job] = [u.searchParams.get('for') ?? undefined, u.searchParams.get('token') ?? undefined];
    else if (parts[1] === 'jobs') [board, job] = [parts[0], parts[2]];
    if (job && !/^\d+$/.test(job)) return null;
  } else {
    // jobs.lever.co/SITE/ID[/apply], jobs.ashbyhq.com/ORG/ID[/application]
    [board, job] = [parts[0], parts[1]];
  }
  if (!board || !job || !SEGMENT.test(board) || !SEGMENT.test(job)) return null;
  return { kind, board, job };
}

const company = (board: string): string => board.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

async function json(url: string, limits: PageLimits): Promise<unknown> {
  const page = await fetchPage(url, limits, 'application/json');
  try {
    return JSON.parse(page.text);
  } catch {
    throw new SourceError(SourceErrorCode.Format, `${new URL(url).host} did not answer JSON`);
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function greenhouseFields(link: BoardLink, j: Record<string, unknown>): FeedFields {
  // Split on the separators, then trim: a pattern with spaces around them backtracks on long runs of spaces.
  const places = (str(obj(j.location).name) ?? '').split(/[;|]/).map((l) => l.trim()).filter(Boolean);
  const remote = places.filter((l) => /\bremote\b/i.test(l));
  return {
    externalId: link.job,
    title: str(j.title) ?? 'Untitled role',
    company: str(j.company_name) ?? company(link.board),
    team: str(obj(arr(j.departments)[0]).name),
    locations: places.filter((l) => !/\bremote\b/i.test(l)),
    workMode: remote.length ? 'remote' : null,
    remoteRegions: remote.map((l) => l.replace(/^remote\s*[-–(,:]?\s*/i, '').replace(/\)$/, '')).filter(Boolean),
    salaries: arr(j.pay_input_ranges).map((x) => {
      const p = obj(x);
      const cents = (v: unknown): number | null => (num(v) === null ? null : num(v)! / 100);
      return feedSalary(cents(p.min_cents), cents(p.max_cents), str(p.currency_type), 'year', [str(p.title), str(p.blurb)].filter(Boolean).join(' — ') || 'pay range');
    }).filter((s) => s !== null),
    postedAt: str(j.first_published) ?? str(j.updated_at),
    url: str(j.absolute_url),
    description: str(j.content) ?? '',
  };
}

function leverFields(link: BoardLink, p: Record<string, unknown>): FeedFields {
  const c = obj(p.categories);
  const range = obj(p.salaryRange);
  const salary = p.salaryRange ? feedSalary(num(range.min), num(range.max), str(range.currency), periodOf(str(range.interval)), str(p.salaryDescription) ?? 'pay range') : null;
  const all = arr(c.allLocations).map(str).filter((l): l is string => !!l);
  return {
    externalId: link.job,
    title: str(p.text) ?? 'Untitled role',
    company: company(link.board),
    team: str(c.team) ?? str(c.department),
    locations: (all.length ? all : [str(c.location)].filter((l): l is string => !!l)).filter((l) => !/^remote$/i.test(l)),
    workMode: workModeOf(str(p.workplaceType)),
    employment: str(c.commitment),
    salaries: salary ? [salary] : [],
    postedAt: num(p.createdAt) ? new Date(num(p.createdAt)!).toISOString() : null,
    url: str(p.hostedUrl),
    description: str(p.description) ?? str(p.descriptionPlain) ?? '',
    sections: arr(p.lists).map((l) => ({ title: str(obj(l).text) ?? '', html: str(obj(l).content) ?? '' })),
  };
}

function ashbyFields(link: BoardLink, j: Record<string, unknown>): FeedFields {
  const comp = obj(j.compensation);
  const pay = arr(comp.summaryComponents).map(obj)
    .filter((c) => !str(c.compensationType) || /salary|hourly|wage/i.test(String(c.compensationType)))
    .map((c) => feedSalary(num(c.minValue), num(c.maxValue), str(c.currencyCode), periodOf(str(c.interval)), str(comp.compensationTierSummary) ?? 'pay range'))
    .filter((s) => s !== null);
  const places = [str(j.location), ...arr(j.secondaryLocations).map((l) => str(obj(l).location))].filter((l): l is string => !!l && !/^remote$/i.test(l));
  return {
    externalId: link.job,
    title: str(j.title) ?? 'Untitled role',
    company: company(link.board),
    team: str(j.team) ?? str(j.department),
    locations: places,
    workMode: workModeOf(str(j.workplaceType)) ?? (j.isRemote === true ? 'remote' : null),
    employment: str(j.employmentType)?.replace(/([a-z])([A-Z])/g, '$1-$2') ?? null,
    salaries: pay,
    postedAt: str(j.publishedAt),
    url: str(j.jobUrl),
    description: str(j.descriptionHtml) ?? str(j.descriptionPlain) ?? '',
  };
}

const ASHBY_BOARD_MAX_BYTES = 8 * 1024 * 1024;

const DEFAULT_BASES: Required<FeedBases> = { greenhouse: 'https://boards-api.greenhouse.io', lever: 'https://api.lever.co', ashby: 'https://api.ashbyhq.com' };

/** Reads one job of a board through the board's public API. */
export async function readBoardLink(link: BoardLink, bases: FeedBases = {}, limits: PageLimits = PAGE_LIMITS): Promise<Posting> {
  const base = (bases[link.kind] ?? DEFAULT_BASES[link.kind]).replace(/\/$/, '');
  const board = encodeURIComponent(link.board);
  const job = encodeURIComponent(link.job);
  const feed = `${link.kind}:${link.board}`;
  let fields: FeedFields;
  if (link.kind === 'greenhouse') {
    fields = greenhouseFields(link, obj(await json(`${base}/v1/boards/${board}/jobs/${job}?pay_transparency=true`, limits)));
  } else if (link.kind === 'lever') {
    fields = leverFields(link, obj(await json(`${base}/v0/postings/${board}/${job}?mode=json`, limits)));
  } else {
    // Ashby's public API lists a whole board (descriptions included); the job is found in it by id. A big board
    // runs to megabytes, so this one answer may be larger than a single page.
    const boardLimits = { ...limits, maxBytes: Math.max(limits.maxBytes, ASHBY_BOARD_MAX_BYTES) };
    const found = arr(obj(await json(`${base}/posting-api/job-board/${board}?includeCompensation=true`, boardLimits)).jobs).map(obj).find((j) => j.id === link.job);
    if (!found) throw new SourceError(SourceErrorCode.Format, `the ${link.board} board on Ashby has no open job with that id`);
    fields = ashbyFields(link, found);
  }
  if (!str(fields.title) || fields.title === 'Untitled role') throw new SourceError(SourceErrorCode.Format, `${link.kind} answered without a job title`);
  return feedPosting(feed, fields);
}

/**
 * The postings behind any link: a board's job page through its API, any other page through the schema.org
 * JobPosting it embeds. `file` names the source the postings are recorded under.
 */
export async function readPostingLink(url: string, opts: { bases?: FeedBases; limits?: PageLimits; file: string; privateHosts?: string[] }): Promise<Posting[]> {
  const link = boardLink(url);
  if (link) {
    const p = await readBoardLink(link, opts.bases, opts.limits);
    return [{ ...p, source: { ...p.source, url: p.source.url ?? url } }];
  }
  // Board links go to the configured APIs; any other link is a host a person chose, so it must be a public one.
  await assertPublicHost(url, opts.privateHosts);
  const page = await fetchPage(url, opts.limits);
  if (!/JobPosting/.test(page.text)) throw new SourceError(SourceErrorCode.Format, 'the page has no schema.org JobPosting');
  const postings = parsePostings(page.text, { file: opts.file, board: null }).filter((p) => p.title);
  if (!postings.length) throw new SourceError(SourceErrorCode.Format, 'the page’s JobPosting names no job title');
  return postings.map((p) => ({ ...p, source: { ...p.source, url } }));
}
