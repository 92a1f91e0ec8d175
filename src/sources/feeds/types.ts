// A source of postings other than a folder: an ATS job board or a JSON-LD page.
import type { Posting } from '../../postings/index.ts';
import type { Validators } from './http.ts';

export interface FeedResult {
  /** null when the feed answered "not modified": the last postings still stand. */
  postings: Posting[] | null;
  validators: Validators;
}

export interface Feed {
  /** "greenhouse:acme", as configured; also the posting's source file. */
  name: string;
  fetch(validators: Validators): Promise<FeedResult>;
}
