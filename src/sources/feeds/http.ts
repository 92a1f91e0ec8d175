// Fetching a feed through the bounded fetch: conditional requests (ETag / If-Modified-Since), JSON or text, and
// errors that say which source failed.
import { boundedFetch, FetchError, FetchErrorCode, type FetchLimits } from '../http.ts';

export { FetchError as SourceError, FetchErrorCode as SourceErrorCode };

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type Fetched<T> = { status: 'ok'; body: T; etag: string | null; lastModified: string | null } | { status: 'not-modified' };

export interface FeedFetchOptions extends Partial<FetchLimits> {
  validators?: Validators;
  as?: 'json' | 'text';
  signal?: AbortSignal;
}

/** GETs a URL as JSON or text; a 304 answers "not modified" when validators were sent. */
export async function fetchFeed(url: string, opts: FeedFetchOptions = {}): Promise<Fetched<unknown>> {
  const headers: Record<string, string> = { accept: opts.as === 'text' ? 'text/html, application/ld+json, application/json;q=0.9, */*;q=0.5' : 'application/json' };
  if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;
  const res = await boundedFetch(url, { ...opts, headers });
  if (res.status === 304) return { status: 'not-modified' };
  if (res.status < 200 || res.status >= 300) throw new FetchError(FetchErrorCode.Http, `${url} answered HTTP ${res.status}`, res.status);
  const text = res.text();
  let body: unknown = text;
  if (opts.as !== 'text') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new FetchError(FetchErrorCode.Format, `${url} did not answer JSON`);
    }
  }
  return { status: 'ok', body, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
}
