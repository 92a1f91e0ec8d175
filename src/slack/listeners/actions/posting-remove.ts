// Remove on an added posting (its card, its saved confirmation, the /jobs remove list): only whoever added it,
// or an admin, may remove it; anyone else is told who can.
import type { Ack, SlackDeps } from '../../deps.ts';
import { notAllowedText, notFoundText, removedText } from '../../posting-views.ts';

export interface RemoveArgs {
  ack: Ack;
  action: { value?: string };
  body: { user: { id: string }; response_url?: string; container?: { type?: string } };
  respond?: (m: Record<string, unknown>) => Promise<unknown>;
  client: { chat: { postMessage(args: Record<string, unknown>): Promise<unknown> } };
}

export function postingRemove(deps: SlackDeps) {
  return async ({ ack, action, body, respond, client }: RemoveArgs): Promise<void> => {
    await ack();
    const ref = action.value ?? '';
    const r = deps.added!.remove(ref, body.user.id);
    const text = r.ok ? removedText(r.record) : r.reason === 'not-allowed' ? notAllowedText(r.record!) : notFoundText(ref);
    deps.log.info({ user: body.user.id, ref, ok: r.ok, reason: r.ok ? undefined : r.reason }, 'remove added posting');
    // Views (App Home, modals) carry no response_url: answer in a DM instead.
    if (body.response_url && respond) await respond({ response_type: 'ephemeral', replace_original: false, text });
    else await client.chat.postMessage({ channel: body.user.id, text });
  };
}
