// Remove on an added posting (its card, its saved confirmation, the /jobs remove list): only whoever added it,
// or an admin, may remove it; anyone else is told who can.
import type { Ack, Respond, SlackDeps } from '../../deps.ts';
import { notAllowedText, notFoundText, notNowText, removedText, removeList, REMOVE_LIST_BLOCK } from '../../posting-views.ts';

export interface RemoveArgs {
  ack: Ack;
  action: { value?: string; block_id?: string };
  body: { user: { id: string }; response_url?: string; container?: { type?: string } };
  respond?: Respond;
  client: { chat: { postMessage(args: object): Promise<unknown> } };
}

export function postingRemove(deps: SlackDeps) {
  return async ({ ack, action, body, respond, client }: RemoveArgs): Promise<void> => {
    await ack();
    const ref = action.value ?? '';
    if (!deps.added) return;
    let text: string;
    let failed = false;
    try {
      const r = deps.added.remove(ref, body.user.id);
      text = r.ok ? removedText(r.record) : r.reason === 'not-allowed' ? notAllowedText(r.record!) : notFoundText(ref);
      deps.log.info({ user: body.user.id, ref, ok: r.ok, reason: r.ok ? undefined : r.reason }, 'remove added posting');
    } catch (err) {
      // A locked or full database: the person is told, and the list (if any) is left as it was.
      deps.log.error({ err, user: body.user.id, ref }, 'added posting not removed');
      text = notNowText(err, 'remove it');
      failed = true;
    }
    // From the /jobs remove list: the list is redrawn without it, with what happened on top.
    if (!failed && body.response_url && respond && action.block_id?.startsWith(REMOVE_LIST_BLOCK)) {
      const added = deps.added!;
      await respond({ response_type: 'ephemeral', replace_original: true, ...removeList(added.removableBy(body.user.id), added.isAdmin(body.user.id), text) });
      return;
    }
    // Views (App Home, modals) carry no response_url: answer in a DM instead.
    if (body.response_url && respond) await respond({ response_type: 'ephemeral', replace_original: false, text });
    else await client.chat.postMessage({ channel: body.user.id, text });
  };
}
