// Listeners called directly with fake ack/respond/client: many cases, no Bolt.
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { RecentIds } from '../../src/slack/dedupe.ts';
import type { SlackDeps } from '../../src/slack/deps.ts';
import { roleDetails } from '../../src/slack/listeners/actions/role-details.ts';
import { resultsMore } from '../../src/slack/listeners/actions/results-more.ts';
import { roleShare } from '../../src/slack/listeners/actions/role-share.ts';
import { jobsCommand } from '../../src/slack/listeners/commands/jobs.ts';
import { appHomeOpened } from '../../src/slack/listeners/events/app-home-opened.ts';
import { appMention } from '../../src/slack/listeners/events/app-mention.ts';
import { directMessage } from '../../src/slack/listeners/events/message-im.ts';
import { corpus } from '../helpers.ts';

const index = RoleIndex.from(corpus());
const deps: SlackDeps = { ctx: () => ({ index, now: new Date('2026-11-23') }), log: silentLogger() };
const fakeClient = () => ({ chat: { postMessage: vi.fn(async () => ({ ok: true })) }, views: { open: vi.fn(async () => ({ ok: true })), publish: vi.fn(async () => ({ ok: true })) } });
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
  it('hands digest and alert commands to the digest', async () => {
    const digest = { command: vi.fn(async () => ({ intent: 'help' as const, heading: 'Daily digest on', parts: [], paging: null, leftOut: [], roleIds: [] })) };
    const ack = vi.fn(async (_r?: unknown) => undefined);
    await jobsCommand({ ...deps, digest })({ command: command('digest on'), ack });
    expect(digest.command).toHaveBeenCalledWith('digest on', { userId: 'U1', channelId: 'C1', channelName: 'jobs' });
    expect((ack.mock.calls[0]![0] as Reply).blocks[0]!.text.text).toBe('Daily digest on');
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
  it('publishes home only for the home tab', async () => {
    const client = fakeClient();
    await appHomeOpened(deps)({ event: { user: 'U1', tab: 'messages' }, client });
    await appHomeOpened(deps)({ event: { user: 'U1', tab: 'home' }, client });
    expect(client.views.publish).toHaveBeenCalledTimes(1);
  });
});

describe('buttons', () => {
  const id = index.all().find((p) => p.company === 'beehiiv')!.id;
  const args = (value: string) => ({ ack: vi.fn(async () => undefined), action: { value }, body: { trigger_id: 'T', user: { id: 'U1' } }, client: fakeClient(), respond: vi.fn(async (_m: Record<string, unknown>) => undefined) });
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
  it('More replaces the page; a garbled value starts again', async () => {
    const a = args(JSON.stringify({ q: 'engineer', o: 5 }));
    await resultsMore(deps)(a);
    expect(a.respond.mock.calls[0]![0]).toMatchObject({ replace_original: true });
    const b = args('not json');
    await resultsMore(deps)(b);
    expect(b.respond).toHaveBeenCalled();
  });
});
