// `/jobs …` read in one place, for Slack and the console alike: which subcommand, and its argument. Anything that
// is not a subcommand is a search.
import { textAnswer } from './engine.ts';
import type { Answer } from './types.ts';

export type Command =
  | { kind: 'help' }
  | { kind: 'search'; query: string }
  | { kind: 'more' }
  | { kind: 'digest'; arg: 'on' | 'off' | 'status' | 'unknown'; raw: string }
  | { kind: 'subscribe'; query: string }
  | { kind: 'subscriptions' }
  | { kind: 'unsubscribe'; n: number | null; raw: string }
  | { kind: 'refresh' }
  | { kind: 'add'; text: string }
  | { kind: 'remove'; arg: string };

/** The subcommands, as `/jobs help` lists them. */
export const SUBCOMMANDS: Array<[string, string]> = [
  ['/jobs QUERY', 'search, e.g. /jobs remote python 150k+'],
  ['/jobs help', 'examples and filters'],
  ['/jobs digest [on|off]', 'the daily digest in this channel'],
  ['/jobs subscribe QUERY', 'a DM when a new role matches'],
  ['/jobs subscriptions', 'your alerts'],
  ['/jobs unsubscribe N', 'remove alert N'],
  ['/jobs refresh', 'fetch the job boards now'],
  ['/jobs add', 'add a posting'],
  ['/jobs remove ID', 'remove a posting added from Slack'],
];

/** Reads the text after `/jobs`. Subcommand words are matched whole and case-blind; "digest on" but not "digestion". */
export function readCommand(input: string): Command {
  const text = input.replace(/\s+/g, ' ').trim();
  const m = /^(\S+)(?: (.*))?$/.exec(text);
  if (!m) return { kind: 'help' };
  const word = m[1]!.toLowerCase();
  const rest = (m[2] ?? '').trim();
  switch (word) {
    case 'help':
    case '?':
    case 'hilfe':
    case 'aide':
    case 'ayuda':
    case 'ajuda':
      return rest ? { kind: 'search', query: text } : { kind: 'help' };
    case 'more':
    case 'next':
      return rest ? { kind: 'search', query: text } : { kind: 'more' };
    case 'digest': {
      const arg = rest.toLowerCase();
      return { kind: 'digest', arg: !arg ? 'status' : arg === 'on' ? 'on' : arg === 'off' ? 'off' : 'unknown', raw: rest };
    }
    case 'subscribe':
      return { kind: 'subscribe', query: rest };
    case 'subscriptions':
    case 'alerts':
      return rest ? { kind: 'search', query: text } : { kind: 'subscriptions' };
    case 'unsubscribe': {
      const n = /^#?(\d{1,9})$/.exec(rest);
      return { kind: 'unsubscribe', n: n ? Number(n[1]) : null, raw: rest };
    }
    case 'refresh':
      return rest ? { kind: 'search', query: text } : { kind: 'refresh' };
    case 'add':
      // A posting pasted after `add` keeps its line breaks: they mark its sections.
      return { kind: 'add', text: input.trim().replace(/^\S+\s*/, '') };
    case 'remove':
      return { kind: 'remove', arg: rest };
    default:
      return { kind: 'search', query: text };
  }
}

/** The command as the digest service reads it (`digest on`, `subscribe remote python`, `unsubscribe 2`). */
export function digestText(c: Command): string | null {
  switch (c.kind) {
    case 'digest':
      return c.raw ? `digest ${c.raw}` : 'digest';
    case 'subscribe':
      return c.query ? `subscribe ${c.query}` : 'subscribe';
    case 'subscriptions':
      return 'subscriptions';
    case 'unsubscribe':
      return c.raw ? `unsubscribe ${c.raw}` : 'unsubscribe';
    default:
      return null;
  }
}

/** The answer for a subcommand the app was started without (no database, no feeds, no Slack): said, not searched. */
export function notHere(c: Command): Answer | null {
  switch (c.kind) {
    case 'more':
      return textAnswer('Nothing to continue', 'Use the More button under a result, or search again with /jobs.');
    case 'refresh':
      return textAnswer('Nothing to refresh', 'Only posting folders are configured; they reload on their own when files change.');
    case 'digest':
    case 'subscribe':
    case 'subscriptions':
    case 'unsubscribe':
      return textAnswer('Digests and alerts are not set up here', 'They need Slack and the database: run openroles with SLACK_BOT_TOKEN set, then use /jobs digest on or /jobs subscribe QUERY.');
    case 'add':
    case 'remove':
      return textAnswer('Not available here', 'Postings are added and removed from Slack, or as files in the postings folder.');
    default:
      return null;
  }
}
