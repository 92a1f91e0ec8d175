// Details: a modal with the role's full requirement summary; works from messages and from App Home alike.
import { details } from '../../../answers/index.ts';
import { answerMessage, clip, LIMITS } from '../../blocks.ts';
import type { Ack, Respond, SlackDeps, WebClientLike } from '../../deps.ts';
import { tellClicker } from './tell-clicker.ts';

/** A button click as Bolt hands it over; from App Home or a modal there is no response_url, so no `respond`. */
export interface ButtonArgs {
  ack: Ack;
  action: { value?: string };
  body: {
    trigger_id?: string;
    user?: { id: string };
    response_url?: string;
    channel?: { id?: string };
    container?: { type?: string; is_ephemeral?: boolean; channel_id?: string; thread_ts?: string };
    message?: { ts?: string; thread_ts?: string };
  };
  client: WebClientLike;
  respond?: Respond;
}

export function roleDetails(deps: SlackDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const { ack, action, body, client } = args;
    await ack();
    const a = details(action.value ?? '', deps.ctx());
    if (!a) {
      await tellClicker(args, 'That role is no longer open.');
      return;
    }
    const { blocks } = answerMessage(a, { buttons: false, maxBlocks: LIMITS.modalBlocks });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: { type: 'modal', title: { type: 'plain_text', text: clip('Role details', 24) }, close: { type: 'plain_text', text: 'Close' }, blocks },
    });
  };
}
