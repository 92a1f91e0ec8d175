// Listeners called directly with fake ack/respond/client: many cases, no Bolt.
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { RecentIds } from '../../src/slack/dedupe.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { roleDetails } from '../../src/slack/listeners/actions/role-details.ts';
import { resultsMore } from '../../src/slack/listeners/actions/results-more.ts';
import { roleShare } from '../../src/slack/listeners/actions/role-share.ts';
import { roleShareTo } from '../../src/slack/listeners/actions/role-share-to.ts';
import { jobsCommand } from '../../src/slack/listeners/commands/jobs.ts';
import { appHomeOpened } from '../../src/slack/listeners/events/app-home-opened.ts';
import { appMention } from '../../src/slack/listeners/events/app-mention.ts';
import { directMessage } from '../../src/slack/listeners/events/message-im.ts';
import { corpus } from '../helpers.ts';

const index = RoleIndex.from(corpus());
const deps: SlackDeps = { ctx: () => ({ index, now: new Date('2026-11-23') }), log: silentLogger() };
const fakeClient = () => ({ chat: { postMessage: vi.fn(async (_a: Record<string, unknown>) => ({ ok: true })), postEphemeral: vi.fn(async (_a: Record<string, unknown>) => ({ ok: true })) }, views: { open: vi.fn(async () => ({ ok: true })), publish: vi.fn(async () => ({ ok: true })) } });
const command = (text: string) => ({ text, user_id: 'U1', channel_id: 'C1', channel_name: 'jobs' });
type Reply = { response_type: string; text: string; blocks: Array<Record<string, any>> };

describe('/jobs', () => {
  it.each([
    ['remote ranking', /1 role matches “remote ranking”/],
    ['', /Ask about open roles in plain words/],
    ['help', /Ask about open roles in plain words/],
    ['zzzz', /No roles match “zzzz”/],
    ['   ', /Ask about open roles/],
    ['staff at reddit', /2 roles match/],
  ])('"%s"', async (text, heading) => {
    const ack = vi.fn(async (_r?: unknown) => undefined);
    await jobsCommand(deps)({ command: command(text), ack });
    expect(ack).toHaveBeenCalledTimes(1);
    const reply = ack.mock.calls[0]![0] as Reply;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]!.text.text).toMatch(heading);
  });
  it('hands digest and alert commands to the digest, acknowledging before it starts', async () => {
    const order: string[] = [];
    const digest = { command: vi.fn(async () => (order.push('digest'), { intent: 'help' as const, heading: 'Daily digest on', parts: [], paging: null, leftOut: [], roleIds: [] })) };
    const ack = vi.fn(async (_r?: unknown) => void order.push('ack'));
    const respond = vi.fn(async (_m: Record<string, unknown>) => void order.push('respond'));
    await jobsCommand({ ...deps, digest })({ command: command('digest on'), ack, respond });
    expect(digest.command).toHaveBeenCalledWith('digest on', { userId: 'U1', channelId: 'C1', channelName: 'jobs' });
    expect(order).toEqual(['ack', 'digest', 'respond']);
    expect(ack.mock.calls[0]).toEqual([]);
    expect((respond.mock.calls[0]![0] as unknown as Reply).blocks[0]!.text.text).toBe('Daily digest on');
  });
  it('a digest command that hangs has been acknowledged already', async () => {
    const digest = { command: vi.fn(() => new Promise<never>(() => undefined)) };
    const ack = vi.fn(async (_r?: unknown) => undefined);
    void jobsCommand({ ...deps, digest })({ command: command('subscribe python'), ack, respond: vi.fn(async () => undefined) });
    await vi.waitFor(() => expect(ack).toHaveBeenCalledTimes(1));
  });
  it('/jobs refresh acks at once and answers through response_url', async () => {
    const ack = vi.fn(async (_r?: unknown) => undefined);
    const respond = vi.fn(async (_m: Record<string, unknown>) => undefined);
    const refresh = vi.fn(async (user: string) => ({ intent: 'help' as const, heading: `Sources refreshed for ${user}`, parts: [], paging: null, leftOut: [], roleIds: [] }));
    await jobsCommand({ ...deps, refresh })({ command: command('refresh'), ack, respond });
    expect((ack.mock.calls[0]![0] as Reply).text).toMatch(/Refreshing/);
    expect(refresh).toHaveBeenCalledWith('U1');
    expect(respond.mock.calls[0]![0]).toMatchObject({ replace_original: true, blocks: [expect.objectContaining({ text: expect.objectContaining({ text: 'Sources refreshed for U1' }) })] });
  });
  it('acks with an apology when answering fails', async () => {
    const ack = vi.fn(async (_r?: unknown) => undefined);
    await jobsCommand({ ...deps, ctx: () => { throw new Error('boom'); } })({ command: command('x'), ack });
    expect((ack.mock.calls[0]![0] as Reply).text).toMatch(/something went wrong/);
  });
});

describe('mentions and DMs', () => {
  it('replies in the thread of the mention, or the thread it was in', async () => {
    const client = fakeClient();
    await appMention(deps, new RecentIds())({ event: { text: '<@U0> remote ranking', channel: 'C1', ts: '1.0' }, body: { event_id: 'E1' }, client });
    await appMention(deps, new RecentIds())({ event: { text: '<@U0> help', channel: 'C1', ts: '2.0', thread_ts: '1.5' }, body: { event_id: 'E2' }, client });
    expect(client.chat.postMessage.mock.calls.map((c: any[]) => c[0].thread_ts)).toEqual(['1.0', '1.5']);
  });
  it('ignores bots and repeats', async () => {
    const client = fakeClient();
    const seen = new RecentIds();
    await appMention(deps, seen)({ event: { text: 'x', channel: 'C1', ts: '1', bot_id: 'B1' }, client });
    await appMention(deps, seen)({ event: { text: 'x', channel: 'C1', ts: '1' }, body: { event_id: 'E9' }, client });
    await appMention(deps, seen)({ event: { text: 'x', channel: 'C1', ts: '1' }, body: { event_id: 'E9' }, client });
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
  });
  it('answers only plain DMs from people', async () => {
    const client = fakeClient();
    const h = directMessage(deps, new RecentIds());
    await h({ message: { text: 'hi', channel: 'D1', channel_type: 'im', ts: '1', user: 'U1' }, client });
    await h({ message: { text: 'hi', channel: 'D1', channel_type: 'im', ts: '2', subtype: 'message_changed' }, client });
    await h({ message: { text: 'hi', channel: 'C1', channel_type: 'channel', ts: '3', user: 'U1' }, client });
    await h({ message: { text: 'hi', channel: 'D1', channel_type: 'im', ts: '4', bot_id: 'B1' }, client });
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
  });
  it('answers a DM with a file attached, and a thread reply also sent to the conversation', async () => {
    const client = fakeClient();
    const h = directMessage(deps, new RecentIds());
    await h({ message: { text: 'which roles need Go?', channel: 'D1', channel_type: 'im', ts: '1', user: 'U1', subtype: 'file_share', files: [{ id: 'F1' }] }, client });
    await h({ message: { text: 'remote ranking', channel: 'D1', channel_type: 'im', ts: '3', thread_ts: '2', user: 'U1', subtype: 'thread_broadcast' }, client });
    await h({ message: { text: '', channel: 'D1', channel_type: 'im', ts: '4', user: 'U1', subtype: 'file_share', files: [{ id: 'F2' }] }, client });
    const calls = client.chat.postMessage.mock.calls.map((c) => c[0] as Record<string, any>);
    expect(calls).toHaveLength(3);
    expect(calls[0]!.text).toMatch(/3 roles match/);
    expect(calls[1]).toMatchObject({ thread_ts: '2' });
    expect(calls[2]!.text).toMatch(/not files/);
  });
  it('publishes home only for the home tab', async () => {
    const client = fakeClient();
    await appHomeOpened(deps)({ event: { user: 'U1', tab: 'messages' }, client });
    await appHomeOpened(deps)({ event: { user: 'U1', tab: 'home' }, client });
    expect(client.views.publish).toHaveBeenCalledTimes(1);
  });
});

describe('buttons', () => {
  const id = index.all().find((p) => p.company === 'beehiiv')!.id;
  const inMessage = { trigger_id: 'T', user: { id: 'U1' }, response_url: 'https://hooks.example/r/1', container: { type: 'message', channel_id: 'C1', is_ephemeral: true } };
  const args = (value: string, body: Record<string, unknown> = inMessage) => ({ ack: vi.fn(async () => undefined), action: { value }, body, client: fakeClient(), respond: vi.fn(async (_m: Record<string, unknown>) => undefined) });
  // A card in App Home: the payload has a view container and no response_url, so Bolt gives no `respond`.
  const inHome = { trigger_id: 'T', user: { id: 'U1' }, container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'home' } };
  it('Details opens a modal with the full summary', async () => {
    const a = args(id);
    await roleDetails(deps)(a);
    expect(a.ack).toHaveBeenCalled();
    const view = (a.client.views.open.mock.calls[0] as any[])[0].view;
    expect(view.type).toBe('modal');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(view.blocks)).toMatch(/Nice to have/);
  });
  it('Details and Share on a role that closed say so', async () => {
    for (const h of [roleDetails, roleShare]) {
      const a = args('gone');
      await h(deps)(a);
      expect(a.respond.mock.calls[0]![0]).toMatchObject({ text: 'That role is no longer open.' });
    }
  });
  it('Share posts the card for everyone', async () => {
    const a = args(id);
    await roleShare(deps)(a);
    expect(a.respond.mock.calls[0]![0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
  });
  it('Share from App Home opens a conversation picker whose choice comes back with a response_url', async () => {
    const a = { ...args(id, inHome), respond: undefined };
    await roleShare(deps)(a);
    const view = (a.client.views.open.mock.calls[0] as any[])[0].view;
    expect(view).toMatchObject({ type: 'modal', callback_id: 'role_share_to', private_metadata: id, submit: { text: 'Share' } });
    expect(view.blocks[1].element).toMatchObject({ type: 'conversations_select', response_url_enabled: true });
  });
  it('Details and Share from App Home on a role that closed answer in a modal', async () => {
    for (const h of [roleDetails, roleShare]) {
      const a = { ...args('gone', inHome), respond: undefined };
      await h(deps)(a);
      expect(JSON.stringify((a.client.views.open.mock.calls[0] as any[])[0].view)).toMatch(/no longer open/);
    }
  });
  it('the share modal posts the card through the response_url of the chosen conversation', async () => {
    const client = fakeClient();
    const respond = vi.fn(async (_m: Record<string, unknown>) => undefined);
    const ack = vi.fn(async () => undefined);
    await roleShareTo(deps)({ ack, body: { user: { id: 'U1' }, response_urls: [{ channel_id: 'C5', response_url: 'https://hooks.example/r/2' }] }, view: { private_metadata: id }, client, respond });
    expect(ack).toHaveBeenCalled();
    expect(respond.mock.calls[0]![0]).toMatchObject({ response_type: 'in_channel', text: expect.stringContaining('beehiiv') });
  });
  it('when sharing fails the person is told in a DM, naming the channel by its id', async () => {
    const client = fakeClient();
    const respond = vi.fn(async () => { throw new Error('not_in_channel'); });
    await roleShareTo(deps)({ ack: vi.fn(async () => undefined), body: { user: { id: 'U1' }, response_urls: [{ channel_id: 'C5', response_url: 'x' }] }, view: { private_metadata: id }, client, respond });
    expect(client.chat.postMessage.mock.calls[0]![0]).toMatchObject({ channel: 'U1', text: expect.stringContaining('<#C5>') });
  });
  it('More on an answer everyone sees posts the next page as a new message only the clicker sees, in the thread', async () => {
    const a = args(JSON.stringify({ q: 'engineer', o: 5 }), { user: { id: 'U1' }, response_url: 'r', container: { type: 'message', channel_id: 'C1', is_ephemeral: false, thread_ts: '10.1' } });
    await resultsMore(deps)(a);
    expect(a.respond).not.toHaveBeenCalled();
    expect(a.client.chat.postEphemeral.mock.calls[0]![0]).toMatchObject({ channel: 'C1', user: 'U1', thread_ts: '10.1' });
    expect(a.client.chat.postEphemeral.mock.calls[0]![0]).not.toHaveProperty('replace_original');
  });
  it('More replaces the page; a garbled value starts again', async () => {
    const a = args(JSON.stringify({ q: 'engineer', o: 5 }));
    await resultsMore(deps)(a);
    expect(a.respond.mock.calls[0]![0]).toMatchObject({ replace_original: true });
    const b = args('not json');
    await resultsMore(deps)(b);
    expect(b.respond).toHaveBeenCalled();
  });
});

describe('ack first: no handler waits on the Web API or the database before acknowledging', () => {
  const hang = () => new Promise<never>(() => undefined);
  const hungClient = () => ({ chat: { postMessage: vi.fn(hang), postEphemeral: vi.fn(hang) }, views: { open: vi.fn(hang), publish: vi.fn(hang) } });
  const id = index.all()[0]!.id;
  const inHome = { trigger_id: 'T', user: { id: 'U1' }, container: { type: 'view' } };
  const inThread = { trigger_id: 'T', user: { id: 'U1' }, response_url: 'r', container: { type: 'message', channel_id: 'C1', is_ephemeral: false } };
  it.each([
    ['Details', roleDetails, id, inHome],
    ['Details of a closed role', roleDetails, 'gone', inHome],
    ['Share', roleShare, id, inHome],
    ['More', resultsMore, JSON.stringify({ q: 'engineer', o: 5 }), inThread],
  ] as const)('%s', async (_name, handler, value, body) => {
    const ack = vi.fn(async () => undefined);
    void handler(deps)({ ack, action: { value }, body, client: hungClient(), respond: vi.fn(hang) });
    await vi.waitFor(() => expect(ack).toHaveBeenCalled());
  });
  it('the share modal submission', async () => {
    const ack = vi.fn(async () => undefined);
    void roleShareTo(deps)({ ack, body: { user: { id: 'U1' }, response_urls: [{ channel_id: 'C1', response_url: 'r' }] }, view: { private_metadata: id }, client: hungClient(), respond: vi.fn(hang) });
    await vi.waitFor(() => expect(ack).toHaveBeenCalled());
  });
  it('/jobs refresh and every digest subcommand', async () => {
    for (const text of ['refresh', 'digest on', 'digest off', 'digest', 'subscribe python', 'subscriptions', 'unsubscribe 1']) {
      const ack = vi.fn(async (_r?: unknown) => undefined);
      void jobsCommand({ ...deps, refresh: vi.fn(hang), digest: { command: vi.fn(hang) } })({ command: command(text), ack, respond: vi.fn(hang) });
      await vi.waitFor(() => expect(ack, text).toHaveBeenCalled());
    }
  });
});
