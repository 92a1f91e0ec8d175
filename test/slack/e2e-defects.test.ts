// Issue 13's Slack defects, each driven end to end: the real app over signed HTTP, its Web API and response_url
// calls recorded by the fake Slack, its state in a real SQLite file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileShareDm, homeClick, shareSubmission, threadBroadcastDm, threadClick } from '../fixtures/slack/payloads.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let hostileId = '';
const REQUIREMENTS = Array.from({ length: 40 }, (_, i) => `Shipped learning-to-rank model number ${i + 1} for product search with offline and online evaluation`);

beforeAll(async () => {
  t = await startTestApp();
  const before = t.running.index.size;
  // A posting of our own whose title tries to ping and reverse text, with requirements well past 3,000 characters.
  writeFileSync(join(t.dirs.postings, 'hostile-search.txt'), `Senior Search & Ranking Engineer <!channel> \u202eevil\u202c\nAcme Search\nRemote (US)\nSalary: $150,000 - $190,000 per year\n\nAbout the role\nYou will build search.\n\nRequirements:\n${REQUIREMENTS.map((r) => `- ${r}`).join('\n')}\n\nResponsibilities:\n- Build the ranking stack\n`);
  await waitUntil(() => t.running.index.size > before, 8000);
  hostileId = t.running.index.all().find((p) => p.company === 'Acme Search')!.id;
});
afterAll(async () => {
  await t.close();
});

const responses = () => t.slack.calls.filter((c) => c.method.startsWith('response/'));
const responseTo = (url: string) => t.slack.calls.filter((c) => `${t.slack.url}/${c.method}` === url);
const form = (payload: Record<string, unknown>) => t.post('/slack/events', new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
let n = 0;
const commandIn = (text: string, channel: { channel_id: string; channel_name: string }) => {
  const url = `${t.slack.url}/response/cmd-${++n}`;
  return { url, sent: t.command(text, { ...channel, response_url: url }) };
};

describe('1. Share and Details on App Home cards', () => {
  it('Share opens a conversation picker; submitting posts the card there through its response_url', async () => {
    const opens = t.slack.of('views.open').length;
    expect((await t.action('role_share', hostileId, homeClick())).status).toBe(200);
    const [open] = (await t.slack.waitFor('views.open', opens + 1)).slice(opens);
    const view = open!.args.view as Record<string, any>;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'role_share_to', private_metadata: hostileId });
    expect(view.blocks[1].element).toMatchObject({ type: 'conversations_select', response_url_enabled: true });

    const url = `${t.slack.url}/response/share-1`;
    expect((await form(shareSubmission(hostileId, 'C42', url))).status).toBe(200);
    await waitUntil(() => responseTo(url).length === 1);
    expect(responseTo(url)[0]!.args).toMatchObject({ response_type: 'in_channel', unfurl_links: false });
    expect(JSON.stringify(responseTo(url)[0]!.args.blocks)).toContain('Shared by <@U1>');
  });
  it('Details on a role that has closed answers in a modal', async () => {
    const opens = t.slack.of('views.open').length;
    await t.action('role_details', 'no-such-role', homeClick());
    const [open] = (await t.slack.waitFor('views.open', opens + 1)).slice(opens);
    expect(JSON.stringify(open!.args.view)).toMatch(/no longer open/);
  });
  it('a share the app cannot post is explained in a DM', async () => {
    const url = `${t.slack.url}/response/share-2`;
    t.slack.script('response/share-2', { status: 404 });
    await form(shareSubmission(hostileId, 'C43', url));
    await waitUntil(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'U1' && /could not share/.test(String(c.args.text))));
    expect(String(t.slack.of('chat.postMessage').find((c) => c.args.channel === 'U1')!.args.text)).toContain('<#C43>');
  });
});

describe('2. DMs with a file attached, and thread broadcasts', () => {
  it('answers both', async () => {
    await t.event(fileShareDm('which roles need Go?', '700.1'));
    await t.event(threadBroadcastDm('remote ranking', '700.3', '700.2'));
    await waitUntil(() => t.slack.of('chat.postMessage').filter((c) => c.args.channel === 'D1').length >= 2);
    const answers = t.slack.of('chat.postMessage').filter((c) => c.args.channel === 'D1');
    expect(String(answers[0]!.args.text)).toMatch(/roles? match/);
    expect(answers.find((c) => c.args.thread_ts === '700.2')).toBeTruthy();
  });
});

describe('3. /jobs digest on where membership cannot be told', () => {
  it('in a group DM (missing scope) it acknowledges, says what to do, and stays off', async () => {
    t.slack.script('conversations.info', { body: { ok: false, error: 'missing_scope', needed: 'mpim:read', provided: 'groups:read' }, when: (a) => a.channel === 'G0GROUP1' });
    const { url, sent } = commandIn('digest on', { channel_id: 'G0GROUP1', channel_name: 'mpdm-ada--bob--cy-1' });
    const r = await sent;
    expect(r.status).toBe(200);
    await waitUntil(() => responseTo(url).length === 1);
    const text = JSON.stringify(responseTo(url)[0]!.args);
    expect(text).toMatch(/Digest not turned on/);
    expect(text).toMatch(/\/invite @openroles/);
    expect(text).not.toMatch(/Daily digest on/);
    const state = commandIn('digest', { channel_id: 'G0GROUP1', channel_name: 'mpdm-ada--bob--cy-1' });
    await state.sent;
    await waitUntil(() => responseTo(state.url).length === 1);
    expect(JSON.stringify(responseTo(state.url)[0]!.args)).toMatch(/Daily digest is off/);
  });
});

describe('issue 14: /jobs digest on when Slack answers 500 or hangs', () => {
  it('acknowledges at once, tells the person, and never turns on later', async () => {
    t.slack.script('conversations.info', ...Array.from({ length: 5 }, () => ({ status: 500, when: (a: Record<string, unknown>) => a.channel === 'C0FAIL1' })));
    t.slack.script('conversations.info', { hang: true, when: (a) => a.channel === 'C0HANG1' });
    const failing = commandIn('digest on', { channel_id: 'C0FAIL1', channel_name: 'jobs-a' });
    const hanging = commandIn('digest on', { channel_id: 'C0HANG1', channel_name: 'jobs-b' });
    // The acknowledgement does not wait for Slack's answer (the hung call never answers).
    const [a, b] = await Promise.all([failing.sent, hanging.sent]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await waitUntil(() => responseTo(failing.url).length === 1 && responseTo(hanging.url).length === 1, 15_000);
    for (const url of [failing.url, hanging.url]) expect(JSON.stringify(responseTo(url)[0]!.args)).toMatch(/Digest not turned on.*try again/);
    // Once the failing call's retries are spent, the channel is still off.
    await waitUntil(() => t.slack.of('conversations.info').filter((c) => c.args.channel === 'C0FAIL1').length >= 5, 15_000);
    await new Promise((r) => setTimeout(r, 200));
    for (const channel_id of ['C0FAIL1', 'C0HANG1']) {
      const state = commandIn('digest', { channel_id, channel_name: 'jobs' });
      await state.sent;
      await waitUntil(() => responseTo(state.url).length === 1);
      expect(JSON.stringify(responseTo(state.url)[0]!.args)).toMatch(/Daily digest is off/);
    }
  }, 30_000);
});

describe('4. Replies never name Slack placeholder channel names', () => {
  it.each([
    ['G0PRIV1', 'privategroup'],
    ['D0DM1', 'directmessage'],
  ])('%s (%s)', async (channel_id, channel_name) => {
    for (const text of ['digest on', 'digest off', 'digest']) {
      const { url, sent } = commandIn(text, { channel_id, channel_name });
      await sent;
      await waitUntil(() => responseTo(url).length === 1);
      const reply = JSON.stringify(responseTo(url)[0]!.args);
      expect(reply).not.toMatch(/#(privategroup|directmessage)/);
      expect(reply).not.toContain(channel_name);
    }
  });
});

describe('5. More on an answer everyone can see', () => {
  it('posts the next page as a new ephemeral message in the thread, leaving the answer alone', async () => {
    const before = responses().length;
    await t.action('results_more', JSON.stringify({ q: 'engineer', o: 5 }), threadClick('C77', '600.1'));
    const [call] = await t.slack.waitFor('chat.postEphemeral');
    expect(call!.args).toMatchObject({ channel: 'C77', user: 'U1', thread_ts: '600.1' });
    expect(JSON.stringify(call!.args.blocks)).toMatch(/showing 6–10/);
    expect(responses().slice(before).some((c) => c.args.replace_original === true)).toBe(false);
  });
});

describe('6. Details, fallback text, pay-floor suggestions', () => {
  it('Details shows every requirement, over several sections', async () => {
    const opens = t.slack.of('views.open').length;
    await t.action('role_details', hostileId);
    const [open] = (await t.slack.waitFor('views.open', opens + 1)).slice(opens);
    const view = open!.args.view as { blocks: Array<{ type: string; text?: { text: string } }> };
    const text = view.blocks.map((b) => b.text?.text ?? '').join('\n');
    const posting = t.running.index.get(hostileId)!;
    expect(posting.requirements.join('').length).toBeGreaterThan(3000);
    for (const r of posting.requirements) expect(text).toContain(r.replace(/&/g, '&amp;'));
    expect(text).not.toMatch(/…and \d+ more/);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    for (const b of view.blocks) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
  });
  it('notification text reads naturally and cannot ping or reorder', async () => {
    const before = responses().length;
    await t.action('role_share', hostileId);
    await waitUntil(() => responses().length > before);
    const text = String(responses()[before]!.args.text);
    expect(text).toBe('Senior Search &amp; Ranking Engineer &lt;!channel&gt; evil at Acme Search');
    expect(text).not.toMatch(/<!|[\u202a-\u202e\u2066-\u2069]/);
  });
  it('a query that is only a pay floor does not suggest an empty query', async () => {
    const body = (await (await t.command('900k+')).json()) as { text: string };
    expect(body.text).not.toContain('“”');
    expect(body.text).toMatch(/Without the pay floor, \d+ roles match: ask without it/);
  });
});

describe('issue 14: bidirectional controls from postings never reach a message', () => {
  it('in search results, App Home and the details modal', async () => {
    const search = await (await t.command('acme')).text();
    expect(search).toContain('Acme Search');
    expect(search).not.toMatch(/[\u202a-\u202e\u2066-\u2069]|\\u202[a-e]|\\u206[6-9]/i);
    await t.event({ type: 'app_home_opened', user: 'U2', channel: 'D2', tab: 'home', event_ts: '800.1' });
    await waitUntil(() => t.slack.of('views.publish').some((c) => c.args.user_id === 'U2'));
    const home = JSON.stringify(t.slack.of('views.publish').find((c) => c.args.user_id === 'U2')!.args.view);
    expect(home).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    for (const c of t.slack.calls) expect(JSON.stringify(c.args)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});

async function waitUntil(fn: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
