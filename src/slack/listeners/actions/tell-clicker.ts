// A short answer to whoever clicked, wherever the button was: in a message through its response_url, in App Home or
// a modal (which have none) in a small modal, and failing both in a direct message.
import { escapeMrkdwn } from '../../blocks.ts';
import type { ButtonArgs } from './role-details.ts';

/** A modal that only says `text`. */
export function noticeView(text: string, title = 'openroles'): Record<string, unknown> {
  return { type: 'modal', title: { type: 'plain_text', text: title.slice(0, 24) }, close: { type: 'plain_text', text: 'Close' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
}

export async function tellClicker({ body, client, respond }: Pick<ButtonArgs, 'body' | 'client' | 'respond'>, text: string): Promise<void> {
  if (body.response_url && respond) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: escapeMrkdwn(text) });
    return;
  }
  if (body.trigger_id) {
    await client.views.open({ trigger_id: body.trigger_id, view: noticeView(text) });
    return;
  }
  if (body.user?.id) await client.chat.postMessage({ channel: body.user.id, text: escapeMrkdwn(text) });
}
