// Block Kit for postings added from Slack (the add modal's steps, confirmations, the remove list) and for unfurls.
// Everything a posting or a person wrote is escaped and cut to Slack's limits.
import { locationLine, payLine, seniorityLabel, workModeLine } from '../answers/cards.ts';
import { problemText, type Posting } from '../postings/index.ts';
import type { AddedRecord, Draft } from '../sources/added.ts';
import { writeFailure } from '../store/failures.ts';
import { clip, escapeMrkdwn, LIMITS, plain, removeButton, type Block } from './blocks.ts';

export const ADD = {
  command: 'add',
  /** The form: paste text or a link. */
  form: 'posting_add',
  /** The preview: what was read, Save to keep it. */
  confirm: 'posting_confirm',
  loading: 'posting_loading',
  block: 'posting',
  input: 'text',
  shortcut: 'add_to_open_roles',
} as const;

/** Slack caps an input's initial value; a longer message is cut, and the person sees it cut. */
const INITIAL_MAX = 3000;

const mrkdwn = (text: string, max: number = LIMITS.sectionText): { type: 'mrkdwn'; text: string } => ({ type: 'mrkdwn', text: clip(text || ' ', max) });
const title = (p: Posting): string => `${p.title ?? 'Untitled role'}${p.company ? ` at ${p.company}` : ''}`;

export function yearsLine(p: Posting): string {
  const y = p.yearsExperience;
  if (!y) return 'Not stated';
  return y.max && y.max !== y.min ? `${y.min}–${y.max} years` : `${y.min}+ years`;
}

function modal(callbackId: string, heading: string, blocks: Block[], opts: { submit?: string; close?: string; meta?: unknown; externalId?: string } = {}): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(heading, 24),
    ...(opts.submit ? { submit: plain(opts.submit, 24) } : {}),
    close: plain(opts.close ?? 'Cancel', 24),
    ...(opts.meta !== undefined ? { private_metadata: clip(JSON.stringify(opts.meta), 3000) } : {}),
    ...(opts.externalId ? { external_id: opts.externalId } : {}),
    blocks: blocks.slice(0, LIMITS.modalBlocks),
  };
}

export interface FormMeta {
  channelId?: string | null;
  /** The link that just failed and why: submitting it unchanged again answers at once. */
  failed?: { input: string; error: string };
}

/** Step one: paste a posting or a link. An error from reading a link shows under the field. */
export function formView(opts: { initial?: string; error?: string; meta?: FormMeta } = {}): Record<string, unknown> {
  const initial = opts.initial ? clip(opts.initial, INITIAL_MAX) : '';
  return modal(ADD.form, 'Add a posting', [
    { type: 'section', text: mrkdwn('Paste a job posting, or a link to one (a Greenhouse, Lever or Ashby job page, or any page with a schema.org JobPosting). You will see what openroles read before anything is saved.') },
    {
      type: 'input',
      block_id: ADD.block,
      label: plain('Posting or link', 2000),
      element: { type: 'plain_text_input', action_id: ADD.input, multiline: true, ...(initial ? { initial_value: initial } : {}), placeholder: plain('Senior Backend Engineer — Acme — Remote (US) — $150k–$180k …', 150) },
      hint: plain(opts.error ? `⚠️ ${opts.error}` : 'Title, company, place, pay and requirements are read from the text.', 2000),
    },
  ], { submit: 'Read it', meta: opts.meta ?? {} });
}

/** While a link is fetched. */
export function loadingView(url: string, externalId?: string): Record<string, unknown> {
  return modal(ADD.loading, 'Add a posting', [{ type: 'section', text: mrkdwn(`:hourglass_flowing_sand: Reading ${escapeMrkdwn(clip(url, 500))} …`) }], { externalId });
}

/** One posting as read: the facts, and what could not be found. */
export function postingPreview(p: Posting): Block[] {
  const fields: Array<[string, string]> = [
    ['Company', p.company ?? 'Not found'],
    ['Place', p.locations.length || p.workMode === 'remote' ? locationLine(p) : 'Not found'],
    ['Work mode', p.workMode ? workModeLine(p) : 'Not found'],
    ['Pay', payLine(p)],
    ['Years', yearsLine(p)],
    ['Level', seniorityLabel(p.seniority)],
  ];
  const blocks: Block[] = [{
    type: 'section',
    text: mrkdwn(`*${escapeMrkdwn(clip(p.title ?? 'Untitled role', 200))}*`),
    fields: fields.map(([k, v]) => mrkdwn(`*${k}*\n${escapeMrkdwn(clip(v, 500))}`, LIMITS.fieldText)),
  }];
  if (p.problems.length) blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(`Not found: ${problemText(p.problems)}`), LIMITS.contextText)] });
  return blocks;
}

/** Step two: what was read; Save keeps it. */
export function previewView(draft: Draft, key: string, opts: { back?: boolean } = {}): Record<string, unknown> {
  const n = draft.postings.length;
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(n === 1 ? '*openroles read this role:*' : `*openroles read ${n} roles:*`) }];
  for (const p of draft.postings) {
    if (blocks.length + 4 > LIMITS.modalBlocks) break;
    blocks.push({ type: 'divider' }, ...postingPreview(p));
  }
  blocks.push({ type: 'context', elements: [mrkdwn(`Save to add ${n === 1 ? 'it' : 'them'} to open roles: search, answers, digests and alerts. You, or an admin, can remove ${n === 1 ? 'it' : 'them'} later with \`/jobs remove\`.`)] });
  return modal(ADD.confirm, 'Check and save', blocks, { submit: 'Save', close: opts.back ? 'Back' : 'Cancel', meta: { key } });
}

const recordName = (r: AddedRecord): string => r.postings.length === 1 ? title(r.postings[0]!) : `${r.postings.length} roles (${r.postings.map((p) => p.title ?? 'Untitled role').slice(0, 3).join(', ')}${r.postings.length > 3 ? ', …' : ''})`;

/** After Save: a message to the person who added it, with a way to take it back. */
export function savedMessage(r: AddedRecord): { text: string; blocks: Block[] } {
  const name = recordName(r);
  return {
    text: clip(`Added to open roles: ${name} (number ${r.n})`.replace(/[<>&]/g, ''), LIMITS.fallback),
    blocks: [
      { type: 'section', text: mrkdwn(`:white_check_mark: Added to open roles: *${escapeMrkdwn(clip(name, 500))}* (number ${r.n}). It shows in search and answers now.`), accessory: removeButton(String(r.n), name) },
    ],
  };
}

/** `/jobs remove` with no number: the postings this person may remove, each with Remove. */
export const REMOVE_LIST_BLOCK = 'added_list_';

export function removeList(records: AddedRecord[], admin: boolean, note?: string): { text: string; blocks: Block[] } {
  if (note && !records.length) return { text: note, blocks: [{ type: 'section', text: mrkdwn(note) }] };
  if (!records.length) return { text: 'You have not added any postings. Add one with /jobs add.', blocks: [{ type: 'section', text: mrkdwn('You have not added any postings. Add one with `/jobs add`, or with *Add to open roles* on a message’s ⋮ menu.') }] };
  const shown = records.slice(-40);
  const blocks: Block[] = [{ type: 'header', text: plain(admin ? 'Postings added from Slack' : 'Postings you added', LIMITS.header) }];
  if (note) blocks.push({ type: 'context', elements: [mrkdwn(note, LIMITS.contextText)] });
  for (const r of shown) {
    blocks.push({ type: 'section', block_id: `${REMOVE_LIST_BLOCK}${r.n}`, text: mrkdwn(`*${r.n}.* ${escapeMrkdwn(clip(recordName(r), 300))}\n_added by <@${r.addedBy}> on ${r.addedAt.slice(0, 10)}_`), accessory: removeButton(String(r.n), recordName(r)) });
  }
  if (records.length > shown.length) blocks.push({ type: 'context', elements: [mrkdwn(`…and ${records.length - shown.length} older ones: \`/jobs remove NUMBER\` removes any of them.`)] });
  return { text: `${records.length} added postings`, blocks };
}

export function removedText(r: AddedRecord): string {
  return `Removed ${escapeMrkdwn(clip(recordName(r), 500))} (number ${r.n}). It no longer appears in search, answers or digests.`;
}

export function notAllowedText(r: AddedRecord): string {
  return `Only <@${r.addedBy}>, who added ${escapeMrkdwn(clip(recordName(r), 300))}, or an admin can remove it.`;
}

/** What a person is told when the added postings could not be read or written now: the database's reason when it is one. */
export function notNowText(err: unknown, what = 'save that'): string {
  const reason = writeFailure(err);
  return `Could not ${what} just now${reason ? ` (${reason})` : ''}. Nothing changed; try again in a minute.`;
}

export const notFoundText = (ref: string): string => `There is no added posting number ${escapeMrkdwn(clip(ref, 40))}. \`/jobs remove\` lists the ones you can remove.`;

/** A shared job link, unfurled: the facts that were read. */
export function unfurlBlocks(p: Posting, board: string): Block[] {
  return [
    {
      type: 'section',
      text: mrkdwn(`*${escapeMrkdwn(clip(p.title ?? 'Untitled role', 200))}*${p.company ? `\n${escapeMrkdwn(clip(p.company, 200))}` : ''}`),
      fields: [
        mrkdwn(`*Location*\n${escapeMrkdwn(clip(p.locations.length || p.workMode === 'remote' ? locationLine(p) : 'Not stated', 500))}`, LIMITS.fieldText),
        mrkdwn(`*Work mode*\n${escapeMrkdwn(p.workMode ? workModeLine(p) : 'Not stated')}`, LIMITS.fieldText),
        mrkdwn(`*Pay*\n${escapeMrkdwn(clip(payLine(p), 500))}`, LIMITS.fieldText),
        mrkdwn(`*Experience*\n${escapeMrkdwn(yearsLine(p))}`, LIMITS.fieldText),
      ],
    },
    { type: 'context', elements: [mrkdwn(`Read by openroles from the ${escapeMrkdwn(board)} job board`)] },
  ];
}
