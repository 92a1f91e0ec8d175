// Direct messages to the bot: answered in the conversation (in the thread when asked in one).
import { ask, textAnswer } from '../../../answers/index.ts';
import { answerMessage } from '../../blocks.ts';
import type { RecentIds } from '../../dedupe.ts';
import type { SlackDeps, WebClientLike } from '../../deps.ts';

export interface DirectMessageArgs {
  message: { text?: string; channel: string; channel_type?: string; ts: string; thread_ts?: string; user?: string; bot_id?: string; subtype?: string; files?: unknown[] };
  body?: { event_id?: string };
  client: WebClientLike;
}

// A person's own messages: plain, with a file attached, or a thread reply also sent to the conversation. Edits,
// deletions, joins and bot messages carry other subtypes and get no answer.
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export function directMessage(deps: SlackDeps, seen: RecentIds) {
  return async ({ message, body, client }: DirectMessageArgs): Promise<void> => {
    if (message.channel_type !== 'im' || !PERSON_SUBTYPES.has(message.subtype) || message.bot_id || !seen.first(body?.event_id)) return;
    const text = typeof message.text === 'string' ? message.text : '';
    // A DM is one conversation, a thread inside it another.
    const thread = deps.threads?.(message.thread_ts ? `${message.channel}:${message.thread_ts}` : message.channel);
    const a = !text.trim() && message.subtype === 'file_share'
      ? textAnswer('I read questions, not files', 'Attached files are not read. Ask in words, for example “which roles need Go?”, or type `help`.')
      : ask(text, { ...deps.ctx(), thread });
    deps.log.info({ event: 'message.im', user: message.user, subtype: message.subtype, intent: a.intent }, 'direct message answered');
    await client.chat.postMessage({ channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), ...answerMessage(a) });
  };
}
