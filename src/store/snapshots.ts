// The last fetched snapshot of every feed, so a restart serves at once and knows what disappeared while it was down.
import { upgradeStored, type Posting } from '../postings/index.ts';
import type { SnapshotStore } from '../sources/catalog.ts';
import type { Validators } from '../sources/feeds/http.ts';
import type { DB } from './db.ts';

export class SqliteSnapshots implements SnapshotStore {
  /** `onError` hears of a snapshot that could not be read or saved; the feed keeps serving from memory either way. */
  constructor(private db: DB, private onError: (err: unknown, feed: string) => void = () => undefined) {}

  load(): Array<{ feed: string; postings: Posting[]; validators: Validators; fetchedAt: string }> {
    const rows = this.db.prepare('SELECT feed, postings, etag, last_modified, fetched_at FROM source_snapshots ORDER BY feed').all() as Array<{ feed: string; postings: string; etag: string | null; last_modified: string | null; fetched_at: string }>;
    return rows.flatMap((r) => {
      try {
        const postings = JSON.parse(r.postings) as unknown;
        if (!Array.isArray(postings)) throw new Error('the stored snapshot is not a list');
        return [{ feed: r.feed, postings: (postings as Posting[]).map(upgradeStored), validators: { etag: r.etag, lastModified: r.last_modified }, fetchedAt: r.fetched_at }];
      } catch (err) {
        // Without validators the next fetch is a full one, which replaces the unreadable row.
        this.onError(err, r.feed);
        return [];
      }
    });
  }

  save(feed: string, postings: Posting[], validators: Validators, at: Date): void {
    try {
      this.db
        .prepare('INSERT INTO source_snapshots (feed, postings, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed) DO UPDATE SET postings = excluded.postings, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at')
        .run(feed, JSON.stringify(postings), validators.etag ?? null, validators.lastModified ?? null, at.toISOString());
    } catch (err) {
      // A full or locked disk must not throw away the postings just fetched; the next refresh saves again.
      this.onError(err, feed);
    }
  }
}
