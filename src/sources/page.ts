// One bounded GET for pages a person hands us (a link to add, a link to unfurl): a deadline for the whole
// exchange, a cap on the body, and redirects followed only while they stay on the same host.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
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

/** GETs `url` within the limits; throws SourceError with a sentence a person can read. */
export async function fetchPage(url: string, limits: PageLimits = PAGE_LIMITS, accept = 'text/html, application/ld+json, application/json;q=0.9, */*;q=0.5'): Promise<Page> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const host = new URL(url).host;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(current, { headers: { accept }, redirect: 'manual', signal });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel();
        const to = res.headers.get('location');
        const next = to ? new URL(to, current) : null;
        if (!next || next.host !== host) throw new SourceError(SourceErrorCode.Http, `${host} sent the request to another site${next ? ` (${next.host})` : ''}`);
        if (hop >= (limits.maxRedirects ?? 3)) throw new SourceError(SourceErrorCode.Http, `${host} redirected too many times`);
        current = next.href;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new SourceError(SourceErrorCode.Http, `${host} answered HTTP ${res.status}`);
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > limits.maxBytes) {
        await res.body?.cancel();
        throw new SourceError(SourceErrorCode.Format, `the page is larger than ${Math.round(limits.maxBytes / 1024)} KB`);
      }
      return { url: current, contentType: res.headers.get('content-type') ?? '', text: await readCapped(res, limits.maxBytes) };
    }
  } catch (err) {
    if (err instanceof SourceError) throw err;
    const e = err as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new SourceError(SourceErrorCode.Timeout, `${host} did not answer within ${Math.round(limits.timeoutMs / 100) / 10} s`);
    throw new SourceError(SourceErrorCode.Network, `cannot reach ${host}: ${(e.cause as Error | undefined)?.message ?? e.message}`);
  }
}

/** Reads the body, stopping (and failing) as soon as it passes `max` bytes, whatever the headers said. */
async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new SourceError(SourceErrorCode.Format, `the page is larger than ${Math.round(max / 1024)} KB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
