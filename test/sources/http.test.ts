// The one bounded fetch: a time limit, a streamed size limit, same-host redirects only, a retry budget, credentials
// sent as a header and never shown.
import { describe, expect, it, vi } from 'vitest';
import { fetchFeed } from '../../src/sources/feeds/http.ts';
import { boundedFetch, FetchError, FetchErrorCode } from '../../src/sources/http.ts';
import { TestWeb, useTestWeb } from '../support/web.ts';

// "localhost" is another host name than "127.0.0.1", so a redirect between them changes host.
const web = useTestWeb({ resetEach: true });
const other = useTestWeb({ resetEach: true });

const failure = async (p: Promise<unknown>): Promise<FetchError> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof FetchError) return err;
    throw err;
  }
  throw new Error('expected the fetch to fail');
};

describe('bounded fetch', () => {
  it('gives up on a peer that never answers after its time limit, retries included', async () => {
    web.hang('/slow');
    const attempts = vi.spyOn(globalThis, 'fetch');
    try {
      const err = await failure(boundedFetch(`${web.url}/slow`, { timeoutMs: 150, retries: 1, budgetMs: 2_000 }));
      expect(err.code).toBe(FetchErrorCode.Timeout);
      expect(err.message).toMatch(/no answer from http:\/\/127\.0\.0\.1:\d+\/slow within 150 ms/);
      expect(attempts).toHaveBeenCalledTimes(2);
    } finally {
      attempts.mockRestore();
    }
  });

  it('stops reading a body at the size limit while it streams in: a 50 MB answer is never read whole', async () => {
    let sent = 0;
    let closed = false;
    web.on('/huge', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (!closed && sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      req.socket.on('close', () => (closed = true));
      pump();
    });
    const err = await failure(boundedFetch(`${web.url}/huge`, { maxBytes: 1024 * 1024, retries: 0 }));
    expect(err.code).toBe(FetchErrorCode.TooLarge);
    expect(err.message).toMatch(/answered more than 1 MB; not read \(raise SOURCES_MAX_SIZE/);
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a body whose declared length is over the limit without reading it', async () => {
    web.on('/declared', (_req, res) => res.writeHead(200, { 'content-length': String(5 * 1024 * 1024) }).end(Buffer.alloc(5 * 1024 * 1024)));
    expect((await failure(boundedFetch(`${web.url}/declared`, { maxBytes: 1024 * 1024 }))).code).toBe(FetchErrorCode.TooLarge);
  });

  it('follows a redirect within the same host and refuses one to another host', async () => {
    web.on('/moved', (_req, res) => res.writeHead(301, { location: '/here' }).end());
    web.json('/here', { ok: true });
    const res = await boundedFetch(`${web.url}/moved`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text())).toEqual({ ok: true });

    other.json('/board', { jobs: ['theirs'] });
    web.on('/away', (_req, res) => res.writeHead(302, { location: `${other.url.replace('127.0.0.1', 'localhost')}/board` }).end());
    const err = await failure(boundedFetch(`${web.url}/away`));
    expect(err.code).toBe(FetchErrorCode.Redirect);
    expect(err.message).toMatch(/redirects to another host \(http:\/\/localhost:\d+\); not followed/);
    expect(other.hits).toHaveLength(0);
  });

  it('retries 503 and 429 within the budget, then answers', async () => {
    let n = 0;
    web.on('/flaky', (_req, res) => {
      n++;
      if (n === 1) return void res.writeHead(503).end();
      if (n === 2) return void res.writeHead(429, { 'retry-after': '0' }).end();
      res.writeHead(200).end('fine');
    });
    const res = await boundedFetch(`${web.url}/flaky`, { retries: 3 });
    expect(res.text()).toBe('fine');
    expect(n).toBe(3);
  });

  it('does not wait out a Retry-After beyond the budget', async () => {
    web.on('/limited', (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const res = await boundedFetch(`${web.url}/limited`, { retries: 3, budgetMs: 2_000 });
    expect(res.status).toBe(429);
    expect(web.hits).toHaveLength(1);
  });

  it('sends user:password as a Basic header and keeps the secret out of every message', async () => {
    web.json('/private', { ok: true });
    await boundedFetch(`${web.url.replace('//', '//bob:hunter2@')}/private`);
    expect(web.hits[0]!.headers.authorization).toBe(`Basic ${Buffer.from('bob:hunter2').toString('base64')}`);
    web.on('/private', (_req, res) => res.writeHead(500).end());
    const err = await failure(fetchFeed(`${web.url.replace('//', '//bob:hunter2@')}/private?api_key=KEY123&page=2`, { retries: 0 }));
    expect(err.message).not.toMatch(/hunter2|KEY123/);
    expect(err.message).toMatch(/^http:\/\/\[redacted\]@127\.0\.0\.1:\d+\/private\?api_key=\[redacted\]&page=2 answered HTTP 500$/);
  });

  it('names an address it cannot reach', async () => {
    const closed = await new TestWeb().start();
    await closed.stop();
    const err = await failure(boundedFetch(`${closed.url}/nothing`, { retries: 0 }));
    expect(err.code).toBe(FetchErrorCode.Network);
    expect(err.message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+\/nothing: ECONNREFUSED/);
  });
});
