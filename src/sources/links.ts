// A link to one posting → Postings: a Greenhouse, Lever or Ashby job page is read through its board's public API
// (the same schema and mapping as the feeds, so the role reads and is numbered as when a feed lists it); any other
// page must carry a schema.org JobPosting. Every fetch is bounded (see page.ts).
import { z } from 'zod';
import { parsePostings, type Posting } from '../postings/index.ts';
import { AshbyJob, ashbyFields } from './feeds/ashby.ts';
import { GhJob, greenhouseFields } from './feeds/greenhouse.ts';
import { SourceError, SourceErrorCode } from './feeds/http.ts';
import { LeverPosting, leverFields } from './feeds/lever.ts';
import { feedPosting, type FeedFields } from './feeds/map.ts';
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

/**
 * Checks a board's answer with the same schema its feed uses: a field of the wrong type counts as missing, so an
 * answer that is no job at all reads as one without a title. The job's id is the link's.
 */
function entry<T>(schema: z.ZodType<T>, link: BoardLink, body: unknown): T {
  const parsed = schema.safeParse({ ...(body && typeof body === 'object' && !Array.isArray(body) ? body : {}), id: link.job });
  if (!parsed.success) throw new SourceError(SourceErrorCode.Format, `${link.kind} answered in a shape openroles cannot read`);
  return parsed.data;
}

const AshbyBoard = z.object({ jobs: z.array(z.unknown()).catch([]) }).catch({ jobs: [] });

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
    const j = entry(GhJob, link, await json(`${base}/v1/boards/${board}/jobs/${job}?pay_transparency=true`, limits));
    fields = greenhouseFields(j, j.company_name ?? company(link.board));
  } else if (link.kind === 'lever') {
    fields = leverFields(entry(LeverPosting, link, await json(`${base}/v0/postings/${board}/${job}?mode=json`, limits)), company(link.board));
  } else {
    // Ashby's public API lists a whole board (descriptions included); the job is found in it by id. A big board
    // runs to megabytes, so this one answer may be larger than a single page.
    const boardLimits = { ...limits, maxBytes: Math.max(limits.maxBytes, ASHBY_BOARD_MAX_BYTES) };
    const listed = AshbyBoard.parse(await json(`${base}/posting-api/job-board/${board}?includeCompensation=true`, boardLimits)).jobs;
    const found = listed.find((j) => (j as { id?: unknown } | null)?.id === link.job);
    if (!found) throw new SourceError(SourceErrorCode.Format, `the ${link.board} board on Ashby has no open job with that id`);
    fields = ashbyFields(entry(AshbyJob, link, found), company(link.board));
  }
  if (!fields.title.trim() || fields.title === 'Untitled role') throw new SourceError(SourceErrorCode.Format, `${link.kind} answered without a job title`);
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
  const page = await fetchPage(url, opts.limits, undefined, opts.privateHosts ?? []);
  if (!/JobPosting/.test(page.text)) throw new SourceError(SourceErrorCode.Format, 'the page has no schema.org JobPosting');
  const postings = parsePostings(page.text, { file: opts.file, board: null }).filter((p) => p.title);
  if (!postings.length) throw new SourceError(SourceErrorCode.Format, 'the page’s JobPosting names no job title');
  return postings.map((p) => ({ ...p, source: { ...p.source, url } }));
}
