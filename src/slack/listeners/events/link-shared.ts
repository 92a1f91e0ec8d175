// link_shared: a Greenhouse, Lever or Ashby job link posted (or typed in the composer) is unfurled with what was
// read. Anything that fails (slow, huge, broken, not a job) leaves the link as Slack showed it.
import type { Posting } from '../../../postings/index.ts';
import type { RecentIds } from '../../dedupe.ts';
import type { SlackDeps } from '../../deps.ts';
import { unfurlBlocks } from '../../posting-views.ts';

export interface LinkSharedArgs {
  event: { channel?: string; message_ts?: string; unfurl_id?: string; source?: string; links?: Array<{ url?: string; domain?: string }> };
  body?: { event_id?: string };
  client: { chat: { unfurl(args: object): Promise<unknown> } };
}

/** Slack sends at most a handful per message; more are left alone so one message cannot cause many fetches. */
const MAX_LINKS = 5;
/** Fetches in flight across all messages; a burst beyond this is left un-unfurled rather than queued. */
const MAX_IN_FLIGHT = 20;
/** The same link shared again soon is answered from what was read (a role rarely changes within minutes). */
const CACHE_MS = 5 * 60_000;
const CACHE_MAX = 500;
const BOARD: Record<string, string> = { greenhouse: 'Greenhouse', lever: 'Lever', ashby: 'Ashby' };

export function linkShared(deps: SlackDeps, seen: RecentIds) {
  const cache = new Map<string, { posting: Posting; at: number }>();
  let inFlight = 0;
  const read = async (url: string): Promise<Posting | null> => {
    const hit = cache.get(url);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.posting;
    if (inFlight >= MAX_IN_FLIGHT) throw new Error('too many links are being read at once');
    inFlight++;
    try {
      const posting = await deps.readBoardLink!(url);
      if (posting) {
        cache.delete(url);
        cache.set(url, { posting, at: Date.now() });
        if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
      }
      return posting;
    } finally {
      inFlight--;
    }
  };
  return async ({ event, body, client }: LinkSharedArgs): Promise<void> => {
    if (!deps.readBoardLink || !seen.first(body?.event_id)) return;
    const urls = [...new Set((event.links ?? []).map((l) => l.url).filter((u): u is string => typeof u === 'string'))].slice(0, MAX_LINKS);
    const results = await Promise.all(urls.map(async (url): Promise<[string, Posting | null]> => {
      try {
        return [url, await read(url)];
      } catch (err) {
        deps.log.info({ url, error: (err as Error).message }, 'link not unfurled');
        return [url, null];
      }
    }));
    const unfurls: Record<string, { blocks: unknown[] }> = {};
    for (const [url, p] of results) if (p) unfurls[url] = { blocks: unfurlBlocks(p, BOARD[p.source.board ?? ''] ?? 'company') };
    if (!Object.keys(unfurls).length) return;
    const target = event.unfurl_id && event.source ? { unfurl_id: event.unfurl_id, source: event.source } : { channel: event.channel, ts: event.message_ts };
    await client.chat.unfurl({ ...target, unfurls });
    deps.log.info({ links: Object.keys(unfurls).length }, 'links unfurled');
  };
}
