// The shapes of request bodies the app can act on, checked before Bolt routes them, so `null`, arrays, numbers and
// wrongly typed fields get a 400 (or, over Socket Mode, are acknowledged and dropped) instead of reaching a listener.
import { z } from 'zod';

const user = z.looseObject({ id: z.string() });

const command = z.looseObject({ command: z.string().regex(/^\/[^\s/]+$/), user_id: z.string(), channel_id: z.string(), text: z.string().optional() });

// Fields Bolt and the listeners read from any event must have the types Slack gives them: `channel` and `user` are ids
// in most events and objects in a few (channel_created, user_change), the rest are strings.
const eventFields = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  event_ts: z.string().optional(),
  subtype: z.string().optional(),
  channel_type: z.string().optional(),
  channel: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
  user: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
  item: z.looseObject({}).optional(),
});

// Mentions and DMs also need a channel id and a timestamp to answer in.
const messageFields = z.looseObject({ channel: z.string(), ts: z.string() });

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event: eventFields.check((ctx) => {
    if (ctx.value.type !== 'app_mention' && ctx.value.type !== 'message') return;
    if (!messageFields.safeParse(ctx.value).success) ctx.issues.push({ code: 'custom', message: 'a message event without its channel or timestamp', input: ctx.value });
  }),
});

const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user,
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().optional() })).min(1),
});

const viewPayload = z.looseObject({
  type: z.enum(['view_submission', 'view_closed']),
  user,
  view: z.looseObject({ callback_id: z.string(), private_metadata: z.string().optional() }),
});

const shortcut = z.looseObject({ type: z.enum(['shortcut', 'message_action']), user, callback_id: z.string() });

const suggestion = z.looseObject({ type: z.literal('block_suggestion'), user, action_id: z.string() });

/** Bodies Bolt answers on its own (SSL check, URL verification) or that need no listener (rate-limit notices). */
const housekeeping = z.union([
  z.looseObject({ ssl_check: z.string() }),
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string() }),
  z.looseObject({ type: z.literal('app_rate_limited') }),
]);

const slackBody = z.union([command, eventCallback, blockActions, viewPayload, shortcut, suggestion, housekeeping]);

export type ShapeCheck = { ok: true } | { ok: false; reason: string };

/** Whether a parsed request body is one the app can handle; the reason names what is wrong when not. */
export function checkBody(body: unknown): ShapeCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: `the body is ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}, not an object` };
  const r = slackBody.safeParse(body);
  if (r.success) return { ok: true };
  const type = (body as { type?: unknown }).type;
  return { ok: false, reason: `not a request this app handles (type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type})` };
}
