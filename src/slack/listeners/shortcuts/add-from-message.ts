// "Add to open roles" on a message: the same steps as /jobs add, starting from the message's text.
import { randomUUID } from 'node:crypto';
import type { Ack, SlackDeps } from '../../deps.ts';
import type { Drafts } from '../../drafts.ts';
import { formView, loadingView, previewView } from '../../posting-views.ts';
import { beginAdding, readLinkInto, type ViewsClient } from '../views/add-posting.ts';

export interface MessageShortcutArgs {
  ack: Ack;
  shortcut: { trigger_id: string; user: { id: string }; channel?: { id?: string }; message?: { text?: string } };
  client: ViewsClient;
}

/**
 * A message's mrkdwn as the text a person sees, links kept: "label (URL)", or the URL alone when the label is
 * the URL; mentions and broadcasts dropped, entities decoded. Every pattern is bounded by the characters it excludes.
 */
export function messageText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<(https?:\/\/[^<>|\s]{1,2000})\|([^<>]{0,2000})>/g, (_, url: string, label: string) => (!label.trim() || /^https?:\/\//.test(label) ? url : `${label} (${url})`))
    .replace(/<(https?:\/\/[^<>|\s]{1,2000})>/g, '$1')
    .replace(/<mailto:[^<>|]{1,500}\|([^<>]{0,500})>/g, '$1')
    .replace(/<[@#!][^<>]{0,500}>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

export function addFromMessage(deps: SlackDeps, drafts: Drafts) {
  return async ({ ack, shortcut, client }: MessageShortcutArgs): Promise<void> => {
    await ack();
    const added = deps.added!;
    const input = messageText(shortcut.message?.text ?? '');
    const who = { userId: shortcut.user.id, channelId: shortcut.channel?.id ?? null };
    const open = (view: Record<string, unknown>): Promise<unknown> => client.views.open({ trigger_id: shortcut.trigger_id, view });
    const step = beginAdding({ added, log: deps.log }, input);
    if ('now' in step) {
      const r = step.now;
      const error = r.ok ? '' : input ? r.error : 'That message has no text to read. Paste the posting, or a link to it.';
      await open(r.ok ? previewView(r.draft, drafts.put({ draft: r.draft, ...who })) : formView({ initial: input, error, meta: { channelId: who.channelId } }));
      return;
    }
    // A link: open at once (the trigger expires in 3 s), then fetch and update the view by its external id.
    const externalId = `add-${randomUUID()}`;
    await open(loadingView(step.fetch, externalId));
    try {
      await readLinkInto({ added, log: deps.log }, drafts, client, { external_id: externalId }, step.fetch, who);
    } catch (err) {
      // Closed while the link was read, most likely: nothing was saved, nothing to tell.
      deps.log.warn({ err }, 'add modal could not be updated');
    }
  };
}
