// Share: posts the role's card for everyone. From a message it goes to that message's conversation; from App Home
// (no conversation, no response_url) a modal asks where to post it.
import { toCard } from '../../../answers/cards.ts';
import type { AskContext } from '../../../answers/index.ts';
import { fallbackText, plain, roleBlocks, type Block } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import type { ButtonArgs } from './role-details.ts';
import { tellClicker } from './tell-clicker.ts';

/** The modal's callback id; its submission is handled in role-share-to.ts. */
export const SHARE_TO = 'role_share_to';
export const SHARE_TO_BLOCK = 'share_to';
export const SHARE_TO_ACTION = 'conversation';

/** The shared card (the role without buttons, and who shared it), and the role's name for the share modal. */
export function sharedCard(ctx: AskContext, id: string, userId: string | undefined): { title: string; message: { text: string; blocks: Block[]; unfurl_links: false; unfurl_media: false } } | null {
  const p = ctx.index.get(id);
  if (!p) return null;
  const card = toCard(p, { now: ctx.now });
  const title = `${card.title} at ${card.company}`;
  const by = userId && /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : 'someone';
  const blocks = [...roleBlocks(card, { buttons: false }), { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${by} with /jobs` }] }];
  return { title, message: { text: fallbackText(title), blocks, unfurl_links: false, unfurl_media: false } };
}

/** The "Share to…" modal: a conversation picker whose choice comes back with a response_url for that conversation. */
export function shareToView(id: string, title: string): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: SHARE_TO,
    private_metadata: id,
    title: { type: 'plain_text', text: 'Share a role' },
    submit: { type: 'plain_text', text: 'Share' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: plain(title, 3000) },
      {
        type: 'input',
        block_id: SHARE_TO_BLOCK,
        label: { type: 'plain_text', text: 'Post it in' },
        element: {
          type: 'conversations_select',
          action_id: SHARE_TO_ACTION,
          response_url_enabled: true,
          default_to_current_conversation: true,
          filter: { include: ['public', 'private', 'im', 'mpim'], exclude_bot_users: true },
        },
      },
    ],
  };
}

export function roleShare(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const { ack, action, body, client, respond } = args;
    await ack();
    const id = action.value ?? '';
    const shared = sharedCard(deps.ctx(), id, body.user?.id);
    if (!shared) {
      await tellClicker(args, 'That role is no longer open.');
      return;
    }
    const { title, message } = shared;
    if (body.response_url && respond) {
      await respond({ response_type: 'in_channel', replace_original: false, ...message });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: shareToView(id, title) });
  };
}
