// Direct messages to the bot: answered in the conversation.
import { ask } from '../../../answers/index.ts';
import { answerMessage } from '../../blocks.ts';
import type { RecentIds } from '../../dedupe.ts';
import type { SlackDeps, WebClientLike } from '../../deps.ts';

export interface DirectMessageArgs {
  message: { text?: string; channel: string; channel_type?: string; ts: string; thread_ts?: string; user?: string; bot_id?: string; subtype?: string };
  body?: { event_id?: string };
  client: WebClientLike;
}

export function directMessage(deps: SlackDeps, seen: RecentIds) {
  return async ({ message, body, client }: DirectMessageArgs): Promise<void> => {
    // Only people's own messages in a DM: not edits, joins, or the bot's own replies.
    if (message.channel_type !== 'im' || message.subtype || message.bot_id || !seen.first(body?.event_id)) return;
    // A DM is one conversation, a thread inside it another.
    const thread = deps.threads?.(message.thread_ts ? `${message.channel}:${message.thread_ts}` : message.channel);
    const a = ask(message.text ?? '', { ...deps.ctx(), thread });
    deps.log.info({ event: 'message.im', user: message.user, intent: a.intent }, 'direct message answered');
    await client.chat.postMessage({ channel: message.channel, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), ...answerMessage(a) });
  };
}
