// What changed for a channel: roles new since its last digest, roles whose facts changed, roles gone.
import { createHash } from 'node:crypto';
import { formatRange, type Posting } from '../postings/index.ts';
import type { SentPosting, SentRecords } from '../store/state.ts';
import { summarise, type RoleSummary } from './summary.ts';

const LABELS: Record<string, string> = { title: 'title', pay: 'pay', location: 'location', workMode: 'work mode' };

/** The facts a digest tracks; a change in any of them is reported. */
export function trackedFacts(p: Posting): Record<string, string> {
  return {
    title: `${p.title ?? ''} — ${p.company ?? ''}`,
    pay: p.salaries.map(formatRange).join('; '),
    location: [...p.locations, ...p.remoteRegions].join(', '),
    workMode: p.workMode ?? '',
  };
}

export function factsHash(facts: Record<string, string>): string {
  return createHash('sha1').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
}

export interface Changed {
  posting: Posting;
  /** Which facts changed, in words: "pay", "location". */
  what: string[];
}

export interface DigestContent {
  added: Posting[];
  changed: Changed[];
  gone: Array<{ id: string; title: string }>;
  /** The channel's first digest: it introduces what is open instead of calling everything new. */
  first?: boolean;
  /** Set when the new roles are too many to list: the digest counts them instead of showing a card each. */
  summary?: RoleSummary | null;
}

/** More new roles than this are summarised (counts, where to look) rather than listed. */
export const LIST_LIMIT = 100;

/** A first digest, or one with more new roles than `listLimit`, summarises the new roles instead of listing them. */
export function shape(content: DigestContent, first: boolean, listLimit = LIST_LIMIT): DigestContent {
  const summary = first || content.added.length > listLimit ? summarise(content.added) : null;
  return { ...content, first, summary: content.added.length ? summary : null };
}

export function isEmpty(c: DigestContent): boolean {
  return !c.added.length && !c.changed.length && !c.gone.length;
}

/** Compares what is open now with what a channel was last sent. */
export function diff(current: Posting[], sent: Map<string, SentPosting>): DigestContent {
  const out: DigestContent = { added: [], changed: [], gone: [] };
  const seen = new Set<string>();
  for (const p of current) {
    seen.add(p.id);
    const before = sent.get(p.id);
    if (!before) {
      out.added.push(p);
      continue;
    }
    const facts = trackedFacts(p);
    if (factsHash(facts) === before.hash) continue;
    const what = Object.keys(facts).filter((k) => facts[k] !== before.facts[k]).map((k) => LABELS[k] ?? k);
    out.changed.push({ posting: p, what });
  }
  for (const [id, s] of sent) if (!seen.has(id)) out.gone.push({ id, title: s.facts.title ?? id });
  const order = (a: Posting, b: Posting): number => (a.company ?? '').localeCompare(b.company ?? '') || (a.title ?? '').localeCompare(b.title ?? '') || a.id.localeCompare(b.id);
  out.added.sort(order);
  out.changed.sort((a, b) => order(a.posting, b.posting));
  out.gone.sort((a, b) => a.title.localeCompare(b.title));
  return out;
}

/** The records to store once a digest is posted: a summarised role counts as told, like a listed one. */
export function sentRecords(c: DigestContent, messages: number, empty: boolean): SentRecords {
  const rec = (p: Posting): SentPosting => {
    const facts = trackedFacts(p);
    return { postingId: p.id, hash: factsHash(facts), facts };
  };
  return { added: c.added.map(rec), changed: c.changed.map((c) => rec(c.posting)), gone: c.gone.map((g) => g.id), messages, empty };
}
