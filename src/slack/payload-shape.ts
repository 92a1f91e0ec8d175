// The shapes of request bodies the app can act on, checked before Bolt routes them, so `null`, arrays, numbers and
// wrongly typed fields get a 400 (or, over Socket Mode, are acknowledged and dropped) instead of reaching a listener.
import { z } from 'zod';

const user = z.looseObject({ id: z.string() });

const command = z.looseObject({ command: z.string().regex(/^\/[^\s/]+$/), user_id: z.string(), channel_id: z.string(), text: z.string().optional() });

// The fields the message listeners read (mentions, DMs) must be what Slack sends; other events keep their own shapes
// (some carry `channel` as an object), so only their type is checked.
const messageFields = z.looseObject({
  text: z.string().optional(),
  channel: z.string(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
});

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event: z.looseObject({ type: z.string() }).check((ctx) => {
    if (ctx.value.type !== 'app_mention' && ctx.value.type !== 'message') return;
    const r = messageFields.safeParse(ctx.value);
    if (!r.success) ctx.issues.push({ code: 'custom', message: 'a message event with fields of the wrong type', input: ctx.value });
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
