// Pages a person hands us (a link to add, a link to unfurl): the bounded fetch with one attempt and a deadline for
// the whole exchange, sentences a person can read, and a host check so a link cannot point inside the network.
import { lookup as lookupCallback, type LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';
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

// Addresses a typed link must not reach: this host, private networks, link-local (cloud metadata), carrier-grade
// NAT, "this network", multicast and reserved. IPv6 forms that carry an IPv4 address are unwrapped and checked as it.
const PRIVATE_V4 = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) PRIVATE_V4.addSubnet(net, bits, 'ipv4');
const PRIVATE_V6 = new BlockList();
// ::/96 holds ::, ::1 and the old IPv4-compatible form; 64:ff9b::/96 is NAT64, which reaches any IPv4 address.
for (const [net, bits] of [['::', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8]] as const) PRIVATE_V6.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit words of an IPv6 address (a dotted IPv4 tail included), or null when it is not one. */
function v6Words(ip: string): number[] | null {
  if (isIP(ip) !== 6) return null;
  let s = ip.toLowerCase().replace(/%.*$/, '');
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = s.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const words = [...left, ...Array<string>(rest === undefined ? 0 : 8 - left.length - right.length).fill('0'), ...right].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => w >= 0 && w <= 0xffff) ? words : null;
}

/** Loopback, private, link-local, carrier-grade NAT, unspecified, multicast and reserved addresses, v4 and v6. */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) return PRIVATE_V4.check(ip, 'ipv4');
  const w = v6Words(ip);
  // Not an address at all: refused rather than guessed at.
  if (!w) return true;
  // ::ffff:a.b.c.d (however the parser writes it, e.g. ::ffff:7f00:1) is the IPv4 address a.b.c.d.
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return PRIVATE_V4.check(`${w[6]! >> 8}.${w[6]! & 0xff}.${w[7]! >> 8}.${w[7]! & 0xff}`, 'ipv4');
  return PRIVATE_V6.check(w.map((x) => x.toString(16)).join(':'), 'ipv6');
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
  if (!addresses.length || addresses.some(isPrivateAddress)) throw new SourceError(SourceErrorCode.Network, insideSentence(host));
}

const insideSentence = (host: string): string => `${host} is an address inside this network, which openroles does not read`;

/**
 * Connections that reach public addresses only, checked as they are made: the address checked is the address
 * connected to, so a name that answers with a public address for the check and a private one a moment later (DNS
 * rebinding) gets nowhere. Hosts in `allowed` are the operator's and connect as they resolve.
 */
function publicOnly(allowed: string[], refused: { host?: string }): Agent {
  return new Agent({
    connect: {
      lookup: (hostname: string, options: { all?: boolean }, done: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
        lookupCallback(hostname, { all: true }, (err, found) => {
          if (err) return done(err, []);
          const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
          if (!allowed.includes(host) && (!found.length || found.some((a) => isPrivateAddress(a.address)))) {
            refused.host = host;
            return done(new Error(insideSentence(host)), []);
          }
          if (options?.all) done(null, found);
          else done(null, found[0]!.address, found[0]!.family);
        });
      },
    },
  });
}

/**
 * GETs `url` through the bounded fetch with one attempt and `timeoutMs` for the whole exchange; throws SourceError
 * with a sentence a person can read, naming the host (the fetch's own sentences are for operators). With
 * `publicOnlyExcept`, every connection (redirects too) reaches public addresses only, or a host named there.
 */
export async function fetchPage(url: string, limits: PageLimits = PAGE_LIMITS, accept = 'text/html, application/ld+json, application/json;q=0.9, */*;q=0.5', publicOnlyExcept?: string[]): Promise<Page> {
  const host = new URL(url).host;
  const refused: { host?: string } = {};
  const dispatcher = publicOnlyExcept ? publicOnly(publicOnlyExcept, refused) : undefined;
  let res: Fetched;
  try {
    res = await boundedFetch(url, { headers: { accept }, timeoutMs: limits.timeoutMs, budgetMs: limits.timeoutMs, retries: 0, maxBytes: limits.maxBytes, maxRedirects: limits.maxRedirects ?? 3, dispatcher });
  } catch (err) {
    if (refused.host) throw new SourceError(SourceErrorCode.Network, insideSentence(refused.host));
    throw pageError(err, host, limits);
  } finally {
    // The body is read in full by now; the connections are of no further use.
    void dispatcher?.destroy().catch(() => undefined);
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
