// link_shared: a Greenhouse, Lever or Ashby job link posted (or typed in the composer) is unfurled with what was
// read. Anything that fails (slow, huge, broken, not a job) leaves the link as Slack showed it.
import type { Posting } from '../../../postings/index.ts';
import type { RecentIds } from '../../dedupe.ts';
import type { SlackDeps } from '../../deps.ts';
import { unfurlBlocks } from '../../posting-views.ts';

export interface LinkSharedArgs {
  event: { channel?: string; message_ts?: string; unfurl_id?: string; source?: string; links?: Array<{ url?: string; domain?: string }> };
  body?: { event_id?: string };
  client: { chat: { unfurl(args: Record<string, unknown>): Promise<unknown> } };
}

/** Slack sends at most a handful per message; more are left alone so one message cannot cause many fetches. */
const MAX_LINKS = 5;
const BOARD: Record<string, string> = { greenhouse: 'Greenhouse', lever: 'Lever', ashby: 'Ashby' };

export function linkShared(deps: SlackDeps, seen: RecentIds) {
  return async ({ event, body, client }: LinkSharedArgs): Promise<void> => {
    if (!deps.readBoardLink || !seen.first(body?.event_id)) return;
    const urls = [...new Set((event.links ?? []).map((l) => l.url).filter((u): u is string => typeof u === 'string'))].slice(0, MAX_LINKS);
    const read = await Promise.all(urls.map(async (url): Promise<[string, Posting | null]> => {
      try {
        return [url, await deps.readBoardLink!(url)];
      } catch (err) {
        deps.log.info({ url, error: (err as Error).message }, 'link not unfurled');
        return [url, null];
      }
    }));
    const unfurls: Record<string, { blocks: unknown[] }> = {};
    for (const [url, p] of read) if (p) unfurls[url] = { blocks: unfurlBlocks(p, BOARD[p.source.board ?? ''] ?? 'company') };
    if (!Object.keys(unfurls).length) return;
    const target = event.unfurl_id && event.source ? { unfurl_id: event.unfurl_id, source: event.source } : { channel: event.channel, ts: event.message_ts };
    await client.chat.unfurl({ ...target, unfurls });
    deps.log.info({ links: Object.keys(unfurls).length }, 'links unfurled');
  };
}
