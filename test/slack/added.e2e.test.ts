// Adding postings from Slack, end to end: the real app over signed HTTP, its Web API calls recorded by the fake,
// a local server playing a job board, and the database in a real SQLite file that outlives a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { dmOf } from '../support/fake-slack.ts';
import { TestWeb } from '../support/web.ts';
import { click, messageShortcut, submitView, waitUntil } from '../support/interact.ts';

const POSTING = `Platform Reliability Engineer
Quillfeather Labs
Lisbon, Portugal (Hybrid)
€70,000 – €85,000 per year

About the role
You will keep our ingestion pipeline healthy and fast.

Requirements
- 4+ years running Kubernetes in production
- Fluency in Terraform and Go`;

const SHORTCUT_POSTING = `*Data Visualisation Developer* at Marrowgate Analytics
Remote (Canada) · CAD 95,000 – 115,000 a year
Requirements:
• 3+ years building dashboards with D3 or Vega
• Comfort with SQL`;

type Msg = { text?: string; blocks?: Array<Record<string, any>> };
const buttons = (m: Msg): Array<Record<string, any>> => (m.blocks ?? []).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]);

let t: TestApp;
let board: TestWeb;
const data = mkdtempSync(join(tmpdir(), 'openroles-added-'));
const env = (): Record<string, string> => ({ DATA_DIR: data, ADMIN_USERS: 'UADMIN', GREENHOUSE_API_URL: board.url, LINK_TIMEOUT_MS: '3000', LINK_PRIVATE_HOSTS: '127.0.0.1' });

beforeAll(async () => {
  board = await new TestWeb().start();
  board.json('/v1/boards/larkspur/jobs/4242', {
    id: 4242, title: 'Senior Firmware Engineer', company_name: 'Larkspur Robotics', absolute_url: 'https://job-boards.greenhouse.io/larkspur/jobs/4242',
    location: { name: 'Austin, TX' }, content: '&lt;p&gt;Requirements&lt;/p&gt;&lt;ul&gt;&lt;li&gt;6+ years of embedded C&lt;/li&gt;&lt;/ul&gt;',
    pay_input_ranges: [{ min_cents: 17000000, max_cents: 21000000, currency_type: 'USD', title: 'Base' }],
  });
  board.json('/v1/boards/larkspur/jobs/4243', {
    id: 4243, title: 'Embedded Test Engineer', company_name: 'Larkspur Robotics', location: { name: 'Remote - Canada' },
    content: '&lt;p&gt;Requirements&lt;/p&gt;&lt;ul&gt;&lt;li&gt;3+ years testing hardware&lt;/li&gt;&lt;/ul&gt;',
  });
  board.on('/plain.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body><h1>Our team offsite photos</h1></body></html>');
  });
  t = await startTestApp(env());
  t.slack.respondWith('views.open', { ok: true, view: { id: 'VOPEN' } });
});
afterAll(async () => {
  await t?.close();
  await board.stop();
  rmSync(data, { recursive: true, force: true });
});

const formOf = (call: { args: Record<string, any> }): Record<string, any> => call.args.view;
const hint = (view: Record<string, any>): string => view.blocks.find((b: any) => b.block_id === 'posting').hint.text;

describe('/jobs add', () => {
  it('opens the form at once', async () => {
    const r = await t.command('add');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
    const [open] = await t.slack.waitFor('views.open');
    expect(open!.args).toMatchObject({ trigger_id: expect.stringMatching(/^trig-/), view: { type: 'modal', callback_id: 'posting_add', submit: { text: 'Read it' } } });
  });

  it('answers bad input in the modal and keeps nothing', async () => {
    const view = formOf(t.slack.of('views.open')[0]!);
    const empty = await submitView(t, view, { text: '   ' });
    expect(empty.body).toEqual({ response_action: 'errors', errors: { posting: 'Paste the text of a job posting, or a link to one.' } });
    const long = await submitView(t, view, { text: `${POSTING}\n${'x'.repeat(20_001)}` });
    expect(long.body!.errors.posting).toMatch(/at most 20,000/);
    const chat = await submitView(t, view, { text: 'anyone up for lunch at noon?' });
    expect(chat.body!.errors.posting).toMatch(/does not look like a job posting/);
    const ftp = await submitView(t, view, { text: 'ftp://example.com/job.txt' });
    expect(ftp.body!.errors.posting).toMatch(/Only http and https/);
    const list = (await (await t.command('remove')).json()) as Msg;
    expect(list.text).toMatch(/You have not added any postings/);
  });

  it('shows what it read, then saves on Save; the role is in search with Remove', async () => {
    const form = formOf(t.slack.of('views.open')[0]!);
    const read = await submitView(t, form, { text: POSTING });
    expect(read.body).toMatchObject({ response_action: 'push', view: { callback_id: 'posting_confirm', submit: { text: 'Save' }, close: { text: 'Back' } } });
    const preview = JSON.stringify(read.body!.view.blocks);
    for (const s of ['Platform Reliability Engineer', 'Quillfeather Labs', 'Lisbon, Portugal', 'Hybrid', '€70k–€85k a year', '4+ years', 'Not found: no responsibilities found']) expect(preview).toContain(s);

    const saved = await submitView(t, read.body!.view, {});
    expect(saved.body).toEqual({ response_action: 'clear' });
    const [note] = await t.slack.waitFor('chat.postEphemeral');
    expect(note!.args).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(note!.args.text)).toMatch(/Added to open roles: Platform Reliability Engineer at Quillfeather Labs \(number 1\)/);

    const found = (await (await t.command('quillfeather')).json()) as Msg;
    expect(found.blocks![0]).toMatchObject({ text: { text: '1 role matches “quillfeather”' } });
    const remove = buttons(found).find((b) => b.action_id === 'posting_remove');
    expect(remove).toMatchObject({ value: 'added-1', confirm: expect.any(Object) });
    // Answers know it too.
    await t.event({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'what does the Quillfeather role pay?', ts: '600.1', event_ts: '600.1' });
    await waitUntil(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'D1'));
    expect(String(t.slack.of('chat.postMessage').find((c) => c.args.channel === 'D1')!.args.text)).toMatch(/Pay for Platform Reliability Engineer at Quillfeather Labs[\s\S]*€70k–€85k a year/);
    // Saving the same preview twice keeps one.
    const again = await submitView(t, read.body!.view, {});
    expect(again.body).toMatchObject({ response_action: 'update', view: { callback_id: 'posting_add' } });
  });

  it('will not add the same posting twice', async () => {
    const r = await submitView(t, formOf(t.slack.of('views.open')[0]!), { text: `${POSTING}\n` });
    expect(r.body!.errors.posting).toMatch(/already added \(number 1/);
  });

  it('reads a board link after acknowledging, then updates the view with the preview', async () => {
    const url = 'https://boards.greenhouse.io/larkspur/jobs/4242';
    const r = await submitView(t, formOf(t.slack.of('views.open')[0]!), { text: url, viewId: 'VLINK' });
    expect(r.body).toMatchObject({ response_action: 'update', view: { callback_id: 'posting_loading' } });
    const [update] = await t.slack.waitFor('views.update');
    expect(update!.args).toMatchObject({ view_id: 'VLINK', view: { callback_id: 'posting_confirm' } });
    const preview = JSON.stringify(update!.args.view);
    for (const s of ['Senior Firmware Engineer', 'Larkspur Robotics', 'Austin, TX', '$170k–$210k a year', '6+ years', 'Senior']) expect(preview).toContain(s);
    expect((await submitView(t, update!.args.view as Record<string, any>, {})).body).toEqual({ response_action: 'clear' });
    await t.slack.waitFor('chat.postEphemeral', 2);
    const found = (await (await t.command('firmware')).json()) as Msg;
    expect(JSON.stringify(found.blocks)).toContain('Larkspur Robotics');
  });

  it('a link that fails, or has no JobPosting, comes back to the form with the reason; submitting it again answers in the modal', async () => {
    const before = t.slack.of('views.update').length;
    const broken = `https://boards.greenhouse.io/larkspur/jobs/999`;
    await submitView(t, formOf(t.slack.of('views.open')[0]!), { text: broken, viewId: 'VBAD' });
    const calls = await t.slack.waitFor('views.update', before + 1);
    const back = calls[before]!.args.view as Record<string, any>;
    expect(back.callback_id).toBe('posting_add');
    expect(hint(back)).toMatch(/could not be read: .*HTTP 404/);
    const again = await submitView(t, back, { text: broken });
    expect(again.body!.errors.posting).toMatch(/HTTP 404/);

    await submitView(t, formOf(t.slack.of('views.open')[0]!), { text: `${board.url}/plain.html`, viewId: 'VPLAIN' });
    const plain = (await t.slack.waitFor('views.update', before + 2))[before + 1]!.args.view as Record<string, any>;
    expect(hint(plain)).toMatch(/no schema.org JobPosting/);

    // A link into the server's own network is refused before anything is fetched.
    const hits = board.hits.length;
    await submitView(t, formOf(t.slack.of('views.open')[0]!), { text: 'http://169.254.169.254/latest/meta-data/', viewId: 'VMETA' });
    const meta = (await t.slack.waitFor('views.update', before + 3))[before + 2]!.args.view as Record<string, any>;
    expect(hint(meta)).toMatch(/inside this network/);
    expect(board.hits.length).toBe(hits);
  });
});

describe('the message shortcut', () => {
  it('opens the preview for a message that holds a posting, and saves it; alerts that match are sent', async () => {
    await t.command('subscribe marrowgate', { user_id: 'U3' });
    const opens = t.slack.of('views.open').length;
    const r = await messageShortcut(t, 'add_to_open_roles', SHORTCUT_POSTING, { user: 'U2', channel: 'C5' });
    expect(r.status).toBe(200);
    const view = (await t.slack.waitFor('views.open', opens + 1))[opens]!.args.view as Record<string, any>;
    expect(view.callback_id).toBe('posting_confirm');
    expect(JSON.stringify(view.blocks)).toContain('Marrowgate Analytics');
    expect((await submitView(t, view, { user: 'U2' })).body).toEqual({ response_action: 'clear' });
    const notes = await t.slack.waitFor('chat.postEphemeral', 3);
    expect(notes[2]!.args).toMatchObject({ channel: 'C5', user: 'U2' });
    // Alerts go to the DM the app opens with the user.
    await waitUntil(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === dmOf('U3') && /Data Visualisation Developer/.test(String(c.args.text))), 8000);
  });

  it('reads the link in a short message that points to a posting', async () => {
    const opens = t.slack.of('views.open').length;
    const updates = t.slack.of('views.update').length;
    await messageShortcut(t, 'add_to_open_roles', 'We are hiring, come build robots with us: <https://boards.greenhouse.io/larkspur/jobs/4243|our test role>.');
    const loading = (await t.slack.waitFor('views.open', opens + 1))[opens]!.args.view as Record<string, any>;
    expect(loading).toMatchObject({ callback_id: 'posting_loading', external_id: expect.stringMatching(/^add-/) });
    const update = (await t.slack.waitFor('views.update', updates + 1))[updates]!;
    expect(update.args).toMatchObject({ external_id: loading.external_id, view: { callback_id: 'posting_confirm' } });
    expect(JSON.stringify(update.args.view)).toMatch(/Embedded Test Engineer[\s\S]*Larkspur Robotics[\s\S]*Remote \(Canada\)/);
    // Where a note only you see cannot go (the bot is not in that channel), the confirmation comes as a DM.
    t.slack.script('chat.postEphemeral', { body: { ok: false, error: 'channel_not_found' } });
    expect((await submitView(t, update.args.view as Record<string, any>, {})).body).toEqual({ response_action: 'clear' });
    await waitUntil(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'U1' && /Added to open roles: Embedded Test Engineer/.test(String(c.args.text))));
  });

  it('opens the form with the reason for a message that is not a posting', async () => {
    const opens = t.slack.of('views.open').length;
    await messageShortcut(t, 'add_to_open_roles', 'ship it <@U3> :tada:');
    const view = (await t.slack.waitFor('views.open', opens + 1))[opens]!.args.view as Record<string, any>;
    expect(view.callback_id).toBe('posting_add');
    expect(hint(view)).toMatch(/does not look like a job posting/);
  });
});

describe('removing', () => {
  it('someone else’s posting cannot be removed, by command or by button', async () => {
    const r = (await (await t.command('remove 1', { user_id: 'U2' })).json()) as Msg;
    expect(r.text).toMatch(/Only <@U1>, who added Platform Reliability Engineer at Quillfeather Labs, or an admin can remove it/);
    await click(t, 'posting_remove', 'added-1', { user: 'U2' });
    await waitUntil(() => t.slack.calls.some((c) => c.method.startsWith('response/c') && /Only <@U1>/.test(String(c.args.text))));
    const still = (await (await t.command('quillfeather')).json()) as Msg;
    expect(still.blocks![0]).toMatchObject({ text: { text: '1 role matches “quillfeather”' } });
  });

  it('/jobs remove lists only your own; an admin sees and removes any', async () => {
    const mine = (await (await t.command('remove', { user_id: 'U2' })).json()) as Msg;
    expect(JSON.stringify(mine.blocks)).toContain('Marrowgate');
    expect(JSON.stringify(mine.blocks)).not.toContain('Quillfeather');
    const all = (await (await t.command('remove', { user_id: 'UADMIN' })).json()) as Msg;
    expect(buttons(all).filter((b) => b.action_id === 'posting_remove').map((b) => b.value)).toEqual(['1', '2', '3', '4']);
    const r = (await (await t.command('remove 1', { user_id: 'UADMIN' })).json()) as Msg;
    expect(r.text).toMatch(/Removed Platform Reliability Engineer at Quillfeather Labs \(number 1\)/);
    const gone = (await (await t.command('quillfeather')).json()) as Msg;
    expect(JSON.stringify(gone.blocks)).not.toContain('Quillfeather Labs');
    // Remove in the list redraws the list without it.
    await click(t, 'posting_remove', '4', { user: 'UADMIN', blockId: 'added_list_4' });
    await waitUntil(() => t.slack.calls.some((c) => c.method.startsWith('response/c') && c.args.replace_original === true));
    const redrawn = t.slack.calls.find((c) => c.method.startsWith('response/c') && c.args.replace_original === true)!.args;
    expect(JSON.stringify(redrawn.blocks)).toMatch(/Removed Embedded Test Engineer at Larkspur Robotics \(number 4\)/);
    expect((redrawn.blocks as Array<Record<string, any>>).map((b) => b.block_id).filter(Boolean)).toEqual(['added_list_2', 'added_list_3']);
    const missing = (await (await t.command('remove 77')).json()) as Msg;
    expect(missing.text).toMatch(/no added posting number 77/);
  });

  it('whoever added it removes it with the button, answered in a DM from App Home', async () => {
    await click(t, 'posting_remove', '3', { user: 'U2', view: true });
    await waitUntil(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'U2' && /Removed Data Visualisation Developer/.test(String(c.args.text))));
  });
});

describe('after a restart', () => {
  it('added postings are still there, and still in search', async () => {
    await t.close();
    t = await startTestApp(env());
    const found = (await (await t.command('firmware')).json()) as Msg;
    expect(found.blocks![0]).toMatchObject({ text: { text: expect.stringMatching(/^1 role matches/) } });
    expect(JSON.stringify(found.blocks)).toContain('Larkspur Robotics');
    const list = (await (await t.command('remove')).json()) as Msg;
    expect(JSON.stringify(list.blocks)).toContain('Senior Firmware Engineer');
    expect(JSON.stringify(list.blocks)).toMatch(/added by <@U1> on \d{4}-\d\d-\d\d/);
  });
});
