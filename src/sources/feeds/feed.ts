// What every feed shares: an answer of an unexpected shape becomes one plain sentence (never a JavaScript error),
// and entries skipped at the last fetch are kept for App Home and `/jobs refresh`, and logged.
import { FetchError, FetchErrorCode } from '../http.ts';
import { skippedSentence, type Skipped } from './entries.ts';
import type { Validators } from './http.ts';
import type { Feed, FeedOptions, FeedResult } from './types.ts';

/** A Feed around a fetch function. */
export function defineFeed(name: string, run: (validators: Validators) => Promise<FeedResult>, opts: FeedOptions = {}): Feed {
  let last: Skipped[] = [];
  return {
    name,
    skipped: () => last,
    async fetch(validators) {
      let result: FeedResult;
      try {
        result = await run(validators);
      } catch (err) {
        if (err instanceof FetchError) throw err;
        opts.log?.warn({ source: name, err }, 'feed answer could not be read');
        throw new FetchError(FetchErrorCode.Format, 'the feed answered in a shape openroles cannot read');
      }
      if (result.postings !== null) {
        last = result.skipped ?? [];
        if (last.length) opts.log?.warn({ source: name, skipped: last.length, examples: last.slice(0, 5) }, skippedSentence(name, last));
      }
      return result;
    },
  };
}

/** The body as an object with a list under `key`, or a plain sentence saying it is not. */
export function listIn(body: unknown, key: string): unknown[] {
  const list = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) throw new FetchError(FetchErrorCode.Format, `the answer has no "${key}" list`);
  return list;
}
