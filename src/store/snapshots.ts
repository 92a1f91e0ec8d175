// The last fetched snapshot of every feed, so a restart serves at once and knows what disappeared while it was down.
import type { Logger } from 'pino';
import type { Posting } from '../postings/index.ts';
import type { SnapshotStore } from '../sources/catalog.ts';
import type { Validators } from '../sources/feeds/http.ts';
import type { DB } from './db.ts';
import { tryWrite } from './failures.ts';

type Snapshot = { feed: string; postings: Posting[]; validators: Validators; at: Date };

/** Retry of snapshots that could not be written: first wait, doubling up to five minutes. */
const RETRY_MS = 5000;
const MAX_RETRY_MS = 5 * 60_000;

export class SqliteSnapshots implements SnapshotStore {
  /** Snapshots whose write failed (a lock, a full disk): the fetched postings still serve; the write is retried. */
  private unsaved = new Map<string, Snapshot>();
  private timer: NodeJS.Timeout | null = null;
  private wait = RETRY_MS;

  constructor(private db: DB, private log?: Logger) {}

  load(): Array<{ feed: string; postings: Posting[]; validators: Validators; fetchedAt: string }> {
    const rows = this.db.prepare('SELECT feed, postings, etag, last_modified, fetched_at FROM source_snapshots ORDER BY feed').all() as Array<{ feed: string; postings: string; etag: string | null; last_modified: string | null; fetched_at: string }>;
    return rows.map((r) => ({ feed: r.feed, postings: JSON.parse(r.postings) as Posting[], validators: { etag: r.etag, lastModified: r.last_modified }, fetchedAt: r.fetched_at }));
  }

  /** Saves a feed's snapshot; a write that fails is reported and retried later, never thrown at the refresh. */
  save(feed: string, postings: Posting[], validators: Validators, at: Date): void {
    this.unsaved.set(feed, { feed, postings, validators, at });
    this.flush();
  }

  private flush(): void {
    if (!this.db.open) return;
    for (const s of this.unsaved.values()) {
      const w = tryWrite(() =>
        this.db
          .prepare('INSERT INTO source_snapshots (feed, postings, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed) DO UPDATE SET postings = excluded.postings, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at')
          .run(s.feed, JSON.stringify(s.postings), s.validators.etag ?? null, s.validators.lastModified ?? null, s.at.toISOString()),
      );
      if (w.ok) {
        this.unsaved.delete(s.feed);
        continue;
      }
      this.log?.warn({ feed: s.feed, reason: w.reason }, `feed snapshot not saved (${w.reason}); its postings still serve and the write is retried`);
      if (!this.timer) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.flush();
        }, this.wait);
        this.timer.unref?.();
        this.wait = Math.min(this.wait * 2, MAX_RETRY_MS);
      }
      return;
    }
    this.wait = RETRY_MS;
  }
}
