// The real app in Socket Mode against a local WebSocket server standing in for Slack: envelopes in the shapes of
// Slack's samples, acks recorded, Web API calls recorded by the fake Web API, and Slack's reconnect requests.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileShareDm, homeClick, shareSubmission, threadBroadcastDm, threadClick } from '../fixtures/slack/payloads.ts';
import { actionBody, commandFields, eventBody as eventShape, viewBody } from '../support/payload-arbitraries.ts';
import { startSocketApp, type SocketTestApp } from '../support/socket-app.ts';

let t: SocketTestApp;
beforeAll(async () => {
  t = await startSocketApp();
  await t.socket.until(() => t.socket.open().length === 1, 5000, 'the first connection');
});
afterAll(async () => {
  await t.close();
});

let n = 0;
const eventBody = (event: Record<string, unknown>) => ({ token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvS${++n}`, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }], is_ext_shared_channel: false });
const click = (actionId: string, value: string, extra: Record<string, unknown> = {}) => ({
  type: 'block_actions', user: { id: 'U1', username: 'ada', name: 'ada', team_id: 'T1' }, api_app_id: 'A1', token: 'x', trigger_id: `trig-c${++n}`, team: { id: 'T1', domain: 'acme' },
  channel: { id: 'C1', name: 'jobs' }, container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true }, response_url: `${t.slack.url}/response/click-${n}`,
  actions: [{ action_id: actionId, block_id: 'b1', type: 'button', value, action_ts: '1.2', text: { type: 'plain_text', text: 'x', emoji: true } }], ...extra,
});
const responseTo = (url: string) => t.slack.calls.filter((c) => `${t.slack.url}/${c.method}` === url);
const until = (fn: () => boolean, what: string, ms = 5000) => t.socket.until(fn, ms, what);
const roleId = () => t.running.index.all().find((p) => p.company === 'beehiiv')!.id;

describe('Socket Mode', () => {
  it('answers /jobs in the ack, and mentions in the thread', async () => {
    const { payload } = await t.command('remote ranking');
    expect(payload).toMatchObject({ response_type: 'ephemeral' });
    expect(payload!.blocks[0].text.text).toBe('1 role matches “remote ranking”');
    await t.socket.deliver('events_api', eventBody({ type: 'app_mention', user: 'U1', text: '<@UBOT> what does the beehiiv role pay?', ts: '900.1', channel: 'C9', event_ts: '900.1' }));
    await until(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'C9'), 'the mention answer');
    expect(t.slack.of('chat.postMessage').find((c) => c.args.channel === 'C9')!.args).toMatchObject({ thread_ts: '900.1' });
  });

  it('1. Share and Details from App Home', async () => {
    const opens = t.slack.of('views.open').length;
    await t.socket.deliver('interactive', click('role_share', roleId(), homeClick()));
    await until(() => t.slack.of('views.open').length > opens, 'the share modal');
    expect(t.slack.of('views.open')[opens]!.args.view).toMatchObject({ callback_id: 'role_share_to', private_metadata: roleId() });
    const url = `${t.slack.url}/response/sock-share-1`;
    await t.socket.deliver('interactive', shareSubmission(roleId(), 'C42', url));
    await until(() => responseTo(url).length === 1, 'the shared card');
    expect(responseTo(url)[0]!.args).toMatchObject({ response_type: 'in_channel' });
    await t.socket.deliver('interactive', click('role_details', 'closed-role', homeClick()));
    await until(() => t.slack.of('views.open').length > opens + 1, 'the notice modal');
    expect(JSON.stringify(t.slack.of('views.open').at(-1)!.args.view)).toMatch(/no longer open/);
  });

  it('2. DMs with a file and thread broadcasts are answered', async () => {
    const before = t.slack.of('chat.postMessage').filter((c) => c.args.channel === 'D1').length;
    await t.socket.deliver('events_api', eventBody(fileShareDm('which roles need Go?', '910.1')));
    await t.socket.deliver('events_api', eventBody(threadBroadcastDm('remote ranking', '910.3', '910.2')));
    await until(() => t.slack.of('chat.postMessage').filter((c) => c.args.channel === 'D1').length >= before + 2, 'two DM answers');
  });

  it('3 and 4. digest on in a group DM: acknowledged, explained, not turned on, no placeholder names', async () => {
    t.slack.script('conversations.info', { body: { ok: false, error: 'missing_scope' }, when: (a) => a.channel === 'G0SOCK1' });
    const on = await t.command('digest on', { channel_id: 'G0SOCK1', channel_name: 'privategroup' });
    expect(on.payload ?? {}).not.toHaveProperty('blocks');
    await until(() => responseTo(on.responseUrl).length === 1, 'the digest answer');
    const reply = JSON.stringify(responseTo(on.responseUrl)[0]!.args);
    expect(reply).toMatch(/Digest not turned on/);
    expect(reply).not.toMatch(/privategroup/);
    const state = await t.command('digest', { channel_id: 'G0SOCK1', channel_name: 'privategroup' });
    await until(() => responseTo(state.responseUrl).length === 1, 'the digest state');
    expect(JSON.stringify(responseTo(state.responseUrl)[0]!.args)).toMatch(/Daily digest is off/);
  });

  it('5. More on a public thread answer posts a new ephemeral message', async () => {
    const before = t.slack.of('chat.postEphemeral').length;
    await t.socket.deliver('interactive', click('results_more', JSON.stringify({ q: 'engineer', o: 5 }), threadClick('C78', '920.1')));
    await until(() => t.slack.of('chat.postEphemeral').length > before, 'the ephemeral page');
    expect(t.slack.of('chat.postEphemeral').at(-1)!.args).toMatchObject({ channel: 'C78', thread_ts: '920.1', user: 'U1' });
  });

  it('6. Details opens the modal with every list whole; a pay-floor-only query suggests no empty query', async () => {
    const opens = t.slack.of('views.open').length;
    await t.socket.deliver('interactive', click('role_details', roleId()));
    await until(() => t.slack.of('views.open').length > opens, 'the details modal');
    const text = JSON.stringify(t.slack.of('views.open').at(-1)!.args.view);
    for (const r of t.running.index.get(roleId())!.requirements) expect(text).toContain(JSON.stringify(r.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).slice(1, -1));
    const { payload } = await t.command('900k+');
    expect(payload!.text).not.toContain('“”');
  });
});

describe('7. reconnects without a gap', () => {
  it.each(['refresh_requested', 'warning'])('on "%s" the next connection opens before the old one closes, and nothing is lost', async (reason) => {
    const old = t.socket.open().at(-1)!;
    const opened = t.socket.connections.length;
    t.socket.helloDelayMs = 150;
    old.send({ type: 'disconnect', reason, debug_info: { host: 'fake-applink-1' } });
    // While the next connection is being set up, the old one still answers.
    const during = await t.socket.deliver('slash_commands', { command: '/jobs', text: 'python', user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: `${t.slack.url}/response/during`, trigger_id: 't' }, { on: old });
    expect(during.ack.payload).toMatchObject({ response_type: 'ephemeral' });
    await until(() => t.socket.connections.length > opened, 'the next connection');
    const next = t.socket.connections.at(-1)!;
    expect(old.open).toBe(true);
    await until(() => !old.open, 'the old connection to close');
    expect(next.open).toBe(true);
    t.socket.helloDelayMs = 0;
    const { payload } = await t.command('remote ranking');
    expect(payload!.blocks[0].text.text).toBe('1 role matches “remote ranking”');
    expect(t.socket.open()).toHaveLength(1);
  });

  it('a dropped connection is replaced at once', async () => {
    const before = t.socket.connections.length;
    t.socket.open().at(-1)!.drop();
    // The stock client waits 5 s before reconnecting; this one reconnects at once.
    await until(() => t.socket.connections.length > before && t.socket.open().length === 1, 'a new connection', 2000);
    const { payload } = await t.command('python');
    expect(payload).toMatchObject({ response_type: 'ephemeral' });
  });

  it('Slack closing the old connection right after asking for a refresh leaves one connection', async () => {
    const old = t.socket.open().at(-1)!;
    old.send({ type: 'disconnect', reason: 'refresh_requested' });
    old.close();
    await until(() => !old.open && t.socket.open().length === 1, 'one new connection');
    const { payload } = await t.command('python');
    expect(payload).toMatchObject({ response_type: 'ephemeral' });
    await new Promise((r) => setTimeout(r, 300));
    expect(t.socket.open()).toHaveLength(1);
  });
});

describe('issue 14: odd envelopes over Socket Mode', () => {
  it.each([
    ['events_api', null],
    ['events_api', []],
    ['events_api', { type: 'event_callback', event: null }],
    ['slash_commands', 5],
    ['slash_commands', { command: '/jobs', text: 7, user_id: 'U1', channel_id: 'C1' }],
    ['interactive', null],
    ['interactive', { type: 'block_actions', user: 'U1', actions: [{ action_id: 'role_details' }] }],
  ] as const)('%s with payload %j is acknowledged and dropped; the app keeps serving', async (type, payload) => {
    const { ack } = await t.socket.deliver(type, payload);
    expect(ack).toHaveProperty('envelope_id');
    const r = await t.command('remote ranking');
    expect(r.payload!.blocks[0].text.text).toBe('1 role matches “remote ranking”');
  });
  it('messages that are not envelopes are ignored', async () => {
    const conn = t.socket.open().at(-1)!;
    for (const m of ['null', '[]', '42', '"x"', '{nope', JSON.stringify({ type: 'events_api' })]) conn.send(m);
    const r = await t.command('python');
    expect(r.payload).toMatchObject({ response_type: 'ephemeral' });
  });
});

describe('issue 14: fuzzing Socket Mode envelopes', () => {
  it('every envelope, whatever its payload, is acknowledged and the app keeps serving', async () => {
    const crashes: unknown[] = [];
    const onCrash = (err: unknown): void => void crashes.push(err);
    process.on('unhandledRejection', onCrash);
    try {
      const envelope = fc.oneof(
        fc.tuple(fc.constant('events_api' as const), fc.oneof(eventShape, fc.jsonValue({ maxDepth: 2 }))),
        fc.tuple(fc.constant('interactive' as const), fc.oneof(actionBody, viewBody, fc.jsonValue({ maxDepth: 2 }))),
        fc.tuple(fc.constant('slash_commands' as const), fc.oneof(commandFields, fc.jsonValue({ maxDepth: 2 }))),
      );
      await fc.assert(
        fc.asyncProperty(envelope, async ([type, payload]) => {
          const { ack } = await t.socket.deliver(type, JSON.parse(JSON.stringify(payload ?? null)) as unknown);
          expect(ack).toHaveProperty('envelope_id');
        }),
        { numRuns: 120 },
      );
      const r = await t.command('remote ranking');
      expect(r.payload!.blocks[0].text.text).toBe('1 role matches “remote ranking”');
      expect(t.socket.open()).toHaveLength(1);
      expect(crashes).toEqual([]);
    } finally {
      process.off('unhandledRejection', onCrash);
    }
  }, 60_000);
});
