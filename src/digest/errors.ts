// Errors the digest branches on, by code rather than message text.
export const DigestErrorCode = {
  ChannelGone: 'channel_gone',
  SlackUnavailable: 'slack_unavailable',
} as const;

/** The channel was archived, deleted, or the bot was removed: unsubscribe it. */
export class ChannelGoneError extends Error {
  readonly code = DigestErrorCode.ChannelGone;
  constructor(readonly channelId: string, readonly reason: string) {
    super(`digest: channel ${channelId} cannot be posted to (${reason})`);
  }
}

/** Slack did not accept a message after every retry: the digest stays unsent and is tried at the next tick. */
export class SlackUnavailableError extends Error {
  readonly code = DigestErrorCode.SlackUnavailable;
}
