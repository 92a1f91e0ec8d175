// Fetching a feed: a timeout, conditional requests (ETag / If-Modified-Since), and errors that say which source failed.
export const SourceErrorCode = { Http: 'source_http', Timeout: 'source_timeout', Network: 'source_network', Format: 'source_format' } as const;

export class SourceError extends Error {
  constructor(readonly code: (typeof SourceErrorCode)[keyof typeof SourceErrorCode], message: string) {
    super(message);
  }
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type Fetched<T> = { status: 'ok'; body: T; etag: string | null; lastModified: string | null } | { status: 'not-modified' };

/** GETs a URL as JSON or text; a 304 answers "not modified" when validators were sent. */
export async function fetchFeed(url: string, opts: { validators?: Validators; timeoutMs?: number; as?: 'json' | 'text' } = {}): Promise<Fetched<unknown>> {
  const headers: Record<string, string> = { accept: opts.as === 'text' ? 'text/html, application/ld+json, application/json;q=0.9, */*;q=0.5' : 'application/json' };
  if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
  } catch (err) {
    const e = err as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new SourceError(SourceErrorCode.Timeout, `no answer from ${url} within ${opts.timeoutMs ?? 10_000} ms`);
    throw new SourceError(SourceErrorCode.Network, `cannot reach ${url}: ${(e.cause as Error | undefined)?.message ?? e.message}`);
  }
  if (res.status === 304) return { status: 'not-modified' };
  if (!res.ok) throw new SourceError(SourceErrorCode.Http, `${url} answered HTTP ${res.status}`);
  const text = await res.text();
  let body: unknown = text;
  if (opts.as !== 'text') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new SourceError(SourceErrorCode.Format, `${url} did not answer JSON`);
    }
  }
  return { status: 'ok', body, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
}
