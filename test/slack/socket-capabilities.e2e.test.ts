// The new capabilities over Socket Mode: the real app on a local WebSocket server standing in for Slack, Web API calls
// recorded by the fake, a local server playing the job boards. What Slack takes from an HTTP response (the modal's
// `response_action`, a command's answer) must come back in the envelope's ack payload here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestWeb } from '../support/web.ts';
import { buttonClick, messageAction, viewSubmission } from '../support/interact.ts';
import { startSocketApp, type SocketTestApp } from '../support/socket-app.ts';

const POSTING = `Site Reliability Engineer
Brackenridge Cartography
Porto, Portugal (Hybrid)
€65,000 – €80,000 per year

About the role
You will keep our map tile servers fast.

Requirements
- 5+ years running Linux services in production
- Experience with Prometheus and Go`;

const SHORTCUT_POSTING = `*Mobile Developer* at Thistledown Games
Remote (Canada) · CAD 90,000 – 110,000 a year
Requirements:
• 4+ years shipping iOS or Android apps
• Comfort with Kotlin`;

const GH = 'https://boards.greenhouse.io/fernhollow/jobs';

let t: SocketTestApp;
let board: TestWeb;

beforeAll(async () => {
  board = await new TestWeb().start();
  board
    .json('/v1/boards/fernhollow/jobs/601', {
      id: 601, title: 'Staff Compiler Engineer', company_name: 'Fernhollow Systems', location: { name: 'Remote - US' },
      content: '&lt;p&gt;You will own our code generator.&lt;/p&gt;&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;8+ years with LLVM&lt;/li&gt;&lt;/ul&gt;',
      pay_input_ranges: [{ min_cents: 20000000, max_cents: 24000000, currency_type: 'USD', title: 'Base salary' }],
    })
    .slow('/v1/boards/fernhollow/jobs/602', 6000, { id: 602, title: 'Too Late Engineer' })
    .huge('/v1/boards/fernhollow/jobs/603', 3 * 1024 * 1024)
    .json('/v1/boards/fernhollow/jobs/605', {
      id: 605, title: 'Release Engineer', company_name: 'Fernhollow Systems', location: { name: 'Remote - Canada' },
      content: '&lt;p&gt;Requirements&lt;/p&gt;&lt;ul&gt;&lt;li&gt;3+ years of CI pipelines&lt;/li&gt;&lt;/ul&gt;',
    })
    .on('/v1/boards/fernhollow/jobs/604', (_req, res) => {
      res.writeHead(500);
      res.end('upstream exploded');
    });
  t = await startSocketApp({ ADMIN_USERS: 'UADMIN', GREENHOUSE_API_URL: board.url, LINK_TIMEOUT_MS: '1500', LINK_PRIVATE_HOSTS: '127.0.0.1' });
  t.slack.respondWith('views.open', { ok: true, view: { id: 'VOPEN' } });
  await t.socket.until(() => t.socket.open().length === 1, 5000, 'the first connection');
});
afterAll(async () => {
  await t?.close();
  await board?.stop();
});

type Msg = { text?: string; blocks?: Array<Record<string, any>> };
const buttons = (m: Msg): Array<Record<string, any>> => (m.blocks ?? []).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);
const until = (fn: () => boolean, what: string, ms = 5000) => t.socket.until(fn, ms, what);
const opened = (i: number): Record<string, any> => t.slack.of('views.open')[i]!.args.view as Record<string, any>;
const hint = (view: Record<string, any>): string => view.blocks.find((b: any) => b.block_id === 'posting').hint.text;
const responses = (prefix: string) => t.slack.calls.filter((c) => c.method.startsWith(`response/${prefix}`));
/** The form `/jobs add` opened (the first modal of this file). */
let form: Record<string, any>;

describe('/jobs add over Socket Mode', () => {
  it('acknowledges the command with nothing to show, then opens the form', async () => {
    const { payload } = await t.command('add');
    expect(payload ?? {}).toEqual({});
    await t.slack.waitFor('views.open');
    expect(t.slack.of('views.open')[0]!.args).toMatchObject({ trigger_id: expect.stringMatching(/^trig-s/), view: { type: 'modal', callback_id: 'posting_add' } });
    form = opened(0);
  });

  it('validation errors come back in the ack as response_action errors, and nothing is saved', async () => {
    expect(await t.interact(viewSubmission(form, { text: '   ' }))).toEqual({ response_action: 'errors', errors: { posting: 'Paste the text of a job posting, or a link to one.' } });
    expect((await t.interact(viewSubmission(form, { text: `${POSTING}\n${'x'.repeat(20_001)}` })))!.errors.posting).toMatch(/at most 20,000/);
    expect((await t.interact(viewSubmission(form, { text: 'who has the projector remote?' })))!.errors.posting).toMatch(/does not look like a job posting/);
    expect((await t.interact(viewSubmission(form, { text: 'ftp://example.com/job.txt' })))!.errors.posting).toMatch(/Only http and https/);
    const { payload } = await t.command('remove');
    expect(payload!.text).toMatch(/You have not added any postings/);
  });

  it('the preview is pushed in the ack; Save clears the modal in the ack and the role is live with Remove', async () => {
    const read = await t.interact(viewSubmission(form, { text: POSTING }));
    expect(read).toMatchObject({ response_action: 'push', view: { callback_id: 'posting_confirm', submit: { text: 'Save' } } });
    const preview = JSON.stringify(read!.view.blocks);
    for (const s of ['Site Reliability Engineer', 'Brackenridge Cartography', 'Porto, Portugal', 'Hybrid', '€65k–€80k a year', '5+ years']) expect(preview).toContain(s);

    const notes = t.slack.of('chat.postEphemeral').length;
    expect(await t.interact(viewSubmission(read!.view, {}))).toEqual({ response_action: 'clear' });
    await until(() => t.slack.of('chat.postEphemeral').length > notes, 'the saved note');
    expect(t.slack.of('chat.postEphemeral')[notes]!.args).toMatchObject({ channel: 'C1', user: 'U1', text: expect.stringMatching(/Added to open roles: Site Reliability Engineer at Brackenridge Cartography \(number 1\)/) });

    const { payload } = await t.command('brackenridge');
    expect(payload!.blocks[0].text.text).toBe('1 role matches “brackenridge”');
    expect(buttons(payload as Msg).find((b) => b.action_id === 'posting_remove')).toMatchObject({ value: 'added-1' });
    // Saving the same preview again keeps one: the modal goes back to the form, in the ack.
    expect(await t.interact(viewSubmission(read!.view, {}))).toMatchObject({ response_action: 'update', view: { callback_id: 'posting_add' } });
    expect((await t.interact(viewSubmission(form, { text: POSTING })))!.errors.posting).toMatch(/already added \(number 1/);
  });

  it('a link is acknowledged with a loading view, then the preview replaces it through views.update', async () => {
    const updates = t.slack.of('views.update').length;
    const ack = await t.interact(viewSubmission(form, { text: `${GH}/601`, viewId: 'VSOCKLINK' }));
    expect(ack).toMatchObject({ response_action: 'update', view: { callback_id: 'posting_loading' } });
    const update = (await t.slack.waitFor('views.update', updates + 1))[updates]!;
    expect(update.args).toMatchObject({ view_id: 'VSOCKLINK', view: { callback_id: 'posting_confirm' } });
    expect(JSON.stringify(update.args.view)).toMatch(/Staff Compiler Engineer[\s\S]*Fernhollow Systems/);
    expect(await t.interact(viewSubmission(update.args.view as Record<string, any>, {}))).toEqual({ response_action: 'clear' });
    await until(() => t.running.index.all().some((p) => p.company === 'Fernhollow Systems'), 'the linked role in the index');
  });

  it('a slow page does not hold the ack: the loading view comes first, then the form with the reason', async () => {
    const updates = t.slack.of('views.update').length;
    const ack = await t.interact(viewSubmission(form, { text: `${GH}/602`, viewId: 'VSOCKSLOW' }));
    expect(ack).toMatchObject({ response_action: 'update', view: { callback_id: 'posting_loading' } });
    expect(t.slack.of('views.update')).toHaveLength(updates);
    const back = (await t.slack.waitFor('views.update', updates + 1))[updates]!;
    expect(back.args).toMatchObject({ view_id: 'VSOCKSLOW', view: { callback_id: 'posting_add' } });
    expect(hint(back.args.view as Record<string, any>)).toMatch(/did not answer within/);
  });

  it('a broken link comes back to the form with the reason; submitting it again is answered in the ack', async () => {
    const updates = t.slack.of('views.update').length;
    await t.interact(viewSubmission(form, { text: `${GH}/604`, viewId: 'VSOCKBAD' }));
    const back = (await t.slack.waitFor('views.update', updates + 1))[updates]!.args.view as Record<string, any>;
    expect(back.callback_id).toBe('posting_add');
    expect(hint(back)).toMatch(/HTTP 500/);
    expect((await t.interact(viewSubmission(back, { text: `${GH}/604` })))!.errors.posting).toMatch(/HTTP 500/);
  });
});

describe('"Add to open roles" over Socket Mode', () => {
  it('acknowledges the shortcut, opens the preview and saves it', async () => {
    const opens = t.slack.of('views.open').length;
    // An empty ack: the modal opens through views.open.
    expect((await t.interact(messageAction(t.slack.url, 'add_to_open_roles', SHORTCUT_POSTING, { user: 'U2', channel: 'C5' }))) ?? {}).toEqual({});
    await t.slack.waitFor('views.open', opens + 1);
    const view = opened(opens);
    expect(view.callback_id).toBe('posting_confirm');
    expect(JSON.stringify(view.blocks)).toContain('Thistledown Games');
    const notes = t.slack.of('chat.postEphemeral').length;
    expect(await t.interact(viewSubmission(view, { user: 'U2' }))).toEqual({ response_action: 'clear' });
    await until(() => t.slack.of('chat.postEphemeral').length > notes, 'the saved note');
    expect(t.slack.of('chat.postEphemeral')[notes]!.args).toMatchObject({ channel: 'C5', user: 'U2' });
  });

  it('a message that links to a posting opens a loading view, then the preview by its external id', async () => {
    const opens = t.slack.of('views.open').length;
    const updates = t.slack.of('views.update').length;
    await t.interact(messageAction(t.slack.url, 'add_to_open_roles', `Friends are hiring: <${GH}/605|a release role>.`));
    await t.slack.waitFor('views.open', opens + 1);
    expect(opened(opens)).toMatchObject({ callback_id: 'posting_loading', external_id: expect.stringMatching(/^add-/) });
    const update = (await t.slack.waitFor('views.update', updates + 1))[updates]!;
    expect(update.args).toMatchObject({ external_id: opened(opens).external_id, view: { callback_id: 'posting_confirm' } });
    expect(JSON.stringify(update.args.view)).toMatch(/Release Engineer[\s\S]*Fernhollow Systems[\s\S]*Remote \(Canada\)/);
    expect(await t.interact(viewSubmission(update.args.view as Record<string, any>, {}))).toEqual({ response_action: 'clear' });
    await until(() => t.running.index.all().some((p) => p.title === 'Release Engineer'), 'the role in the index');
  });

  it('a message that is not a posting opens the form with the reason', async () => {
    const opens = t.slack.of('views.open').length;
    await t.interact(messageAction(t.slack.url, 'add_to_open_roles', 'lunch is here <!here> :pizza:'));
    await t.slack.waitFor('views.open', opens + 1);
    expect(opened(opens).callback_id).toBe('posting_add');
    expect(hint(opened(opens))).toMatch(/does not look like a job posting/);
  });
});

describe('removing over Socket Mode', () => {
  it('someone else’s posting cannot be removed, by command or by button', async () => {
    const { payload } = await t.command('remove 1', { user_id: 'U2' });
    expect(payload!.text).toMatch(/Only <@U1>, who added Site Reliability Engineer at Brackenridge Cartography, or an admin can remove it/);
    const before = responses('c').length;
    await t.interact(buttonClick(t.slack.url, 'posting_remove', 'added-1', { user: 'U2' }));
    await until(() => responses('c').length > before, 'the refusal');
    expect(String(responses('c').at(-1)!.args.text)).toMatch(/Only <@U1>/);
    expect((await t.command('brackenridge')).payload!.blocks[0].text.text).toBe('1 role matches “brackenridge”');
  });

  it('whoever added it removes it with the button; an admin removes any by command', async () => {
    const before = responses('c').length;
    await t.interact(buttonClick(t.slack.url, 'posting_remove', 'added-1', { user: 'U1' }));
    await until(() => responses('c').length > before, 'the removal answer');
    expect(String(responses('c').at(-1)!.args.text)).toMatch(/Removed Site Reliability Engineer at Brackenridge Cartography \(number 1\)/);
    expect(JSON.stringify((await t.command('brackenridge')).payload)).not.toContain('Brackenridge Cartography');

    // `/jobs remove` lists only your own; an admin sees every one.
    const mine = JSON.stringify((await t.command('remove', { user_id: 'U2' })).payload);
    expect(mine).toContain('Thistledown');
    expect(mine).not.toContain('Fernhollow');
    expect(buttons((await t.command('remove', { user_id: 'UADMIN' })).payload as Msg).filter((b) => b.action_id === 'posting_remove').map((b) => b.value)).toEqual(['2', '3', '4']);
    const { payload } = await t.command('remove 3', { user_id: 'UADMIN' });
    expect(payload!.text).toMatch(/Removed Mobile Developer at Thistledown Games \(number 3\)/);
    expect(JSON.stringify((await t.command('thistledown')).payload)).not.toContain('Thistledown Games');
  });

  it('the Remove button on an App Home card answers in a DM', async () => {
    for (const [n, title] of [['2', 'Staff Compiler Engineer'], ['4', 'Release Engineer']] as const) {
      await t.interact(buttonClick(t.slack.url, 'posting_remove', n, { user: 'U1', view: true }));
      await until(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'U1' && String(c.args.text).startsWith(`Removed ${title}`)), `the DM for ${title}`);
    }
    expect((await t.command('remove')).payload!.text).toMatch(/You have not added any postings/);
  });
});

describe('the AI side panel over Socket Mode', () => {
  const thread = (channel: string, ts: string) => ({ user_id: 'U1', context: { channel_id: 'C1', team_id: 'T1', enterprise_id: null }, channel_id: channel, thread_ts: ts });
  const posted = (channel: string) => t.slack.of('chat.postMessage').filter((c) => c.args.channel === channel);

  it('a new thread gets a greeting and suggested prompts', async () => {
    const ack = await t.event({ type: 'assistant_thread_started', assistant_thread: thread('D20', '760.1'), event_ts: '760.2' });
    expect(ack).toHaveProperty('envelope_id');
    const [prompts] = await t.slack.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts!.args).toMatchObject({ channel_id: 'D20', thread_ts: '760.1', title: 'Try asking' });
    const list = prompts!.args.prompts as Array<{ title: string; message: string }>;
    expect(list.length).toBeGreaterThan(1);
    expect(list.length).toBeLessThanOrEqual(4);
    await until(() => posted('D20').length >= 1, 'the greeting');
    expect(posted('D20')[0]!.args).toMatchObject({ thread_ts: '760.1' });
  });

  it('a question gets a title, a status, then the answer; a follow-up refers to that answer', async () => {
    await t.event({ type: 'message', channel_type: 'im', channel: 'D20', user: 'U1', text: 'what does the beehiiv role pay?', ts: '760.5', thread_ts: '760.1', event_ts: '760.5' });
    await until(() => posted('D20').length >= 2, 'the answer');
    const [title] = await t.slack.waitFor('assistant.threads.setTitle');
    expect(title!.args).toMatchObject({ channel_id: 'D20', thread_ts: '760.1', title: 'what does the beehiiv role pay?' });
    const [status] = await t.slack.waitFor('assistant.threads.setStatus');
    expect(status!.args).toMatchObject({ channel_id: 'D20', thread_ts: '760.1', status: 'is looking through open roles…' });
    const answer = posted('D20')[1]!;
    expect(answer.args).toMatchObject({ thread_ts: '760.1' });
    expect(String(answer.args.text)).toMatch(/USD 180K-200K\/annual/);
    expect(t.slack.calls.indexOf(status!)).toBeLessThan(t.slack.calls.indexOf(answer));

    await t.event({ type: 'message', channel_type: 'im', channel: 'D20', user: 'U1', text: 'and is it remote?', ts: '760.7', thread_ts: '760.1', event_ts: '760.7' });
    await until(() => posted('D20').length >= 3, 'the follow-up answer');
    const followUp = JSON.stringify(posted('D20')[2]!.args);
    expect(followUp).toMatch(/beehiiv/i);
    expect(followUp).not.toMatch(/roles match/);
    expect(t.slack.of('assistant.threads.setTitle')).toHaveLength(1);
  });

  it('still answers where the panel is off (the assistant calls fail)', async () => {
    t.slack.script('assistant.threads.setStatus', { body: { ok: false, error: 'not_allowed_token_type' } });
    t.slack.script('assistant.threads.setTitle', { body: { ok: false, error: 'not_allowed_token_type' } });
    await t.event({ type: 'message', channel_type: 'im', channel: 'D21', user: 'U1', text: 'what does the beehiiv role pay?', ts: '770.2', thread_ts: '770.1', event_ts: '770.2' });
    await until(() => posted('D21').length >= 1, 'the answer');
    expect(String(posted('D21')[0]!.args.text)).toMatch(/USD 180K-200K\/annual/);
  });
});

describe('link unfurls over Socket Mode', () => {
  const links = (...urls: string[]) => urls.map((url) => ({ url, domain: new URL(url).hostname }));
  const why = (job: number): string => JSON.parse(t.logs.find((l) => l.includes('link not unfurled') && l.includes(`jobs/${job}"`))!).error;

  it('the good link is unfurled; slow, huge and broken pages are left as they were', async () => {
    const before = t.slack.of('chat.unfurl').length;
    const ack = await t.event({ type: 'link_shared', channel: 'C1', user: 'U1', message_ts: '870.1', unfurl_id: 'C1-870.1-x', source: 'conversations_history', links: links(`${GH}/601`, `${GH}/602`, `${GH}/603`, `${GH}/604`), event_ts: '870.2' });
    // The event is acknowledged without waiting for the pages: the slow one alone takes longer than that.
    expect(ack).toHaveProperty('envelope_id');
    expect(t.slack.of('chat.unfurl')).toHaveLength(before);
    const call = (await t.slack.waitFor('chat.unfurl', before + 1, 10_000))[before]!;
    expect(call.args).toMatchObject({ unfurl_id: 'C1-870.1-x', source: 'conversations_history' });
    const unfurls = call.args.unfurls as Record<string, unknown>;
    expect(Object.keys(unfurls)).toEqual([`${GH}/601`]);
    for (const s of ['Staff Compiler Engineer', 'Fernhollow Systems', 'Remote (United States)', '$200k–$240k a year', '8+ years', 'Greenhouse job board']) expect(JSON.stringify(unfurls[`${GH}/601`])).toContain(s);
    expect(why(602)).toMatch(/did not answer within/);
    expect(why(603)).toMatch(/larger than 2048 KB/);
    expect(why(604)).toMatch(/answered HTTP 500/);
  });

  it('a redelivered event (same event id) is unfurled once', async () => {
    const before = t.slack.of('chat.unfurl').length;
    const event = { type: 'link_shared', channel: 'C3', user: 'U1', message_ts: '875.1', links: links(`${GH}/601`), event_ts: '875.2' };
    await t.event(event, 'EvSockRedelivered');
    await t.event(event, 'EvSockRedelivered');
    await t.slack.waitFor('chat.unfurl', before + 1);
    expect((await t.command('python')).payload).toMatchObject({ response_type: 'ephemeral' });
    expect(t.slack.of('chat.unfurl')).toHaveLength(before + 1);
    expect(t.slack.of('chat.unfurl').at(-1)!.args).toMatchObject({ channel: 'C3', ts: '875.1' });
  });

  it('makes no call when nothing could be read', async () => {
    const before = t.slack.of('chat.unfurl').length;
    const seen = t.logs.filter((l) => l.includes('link not unfurled')).length;
    await t.event({ type: 'link_shared', channel: 'C1', user: 'U1', message_ts: '880.1', links: links(`${GH}/604`, `${GH}/699`), event_ts: '880.2' });
    await until(() => t.logs.filter((l) => l.includes('link not unfurled')).length >= seen + 2, 'both links skipped');
    // A command after it is answered; by then nothing was unfurled.
    expect((await t.command('python')).payload).toMatchObject({ response_type: 'ephemeral' });
    expect(t.slack.of('chat.unfurl')).toHaveLength(before);
  });
});
