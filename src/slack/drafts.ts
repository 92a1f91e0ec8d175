// Drafts between a modal's preview and its Save: kept in memory, few and short-lived (a restart asks to paste again).
import { randomUUID } from 'node:crypto';
import type { Draft } from '../sources/added.ts';

export interface PendingDraft {
  draft: Draft;
  userId: string;
  /** Where to confirm the save (the channel of /jobs add or of the message), when known. */
  channelId: string | null;
}

export class Drafts {
  private items = new Map<string, PendingDraft & { expires: number }>();

  constructor(private max = 500, private ttlMs = 60 * 60_000) {}

  put(d: PendingDraft): string {
    const key = randomUUID();
    const now = Date.now();
    for (const [k, v] of this.items) if (v.expires < now) this.items.delete(k);
    this.items.set(key, { ...d, expires: now + this.ttlMs });
    if (this.items.size > this.max) this.items.delete(this.items.keys().next().value as string);
    return key;
  }

  /** The draft, once: a second Save of the same preview finds nothing. */
  take(key: string | undefined, userId: string): PendingDraft | null {
    const d = key ? this.items.get(key) : undefined;
    if (!d || d.expires < Date.now() || d.userId !== userId) return null;
    this.items.delete(key!);
    return d;
  }
}
