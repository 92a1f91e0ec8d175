// @openroles in a channel: answered in the thread of the message.
import { ask } from '../../../answers/index.ts';
import { answerMessage } from '../../blocks.ts';
import type { RecentIds } from '../../dedupe.ts';
import type { SlackDeps, WebClientLike } from '../../deps.ts';

export interface MentionArgs {
  event: { text?: string; channel: string; ts: string; thread_ts?: string; user?: string; bot_id?: string };
  body?: { event_id?: string };
  client: WebClientLike;
  context?: { retryNum?: number };
}

export function appMention(deps: SlackDeps, seen: RecentIds) {
  return async ({ event, body, client }: MentionArgs): Promise<void> => {
    if (event.bot_id || !seen.first(body?.event_id)) return;
    // The answer goes in the thread of the message, so that thread is the conversation a follow-up continues.
    const thread = deps.threads?.(`${event.channel}:${event.thread_ts ?? event.ts}`);
    const a = ask(event.text ?? '', { ...deps.ctx(), thread });
    deps.log.info({ event: 'app_mention', channel: event.channel, user: event.user, intent: a.intent }, 'mention answered');
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...answerMessage(a) });
  };
}
