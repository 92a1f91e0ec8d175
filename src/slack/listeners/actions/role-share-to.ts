// The "Share a role" modal was submitted: post the card in the chosen conversation (through the response_url Slack
// made for it), and tell the person in a direct message when that fails.
import { escapeMrkdwn } from '../../blocks.ts';
import type { Ack, Respond, SlackDeps, WebClientLike } from '../../deps.ts';
import { sharedCard, SHARE_TO_ACTION, SHARE_TO_BLOCK } from './role-share.ts';

export interface ShareToArgs {
  ack: Ack;
  body: { user?: { id: string }; response_urls?: Array<{ channel_id?: string; response_url?: string }> };
  view: { private_metadata?: string; state?: { values?: Record<string, Record<string, { selected_conversation?: string | null }>> } };
  client: WebClientLike;
  respond?: Respond;
}

export function roleShareTo(deps: SlackDeps) {
  return async ({ ack, body, view, client, respond }: ShareToArgs): Promise<void> => {
    await ack();
    const userId = body.user?.id;
    const channel = body.response_urls?.[0]?.channel_id ?? view.state?.values?.[SHARE_TO_BLOCK]?.[SHARE_TO_ACTION]?.selected_conversation ?? null;
    const dm = (text: string): Promise<unknown> => (userId ? client.chat.postMessage({ channel: userId, text: escapeMrkdwn(text) }) : Promise.resolve());
    const shared = sharedCard(deps.ctx(), view.private_metadata ?? '', userId);
    if (!shared) {
      await dm('That role is no longer open, so it was not shared.');
      return;
    }
    const { message } = shared;
    try {
      if (respond) await respond({ response_type: 'in_channel', ...message });
      else if (channel) await client.chat.postMessage({ channel, ...message });
      else throw new Error('no conversation chosen');
    } catch (err) {
      deps.log.warn({ err, channel }, 'share failed');
      const where = channel && /^[CG][A-Z0-9]+$/.test(channel) ? `<#${channel}>` : 'that conversation';
      if (userId) await client.chat.postMessage({ channel: userId, text: `I could not share the role in ${where}. Invite me there with \`/invite @openroles\`, or share it somewhere else.` });
    }
  };
}
