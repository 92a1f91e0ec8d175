// The Web API calls that make digests and alerts effectively once: posting with a metadata marker, reading markers
// back from a conversation's history, opening the DM an alert goes to. Failures become the digest's typed errors.
import type { WebClient } from '@slack/web-api';
import { ChannelGoneError, SlackUnavailableError } from '../digest/errors.ts';
import type { DigestPoster, Marker, MarkerType } from '../digest/poster.ts';

/** The conversation (or the user) cannot be posted to any more. */
const CHANNEL_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'channel_is_archived', 'team_access_not_granted', 'user_not_found', 'users_not_found', 'user_disabled', 'cannot_dm_bot']);
/** History that cannot be read whatever we retry: the app was installed without the history scopes. */
const NO_HISTORY = new Set(['missing_scope', 'not_allowed_token_type', 'no_permission', 'access_denied']);
/** Pages of 200 messages read to find a digest's parts (newest first, from the digest's start). */
const HISTORY_PAGES = 10;

/** Turns a Web API failure into the digest's errors: the conversation is gone, or Slack cannot take it now. */
function failure(channel: string, err: unknown, what: string): Error {
  const e = err as { code?: string; data?: { error?: string } };
  const slackError = e.data?.error;
  if (slackError && CHANNEL_GONE.has(slackError)) return new ChannelGoneError(channel, slackError);
  return new SlackUnavailableError(`digest: Slack did not ${what} (${slackError ?? e.code ?? String(err)})`);
}

type HistoryPage = { messages?: Array<{ metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }>; has_more?: boolean; response_metadata?: { next_cursor?: string } };

export function deliveryCalls(client: WebClient): Pick<DigestPoster, 'post' | 'postedParts' | 'openDm'> {
  return {
    async post(channel: string, message: Record<string, unknown>, marker: Marker) {
      const metadata = { event_type: marker.type, event_payload: { key: marker.key, part: marker.part, parts: marker.parts, ...marker.payload } };
      try {
        await client.chat.postMessage({ channel, ...message, metadata } as never);
      } catch (err) {
        throw failure(channel, err, 'accept the message');
      }
    },
    async postedParts(channel: string, type: MarkerType, key: string, since: Date) {
      const found = new Set<number>();
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        let r: HistoryPage;
        try {
          r = (await client.conversations.history({ channel, oldest: (since.getTime() / 1000).toFixed(6), include_all_metadata: true, limit: 200, cursor })) as HistoryPage;
        } catch (err) {
          if (NO_HISTORY.has((err as { data?: { error?: string } }).data?.error ?? '')) return null;
          throw failure(channel, err, 'return the channel history');
        }
        for (const m of r.messages ?? []) {
          const payload = m.metadata?.event_payload;
          if (m.metadata?.event_type === type && payload?.key === key && Number.isInteger(Number(payload.part))) found.add(Number(payload.part));
        }
        cursor = r.response_metadata?.next_cursor || undefined;
        if (!r.has_more || !cursor) break;
      }
      return found;
    },
    async openDm(userId: string) {
      try {
        const r = (await client.conversations.open({ users: userId })) as { channel?: { id?: string } };
        if (!r.channel?.id) throw new Error('no channel in the answer');
        return r.channel.id;
      } catch (err) {
        throw failure(userId, err, 'open the DM');
      }
    },
  };
}
