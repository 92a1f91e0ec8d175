// Pages a person hands us (a link to add, a link to unfurl): the bounded fetch with one attempt and a deadline for
// the whole exchange, sentences a person can read, and a host check so a link cannot point inside the network.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { boundedFetch, FetchError, FetchErrorCode, type Fetched } from './http.ts';
import { SourceError, SourceErrorCode } from './feeds/http.ts';

export interface PageLimits {
  /** For connecting, the headers and the whole body together. */
  timeoutMs: number;
  maxBytes: number;
  /** Same-host redirects followed before giving up. */
  maxRedirects?: number;
}

export const PAGE_LIMITS: PageLimits = { timeoutMs: 5000, maxBytes: 2 * 1024 * 1024, maxRedirects: 3 };

export interface Page {
  url: string;
  contentType: string;
  text: string;
}

/** Loopback, private, link-local, carrier-grade NAT and unspecified addresses, v4 and v6 (v4-mapped included). */
export function isPrivateAddress(ip: string): boolean {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/i.exec(ip);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a >= 224;
  }
  const v6 = ip.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

/**
 * A link a person typed must not make the server read its own network (cloud metadata, admin ports): its host has
 * to resolve to public addresses only, unless the operator allowed that host by name.
 */
export async function assertPublicHost(url: string, allowed: string[] = []): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowed.includes(host)) return;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new SourceError(SourceErrorCode.Network, `cannot find ${host}`);
  }
  if (!addresses.length || addresses.some(isPrivateAddress)) throw new SourceError(SourceErrorCode.Network, `${host} is an address inside this network, which openroles does not read`);
}

/**
 * GETs `url` through the bounded fetch with one attempt and `timeoutMs` for the whole exchange; throws SourceError
 * with a sentence a person can read, naming the host (the fetch's own sentences are for operators).
 */
export async function fetchPage(url: string, limits: PageLimits = PAGE_LIMITS, accept = 'text/html, application/ld+json, application/json;q=0.9, */*;q=0.5'): Promise<Page> {
  const host = new URL(url).host;
  let res: Fetched;
  try {
    res = await boundedFetch(url, { headers: { accept }, timeoutMs: limits.timeoutMs, budgetMs: limits.timeoutMs, retries: 0, maxBytes: limits.maxBytes, maxRedirects: limits.maxRedirects ?? 3 });
  } catch (err) {
    throw pageError(err, host, limits);
  }
  if (res.status < 200 || res.status >= 300) throw new SourceError(SourceErrorCode.Http, `${host} answered HTTP ${res.status}`);
  return { url: res.url, contentType: res.headers.get('content-type') ?? '', text: res.text() };
}

function pageError(err: unknown, host: string, limits: PageLimits): unknown {
  if (!(err instanceof FetchError)) return err;
  switch (err.code) {
    case FetchErrorCode.Redirect:
      return new SourceError(SourceErrorCode.Http, `${host} sent the request to another site${err.detail ? ` (${err.detail})` : ''}`);
    case FetchErrorCode.TooManyRedirects:
      return new SourceError(SourceErrorCode.Http, `${host} redirected too many times`);
    case FetchErrorCode.TooLarge:
      return new SourceError(SourceErrorCode.Format, `the page is larger than ${Math.round(limits.maxBytes / 1024)} KB`);
    case FetchErrorCode.Timeout:
      return new SourceError(SourceErrorCode.Timeout, `${host} did not answer within ${Math.round(limits.timeoutMs / 100) / 10} s`);
    default:
      return new SourceError(SourceErrorCode.Network, `cannot reach ${host}${err.detail ? `: ${err.detail}` : ''}`);
  }
}
