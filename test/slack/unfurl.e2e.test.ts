// Job-link unfurls end to end: link_shared over signed HTTP, a local server playing the boards' public APIs (good,
// slow, huge, broken, redirecting away), chat.unfurl recorded by the fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TestWeb } from '../support/web.ts';
import { waitUntil } from '../support/interact.ts';

let t: TestApp;
let board: TestWeb;

const GH = 'https://boards.greenhouse.io/tidewater/jobs';
beforeAll(async () => {
  board = await new TestWeb().start();
  board
    .json('/v1/boards/tidewater/jobs/501', {
      id: 501, title: 'Staff Data Engineer', company_name: 'Tidewater Freight', location: { name: 'Remote - US' },
      content: '&lt;p&gt;You will own our warehouse.&lt;/p&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;7+ years with Spark&lt;/li&gt;&lt;/ul&gt;',
      pay_input_ranges: [{ min_cents: 19000000, max_cents: 23000000, currency_type: 'USD', title: 'Base salary' }],
    })
    .slow('/v1/boards/tidewater/jobs/502', 8000, { id: 502, title: 'Too Late Engineer' })
    .huge('/v1/boards/tidewater/jobs/503', 3 * 1024 * 1024)
    .on('/v1/boards/tidewater/jobs/504', (_req, res) => {
      res.writeHead(500);
      res.end('upstream exploded');
    })
    .on('/v1/boards/tidewater/jobs/505', (_req, res) => {
      res.writeHead(302, { location: `http://localhost:${new URL(board.url).port}/v1/boards/tidewater/jobs/501` });
      res.end();
    })
    .json('/v1/boards/tidewater/jobs/506', { error: 'not a job' })
    .json('/v0/postings/saltmarsh/7d1c0a2e-1111-4a4a-9b9b-123456789abc', {
      id: '7d1c0a2e-1111-4a4a-9b9b-123456789abc', text: 'Product Designer', workplaceType: 'hybrid',
      categories: { location: 'Toronto, ON', team: 'Design', commitment: 'Full-time' },
      salaryRange: { min: 110000, max: 130000, currency: 'CAD', interval: 'per-year-salary' },
      descriptionPlain: 'Design our tools. Requirements: 5+ years of product design.', lists: [],
    })
    .json('/posting-api/job-board/quarry', {
      jobs: [{ id: 'a1b2c3d4-0000-4000-8000-000000000001', title: 'Backend Engineer', location: 'Berlin', workplaceType: 'OnSite', descriptionPlain: 'Build APIs in Kotlin.', compensation: { compensationTierSummary: '€80K – €95K', summaryComponents: [{ compensationType: 'Salary', interval: '1 YEAR', currencyCode: 'EUR', minValue: 80000, maxValue: 95000 }] } }],
    });
  t = await startTestApp({ GREENHOUSE_API_URL: board.url, LEVER_API_URL: board.url, ASHBY_API_URL: board.url, LINK_TIMEOUT_MS: '2000' });
});
afterAll(async () => {
  await t.close();
  await board.stop();
});

const links = (...urls: string[]) => urls.map((url) => ({ url, domain: new URL(url).hostname }));
const skipped = (): number => t.logs.filter((l) => l.includes('link not unfurled')).length;

describe('link unfurls', () => {
  it('unfurls a good link with what it read, and leaves slow, huge, broken and redirected ones alone', async () => {
    await t.event({ type: 'link_shared', channel: 'C1', user: 'U1', message_ts: '800.1', thread_ts: '800.1', unfurl_id: 'C1-800.1-x', source: 'conversations_history',
      links: links(`${GH}/501`, `${GH}/502`, `${GH}/503`, `${GH}/504`, `${GH}/505`), event_ts: '800.2' });
    const [call] = await t.slack.waitFor('chat.unfurl');
    expect(call!.args).toMatchObject({ unfurl_id: 'C1-800.1-x', source: 'conversations_history' });
    const unfurls = call!.args.unfurls as Record<string, { blocks: unknown[] }>;
    expect(Object.keys(unfurls)).toEqual([`${GH}/501`]);
    const shown = JSON.stringify(unfurls[`${GH}/501`]);
    for (const s of ['Staff Data Engineer', 'Tidewater Freight', 'Remote (United States)', '$190k–$230k a year', '7+ years', 'Greenhouse job board']) expect(shown).toContain(s);
    expect(skipped()).toBe(4);
    const why = (job: number): string => JSON.parse(t.logs.find((l) => l.includes('link not unfurled') && l.includes(`jobs/${job}"`))!).error;
    expect(why(502)).toMatch(/did not answer within 2 s/);
    expect(why(503)).toMatch(/larger than 2048 KB/);
    expect(why(504)).toMatch(/answered HTTP 500/);
    expect(why(505)).toMatch(/sent the request to another site \(localhost:/);
  });

  it('makes no call at all when nothing could be read', async () => {
    const before = t.slack.of('chat.unfurl').length;
    const seen = skipped();
    await t.event({ type: 'link_shared', channel: 'C1', user: 'U1', message_ts: '810.1', links: links(`${GH}/504`, `${GH}/506`, 'https://jobs.lever.co/saltmarsh/not-there'), event_ts: '810.2' });
    await waitUntil(() => skipped() >= seen + 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.slack.of('chat.unfurl')).toHaveLength(before);
  });

  it('unfurls Lever and Ashby job pages, by channel and ts when there is no unfurl id', async () => {
    const before = t.slack.of('chat.unfurl').length;
    const lever = 'https://jobs.lever.co/saltmarsh/7d1c0a2e-1111-4a4a-9b9b-123456789abc';
    const ashby = 'https://jobs.ashbyhq.com/quarry/a1b2c3d4-0000-4000-8000-000000000001';
    await t.event({ type: 'link_shared', channel: 'C2', user: 'U1', message_ts: '820.1', links: links(lever, ashby), event_ts: '820.2' });
    const call = (await t.slack.waitFor('chat.unfurl', before + 1))[before]!;
    expect(call.args).toMatchObject({ channel: 'C2', ts: '820.1' });
    const unfurls = call.args.unfurls as Record<string, unknown>;
    expect(JSON.stringify(unfurls[lever])).toMatch(/Product Designer[\s\S]*Toronto, ON[\s\S]*Hybrid[\s\S]*CA\$110k–CA\$130k a year[\s\S]*5\+ years[\s\S]*Lever job board/);
    expect(JSON.stringify(unfurls[ashby])).toMatch(/Backend Engineer[\s\S]*Berlin[\s\S]*On-site[\s\S]*€80k–€95k a year/);
  });

  it('nothing a posting says can ping a channel or forge a link in the unfurl', async () => {
    board.json('/v1/boards/tidewater/jobs/507', { id: 507, title: '<!channel> Engineer <https://evil.example|click>', company_name: 'Tide @here', location: { name: 'Remote' }, content: 'x' });
    const before = t.slack.of('chat.unfurl').length;
    await t.event({ type: 'link_shared', channel: 'C1', user: 'U1', message_ts: '830.1', links: links(`${GH}/507`), event_ts: '830.2' });
    const call = (await t.slack.waitFor('chat.unfurl', before + 1))[before]!;
    const shown = JSON.stringify(call.args.unfurls);
    expect(shown).not.toContain('<!channel>');
    expect(shown).not.toContain('<https://evil');
    expect(shown).not.toMatch(/@here/);
  });
});
