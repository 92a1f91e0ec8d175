// Answers to Block Kit: small pure functions, every string escaped and every list cut to Slack's limits.
import { renderText, type Answer, type Part, type RoleCard } from '../answers/index.ts';
import { isAddedId } from '../sources/added.ts';

export const LIMITS = { blocks: 50, modalBlocks: 100, sectionText: 3000, fields: 10, fieldText: 2000, header: 150, button: 75, contextText: 2000, totalChars: 12_000, fallback: 3000 } as const;

export const ACTIONS = { details: 'role_details', share: 'role_share', more: 'results_more', remove: 'posting_remove' } as const;

// Block Kit is typed loosely here: these objects go straight to the Web API as JSON.
export type Block = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: Block[];
  unfurl_links: false;
  unfurl_media: false;
}

// Embedding and isolate controls (U+202A–202E, U+2066–2069) could reverse the text around them in a reader's client.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text safe in plain_text and mrkdwn alike: no bidirectional controls, and broadcast words that cannot ping. */
function defuse(s: string): string {
  return s.replace(BIDI_CONTROLS, '').replace(/@(here|channel|everyone)\b/gi, '@\u200b$1');
}

/** Escapes text for mrkdwn so nothing a posting or a user wrote can mention, link, reorder or break the layout. */
export function escapeMrkdwn(s: string): string {
  return defuse(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A message's notification text: one readable line, escaped (so it reads "Search & Ranking", and never pings). */
export function fallbackText(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  // Escaping lengthens "&", "<" and ">": cut the plain text by the overflow, so no entity is cut in half.
  let out = escapeMrkdwn(clip(flat, LIMITS.fallback));
  for (let room = LIMITS.fallback; out.length > LIMITS.fallback && room > 0; ) {
    room -= out.length - LIMITS.fallback;
    out = escapeMrkdwn(clip(flat, room));
  }
  return out;
}

/** Cuts a string to `max` characters with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Plain text (header, button) needs no escaping but must not carry broadcast words or bidirectional controls. */
export function plain(s: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: clip(defuse(s) || ' ', max), emoji: true };
}

function mrkdwn(s: string, max: number = LIMITS.sectionText): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: clip(s || ' ', max) };
}

/** Escaped text within `max` characters, never cutting an entity in half. */
function escapedWithin(s: string, max: number): string {
  const e = escapeMrkdwn(s);
  return e.length <= max ? e : `${e.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '').trimEnd()}…`;
}

/** Every item as bullets over as many sections as it takes (for modals, which allow 100 blocks). */
function listSections(title: string, items: string[], more: number): Block[] {
  const sections: string[] = [];
  let current = `*${escapedWithin(title, 200)}*`;
  const add = (line: string): void => {
    if (current.length + 1 + line.length <= LIMITS.sectionText) current = `${current}\n${line}`;
    else {
      sections.push(current);
      current = line;
    }
  };
  for (const item of items) add(`• ${escapedWithin(item, LIMITS.sectionText - 10)}`);
  if (more > 0) add(`_…and ${more} more_`);
  sections.push(current);
  return sections.map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

/** Bulleted lines that fit `max` characters, ending with "…and N more" when cut. */
export function bulletList(items: string[], max: number, more = 0): string {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < items.length; i++) {
    const line = `• ${escapeMrkdwn(clip(items[i]!, 400))}`;
    const rest = items.length - i + more;
    if (used + line.length + 30 > max) {
      out.push(`_…and ${rest} more_`);
      return out.join('\n');
    }
    out.push(line);
    used += line.length + 1;
  }
  if (more > 0) out.push(`_…and ${more} more_`);
  return out.join('\n');
}

function button(text: string, actionId: string, value: string, style?: 'primary'): Block {
  return { type: 'button', text: plain(text, LIMITS.button), action_id: actionId, value: clip(value, 2000), ...(style ? { style } : {}) };
}

/** Remove for a posting added from Slack, behind a confirmation; the handler checks who may. */
export function removeButton(value: string, what: string): Block {
  return {
    ...button('Remove', ACTIONS.remove, value),
    style: 'danger',
    confirm: {
      title: plain('Remove this posting?', 100),
      text: plain(`“${clip(what, 200)}” will no longer appear in search, answers or digests. Only whoever added it, or an admin, can remove it.`, 300),
      confirm: plain('Remove', 30),
      deny: plain('Keep it', 30),
      style: 'danger',
    },
  };
}

/** One role: a section with its facts, a context line with why it matched, and Details/Share buttons. */
export function roleBlocks(c: RoleCard, opts: { buttons?: boolean } = {}): Block[] {
  const reqs = c.requirements.length ? `\n${bulletList(c.requirements, 1500)}` : '';
  const blocks: Block[] = [
    {
      type: 'section',
      text: mrkdwn(`*${escapeMrkdwn(clip(c.title, 200))}*${reqs}`),
      fields: [
        mrkdwn(`*Company*\n${escapeMrkdwn(c.company)}`, LIMITS.fieldText),
        mrkdwn(`*Location*\n${escapeMrkdwn(c.location)}`, LIMITS.fieldText),
        mrkdwn(`*Work mode*\n${escapeMrkdwn(c.workMode)}`, LIMITS.fieldText),
        mrkdwn(`*Pay*\n${escapeMrkdwn(c.pay)}${c.payNote ? `\n_${escapeMrkdwn(c.payNote)}_` : ''}`, LIMITS.fieldText),
      ],
    },
  ];
  const context = [c.why ? `Why: ${c.why}` : null, c.posted].filter(Boolean) as string[];
  if (context.length) blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(context.join(' · ')), LIMITS.contextText)] });
  if (opts.buttons !== false) {
    const remove = isAddedId(c.id) ? [removeButton(c.id, `${c.title} at ${c.company}`)] : [];
    blocks.push({ type: 'actions', block_id: `role_${c.id}`, elements: [button('Details', ACTIONS.details, c.id), button('Share', ACTIONS.share, c.id), ...remove] });
  }
  return blocks;
}

function partBlocks(p: Part, opts: { buttons: boolean; whole: boolean }): Block[] {
  switch (p.type) {
    case 'text':
      return [{ type: 'section', text: mrkdwn(escapeMrkdwn(p.text)) }];
    case 'note':
      return [{ type: 'context', elements: [mrkdwn(escapeMrkdwn(p.text), LIMITS.contextText)] }];
    case 'list':
      if (opts.whole) return listSections(p.title, p.items, p.more);
      return [{ type: 'section', text: mrkdwn(`*${escapeMrkdwn(p.title)}*\n${bulletList(p.items, LIMITS.sectionText - p.title.length - 10, p.more)}`) }];
    case 'facts': {
      const fields = p.facts.slice(0, LIMITS.fields).map(([k, v]) => mrkdwn(`*${escapeMrkdwn(k)}*\n${escapeMrkdwn(clip(v, 1500))}`, LIMITS.fieldText));
      return [{ type: 'section', text: mrkdwn(`*${escapeMrkdwn(clip(p.title, 300))}*`), fields }];
    }
    case 'roles':
      return p.roles.flatMap((c) => roleBlocks(c, { buttons: opts.buttons }));
    case 'compare': {
      const n = p.roles.length;
      const tag = (i: number): string => (n > 2 ? `[${i + 1}] ` : '');
      const head: Block = { type: 'section', fields: p.roles.slice(0, LIMITS.fields).map((r, i) => mrkdwn(`*${tag(i)}${escapeMrkdwn(clip(r.title, 150))}*\n${escapeMrkdwn(r.company)}`, LIMITS.fieldText)) };
      const rows: Block[] = p.rows.map((row) => ({
        type: 'section',
        text: mrkdwn(`*${escapeMrkdwn(row.label)}*`),
        fields: row.values.slice(0, LIMITS.fields).map((v, i) => mrkdwn(`${tag(i)}${escapeMrkdwn(clip(v, 500))}`, LIMITS.fieldText)),
      }));
      return [head, ...rows];
    }
  }
}

const size = (blocks: Block[]): number => JSON.stringify(blocks).length;

/** The Slack message for an answer, within Block Kit limits, with a plain text fallback. */
export function answerMessage(a: Answer, opts: { buttons?: boolean; maxBlocks?: number } = {}): SlackMessage {
  const buttons = opts.buttons !== false;
  const maxBlocks = opts.maxBlocks ?? LIMITS.blocks;
  // A modal has room for every list item: long lists continue over further sections instead of being cut.
  const whole = maxBlocks > LIMITS.blocks;
  const maxChars = whole ? maxBlocks * LIMITS.sectionText : LIMITS.totalChars;
  const blocks: Block[] = [{ type: 'header', text: plain(a.heading, LIMITS.header) }];
  const tail: Block[] = [];
  if (buttons && a.paging && a.paging.offset + a.paging.limit < a.paging.total) {
    const next = a.paging.offset + a.paging.limit;
    tail.push({ type: 'actions', block_id: 'paging', elements: [button(`More (${a.paging.total - next} left)`, ACTIONS.more, JSON.stringify({ q: clip(a.paging.query, 500), o: next }))] });
  }
  let dropped = 0;
  // Sizes add up block by block (plus a comma each), so the whole message is never serialised per block.
  let used = size(blocks) + size(tail);
  for (const part of a.parts) {
    const pb = partBlocks(part, { buttons, whole });
    for (const b of pb) {
      const n = size([b]) - 1;
      if (blocks.length + tail.length + 2 > maxBlocks || used + n > maxChars) {
        dropped++;
        continue;
      }
      blocks.push(b);
      used += n;
    }
  }
  if (dropped) blocks.push({ type: 'context', elements: [mrkdwn(`_Some of this answer was cut to fit in Slack (${dropped} more blocks). Narrow the question to see the rest._`)] });
  blocks.push(...tail);
  return { text: fallbackText(renderText(a)), blocks, unfurl_links: false, unfurl_media: false };
}
