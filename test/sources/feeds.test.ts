// Each ATS adapter against a local server shaped like the real API: field mapping, refresh, add/change/remove,
// a source down (last good kept), ETag not-modified, dedupe across sources, snapshots across restarts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { Catalog } from '../../src/sources/catalog.ts';
import { ashbyFeed } from '../../src/sources/feeds/ashby.ts';
import { greenhouseFeed } from '../../src/sources/feeds/greenhouse.ts';
import { jsonldFeed } from '../../src/sources/feeds/jsonld.ts';
import { leverFeed } from '../../src/sources/feeds/lever.ts';
import { parseSources } from '../../src/sources/spec.ts';
import { openDatabase } from '../../src/store/db.ts';
import { SqliteSnapshots } from '../../src/store/snapshots.ts';

type Route = { status?: number; body?: unknown; etag?: string };
let server: Server;
let base = '';
const routes = new Map<string, Route>();
const hits: Array<{ path: string; ifNoneMatch?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.push({ path, ifNoneMatch: req.headers['if-none-match'] as string | undefined });
    const route = routes.get(path.split('&skip=')[0] === path ? path : path) ?? routes.get(path.replace(/&skip=\d+&limit=\d+$/, ''));
    if (!route) return void res.writeHead(404).end('{}');
    if (route.etag && req.headers['if-none-match'] === route.etag) return void res.writeHead(304).end();
    res.writeHead(route.status ?? 200, { 'content-type': 'application/json', ...(route.etag ? { etag: route.etag } : {}) });
    res.end(typeof route.body === 'string' ? route.body : JSON.stringify(route.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  routes.clear();
  hits.length = 0;
});

const GH_CONTENT = '&lt;p&gt;Build our search.&lt;/p&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;5+ years with Python&lt;/li&gt;&lt;li&gt;Experience with Elasticsearch&lt;/li&gt;&lt;/ul&gt;';
const ghJob = (id: number, title: string, extra: Record<string, unknown> = {}) => ({
  id, title, updated_at: '2026-11-20T10:00:00-05:00', first_published: '2026-11-18T10:00:00-05:00', absolute_url: `https://boards.example/acme/jobs/${id}`,
  location: { name: 'Remote - US' }, content: GH_CONTENT, departments: [{ name: 'Search' }], offices: [],
  pay_input_ranges: [{ min_cents: 15000000, max_cents: 18500000, currency_type: 'USD', title: 'US base', blurb: 'Base salary for US candidates.' }], ...extra,
});

describe('greenhouse', () => {
  it('maps title, team, remote region, pay in cents with its blurb, and the description through the parser', async () => {
    routes.set('/v1/boards/acme/jobs?content=true', { body: { jobs: [ghJob(1, 'Senior Search Engineer')], meta: { total: 1 } } });
    const { postings } = await greenhouseFeed('acme', 'Acme', { base }).fetch({});
    const p = postings![0]!;
    expect(p).toMatchObject({ title: 'Senior Search Engineer', company: 'Acme', team: 'Search', seniority: 'senior', workMode: 'remote', remoteRegions: ['United States'], postedAt: '2026-11-18T10:00:00-05:00', source: { file: 'greenhouse:acme', board: 'greenhouse', url: 'https://boards.example/acme/jobs/1' } });
    expect(p.salary).toMatchObject({ min: 150000, max: 185000, currency: 'USD', period: 'year', text: 'US base — Base salary for US candidates.' });
    expect(p.requirements).toEqual(['5+ years with Python', 'Experience with Elasticsearch']);
    expect(p.yearsExperience).toEqual({ min: 5, max: null });
    expect(p.skills).toEqual(expect.arrayContaining(['Python', 'Elasticsearch']));
  });
  it('asks the single-job endpoint for pay when the list has none', async () => {
    routes.set('/v1/boards/acme/jobs?content=true', { body: { jobs: [{ ...ghJob(2, 'Data Engineer'), pay_input_ranges: undefined }] } });
    routes.set('/v1/boards/acme/jobs/2?pay_transparency=true', { body: { id: 2, pay_input_ranges: [{ min_cents: 9000000, max_cents: 11000000, currency_type: 'CAD' }] } });
    const { postings } = await greenhouseFeed('acme', 'Acme', { base }).fetch({});
    expect(postings![0]!.salary).toMatchObject({ min: 90000, max: 110000, currency: 'CAD' });
  });
});

describe('lever', () => {
  it('maps text, categories, workplaceType, lists and salaryRange with its interval, across pages', async () => {
    const page = (n: number, from: number) => Array.from({ length: n }, (_, i) => ({
      id: `lv-${from + i}`, text: `Backend Engineer ${from + i}`, categories: { team: 'Payments', location: 'London', commitment: 'Full-time' },
      workplaceType: 'hybrid', description: '<div>Move money safely.</div>', lists: [{ text: 'What you bring', content: '<li>3+ years of Go</li><li>Postgres</li>' }],
      salaryRange: { min: 60, max: 75, currency: 'GBP', interval: 'per-hour-wage' }, hostedUrl: `https://jobs.example/globex/${from + i}`, createdAt: Date.parse('2026-11-01T00:00:00Z'),
    }));
    routes.set('/v0/postings/globex?mode=json&skip=0&limit=100', { body: page(100, 0) });
    routes.set('/v0/postings/globex?mode=json&skip=100&limit=100', { body: page(3, 100) });
    const { postings } = await leverFeed('globex', 'Globex', { base }).fetch({});
    expect(postings).toHaveLength(103);
    expect(postings![102]).toMatchObject({ title: 'Backend Engineer 102', company: 'Globex', team: 'Payments', locations: ['London'], workMode: 'hybrid', employmentType: 'full-time', postedAt: '2026-11-01T00:00:00.000Z' });
    expect(postings![0]!.salary).toMatchObject({ min: 60, max: 75, currency: 'GBP', period: 'hour', periodInferred: false });
    expect(postings![0]!.requirements).toEqual(['3+ years of Go', 'Postgres']);
    expect(postings![0]!.skills).toEqual(expect.arrayContaining(['Go', 'PostgreSQL']));
  });
});

describe('ashby', () => {
  it('maps isRemote, workplaceType, employmentType and compensation summary components', async () => {
    routes.set('/posting-api/job-board/initech?includeCompensation=true', { body: { apiVersion: '1', jobs: [
      { id: 'a1', title: 'Staff ML Engineer', team: 'Ranking', employmentType: 'FullTime', location: 'Remote', secondaryLocations: [{ location: 'Berlin' }], isRemote: true, workplaceType: 'Remote', isListed: true,
        descriptionHtml: '<p>Rank things.</p><h2>Qualifications</h2><ul><li>PyTorch</li></ul>', publishedAt: '2026-11-10T00:00:00Z', jobUrl: 'https://jobs.example/initech/a1',
        compensation: { compensationTierSummary: '€90K – €120K', summaryComponents: [{ compensationType: 'Salary', interval: '1 YEAR', currencyCode: 'EUR', minValue: 90000, maxValue: 120000 }, { compensationType: 'EquityPercentage', minValue: 0.1, maxValue: 0.2 }] } },
      { id: 'a2', title: 'Hidden', isListed: false, descriptionHtml: '' },
    ] } });
    const { postings } = await ashbyFeed('initech', 'Initech', { base }).fetch({});
    expect(postings).toHaveLength(1);
    expect(postings![0]).toMatchObject({ title: 'Staff ML Engineer', team: 'Ranking', workMode: 'remote', locations: ['Berlin'], employmentType: 'full-time', seniority: 'staff' });
    expect(postings![0]!.salaries).toEqual([expect.objectContaining({ min: 90000, max: 120000, currency: 'EUR', period: 'year', text: '€90K – €120K' })]);
  });
});

describe('jsonld', () => {
  it('reads a page embedding a JobPosting, with validThrough', async () => {
    routes.set('/jobs/7', { body: `<html><script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'QA Lead', hiringOrganization: { name: 'Umbrella' }, validThrough: '2026-12-01', jobLocationType: 'TELECOMMUTE', description: 'Test all the things.' })}</script></html>` });
    const { postings } = await jsonldFeed(`${base}/jobs/7`).fetch({});
    expect(postings![0]).toMatchObject({ title: 'QA Lead', company: 'Umbrella', workMode: 'remote', validThrough: '2026-12-01' });
  });
});

describe('SOURCES', () => {
  it('parses kinds, company names and reports a bad entry', () => {
    expect(parseSources('dir:seeds, greenhouse:acme=Acme Inc, lever:globex')).toEqual([
      { kind: 'dir', target: 'seeds', company: null }, { kind: 'greenhouse', target: 'acme', company: 'Acme Inc' }, { kind: 'lever', target: 'globex', company: null },
    ]);
    expect(() => parseSources('workday:acme')).toThrow(/"workday:acme" is not a source/);
  });
});

describe('catalog with feeds', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openroles-feeds-'));
  });

  it('refresh adds, changes and removes; a source down keeps its last good postings; ETag answers not-modified', async () => {
    const index = RoleIndex.from([]);
    let clock = 0;
    const catalog = new Catalog([], index, silentLogger(), { feeds: [greenhouseFeed('acme', 'Acme', { base })], now: () => clock });
    routes.set('/v1/boards/acme/jobs?content=true', { body: { jobs: [ghJob(1, 'Search Engineer'), ghJob(2, 'Data Engineer')] }, etag: '"v1"' });
    const first = await catalog.load();
    expect(first.added.map((p) => p.title)).toEqual(['Search Engineer', 'Data Engineer']);

    routes.set('/v1/boards/acme/jobs?content=true', { body: { jobs: [ghJob(1, 'Search Engineer', { location: { name: 'New York, NY' } }), ghJob(3, 'Designer')] }, etag: '"v2"' });
    const second = await catalog.refresh(true);
    expect(second.added.map((p) => p.title)).toEqual(['Designer']);
    expect(second.changed.map((p) => p.locations)).toEqual([['New York, NY']]);
    expect(second.removed.map((p) => p.title)).toEqual(['Data Engineer']);
    expect(hits.at(-1)?.ifNoneMatch).toBe('"v1"');

    const before = hits.length;
    const third = await catalog.refresh(true);
    expect(hits.at(-1)).toMatchObject({ ifNoneMatch: '"v2"' });
    expect(hits.length).toBe(before + 1);
    expect(third.added.length + third.changed.length + third.removed.length).toBe(0);

    routes.set('/v1/boards/acme/jobs?content=true', { status: 503, body: {} });
    const down = await catalog.refresh(true);
    expect(down.broken[0]).toMatchObject({ file: 'greenhouse:acme', error: expect.stringMatching(/HTTP 503/) });
    expect(index.size).toBe(2);
    expect(catalog.broken.get('greenhouse:acme')).toMatch(/503/);
    // Backoff: not due again right away, unless forced.
    const skipped = hits.length;
    await catalog.refresh();
    expect(hits.length).toBe(skipped);
    catalog.close();
  });

  it('the same role from two sources is one role with both sources listed; re-fetching never duplicates', async () => {
    writeFileSync(join(dir, 'search.txt'), 'Search Engineer\nAcme\nRemote - US\n\nRequirements:\n- 5+ years with Python\n');
    routes.set('/v1/boards/acme/jobs?content=true', { body: { jobs: [ghJob(1, 'Search Engineer', { location: { name: 'Remote - US' } })] } });
    const index = RoleIndex.from([]);
    const catalog = new Catalog([dir], index, silentLogger(), { feeds: [greenhouseFeed('acme', 'Acme', { base })] });
    await catalog.load();
    await catalog.refresh(true);
    expect(index.size).toBe(1);
    const files = index.all()[0]!.sources!.map((s) => s.file);
    expect(files).toHaveLength(2);
    expect(files).toEqual(expect.arrayContaining(['greenhouse:acme', expect.stringMatching(/search\.txt$/)]));
    catalog.close();
  });

  it('the last snapshot is kept in the database: a restart serves it at once and learns what went away', async () => {
    const db = openDatabase(join(dir, 'openroles.db'));
    routes.set('/v1/boards/acme/jobs?content=true', { body: { jobs: [ghJob(1, 'Search Engineer'), ghJob(2, 'Data Engineer')] } });
    const a = new Catalog([], RoleIndex.from([]), silentLogger(), { feeds: [greenhouseFeed('acme', 'Acme', { base })], snapshots: new SqliteSnapshots(db) });
    await a.load();
    a.close();
    routes.set('/v1/boards/acme/jobs?content=true', { status: 500, body: {} });
    const index = RoleIndex.from([]);
    const b = new Catalog([], index, silentLogger(), { feeds: [greenhouseFeed('acme', 'Acme', { base })], snapshots: new SqliteSnapshots(db) });
    await b.load();
    expect(index.size).toBe(2);
    routes.set('/v1/boards/acme/jobs?content=true', { body: { jobs: [ghJob(1, 'Search Engineer')] } });
    const c = await b.refresh(true);
    expect(c.removed.map((p) => p.title)).toEqual(['Data Engineer']);
    b.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
