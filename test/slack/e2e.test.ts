// The real Bolt app over HTTP on 127.0.0.1 with signed requests; its Web API calls go to a recording fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, startTestApp, type TestApp } from '../support/app.ts';
import { sign } from '../support/fake-slack.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Msg = { response_type?: string; text: string; blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }> };

describe('HTTP mode', () => {
  it('answers /healthz', async () => {
    const r = await fetch(`${t.base}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ok: true, roles: 19 });
  });

  it('/jobs replies in the HTTP response with an ephemeral page of role cards', async () => {
    const r = await t.command('remote ranking');
    expect(r.status).toBe(200);
    const body = (await r.json()) as Msg;
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]).toMatchObject({ type: 'header', text: { text: '1 role matches “remote ranking”' } });
    expect(JSON.stringify(body.blocks)).toContain('Feed Relevance');
    expect(body.text).toContain('Reddit');
  });

  it('/jobs alone shows help', async () => {
    const body = (await (await t.command('')).json()) as Msg;
    expect(body.blocks[0]).toMatchObject({ text: { text: 'Ask about open roles in plain words' } });
  });

  it('More replaces the message through response_url; Share posts in_channel; Details opens a modal', async () => {
    const first = (await (await t.command('engineer')).json()) as Msg;
    const more = first.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'results_more')!;
    expect(more).toBeTruthy();
    expect((await t.action('results_more', more.value!)).status).toBe(200);
    const responses = () => t.slack.calls.filter((c) => c.method.startsWith('response/'));
    await waitUntil(() => responses().length >= 1);
    expect(responses()[0]!.args).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(JSON.stringify(responses()[0]!.args.blocks)).toMatch(/showing 6–10/);

    const id = first.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'role_share')!.value!;
    await t.action('role_share', id);
    await waitUntil(() => responses().length >= 2);
    expect(responses()[1]!.args).toMatchObject({ response_type: 'in_channel', replace_original: false });

    await t.action('role_details', id);
    const [open] = await t.slack.waitFor('views.open');
    expect(open!.args).toMatchObject({ trigger_id: expect.stringMatching(/^trig-/), view: { type: 'modal' } });
    expect(open!.headers.authorization).toBe('Bearer xoxb-test-token');
  });

  it('answers app_mention in the thread of the message', async () => {
    await t.event({ type: 'app_mention', user: 'U1', text: '<@UBOT> what does the beehiiv role pay?', ts: '100.1', channel: 'C9', event_ts: '100.1' });
    const calls = await t.slack.waitFor('chat.postMessage');
    const call = calls.find((c) => c.args.channel === 'C9')!;
    expect(call.args).toMatchObject({ channel: 'C9', thread_ts: '100.1', unfurl_links: false, unfurl_media: false });
    expect(String(call.args.text)).toMatch(/USD 180K-200K\/annual/);
  });

  it('answers a direct message', async () => {
    await t.event({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'which roles need Go?', ts: '200.1', event_ts: '200.1' });
    await waitUntil(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'D1'));
    const call = t.slack.of('chat.postMessage').find((c) => c.args.channel === 'D1')!;
    expect(String(call.args.text)).toMatch(/3 roles match/);
  });

  it('does not answer a retried delivery twice', async () => {
    const before = t.slack.of('chat.postMessage').length;
    await t.event({ type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '300.1', channel: 'C7', event_ts: '300.1' }, 'EvRETRY');
    await t.event({ type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '300.1', channel: 'C7', event_ts: '300.1' }, 'EvRETRY', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await waitUntil(() => t.slack.of('chat.postMessage').length > before);
    await new Promise((r) => setTimeout(r, 200));
    expect(t.slack.of('chat.postMessage').filter((c) => c.args.channel === 'C7')).toHaveLength(1);
  });

  it('publishes App Home on app_home_opened', async () => {
    await t.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '400.1' });
    const [call] = await t.slack.waitFor('views.publish');
    expect(call!.args).toMatchObject({ user_id: 'U1', view: { type: 'home' } });
    expect(JSON.stringify(call!.args.view)).toMatch(/19 open roles at 15 companies/);
  });

  it('rejects a bad signature and a stale timestamp', async () => {
    const body = new URLSearchParams({ command: '/jobs', text: 'x', user_id: 'U1', channel_id: 'C1', team_id: 'T1' }).toString();
    const bad = await fetch(`${t.base}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=deadbeef' } });
    expect(bad.status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 10 * 60;
    const stale = await fetch(`${t.base}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(SECRET, body, old) } });
    expect(stale.status).toBe(401);
  });

  it('answers 200 concurrent /jobs requests within 3 s each', async () => {
    const queries = ['remote ranking', 'python', 'staff at reddit', '150k+', 'berlin', 'go', 'hybrid', 'pytorh'];
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 200 }, async (_, i) => {
      const t0 = Date.now();
      const r = await t.command(queries[i % queries.length]!);
      const body = (await r.json()) as Msg;
      return { status: r.status, ms: Date.now() - t0, ok: Array.isArray(body.blocks) };
    }));
    expect(results.every((r) => r.status === 200 && r.ok)).toBe(true);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(3000);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('logs JSON lines without the bot token', () => {
    expect(t.logs.length).toBeGreaterThan(0);
    for (const line of t.logs) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain('xoxb-test-token');
    }
  });
});

async function waitUntil(fn: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
