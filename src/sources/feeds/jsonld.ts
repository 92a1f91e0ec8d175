// schema.org JobPosting from a URL (a page embedding JSON-LD, or JSON) or a local file.
import { readFile } from 'node:fs/promises';
import { parsePostings } from '../../postings/index.ts';
import { fetchFeed, SourceError, SourceErrorCode } from './http.ts';
import type { Feed } from './types.ts';

export function jsonldFeed(target: string): Feed {
  const name = `jsonld:${target}`;
  const remote = /^https?:\/\//i.test(target);
  return {
    name,
    async fetch(validators) {
      let text: string;
      let next = validators;
      if (remote) {
        const res = await fetchFeed(target, { validators, as: 'text' });
        if (res.status === 'not-modified') return { postings: null, validators };
        text = String(res.body);
        next = { etag: res.etag, lastModified: res.lastModified };
      } else {
        text = await readFile(target, 'utf8').catch((e: NodeJS.ErrnoException) => {
          throw new SourceError(SourceErrorCode.Network, `cannot read ${target}: ${e.code ?? e.message}`);
        });
      }
      if (!/JobPosting/.test(text)) throw new SourceError(SourceErrorCode.Format, `${name}: no schema.org JobPosting found`);
      const postings = parsePostings(text, { file: name, board: null }).map((p) => ({ ...p, source: { ...p.source, ...(remote ? { url: target } : {}) } }));
      return { postings, validators: next };
    },
  };
}
