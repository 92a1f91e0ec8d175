// Limits for every Web API client the app makes (Bolt's, the digest poster's) and for Bolt's response_url posts:
// a time limit per attempt, a few retries within a time budget, and a cap on how long a rate limit is waited out.
import type { WebClientOptions } from '@slack/web-api';

export interface WebApiLimits {
  /** One attempt, from the request until the answer is in. */
  timeoutMs: number;
  /** Further attempts after a timeout, a network error or a 5xx. */
  retries?: number;
  /** No retry starts after this long since the first attempt. */
  budgetMs?: number;
  /** A 429 asking to wait longer than this fails the call instead of holding it. */
  maxRetryAfterMs?: number;
}

export const DEFAULT_WEB_API: Required<WebApiLimits> = { timeoutMs: 10_000, retries: 2, budgetMs: 30_000, maxRetryAfterMs: 60_000 };

/** Client options with the limits; spread into `clientOptions` or `new WebClient(token, …)`. */
export function webApiOptions(limits: WebApiLimits): Pick<WebClientOptions, 'timeout' | 'retryConfig' | 'fetch'> {
  const l = { ...DEFAULT_WEB_API, ...limits };
  return {
    timeout: l.timeoutMs,
    retryConfig: { retries: l.retries, factor: 2, minTimeout: 500, maxTimeout: 4_000, maxRetryTime: l.budgetMs },
    fetch: boundedFetch(l.timeoutMs, l.maxRetryAfterMs),
  };
}

/**
 * The client sets its own abort signal; Bolt's `respond` sets none, so one is added. A 429 whose Retry-After is
 * beyond the cap loses that header: the client then fails the call at once rather than waiting (and pausing every
 * other call) for as long as the peer asks.
 */
function boundedFetch(timeoutMs: number, maxRetryAfterMs: number): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
    if (res.status !== 429) return res;
    const after = Number(res.headers.get('retry-after'));
    if (!Number.isFinite(after) || after * 1000 <= maxRetryAfterMs) return res;
    const headers = new Headers(res.headers);
    headers.delete('retry-after');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}
