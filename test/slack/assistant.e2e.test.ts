// Slack's AI side panel end to end: assistant events over signed HTTP, assistant.threads.* calls recorded by the fake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { waitUntil } from '../support/interact.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const thread = (channel: string, ts: string) => ({ user_id: 'U1', context: { channel_id: 'C1', team_id: 'T1', enterprise_id: null }, channel_id: channel, thread_ts: ts });
const inThread = (method: string, channel: string) => t.slack.of(method).filter((c) => c.args.channel_id === channel || c.args.channel === channel);

describe('the AI side panel', () => {
  it('a new thread gets a greeting and up to four suggested prompts built from the roles open now', async () => {
    await t.event({ type: 'assistant_thread_started', assistant_thread: thread('D10', '700.1'), event_ts: '700.2' });
    const [prompts] = await t.slack.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts!.args).toMatchObject({ channel_id: 'D10', thread_ts: '700.1', title: 'Try asking' });
    const list = prompts!.args.prompts as Array<{ title: string; message: string }>;
    expect(list.length).toBeGreaterThan(1);
    expect(list.length).toBeLessThanOrEqual(4);
    // Built from what is open: a company that is hiring appears in one of them.
    expect(list.map((p) => p.message).join(' ')).toMatch(/what does the \S.* role pay\?/);
    const greeting = inThread('chat.postMessage', 'D10')[0]!;
    expect(greeting.args).toMatchObject({ channel: 'D10', thread_ts: '700.1' });
  });

  it('a question gets a title, a status while it works, and the same answer a DM gets', async () => {
    await t.event({ type: 'message', channel_type: 'im', channel: 'D10', user: 'U1', text: 'which roles need Go?', ts: '700.5', thread_ts: '700.1', event_ts: '700.5' });
    await waitUntil(() => inThread('chat.postMessage', 'D10').length >= 2);
    const [title] = await t.slack.waitFor('assistant.threads.setTitle');
    expect(title!.args).toMatchObject({ channel_id: 'D10', thread_ts: '700.1', title: 'which roles need Go?' });
    const [status] = await t.slack.waitFor('assistant.threads.setStatus');
    expect(status!.args).toMatchObject({ channel_id: 'D10', thread_ts: '700.1', status: 'is looking through open roles…' });
    const answer = inThread('chat.postMessage', 'D10')[1]!;
    expect(answer.args).toMatchObject({ channel: 'D10', thread_ts: '700.1' });
    expect(String(answer.args.text)).toMatch(/3 roles match/);
    // The status is set before the answer is posted.
    expect(t.slack.calls.indexOf(status!)).toBeLessThan(t.slack.calls.indexOf(answer));

    // The same question as a plain DM gets the same answer, with no side panel calls.
    const statuses = t.slack.of('assistant.threads.setStatus').length;
    await t.event({ type: 'message', channel_type: 'im', channel: 'D11', user: 'U1', text: 'which roles need Go?', ts: '710.1', event_ts: '710.1' });
    await waitUntil(() => inThread('chat.postMessage', 'D11').length >= 1);
    expect(inThread('chat.postMessage', 'D11')[0]!.args.text).toBe(answer.args.text);
    expect(t.slack.of('assistant.threads.setStatus')).toHaveLength(statuses);
  });

  it('the title is set once per thread', async () => {
    await t.event({ type: 'message', channel_type: 'im', channel: 'D10', user: 'U1', text: 'highest paying roles', ts: '700.7', thread_ts: '700.1', event_ts: '700.7' });
    await waitUntil(() => inThread('chat.postMessage', 'D10').length >= 3);
    expect(t.slack.of('assistant.threads.setTitle')).toHaveLength(1);
    expect(t.slack.of('assistant.threads.setStatus')).toHaveLength(2);
  });

  it('a follow-up in a panel thread refers to the roles of its previous answer', async () => {
    await t.event({ type: 'message', channel_type: 'im', channel: 'D13', user: 'U1', text: 'what does the beehiiv role pay?', ts: '750.2', thread_ts: '750.1', event_ts: '750.2' });
    await waitUntil(() => inThread('chat.postMessage', 'D13').length >= 1);
    await t.event({ type: 'message', channel_type: 'im', channel: 'D13', user: 'U1', text: 'and is it remote?', ts: '750.3', thread_ts: '750.1', event_ts: '750.3' });
    await waitUntil(() => inThread('chat.postMessage', 'D13').length >= 2);
    const followUp = JSON.stringify(inThread('chat.postMessage', 'D13')[1]!.args);
    expect(followUp).toMatch(/beehiiv/i);
    expect(followUp).not.toMatch(/roles match/);
  });

  it('still answers where the panel is off (the assistant calls fail)', async () => {
    t.slack.script('assistant.threads.setStatus', { body: { ok: false, error: 'not_allowed_token_type' } });
    t.slack.script('assistant.threads.setTitle', { body: { ok: false, error: 'not_allowed_token_type' } });
    await t.event({ type: 'message', channel_type: 'im', channel: 'D12', user: 'U1', text: 'what does the beehiiv role pay?', ts: '720.2', thread_ts: '720.1', event_ts: '720.2' });
    await waitUntil(() => inThread('chat.postMessage', 'D12').length >= 1);
    expect(String(inThread('chat.postMessage', 'D12')[0]!.args.text)).toMatch(/USD 180K-200K\/annual/);
  });

  it('a context change costs no calls; a mention in a channel is still answered in its thread', async () => {
    const before = t.slack.calls.length;
    await t.event({ type: 'assistant_thread_context_changed', assistant_thread: { ...thread('D10', '700.1'), context: { channel_id: 'C2', team_id: 'T1' } }, event_ts: '730.1' });
    await t.event({ type: 'app_mention', user: 'U1', text: '<@UBOT> which roles need Go?', ts: '740.1', channel: 'C40', event_ts: '740.1' });
    await waitUntil(() => inThread('chat.postMessage', 'C40').length >= 1);
    expect(inThread('chat.postMessage', 'C40')[0]!.args).toMatchObject({ thread_ts: '740.1' });
    expect(t.slack.calls.slice(before).map((c) => c.method)).toEqual(['chat.postMessage']);
  });
});
