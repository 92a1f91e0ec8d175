// Postings people add from Slack (pasted text or a link): read and checked before anything is kept, saved with who
// added them and when, served through the catalog like any other source, and removed only by whoever added them
// or an admin. Slack-free: the Slack listeners and tests drive it the same way.
import { createHash } from 'node:crypto';
import { parsePostings, type Posting } from '../postings/index.ts';
import { readPostingLink } from './links.ts';
import type { PageLimits } from './page.ts';
import type { FeedBases } from './spec.ts';

/** The catalog's source key for these postings. */
export const ADDED_SOURCE = 'slack';
/** Added postings' ids start with this, so a front end can offer Remove on their cards. */
export const ADDED_ID_PREFIX = 'added-';
export const isAddedId = (id: string): boolean => id.startsWith(ADDED_ID_PREFIX);
/** Longer text is not a posting someone pasted; a board posting is rarely over 15,000 characters. */
export const MAX_INPUT = 20_000;
/** A "who is hiring" post can hold several roles; more than this at once is not one posting. */
export const MAX_ROLES = 20;
/** A text this short with one link in it is a pointer to the posting, not the posting. */
const SHORT_TEXT = 400;
/** Postings one person may have added at a time: enough for a recruiter, not a flood. */
export const MAX_PER_USER = 500;

export interface AddedRecord {
  /** The number people use to remove it ("/jobs remove 3"). */
  n: number;
  input: string;
  url: string | null;
  hash: string;
  postings: Posting[];
  addedBy: string;
  addedAt: string;
}

/** Where added postings live (the SQLite store provides it). */
export interface AddedStore {
  all(): AddedRecord[];
  get(n: number): AddedRecord | null;
  byHash(hash: string): AddedRecord | null;
  countBy(userId: string): number;
  insert(rec: Omit<AddedRecord, 'n' | 'postings'>, build: (n: number) => Posting[]): AddedRecord;
  remove(n: number): boolean;
}

/** What was read from an input, before it is saved. */
export interface Draft {
  input: string;
  url: string | null;
  postings: Posting[];
}

/** `link`: the one link in a short text ("We're hiring! https://…"), read when the text itself is no posting. */
export type Checked = { ok: true; kind: 'text'; text: string; link: string | null } | { ok: true; kind: 'link'; url: string } | { ok: false; error: string };
export type Read = { ok: true; draft: Draft } | { ok: false; error: string; duplicateOf?: AddedRecord };

/** A single http(s) URL and nothing else. */
function asLink(s: string): string | null {
  if (s.length > 2000 || /\s/.test(s) || !/^https?:\/\//i.test(s)) return null;
  try {
    const u = new URL(s);
    return u.hostname ? u.href : null;
  } catch {
    return null;
  }
}

/** "https://x/jobs/1." at the end of a sentence: the stop is not part of the link. */
function trimPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && '.,;:!?'.includes(url[end - 1]!)) end--;
  return url.slice(0, end);
}

const hashOf = (s: string): string => createHash('sha256').update(s.replace(/\s+/g, ' ').trim()).digest('hex');

/** A posting needs a title and at least one other fact a reader would use; chat about jobs has neither. */
function looksLikePosting(p: Posting): boolean {
  return Boolean(p.title && (p.company || p.locations.length || p.workMode || p.salaries.length || p.requirements.length || p.responsibilities.length || p.yearsExperience));
}

export interface AddedOptions {
  bases?: FeedBases;
  limits?: PageLimits;
  /** Hosts inside the network that links may still name (an intranet careers site). */
  privateHosts?: string[];
  /** Users who may remove any added posting. */
  admins?: string[];
  now?: () => Date;
}

export class AddedPostings {
  constructor(private store: AddedStore, private publish: (postings: Posting[]) => void, private opts: AddedOptions = {}) {}

  /** Every added posting, for the catalog at start-up and after each change. */
  postings(): Posting[] {
    return this.store.all().flatMap((r) => r.postings);
  }

  /** Publishes what the store holds (at start-up). */
  load(): number {
    const all = this.postings();
    this.publish(all);
    return all.length;
  }

  /** The checks that need no network: empty, too long, a link or text. */
  check(input: string): Checked {
    const text = input.replace(/\r\n?/g, '\n').trim();
    if (!text) return { ok: false, error: 'Paste the text of a job posting, or a link to one.' };
    if (text.length > MAX_INPUT) return { ok: false, error: `That is ${text.length.toLocaleString('en-US')} characters; a posting can be at most ${MAX_INPUT.toLocaleString('en-US')}. Paste the posting alone, or a link to it.` };
    const url = asLink(text);
    if (url) return { ok: true, kind: 'link', url };
    if (!/\s/.test(text) && /^[a-z][a-z0-9+.-]{0,30}:\/\//i.test(text)) return { ok: false, error: 'Only http and https links can be read.' };
    const links = text.length <= SHORT_TEXT ? (text.match(/https?:\/\/[^\s<>()]{1,2000}/gi) ?? []) : [];
    return { ok: true, kind: 'text', text, link: links.length === 1 ? asLink(trimPunctuation(links[0]!)) : null };
  }

  private duplicate(hash: string): Read | null {
    const dup = this.store.byHash(hash);
    return dup ? { ok: false, error: `This posting was already added (number ${dup.n}, on ${dup.addedAt.slice(0, 10)}).`, duplicateOf: dup } : null;
  }

  /** Reads pasted text; fast enough to answer within Slack's 3 seconds. */
  readText(text: string): Read {
    const dup = this.duplicate(hashOf(text));
    if (dup) return dup;
    const postings = parsePostings(text, { file: `${ADDED_SOURCE}/draft`, board: ADDED_SOURCE });
    const usable = postings.filter(looksLikePosting);
    if (!usable.length) {
      return { ok: false, error: postings.some((p) => p.title) ? 'That does not look like a job posting: there is a title, but no company, place, work mode, pay or requirements. Paste the whole posting.' : 'That does not look like a job posting: no job title was found. Paste the whole posting, starting with its title.' };
    }
    if (usable.length > MAX_ROLES) return { ok: false, error: `That holds ${usable.length} roles; add at most ${MAX_ROLES} at a time.` };
    return { ok: true, draft: { input: text, url: null, postings: usable } };
  }

  /** Fetches and reads a link (a board's job page, or a page with a schema.org JobPosting). */
  async readLink(url: string): Promise<Read> {
    const dup = this.duplicate(hashOf(url));
    if (dup) return dup;
    try {
      const postings = (await readPostingLink(url, { bases: this.opts.bases, limits: this.opts.limits, privateHosts: this.opts.privateHosts, file: `${ADDED_SOURCE}/draft` })).filter((p) => p.title);
      if (!postings.length) return { ok: false, error: 'That link has no job posting openroles can read.' };
      return { ok: true, draft: { input: url, url, postings: postings.slice(0, MAX_ROLES) } };
    } catch (err) {
      return { ok: false, error: `That link could not be read: ${(err as Error).message}.` };
    }
  }

  /**
   * What an input needs: an answer at once (a failed check, pasted text read), or a link to fetch, which takes
   * longer than Slack waits. A short text that is no posting but holds one link is read through that link.
   */
  begin(input: string): { now: Read } | { fetch: string } {
    const c = this.check(input);
    if (!c.ok) return { now: c };
    if (c.kind === 'link') return { fetch: c.url };
    const r = this.readText(c.text);
    return r.ok || !c.link || r.duplicateOf ? { now: r } : { fetch: c.link };
  }


  /** Keeps a draft: its postings get ids of their own and go live at once. */
  save(draft: Draft, userId: string): Read & { record?: AddedRecord } {
    const hash = hashOf(draft.input);
    const dup = this.duplicate(hash);
    if (dup) return dup;
    if (this.store.countBy(userId) >= MAX_PER_USER) {
      return { ok: false, error: `You have added ${MAX_PER_USER} postings, the most one person can; remove some with /jobs remove first.` };
    }
    const at = (this.opts.now?.() ?? new Date()).toISOString();
    const record = this.store.insert({ input: draft.input, url: draft.url, hash, addedBy: userId, addedAt: at }, (n) =>
      draft.postings.map((p, i) => ({
        ...p,
        id: `${ADDED_ID_PREFIX}${n}${draft.postings.length > 1 ? `-${i + 1}` : ''}`,
        source: { file: `${ADDED_SOURCE}/${n}`, board: ADDED_SOURCE, ...(p.source.url ?? draft.url ? { url: p.source.url ?? draft.url! } : {}) },
        postedAt: p.postedAt ?? at,
      })),
    );
    this.publish(this.postings());
    return { ok: true, draft, record };
  }

  isAdmin(userId: string): boolean {
    return (this.opts.admins ?? []).includes(userId);
  }

  canRemove(rec: AddedRecord, userId: string): boolean {
    return rec.addedBy === userId || this.isAdmin(userId);
  }

  /** The record a number or a posting id names. */
  find(ref: string | number): AddedRecord | null {
    const s = String(ref).trim().replace(/^#/, '');
    const m = new RegExp(`^(?:${ADDED_ID_PREFIX})?(\\d{1,9})(?:-\\d{1,3})?$`).exec(s);
    return m ? this.store.get(Number(m[1])) : null;
  }

  /** Removes an added posting if `userId` added it or is an admin. */
  remove(ref: string | number, userId: string): { ok: true; record: AddedRecord } | { ok: false; reason: 'not-found' | 'not-allowed'; record?: AddedRecord } {
    const record = this.find(ref);
    if (!record) return { ok: false, reason: 'not-found' };
    if (!this.canRemove(record, userId)) return { ok: false, reason: 'not-allowed', record };
    this.store.remove(record.n);
    this.publish(this.postings());
    return { ok: true, record };
  }

  /** The records a person may remove: their own, or all of them for an admin. */
  removableBy(userId: string): AddedRecord[] {
    return this.store.all().filter((r) => this.canRemove(r, userId));
  }
}
