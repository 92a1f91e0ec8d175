// Details: a modal with the role's full requirement summary.
import { details } from '../../../answers/index.ts';
import { answerMessage, clip, LIMITS } from '../../blocks.ts';
import type { Ack, SlackDeps, WebClientLike } from '../../deps.ts';

export interface ButtonArgs {
  ack: Ack;
  action: { value?: string };
  body: { trigger_id?: string; user?: { id: string } };
  client: WebClientLike;
  respond: (m: Record<string, unknown>) => Promise<unknown>;
}

export function roleDetails(deps: SlackDeps) {
  return async ({ ack, action, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const a = details(action.value ?? '', deps.ctx());
    if (!a) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That role is no longer open.' });
      return;
    }
    const { blocks } = answerMessage(a, { buttons: false, maxBlocks: LIMITS.modalBlocks });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: { type: 'modal', title: { type: 'plain_text', text: clip('Role details', 24) }, close: { type: 'plain_text', text: 'Close' }, blocks },
    });
  };
}
