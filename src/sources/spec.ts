// SOURCES: "dir:seeds,greenhouse:acme=Acme Inc,lever:globex,ashby:initech,jsonld:https://example.com/job".
import { ashbyFeed } from './feeds/ashby.ts';
import { greenhouseFeed } from './feeds/greenhouse.ts';
import { jsonldFeed } from './feeds/jsonld.ts';
import { leverFeed } from './feeds/lever.ts';
import type { Feed, FeedOptions } from './feeds/types.ts';
import { redact } from '../redact.ts';

export interface SourceSpec {
  kind: 'dir' | 'greenhouse' | 'lever' | 'ashby' | 'jsonld';
  target: string;
  /** The company name for ATS boards ("=Acme Inc"); defaults to the board name, capitalised. */
  company: string | null;
}

export interface FeedBases {
  greenhouse?: string;
  lever?: string;
  ashby?: string;
}

/** Parses the SOURCES setting; throws with the entry that is wrong. */
export function parseSources(value: string): SourceSpec[] {
  const out: SourceSpec[] = [];
  for (const raw of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(dir|greenhouse|lever|ashby|jsonld):(.+)$/i.exec(raw);
    if (!m) throw new Error(`"${redact(raw)}" is not a source; use dir:PATH, greenhouse:BOARD, lever:SITE, ashby:ORG or jsonld:URL-or-PATH`);
    const kind = m[1]!.toLowerCase() as SourceSpec['kind'];
    const [target, company] = kind === 'dir' || kind === 'jsonld' ? [m[2]!.trim(), null] : m[2]!.split('=', 2).map((s) => s.trim()) as [string, string | undefined];
    if (!target) throw new Error(`"${redact(raw)}" names no ${kind === 'dir' ? 'folder' : 'board'}`);
    if (kind === 'jsonld' && /^https?:/i.test(target) && !URL.canParse(target)) throw new Error(`"${redact(raw)}" is not a valid URL`);
    out.push({ kind, target, company: company ?? null });
  }
  return out;
}

function defaultCompany(board: string): string {
  return board.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

/** The feeds of a source list (folders are read by the catalog itself), with the limits and logger they share. */
export function feedsOf(specs: SourceSpec[], bases: FeedBases = {}, shared: Omit<FeedOptions, 'base'> = {}): Feed[] {
  return specs.flatMap((s): Feed[] => {
    const company = s.company ?? defaultCompany(s.target);
    switch (s.kind) {
      case 'greenhouse':
        return [greenhouseFeed(s.target, company, { ...shared, base: bases.greenhouse })];
      case 'lever':
        return [leverFeed(s.target, company, { ...shared, base: bases.lever })];
      case 'ashby':
        return [ashbyFeed(s.target, company, { ...shared, base: bases.ashby })];
      case 'jsonld':
        return [jsonldFeed(s.target, shared)];
      default:
        return [];
    }
  });
}
