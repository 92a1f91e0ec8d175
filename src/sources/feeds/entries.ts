// A feed's entries are checked one by one at the edge: an entry that is not what the feed promises is skipped and
// reported while the rest are read, long texts are cut before the parser sees them, and the work yields to the event
// loop between entries so searches keep answering during a refresh.
import { z } from 'zod';
import type { Posting } from '../../postings/index.ts';

/** What one feed answer may bring. */
export const ENTRY_LIMITS = {
  /** Entries read from one feed; the rest are reported as left out. */
  entries: 5000,
  /** Characters of a description (HTML or text) given to the parser. */
  description: 60_000,
  /** Characters of a short field (title, team, place, pay note). */
  field: 500,
  /** Items of a list field (places, pay ranges, sections). */
  list: 50,
};

const cut = (max: number) => (s: string): string => (s.length > max ? s.slice(0, max) : s);

/** A short text field; a value of another type counts as missing. */
export const text = (max = ENTRY_LIMITS.field) => z.string().transform(cut(max)).nullish().catch(undefined);
/** A description, cut to what the parser reads in bounded time. */
export const longText = text(ENTRY_LIMITS.description);
export const num = z.number().finite().nullish().catch(undefined);
export const bool = z.boolean().nullish().catch(undefined);
/** The entry's id: the one field an entry cannot do without. */
export const entryId = z.union([z.string().trim().min(1).max(200), z.number().finite()]).transform(String);

/** A list whose items are checked one by one: items of the wrong shape are dropped, the list is capped. */
export function listOf<T extends z.ZodType>(item: T, max = ENTRY_LIMITS.list) {
  return z
    .array(z.unknown())
    .nullish()
    .catch(undefined)
    .transform((a) => (a ?? []).slice(0, max).flatMap((x) => {
      const r = item.safeParse(x);
      return r.success ? [r.data as z.output<T>] : [];
    }));
}

/** A nested object that counts as missing when it has the wrong type. */
export function optionalObject<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape).nullish().catch(undefined);
}

export interface Skipped {
  /** "#3" or "#3 (id 42)": where the entry sits in the feed's answer. */
  entry: string;
  reason: string;
}

export interface Entries {
  postings: Posting[];
  skipped: Skipped[];
}

/** Checks and maps each entry; never throws for an entry, and yields to the event loop as it goes. */
export async function readEntries<T>(items: readonly unknown[], schema: z.ZodType<T>, map: (entry: T) => Posting | null): Promise<Entries> {
  const postings: Posting[] = [];
  const skipped: Skipped[] = [];
  const pause = slicer();
  const n = Math.min(items.length, ENTRY_LIMITS.entries);
  for (let i = 0; i < n; i++) {
    await pause();
    const raw = items[i];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      skipped.push({ entry: label(i, raw), reason: reasonOf(raw, parsed.error) });
      continue;
    }
    try {
      const p = map(parsed.data);
      if (p) postings.push(p);
    } catch {
      skipped.push({ entry: label(i, raw), reason: 'its text could not be read' });
    }
  }
  if (items.length > n) skipped.push({ entry: `#${n + 1}–#${items.length}`, reason: `the feed lists more than ${ENTRY_LIMITS.entries} entries; the rest are left out` });
  return { postings, skipped };
}

/** One sentence naming the skipped entries, for logs, App Home and `/jobs refresh`. */
export function skippedSentence(feed: string, skipped: readonly Skipped[]): string {
  const shown = skipped.slice(0, 3).map((s) => `${s.entry}: ${s.reason}`).join('; ');
  return `${feed}: ${skipped.length} ${skipped.length === 1 ? 'entry' : 'entries'} skipped (${shown}${skipped.length > 3 ? '; …' : ''})`;
}

function label(i: number, raw: unknown): string {
  const id = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? `#${i + 1} (id ${String(id).slice(0, 40)})` : `#${i + 1}`;
}

function reasonOf(raw: unknown, error: z.ZodError): string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return `it is ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`}, not a job`;
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || 'entry';
  return `its ${field} is missing or not usable`;
}

/** Resolves at once until `sliceMs` of work has passed, then yields one turn of the event loop. */
export function slicer(sliceMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((r) => setImmediate(r));
    since = performance.now();
  };
}
