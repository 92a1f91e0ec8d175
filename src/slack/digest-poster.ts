// Digests and alerts to Slack: compact cards split over messages within Block Kit limits, posted with retries.
import { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { locationLine, payLine, roleName, workModeLine } from '../answers/cards.ts';
import type { DigestContent } from '../digest/diff.ts';
import type { AlertMatch, DigestPoster } from '../digest/poster.ts';
import type { Posting } from '../postings/index.ts';
import { ACTIONS, bulletList, clip, escapeMrkdwn, fallbackText, LIMITS, type Block, type SlackMessage } from './blocks.ts';
import { deliveryCalls } from './digest-delivery.ts';
import { summaryBlocks } from './digest-summary.ts';
import { webApiOptions } from './web-api-options.ts';

/** Changed roles listed as cards, and gone roles listed by title, before "…and N more". */
const CHANGED_SHOWN = 100;
const GONE_SHOWN = 120;

/** One compact card: a section with a Details button. */
function compactCard(p: Posting, note?: string): Block {
  const line = `*${escapeMrkdwn(clip(p.title ?? 'Untitled role', 150))}* — ${escapeMrkdwn(p.company ?? 'Company not stated')}\n${escapeMrkdwn(`${locationLine(p)} · ${workModeLine(p)} · ${payLine(p)}`)}${note ? `\n_${escapeMrkdwn(note)}_` : ''}`;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: clip(line, LIMITS.sectionText) },
    accessory: { type: 'button', text: { type: 'plain_text', text: 'Details', emoji: true }, action_id: ACTIONS.details, value: p.id },
  };
}

const MAX_BLOCKS = LIMITS.blocks - 2;

/** The digest as messages, in order; each fits Block Kit, and a long one says "part i of n". */
export function digestMessages(content: DigestContent, info: { slotLabel: string; empty: boolean }): SlackMessage[] {
  const title = content.first ? `Open roles: ${content.added.length.toLocaleString('en-US')} open now` : `Open roles: ${content.added.length} new, ${content.changed.length} changed, ${content.gone.length} gone`;
  if (info.empty) {
    return [{ text: `No changes in open roles since the last digest (${info.slotLabel}).`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `No changes in open roles since the last digest. _${escapeMrkdwn(info.slotLabel)}_` } }], unfurl_links: false, unfurl_media: false }];
  }
  const items: Block[] = [];
  if (content.summary) items.push(...summaryBlocks(content.summary, !!content.first));
  else if (content.added.length) items.push({ type: 'section', text: { type: 'mrkdwn', text: `*New* (${content.added.length})` } }, ...content.added.map((p) => compactCard(p)));
  if (content.changed.length) {
    items.push({ type: 'section', text: { type: 'mrkdwn', text: `*Changed* (${content.changed.length})` } }, ...content.changed.slice(0, CHANGED_SHOWN).map((c) => compactCard(c.posting, `changed: ${c.what.join(', ')}`)));
    if (content.changed.length > CHANGED_SHOWN) items.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${content.changed.length - CHANGED_SHOWN} more changed roles` }] });
  }
  if (content.gone.length) {
    const gone = content.gone.slice(0, GONE_SHOWN);
    for (let i = 0; i < gone.length; i += 40) {
      const chunk = gone.slice(i, i + 40);
      const more = i + 40 >= gone.length ? content.gone.length - gone.length : 0;
      items.push({ type: 'section', text: { type: 'mrkdwn', text: `*Gone*${content.gone.length > 40 ? ` (${i + 1}–${i + chunk.length} of ${content.gone.length})` : ` (${content.gone.length})`}\n${bulletList(chunk.map((g) => g.title), LIMITS.sectionText - 60, more)}` } });
    }
  }
  const pages: Block[][] = [];
  let page: Block[] = [];
  for (const b of items) {
    if (page.length >= MAX_BLOCKS || JSON.stringify([...page, b]).length > LIMITS.totalChars - 600) {
      pages.push(page);
      page = [];
    }
    page.push(b);
  }
  if (page.length) pages.push(page);
  return pages.map((blocks, i) => {
    const head: Block = { type: 'header', text: { type: 'plain_text', text: clip(pages.length > 1 ? `${title} (${i + 1}/${pages.length})` : title, LIMITS.header), emoji: true } };
    const foot: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(`${info.slotLabel}${pages.length > 1 ? ` · part ${i + 1} of ${pages.length}` : ''}`) }] };
    return { text: fallbackText(`${title}${pages.length > 1 ? ` (part ${i + 1} of ${pages.length})` : ''}`), blocks: [head, ...blocks, foot], unfurl_links: false, unfurl_media: false };
  });
}

export interface PosterOptions {
  token: string;
  slackApiUrl?: string;
  /** Attempts for a 5xx or network failure, with exponential backoff from `backoffMs`. */
  retries?: number;
  backoffMs?: number;
  /** How long `/jobs digest on` waits for Slack to say whether the bot is in the channel (default 5 s). */
  memberCheckMs?: number;
  /** One attempt's time limit (SLACK_API_TIMEOUT). */
  timeoutMs?: number;
  log: Logger;
}

/** Posts through a Web API client of its own, whose retry policy waits for Retry-After on 429 and backs off on 5xx and network errors. */
export function createDigestPoster(opts: PosterOptions): DigestPoster {
  const backoff = opts.backoffMs ?? 500;
  const client = new WebClient(opts.token, {
    ...webApiOptions({ timeoutMs: opts.timeoutMs ?? 10_000 }),
    slackApiUrl: opts.slackApiUrl,
    retryConfig: { retries: opts.retries ?? 4, factor: 2, minTimeout: backoff, maxTimeout: backoff * 16, randomize: false, maxRetryTime: 60_000 },
    rejectRateLimitedCalls: false,
  });

  return {
    renderDigest: (content, info) => digestMessages(content, info) as unknown as Array<Record<string, unknown>>,
    renderAlert: (matches) => alertMessage(matches) as unknown as Record<string, unknown>,
    ...deliveryCalls(client),
    async isMember(channelId) {
      // Someone is waiting on the answer: a slow or failing Slack gives "unknown" after a bounded wait, and a late
      // answer is ignored (so nothing turns on later without the person being told).
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), opts.memberCheckMs ?? 5000);
      });
      const check = (async (): Promise<boolean | null> => {
        try {
          const r = (await client.conversations.info({ channel: channelId })) as { channel?: { is_member?: unknown } };
          return typeof r.channel?.is_member === 'boolean' ? r.channel.is_member : null;
        } catch (err) {
          const e = err as { data?: { error?: string } };
          opts.log.warn({ channel: channelId, error: e.data?.error ?? (err as Error).message }, 'could not check channel membership');
          return e.data?.error === 'channel_not_found' ? false : null;
        }
      })();
      try {
        return await Promise.race([check, deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    async channelCreator(channelId) {
      try {
        const r = (await client.conversations.info({ channel: channelId })) as { channel?: { creator?: string } };
        return r.channel?.creator ?? null;
      } catch {
        return null;
      }
    },
  };
}

/** One DM for a user: the new roles of each of their alerts, at most 20 cards in all. */
export function alertMessage(matches: AlertMatch[]): SlackMessage {
  const blocks: Block[] = [];
  let shown = 0;
  const total = new Set(matches.flatMap((m) => m.postings.map((p) => p.id))).size;
  for (const { query, postings } of matches.slice(0, 10)) {
    const room = Math.max(0, 20 - shown);
    const cards = postings.slice(0, room);
    shown += cards.length;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${postings.length} new ${postings.length === 1 ? 'role matches' : 'roles match'} your alert* “${escapeMrkdwn(clip(query, 200))}”` } }, ...cards.map((p) => compactCard(p)));
    if (postings.length > cards.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${postings.length - cards.length} more. Search with /jobs ${escapeMrkdwn(clip(query, 100))}` }] });
  }
  if (matches.length > 10) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `…and ${matches.length - 10} more of your alerts matched. See /jobs subscriptions.` }] });
  const names = matches.flatMap((m) => m.postings).slice(0, 20).map(roleName);
  const text = `${total} new ${total === 1 ? 'role matches' : 'roles match'} your alerts: ${names.join('; ')}`;
  return { text: fallbackText(text), blocks: blocks.slice(0, LIMITS.blocks), unfurl_links: false, unfurl_media: false };
}
