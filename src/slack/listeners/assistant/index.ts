// Slack's AI side panel (Agents & AI apps) through Bolt's Assistant: a new thread gets suggested prompts built from
// the roles open now; each question gets a title, a status line while it is worked on, and the same answer a DM
// would. Calls to the assistant methods are best effort, so a workspace without the panel still gets answers.
import { Assistant, type App } from '@slack/bolt';
import { ask, examples, plainText } from '../../../answers/index.ts';
import { answerMessage, clip } from '../../blocks.ts';
import { RecentIds } from '../../dedupe.ts';
import type { SlackDeps } from '../../deps.ts';

export const GREETING = 'Hi! Ask me about the roles that are open: what they pay, what they need, where they are, or how they compare.';
export const STATUS = 'is looking through open roles…';

/** Up to four prompts (Slack's limit), each a question that has an answer now. */
export function suggestedPrompts(deps: SlackDeps): Array<{ title: string; message: string }> {
  return examples(deps.ctx()).slice(0, 4).map((q) => ({ title: clip(q.replace(/^\w/, (c) => c.toUpperCase()), 75), message: q }));
}

type Logged = <T>(what: string, p: Promise<T>) => Promise<T | null>;

export function assistantPanel(deps: SlackDeps, seen: RecentIds = new RecentIds()): Assistant {
  const log = deps.log.child({ surface: 'assistant' });
  const quietly: Logged = (what, p) => p.catch((err: Error) => {
    log.info({ call: what, error: err.message }, 'assistant call failed; answering anyway');
    return null;
  });
  const titled = new RecentIds(2000);
  return new Assistant({
    threadStarted: async ({ event, client, setSuggestedPrompts }) => {
      const { channel_id: channel, thread_ts } = event.assistant_thread;
      await client.chat.postMessage({ channel, thread_ts, text: GREETING });
      const prompts = suggestedPrompts(deps);
      if (prompts.length) await quietly('setSuggestedPrompts', setSuggestedPrompts({ title: 'Try asking', prompts }));
    },
    // The channel being viewed does not change an answer; handled so Bolt does not save it into the thread.
    threadContextChanged: async () => undefined,
    userMessage: async ({ message, body, client, setStatus, setTitle }) => {
      const m = message as { text?: string; channel: string; thread_ts?: string; ts: string; user?: string; bot_id?: string; subtype?: string };
      const eventId = (body as { event_id?: string }).event_id;
      if (m.bot_id || (m.subtype && m.subtype !== 'file_share') || !seen.first(eventId)) return;
      const thread_ts = m.thread_ts ?? m.ts;
      const question = plainText(m.text ?? '');
      if (titled.first(`${m.channel}:${thread_ts}`) && question) await quietly('setTitle', setTitle(clip(question, 100)));
      await quietly('setStatus', setStatus(STATUS));
      // Each side-panel thread is a conversation: follow-ups refer to its previous answer.
      const a = ask(m.text ?? '', { ...deps.ctx(), thread: deps.threads?.(`${m.channel}:${thread_ts}`) });
      log.info({ event: 'assistant', user: m.user, intent: a.intent }, 'side panel question answered');
      try {
        await client.chat.postMessage({ channel: m.channel, thread_ts, ...answerMessage(a) });
      } catch (err) {
        await quietly('setStatus', setStatus(''));
        throw err;
      }
    },
  });
}

export function register(app: App, deps: SlackDeps): void {
  app.assistant(assistantPanel(deps));
}
