// Interactive payloads (view submissions, message shortcuts, button clicks from any user) for the real app under test:
// built once, then signed and posted as Slack does over HTTP, or delivered in a Socket Mode envelope.
import type { TestApp } from './app.ts';

let n = 0;
const form = (payload: Record<string, unknown>): string => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
const base = (user: string) => ({ team: { id: 'T1', domain: 'acme' }, user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' }, api_app_id: 'A1', token: 'x', is_enterprise_install: false });

export interface Submitted {
  status: number;
  /** The JSON answered in the acknowledgement, or null for an empty one. */
  body: Record<string, any> | null;
}

async function send(t: TestApp, payload: Record<string, unknown>): Promise<Submitted> {
  const r = await t.post('/slack/events', form(payload), 'application/x-www-form-urlencoded');
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}

/** A modal submission: `view` is what the app opened (or pushed), `text` what was typed into the posting field. */
export function viewSubmission(view: Record<string, any>, opts: { text?: string; user?: string; viewId?: string } = {}): Record<string, unknown> {
  const values = opts.text === undefined ? {} : { posting: { text: { type: 'plain_text_input', value: opts.text } } };
  return {
    type: 'view_submission', ...base(opts.user ?? 'U1'), trigger_id: `trig-v${++n}`,
    view: { ...view, id: opts.viewId ?? `V${n}`, team_id: 'T1', state: { values }, hash: `h${n}`, private_metadata: view.private_metadata ?? '', root_view_id: opts.viewId ?? `V${n}`, app_id: 'A1', bot_id: 'BBOT' },
    response_urls: [],
  };
}

/** The message shortcut on a message with `text` (mrkdwn, as Slack sends it); `responseBase` is where response_url points. */
export function messageAction(responseBase: string, callbackId: string, text: string, opts: { user?: string; channel?: string } = {}): Record<string, unknown> {
  return {
    type: 'message_action', ...base(opts.user ?? 'U1'), callback_id: callbackId, trigger_id: `trig-s${++n}`, action_ts: `${Date.now() / 1000}`,
    channel: { id: opts.channel ?? 'C1', name: 'jobs' }, message_ts: '500.1', response_url: `${responseBase}/response/s${n}`,
    message: { type: 'message', user: 'U9', ts: '500.1', text },
  };
}

/** A button click by `user` on an ephemeral message, or in a view when `view` is given (no response_url there). */
export function buttonClick(responseBase: string, actionId: string, value: string, opts: { user?: string; view?: boolean; blockId?: string } = {}): Record<string, unknown> {
  const where = opts.view
    ? { container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'home', callback_id: '', private_metadata: '', state: { values: {} }, hash: 'h' } }
    : { container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true }, channel: { id: 'C1', name: 'jobs' }, response_url: `${responseBase}/response/c${++n}` };
  return { type: 'block_actions', ...base(opts.user ?? 'U1'), trigger_id: `trig-c${++n}`, ...where, actions: [{ action_id: actionId, block_id: opts.blockId ?? 'b1', type: 'button', value, action_ts: '1.2' }] };
}

export function submitView(t: TestApp, view: Record<string, any>, opts: { text?: string; user?: string; viewId?: string } = {}): Promise<Submitted> {
  return send(t, viewSubmission(view, opts));
}

export function messageShortcut(t: TestApp, callbackId: string, text: string, opts: { user?: string; channel?: string } = {}): Promise<Submitted> {
  return send(t, messageAction(t.slack.url, callbackId, text, opts));
}

export function click(t: TestApp, actionId: string, value: string, opts: { user?: string; view?: boolean; blockId?: string } = {}): Promise<Submitted> {
  return send(t, buttonClick(t.slack.url, actionId, value, opts));
}

export async function waitUntil(fn: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
