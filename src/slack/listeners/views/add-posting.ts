// The add modal's two submissions: the form (text is read at once; a link is acknowledged first, then fetched and
// the view updated) and the preview's Save (kept in the store, live in search, confirmed to the person).
import type { AddedPostings, Draft, Read } from '../../../sources/added.ts';
import { clip } from '../../blocks.ts';
import type { Ack, SlackDeps } from '../../deps.ts';
import type { Drafts } from '../../drafts.ts';
import { ADD, formView, loadingView, notNowText, previewView, savedMessage, type FormMeta } from '../../posting-views.ts';

export interface ViewsClient {
  views: {
    open(args: object): Promise<unknown>;
    update(args: object): Promise<unknown>;
  };
  chat: {
    postMessage(args: object): Promise<unknown>;
    postEphemeral(args: object): Promise<unknown>;
  };
}

export interface ViewSubmissionArgs {
  ack: Ack;
  body: { user: { id: string } };
  view: { id?: string; private_metadata?: string; state?: { values?: Record<string, Record<string, { value?: string | null }>> } };
  client: ViewsClient;
}

function meta<T>(s: string | undefined): Partial<T> {
  try {
    const v = JSON.parse(s || '{}') as unknown;
    return v && typeof v === 'object' ? (v as Partial<T>) : {};
  } catch {
    return {};
  }
}

/** Errors under the field; Slack shows them in the modal and keeps what was typed. */
const errors = (message: string): { response_action: 'errors'; errors: Record<string, string> } => ({ response_action: 'errors', errors: { [ADD.block]: clip(message, 150) } });

/**
 * `added.begin`, which looks the input up in SQLite: a locked or full database becomes an answer to show (the
 * handlers must still acknowledge within Slack's 3 seconds), not a throw.
 */
export function beginAdding(deps: { added: AddedPostings; log: SlackDeps['log'] }, input: string): { now: Read } | { fetch: string } {
  try {
    return deps.added.begin(input);
  } catch (err) {
    deps.log.error({ err }, 'added postings not read');
    return { now: { ok: false, error: notNowText(err, 'read that') } };
  }
}

/**
 * Fetches a link and replaces the modal `target` with the preview, or with the form showing why it failed.
 * Runs after the acknowledgement: Slack's 3 seconds do not cover a slow page.
 */
export async function readLinkInto(deps: { added: AddedPostings; log: SlackDeps['log'] }, drafts: Drafts, client: ViewsClient, target: Record<string, string>, url: string, who: { userId: string; channelId: string | null }): Promise<void> {
  let r: Read;
  try {
    r = await deps.added.readLink(url);
  } catch (err) {
    deps.log.error({ err }, 'added postings not read');
    r = { ok: false, error: notNowText(err, 'read that link') };
  }
  const view = r.ok
    ? previewView(r.draft, drafts.put({ draft: r.draft, userId: who.userId, channelId: who.channelId }))
    : formView({ initial: url, error: r.error, meta: { channelId: who.channelId, failed: { input: url, error: r.error } } });
  if (!r.ok) deps.log.info({ user: who.userId, error: r.error }, 'posting link not read');
  await client.views.update({ ...target, view });
}

/** The form: check, read, then show the preview. */
export function addFormSubmitted(deps: SlackDeps, drafts: Drafts) {
  return async ({ ack, body, view, client }: ViewSubmissionArgs): Promise<void> => {
    const added = deps.added!;
    const input = view.state?.values?.[ADD.block]?.[ADD.input]?.value ?? '';
    const m = meta<FormMeta>(view.private_metadata);
    const who = { userId: body.user.id, channelId: m.channelId ?? null };
    const step = beginAdding({ added, log: deps.log }, input);
    if ('now' in step) {
      const r = step.now;
      // Pushed over the form, so Back returns to the text as typed.
      return ack(r.ok ? { response_action: 'push', view: previewView(r.draft, drafts.put({ draft: r.draft, ...who }), { back: true }) } : errors(r.error));
    }
    if (m.failed && m.failed.input === step.fetch) return ack(errors(m.failed.error));
    await ack({ response_action: 'update', view: loadingView(step.fetch) });
    try {
      await readLinkInto({ added, log: deps.log }, drafts, client, { view_id: view.id ?? '' }, step.fetch, who);
    } catch (err) {
      deps.log.error({ err }, 'add modal could not be updated');
    }
  };
}

/** Tells the person it was saved: in the channel they were in, only to them; or in a DM when that fails. */
export async function confirmSaved(client: ViewsClient, who: { userId: string; channelId: string | null }, message: { text: string; blocks: unknown[] }, log: SlackDeps['log']): Promise<void> {
  if (who.channelId) {
    try {
      await client.chat.postEphemeral({ channel: who.channelId, user: who.userId, ...message });
      return;
    } catch (err) {
      log.debug({ err }, 'ephemeral confirmation failed; sending a DM');
    }
  }
  await client.chat.postMessage({ channel: who.userId, ...message, unfurl_links: false, unfurl_media: false });
}

/** The preview's Save. */
export function addConfirmed(deps: SlackDeps, drafts: Drafts) {
  return async ({ ack, body, view, client }: ViewSubmissionArgs): Promise<void> => {
    const pending = drafts.take(meta<{ key: string }>(view.private_metadata).key, body.user.id);
    if (!pending) {
      return ack({ response_action: 'update', view: formView({ error: 'That preview has expired (openroles restarted, or it was already saved). Paste the posting again.' }) });
    }
    let r: ReturnType<AddedPostings['save']>;
    try {
      r = deps.added!.save(pending.draft as Draft, body.user.id);
    } catch (err) {
      // The preview has no field to hang an error on: back to the form with the text kept, to submit again.
      deps.log.error({ err, user: body.user.id }, 'added posting not saved');
      return ack({ response_action: 'update', view: formView({ initial: pending.draft.input, error: notNowText(err), meta: { channelId: pending.channelId } }) });
    }
    if (!r.ok || !r.record) return ack({ response_action: 'update', view: formView({ initial: pending.draft.input, error: r.ok ? 'Nothing was saved.' : r.error, meta: { channelId: pending.channelId } }) });
    await ack({ response_action: 'clear' });
    deps.log.info({ user: body.user.id, n: r.record.n, roles: r.record.postings.length }, 'posting added from Slack');
    try {
      await confirmSaved(client, { userId: body.user.id, channelId: pending.channelId }, savedMessage(r.record), deps.log);
    } catch (err) {
      deps.log.warn({ err }, 'saved, but the confirmation could not be sent');
    }
  };
}
