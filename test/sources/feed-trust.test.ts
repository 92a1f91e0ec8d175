// Feeds are read at the edge and trusted no further than that: an entry that is not a job is skipped and named, a
// shape nobody expected is one plain sentence, a redirect elsewhere is refused, pay detail requests are few at a time
// and short, long descriptions are cut, and a refresh lets other work run between entries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { Catalog } from '../../src/sources/catalog.ts';
import { ashbyFeed } from '../../src/sources/feeds/ashby.ts';
import { ENTRY_LIMITS, skippedSentence } from '../../src/sources/feeds/entries.ts';
import { greenhouseFeed } from '../../src/sources/feeds/greenhouse.ts';
import { leverFeed } from '../../src/sources/feeds/lever.ts';
import type { Feed } from '../../src/sources/feeds/types.ts';
import { FetchError } from '../../src/sources/http.ts';
import { useTestWeb } from '../support/web.ts';

const web = useTestWeb({ resetEach: true });
const elsewhere = useTestWeb({ resetEach: true });

const LIST = '/v1/boards/acme/jobs';
const job = (id: number, title: string, extra: Record<string, unknown> = {}) => ({
  id, title, updated_at: '2026-11-20T10:00:00Z', location: { name: 'Berlin' }, content: '<p>Build the search.</p>', pay_input_ranges: [], ...extra,
});
const gh = (limits = {}) => greenhouseFeed('acme', 'Acme', { base: web.url, limits: { retries: 0, ...limits } });

describe('entries the feed does not promise', () => {
  it('one null job is skipped and named; the others are read', async () => {
    web.json(LIST, { jobs: [job(1, 'Search Engineer'), null, job(3, 'Data Engineer'), { title: 'No id' }] });
    const feed = gh();
    const r = await feed.fetch({});
    expect(r.postings!.map((p) => p.title)).toEqual(['Search Engineer', 'Data Engineer']);
    expect(r.skipped).toEqual([{ entry: '#2', reason: 'it is null, not a job' }, { entry: '#4', reason: 'its id is missing or not usable' }]);
    expect(skippedSentence(feed.name, feed.skipped!())).toBe('greenhouse:acme: 2 entries skipped (#2: it is null, not a job; #4: its id is missing or not usable)');
  });

  it('fields of the wrong type count as missing instead of failing the job', async () => {
    web.json(LIST, { jobs: [{ id: 5, title: 42, location: 'Berlin', departments: [null, { name: 'Search' }], pay_input_ranges: null, content: { html: 'x' } }] });
    const r = await gh().fetch({});
    expect(r.postings![0]).toMatchObject({ title: 'Untitled role', team: 'Search', company: 'Acme' });
    expect(r.skipped).toEqual([]);
  });

  it('an answer of an unexpected shape is one plain sentence, never a JavaScript error', async () => {
    for (const body of [{ jobs: null }, null, [1, 2], 'text', { jobs: { 0: {} } }]) {
      web.json(LIST, JSON.stringify(body));
      await expect(gh().fetch({})).rejects.toThrow(/^the answer has no "jobs" list$/);
    }
    web.json(LIST, '{"jobs": [');
    await expect(gh().fetch({})).rejects.toThrow(/did not answer JSON$/);
  });

  it('a feed that lists more entries than the limit is read up to it and says so', async () => {
    const many = Array.from({ length: ENTRY_LIMITS.entries + 2 }, (_, i) => ({ id: `a${i}`, title: `Role ${i}`, isListed: false }));
    web.json('/posting-api/job-board/initech', { jobs: many });
    const r = await ashbyFeed('initech', 'Initech', { base: web.url }).fetch({});
    expect(r.postings).toEqual([]);
    expect(r.skipped).toEqual([{ entry: `#${ENTRY_LIMITS.entries + 1}–#${ENTRY_LIMITS.entries + 2}`, reason: `the feed lists more than ${ENTRY_LIMITS.entries} entries; the rest are left out` }]);
  });
});

describe('a feed that redirects', () => {
  it('to another host is refused and the last good postings stay', async () => {
    web.json(LIST, { jobs: [job(1, 'Search Engineer')] });
    const index = RoleIndex.from([]);
    const catalog = new Catalog([], index, silentLogger(), { feeds: [gh()] });
    await catalog.load();
    expect(index.size).toBe(1);
    elsewhere.json(LIST, { jobs: [job(9, 'Their Role'), job(10, 'Another of Theirs')] });
    web.on(LIST, (_req, res) => res.writeHead(301, { location: `${elsewhere.url.replace('127.0.0.1', 'localhost')}${LIST}?content=true` }).end());
    const c = await catalog.refresh(true);
    expect(c.broken[0]!.error).toMatch(/redirects to another host \(http:\/\/localhost:\d+\); not followed/);
    expect(index.all().map((p) => p.title)).toEqual(['Search Engineer']);
    expect(elsewhere.hits).toHaveLength(0);
    catalog.close();
  });
});

describe('several feeds', () => {
  it('are fetched side by side: one that hangs holds back no other', async () => {
    web.hang(LIST);
    web.json('/posting-api/job-board/initech', { jobs: [{ id: 'a1', title: 'Staff ML Engineer', location: 'Berlin' }] });
    const index = RoleIndex.from([]);
    const catalog = new Catalog([], index, silentLogger(), { feeds: [gh({ timeoutMs: 1_500 }), ashbyFeed('initech', 'Initech', { base: web.url })] });
    const refreshing = catalog.refresh(true);
    const until = Date.now() + 1_400;
    while (!index.size && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(index.all().map((p) => p.title)).toEqual(['Staff ML Engineer']);
    const c = await refreshing;
    expect(c.added.map((p) => p.title)).toEqual(['Staff ML Engineer']);
    expect(c.broken.map((b) => b.file)).toEqual(['greenhouse:acme']);
    catalog.close();
  });
});

describe('greenhouse pay details', () => {
  it('are asked a few at a time, each with a short time limit: a hanging one delays nothing much', async () => {
    const jobs = Array.from({ length: 12 }, (_, i) => ({ ...job(i + 1, `Role ${i + 1}`), pay_input_ranges: undefined }));
    web.json(LIST, { jobs });
    let open = 0;
    let most = 0;
    for (let i = 1; i <= 12; i++) {
      web.on(`${LIST}/${i}`, (_req, res) => {
        if (i === 4) return; // never answers
        open++;
        most = Math.max(most, open);
        setTimeout(() => {
          open--;
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: i, pay_input_ranges: [{ min_cents: 10_000_000 + i * 100_000, max_cents: 12_000_000, currency_type: 'EUR' }] }));
        }, 20);
      });
    }
    const feed = gh({ timeoutMs: 1_000 });
    const r = await feed.fetch({});
    expect(most).toBeLessThanOrEqual(4);
    expect(r.postings).toHaveLength(12);
    expect(r.postings!.find((p) => p.title === 'Role 4')!.salary).toBeNull();
    expect(r.postings!.find((p) => p.title === 'Role 5')!.salary).toMatchObject({ min: 105_000, currency: 'EUR' });

    // An unchanged job is not asked again; the one that failed is.
    const before = web.hits.length;
    await feed.fetch({});
    expect(web.hits.slice(before).map((h) => h.path)).toEqual([`${LIST}?content=true`, `${LIST}/4?pay_transparency=true`]);
  });
});

describe('bounded work per refresh', () => {
  it('a 200 KB description is cut before parsing, and the refresh lets timers run between entries', async () => {
    const huge = `<p>${'Build search and ranking for millions of users. '.repeat(4200)}</p>`;
    expect(huge.length).toBeGreaterThan(200_000);
    web.json(LIST, { jobs: Array.from({ length: 40 }, (_, i) => job(i + 1, `Role ${i + 1}`, { content: huge })) });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const r = await gh().fetch({});
    clearInterval(timer);
    expect(r.postings).toHaveLength(40);
    expect(r.postings![0]!.summary?.length ?? 0).toBeLessThanOrEqual(ENTRY_LIMITS.description);
    // Other work ran while the feed was read: the refresh yields to the event loop.
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('fuzz: any JSON through each feed mapper', () => {
  const jobish = fc.record(
    {
      id: fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.constant(null), fc.jsonValue({ maxDepth: 1 })),
      title: fc.oneof(fc.string({ maxLength: 40 }), fc.constant(null), fc.integer(), fc.constant('T'.repeat(300_000))),
      text: fc.oneof(fc.string({ maxLength: 40 }), fc.constant(null)),
      content: fc.oneof(fc.string({ maxLength: 200 }), fc.constant(null), fc.constant(`<li>${'x '.repeat(150_000)}</li>`), fc.jsonValue({ maxDepth: 2 })),
      description: fc.oneof(fc.string({ maxLength: 200 }), fc.constant(null), fc.array(fc.string())),
      descriptionHtml: fc.oneof(fc.string({ maxLength: 200 }), fc.constant(null), fc.integer()),
      location: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ name: fc.oneof(fc.string(), fc.constant(null)) })),
      pay_input_ranges: fc.oneof(fc.constant(null), fc.constant([]), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 })),
      categories: fc.jsonValue({ maxDepth: 2 }),
      salaryRange: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.record({ min: fc.double(), max: fc.jsonValue(), currency: fc.string(), interval: fc.string() })),
      compensation: fc.jsonValue({ maxDepth: 3 }),
      lists: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.array(fc.record({ text: fc.jsonValue(), content: fc.jsonValue() }), { maxLength: 3 })),
      createdAt: fc.oneof(fc.integer(), fc.double(), fc.constant(8.64e15 + 1), fc.string()),
      isListed: fc.jsonValue({ maxDepth: 0 }),
    },
    { requiredKeys: [] },
  );
  const entry = fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 }), jobish);
  const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ jobs: fc.oneof(fc.array(entry, { maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })) }), fc.array(entry, { maxLength: 8 }));

  const feeds: Array<[string, string, () => Feed]> = [
    ['greenhouse', LIST, () => gh({ timeoutMs: 200 })],
    ['lever', '/v0/postings/globex', () => leverFeed('globex', 'Globex', { base: web.url, limits: { retries: 0 } })],
    ['ashby', '/posting-api/job-board/initech', () => ashbyFeed('initech', 'Initech', { base: web.url, limits: { retries: 0 } })],
  ];
  it.each(feeds)('%s never throws a JavaScript error and always ends', async (_name, path, make) => {
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        web.reset();
        web.json(path, JSON.stringify(b));
        try {
          const r = await make().fetch({});
          for (const p of r.postings ?? []) expect(typeof p.title).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(FetchError);
          expect((err as Error).message).not.toMatch(/Cannot read|undefined|TypeError|is not a function/);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
