// Share: posts the role's card in the channel for everyone.
import { toCard } from '../../../answers/cards.ts';
import { roleBlocks } from '../../blocks.ts';
import type { SlackDeps } from '../../deps.ts';
import type { ButtonArgs } from './role-details.ts';

export function roleShare(deps: SlackDeps) {
  return async ({ ack, action, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const ctx = deps.ctx();
    const p = ctx.index.get(action.value ?? '');
    if (!p) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That role is no longer open.' });
      return;
    }
    const card = toCard(p, { now: ctx.now });
    const blocks = [...roleBlocks(card, { buttons: false }), { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by <@${body.user?.id ?? 'someone'}> with /jobs` }] }];
    await respond({ response_type: 'in_channel', replace_original: false, text: `${card.title} at ${card.company}`.replace(/[<>&]/g, ''), blocks, unfurl_links: false, unfurl_media: false });
  };
}
