// schema.org JobPosting from a URL (a page embedding JSON-LD, or JSON) or a local file.
import { readFile, stat } from 'node:fs/promises';
import { parsePostings } from '../../postings/index.ts';
import { redact } from '../../redact.ts';
import { DEFAULT_LIMITS, formatBytes } from '../http.ts';
import { defineFeed } from './feed.ts';
import { fetchFeed, SourceError, SourceErrorCode } from './http.ts';
import type { Feed, FeedOptions } from './types.ts';

export function jsonldFeed(target: string, opts: FeedOptions = {}): Feed {
  // The name shows in logs, App Home and every posting's source: never with the URL's credentials.
  const shown = redact(target);
  const name = `jsonld:${shown}`;
  const remote = /^https?:\/\//i.test(target);
  const maxBytes = opts.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  return defineFeed(name, async (validators) => {
    let text: string;
    let next = validators;
    if (remote) {
      const res = await fetchFeed(target, { ...opts.limits, validators, as: 'text' });
      if (res.status === 'not-modified') return { postings: null, validators };
      text = String(res.body);
      next = { etag: res.etag, lastModified: res.lastModified };
    } else {
      const size = await stat(target).then((s) => s.size, (e: NodeJS.ErrnoException) => {
        throw new SourceError(SourceErrorCode.Network, `cannot read ${shown}: ${e.code ?? e.message}`);
      });
      if (size > maxBytes) throw new SourceError(SourceErrorCode.TooLarge, `${shown} is larger than ${formatBytes(maxBytes)}; not read (raise SOURCES_MAX_SIZE if it is expected)`);
      text = await readFile(target, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new SourceError(SourceErrorCode.Network, `cannot read ${shown}: ${e.code ?? e.message}`);
      });
    }
    if (!text.includes('JobPosting')) throw new SourceError(SourceErrorCode.Format, 'no schema.org JobPosting found');
    const postings = parsePostings(text, { file: name, board: null }).map((p) => ({ ...p, source: { ...p.source, ...(remote ? { url: shown } : {}) } }));
    return { postings, validators: next };
  }, opts);
}
