// More: the next page. On a reply only the clicker sees, it replaces that reply; on an answer everyone sees (a
// thread, a DM answer), the next page is a new message only the clicker sees, in the same thread.
import { find } from '../../../answers/index.ts';
import { answerMessage } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import type { ButtonArgs } from './role-details.ts';

function page(value: string | undefined): { q: string; offset: number } {
  let v: { q?: unknown; o?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(value ?? '{}');
    if (parsed && typeof parsed === 'object') v = parsed as typeof v;
  } catch {
    // A value we did not write: the first page of nothing.
  }
  return { q: typeof v.q === 'string' ? v.q : '', offset: typeof v.o === 'number' && v.o >= 0 && v.o < 1e6 ? Math.floor(v.o) : 0 };
}

export function resultsMore(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const { q, offset } = page(action.value);
    const message = answerMessage(find(q, deps.ctx(), offset));
    if (body.container?.is_ephemeral && respond) {
      await respond({ response_type: 'ephemeral', replace_original: true, ...message });
      return;
    }
    const channel = body.container?.channel_id ?? body.channel?.id;
    const threadTs = body.container?.thread_ts ?? body.message?.thread_ts;
    if (channel && body.user?.id && client.chat.postEphemeral) {
      await client.chat.postEphemeral({ channel, user: body.user.id, ...(threadTs ? { thread_ts: threadTs } : {}), ...message });
      return;
    }
    await respond?.({ response_type: 'ephemeral', replace_original: false, ...message });
  };
}
