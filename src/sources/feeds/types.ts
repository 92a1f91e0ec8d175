// A source of postings other than a folder: an ATS job board or a JSON-LD page.
import type { Logger } from 'pino';
import type { Posting } from '../../postings/index.ts';
import type { FetchLimits } from '../http.ts';
import type { Skipped } from './entries.ts';
import type { Validators } from './http.ts';

export interface FeedResult {
  /** null when the feed answered "not modified": the last postings still stand. */
  postings: Posting[] | null;
  validators: Validators;
  /** Entries left out because they were not what the feed promises. */
  skipped?: Skipped[];
}

export interface Feed {
  /** "greenhouse:acme", as configured (secrets redacted); also the posting's source file. */
  name: string;
  fetch(validators: Validators): Promise<FeedResult>;
  /** Entries skipped at the last fetch that brought postings. */
  skipped?(): readonly Skipped[];
}

/** How a feed is built: its API's base URL (proxies, tests), the limits of its requests, where it reports. */
export interface FeedOptions {
  base?: string;
  limits?: Partial<FetchLimits>;
  log?: Logger;
}
