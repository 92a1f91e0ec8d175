// Thread memory in SQLite: what the last answer in a thread or DM was about, kept for a while so a follow-up
// ("and is it remote?", "compare them") refers to it. Entries past their age are ignored and swept. Memory is a
// convenience: a locked or full database costs the follow-up, never the answer, so nothing here throws.
import type { Recall, ThreadMemory } from '../answers/thread.ts';
import type { Intent } from '../answers/types.ts';
import type { DB } from './db.ts';
import { writeFailure } from './failures.ts';

export interface ThreadStoreOptions {
  /** How long a thread remembers its last answer; a day by default. */
  ttlMs?: number;
  now?: () => number;
  /** Where a failing database is reported, once until it works again. */
  log?: { warn(obj: object, msg: string): void };
}

const DAY = 86_400_000;
/** A recalled answer names at most this many roles; more would only be the tail of a long list. */
const MAX_IDS = 20;

export class ThreadStore {
  private readonly ttl: number;
  private readonly now: () => number;
  private writes = 0;
  /** What is failing now (reads, writes), so each is logged once until it works again. */
  private readonly failing = new Set<string>();
  private readonly log: ThreadStoreOptions['log'];

  constructor(private readonly db: DB, opts: ThreadStoreOptions = {}) {
    this.ttl = opts.ttlMs ?? DAY;
    this.now = opts.now ?? Date.now;
    this.log = opts.log;
  }

  /** Runs a read or write; a failure is logged the first time in a row (per kind) and `fallback` stands in for the result. */
  private guard<T>(what: string, run: () => T, fallback: T): T {
    try {
      const value = run();
      this.failing.delete(what);
      return value;
    } catch (err) {
      if (!this.failing.has(what)) this.log?.warn({ reason: writeFailure(err) ?? (err as Error)?.message ?? String(err) }, `thread memory not ${what}; answers go on without it`);
      this.failing.add(what);
      return fallback;
    }
  }

  /** The memory of one conversation: a channel thread (`C1:1700000000.000100`) or a DM. */
  thread(key: string): ThreadMemory {
    return { recall: () => this.recall(key), remember: (r) => this.remember(key, r) };
  }

  recall(key: string): Recall | null {
    return this.guard('read', () => this.read(key), null);
  }

  private read(key: string): Recall | null {
    const row = this.db.prepare('SELECT role_ids, intent, text, updated_at FROM thread_memory WHERE thread_key = ?').get(key) as
      | { role_ids: string; intent: string; text: string; updated_at: number }
      | undefined;
    if (!row || row.updated_at < this.now() - this.ttl) return null;
    let roleIds: unknown;
    try {
      roleIds = JSON.parse(row.role_ids);
    } catch {
      return null;
    }
    if (!Array.isArray(roleIds) || !roleIds.every((x) => typeof x === 'string')) return null;
    return { roleIds: roleIds.slice(0, MAX_IDS), intent: row.intent as Intent, text: row.text.slice(0, 2000) };
  }

  remember(key: string, r: Recall): void {
    this.guard('saved', () => this.write(key, r), undefined);
  }

  private write(key: string, r: Recall): void {
    this.db
      .prepare('INSERT INTO thread_memory (thread_key, role_ids, intent, text, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (thread_key) DO UPDATE SET role_ids = excluded.role_ids, intent = excluded.intent, text = excluded.text, updated_at = excluded.updated_at')
      .run(key.slice(0, 200), JSON.stringify(r.roleIds.slice(0, MAX_IDS)), r.intent, r.text.slice(0, 2000), this.now());
    // Old threads are swept now and then, so the table stays the size of the recent conversations.
    if (++this.writes % 100 === 1) this.sweep();
  }

  /** Deletes memories past their age; returns how many. */
  sweep(): number {
    return this.guard('swept', () => this.db.prepare('DELETE FROM thread_memory WHERE updated_at < ?').run(this.now() - this.ttl).changes, 0);
  }
}
