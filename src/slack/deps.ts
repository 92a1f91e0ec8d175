// What the Slack listeners need from the rest of the app, passed in so handlers never import the App.
import type { Logger } from 'pino';
import type { AskContext } from '../answers/index.ts';
import type { Answer, ThreadMemory } from '../answers/index.ts';
import type { Posting } from '../postings/index.ts';
import type { AddedPostings } from '../sources/added.ts';

/** Channel digests and personal alerts, as the slash command uses them (implemented in src/digest). */
export interface DigestCommands {
  /** Handles `/jobs digest …`, `/jobs subscribe …`, `/jobs subscriptions`, `/jobs unsubscribe N`; null when not such a command. */
  command(text: string, who: { userId: string; channelId: string; channelName?: string }): Promise<Answer | null>;
}

export interface SlackDeps {
  ctx(): AskContext;
  log: Logger;
  digest?: DigestCommands;
  /** Problems to show in App Home (broken posting files, failing sources). */
  status?(): string[];
  /** `/jobs refresh`: fetch every feed now (admins only when ADMIN_USERS is set). */
  refresh?(userId: string): Promise<Answer>;
  /** Postings added from Slack: `/jobs add`, the message shortcut, `/jobs remove`. */
  added?: AddedPostings;
  /** Reads a shared job-board link for an unfurl (bounded fetch); null when the link is not a board's job page. */
  readBoardLink?(url: string): Promise<Posting | null>;
  /** The memory of a conversation (a channel thread or a DM), so follow-ups refer to the previous answer. */
  threads?(key: string): ThreadMemory;
}

/**
 * The narrow shapes of Bolt's arguments our handlers use, so tests can pass small fakes. They must stay wider in
 * what they return and narrower in what they take than Bolt's, so Bolt's own arguments fit them and registration
 * needs no cast: client methods take `object` (Bolt's argument types have no index signature), and `ack` takes
 * `any` because each listener kind's AckFn accepts something else (a message, a view response action, nothing).
 */
export type Ack = (response?: any) => Promise<void>;
export type Respond = (message: Record<string, unknown>) => Promise<unknown>;
export interface WebClientLike {
  chat: { postMessage(args: object): Promise<unknown>; postEphemeral?(args: object): Promise<unknown> };
  views: { open(args: object): Promise<unknown>; publish(args: object): Promise<unknown> };
}
