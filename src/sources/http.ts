// One bounded GET for everything the app fetches from the web (feeds, pages, link unfurls): a time limit per
// attempt, a body-size limit enforced while the body streams in, redirects only within the same host, a retry budget
// for timeouts, network errors, 429 and 5xx, and errors that name the URL with its secrets taken out.
import { redact } from '../redact.ts';
import type { Dispatcher } from 'undici';

export const FetchErrorCode = {
  Http: 'source_http',
  Timeout: 'source_timeout',
  Network: 'source_network',
  Format: 'source_format',
  TooLarge: 'source_too_large',
  Redirect: 'source_redirect',
  TooManyRedirects: 'source_too_many_redirects',
} as const;
export type FetchErrorCode = (typeof FetchErrorCode)[keyof typeof FetchErrorCode];

/**
 * A fetch that failed; the message is one plain sentence with the URL redacted. `detail` is the cause in a few
 * words, for callers that word their own sentence: the host a refused redirect pointed to, the network's reason.
 */
export class FetchError extends Error {
  constructor(readonly code: FetchErrorCode, message: string, readonly status?: number, readonly detail?: string) {
    super(redact(message));
  }
}

export interface FetchLimits {
  /** Per attempt, from the request until the whole body is in. */
  timeoutMs: number;
  /** The largest body read; a longer one is cut off and the fetch fails. */
  maxBytes: number;
  /** Further attempts after a timeout, a network error, 429 or 5xx. */
  retries: number;
  /** All attempts and the waits between them end within this. */
  budgetMs: number;
  /** Same-host redirects followed. */
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 20 * 1024 * 1024, retries: 2, budgetMs: 60_000, maxRedirects: 3 };

export interface FetchOptions extends Partial<FetchLimits> {
  headers?: Record<string, string>;
  /** Aborts the fetch (and the waits between attempts), e.g. at shutdown. */
  signal?: AbortSignal;
  /** Makes the connections, e.g. one that reaches public addresses only. */
  dispatcher?: Dispatcher;
}

export interface Fetched {
  status: number;
  /** The URL finally answered (after same-host redirects), redacted. */
  url: string;
  headers: Headers;
  body: Buffer;
  text(): string;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/** GETs a URL within the limits; resolves for any final status (the caller decides what 304 or 404 means). */
export async function boundedFetch(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const limits = { ...DEFAULT_LIMITS, ...definedOnly(opts) };
  const deadline = Date.now() + limits.budgetMs;
  for (let attempt = 0; ; attempt++) {
    let res: Fetched | null = null;
    let failure: FetchError;
    try {
      res = await fetchOnce(url, opts, limits, deadline);
      if (!RETRYABLE.has(res.status)) return res;
      failure = new FetchError(FetchErrorCode.Http, `${url} answered HTTP ${res.status}`, res.status);
    } catch (err) {
      if (!(err instanceof FetchError) || ![FetchErrorCode.Timeout, FetchErrorCode.Network].includes(err.code as never)) throw err;
      failure = err;
    }
    const wait = res ? retryAfterMs(res.headers) ?? backoff(attempt) : backoff(attempt);
    if (attempt >= limits.retries || Date.now() + wait >= deadline || opts.signal?.aborted) {
      if (res) return res;
      throw failure;
    }
    await sleep(wait, opts.signal);
  }
}

async function fetchOnce(url: string, opts: FetchOptions, limits: FetchLimits, deadline: number): Promise<Fetched> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const { href, auth } = splitCredentials(current);
    const timeoutMs = Math.max(1, Math.min(limits.timeoutMs, deadline - Date.now()));
    const signal = opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await fetch(href, { headers: { ...opts.headers, ...(auth ? { authorization: auth } : {}) }, redirect: 'manual', signal, ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}) } as RequestInit);
    } catch (err) {
      throw fetchFailure(err, current, timeoutMs);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = res.headers.get('location');
      void res.body?.cancel().catch(() => undefined);
      if (!location) throw new FetchError(FetchErrorCode.Redirect, `${current} answered a redirect (HTTP ${res.status}) without saying where to`);
      const next = new URL(location, href);
      const from = new URL(href);
      // A feed that moves within its host is followed; one that points elsewhere could substitute another board.
      if (next.hostname !== from.hostname || !/^https?:$/.test(next.protocol)) {
        throw new FetchError(FetchErrorCode.Redirect, `${current} redirects to another host (${next.origin}); not followed, check the source's address`, res.status, next.host);
      }
      if (hop >= limits.maxRedirects) throw new FetchError(FetchErrorCode.TooManyRedirects, `${current} redirects more than ${limits.maxRedirects} times`, res.status);
      // The credentials go along only when the redirect keeps host and scheme.
      current = auth && next.protocol === from.protocol ? withCredentials(next, current) : next.href;
      continue;
    }
    const body = await readBody(res, current, limits.maxBytes, timeoutMs);
    return { status: res.status, url: redact(current), headers: res.headers, body, text: () => body.toString('utf8') };
  }
}

/** Reads the body as a stream, stopping at `maxBytes`, so a huge answer never sits whole in memory. */
async function readBody(res: Response, url: string, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void res.body?.cancel().catch(() => undefined);
    throw tooLarge(url, maxBytes);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(url, maxBytes);
      }
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw fetchFailure(err, url, timeoutMs);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(url: string, maxBytes: number): FetchError {
  return new FetchError(FetchErrorCode.TooLarge, `${url} answered more than ${formatBytes(maxBytes)}; not read (raise SOURCES_MAX_SIZE if it is expected)`);
}

function fetchFailure(err: unknown, url: string, timeoutMs: number): FetchError {
  const e = err as Error & { cause?: Error & { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || e.cause?.name === 'TimeoutError') {
    return new FetchError(FetchErrorCode.Timeout, `no answer from ${url} within ${timeoutMs} ms`);
  }
  const why = e.cause?.code ?? e.cause?.message ?? e.message;
  return new FetchError(FetchErrorCode.Network, `cannot reach ${url}: ${why}`, undefined, why);
}

/** fetch refuses URLs with user:password; they become a Basic authorization header instead. */
function splitCredentials(url: string): { href: string; auth: string | null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchError(FetchErrorCode.Network, `"${url}" is not a URL`);
  }
  if (!/^https?:$/.test(u.protocol)) throw new FetchError(FetchErrorCode.Network, `"${url}" is not an http or https URL`);
  if (!u.username && !u.password) return { href: u.href, auth: null };
  const auth = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
  u.username = '';
  u.password = '';
  return { href: u.href, auth };
}

function withCredentials(next: URL, original: string): string {
  const o = new URL(original);
  next.username = o.username;
  next.password = o.password;
  return next.href;
}

function retryAfterMs(headers: Headers): number | null {
  const v = headers.get('retry-after');
  if (!v) return null;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}

function backoff(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** attempt);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function definedOnly(o: FetchOptions): Partial<FetchLimits> {
  const out: Partial<FetchLimits> = {};
  for (const k of ['timeoutMs', 'maxBytes', 'retries', 'budgetMs', 'maxRedirects'] as const) if (typeof o[k] === 'number') out[k] = o[k];
  return out;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}
