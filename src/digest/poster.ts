// How digests and alerts reach Slack, as the digest sees it; implemented in src/slack/digest-poster.ts.
import type { Posting } from '../postings/index.ts';
import type { DigestContent } from './diff.ts';

/** A rendered message (Block Kit payload): plain data, stored with a digest in flight so a restart posts the same parts. */
export type OutgoingMessage = Record<string, unknown>;

/** Message metadata event types that mark what openroles posted, so a restart can see what Slack already accepted. */
export const MarkerType = { Digest: 'openroles_digest', Alert: 'openroles_alert' } as const;
export type MarkerType = (typeof MarkerType)[keyof typeof MarkerType];

/** The marker put on each message: `key` names the digest (channel and slot) or the alert DM, `part` its place. */
export interface Marker {
  type: MarkerType;
  key: string;
  part: number;
  parts: number;
  /** Extra fields shown in the metadata (slot, channel), strings or numbers only. */
  payload?: Record<string, string | number>;
}

export interface AlertMatch {
  query: string;
  postings: Posting[];
}

export interface DigestPoster {
  /** The digest as messages, in order, each within Block Kit limits. */
  renderDigest(content: DigestContent, info: { slotLabel: string; empty: boolean }): OutgoingMessage[];
  /** One DM for a user: the new roles for each of their alerts. */
  renderAlert(matches: AlertMatch[]): OutgoingMessage;
  /** Posts one message with its marker; resolves once Slack accepted it, throws ChannelGoneError or SlackUnavailableError. */
  post(channelId: string, message: OutgoingMessage, marker: Marker): Promise<void>;
  /**
   * The parts of `key` the conversation shows among messages since `since` (read from message metadata); null when the
   * history cannot be read at all (the scope is missing), throws SlackUnavailableError when Slack cannot answer now.
   */
  postedParts(channelId: string, type: MarkerType, key: string, since: Date): Promise<Set<number> | null>;
  /** The id of the app's DM with a user. */
  openDm(userId: string): Promise<string>;
  /** Whether the bot is in the channel; null when Slack cannot tell. */
  isMember(channelId: string): Promise<boolean | null>;
  /** Who created the channel; null when Slack cannot tell. */
  channelCreator?(channelId: string): Promise<string | null>;
}
