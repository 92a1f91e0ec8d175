// The last fetched snapshot of every feed, so a restart serves at once and knows what disappeared while it was down.
import type { Posting } from '../postings/index.ts';
import type { SnapshotStore } from '../sources/catalog.ts';
import type { Validators } from '../sources/feeds/http.ts';
import type { DB } from './db.ts';

export class SqliteSnapshots implements SnapshotStore {
  constructor(private db: DB) {}

  load(): Array<{ feed: string; postings: Posting[]; validators: Validators; fetchedAt: string }> {
    const rows = this.db.prepare('SELECT feed, postings, etag, last_modified, fetched_at FROM source_snapshots ORDER BY feed').all() as Array<{ feed: string; postings: string; etag: string | null; last_modified: string | null; fetched_at: string }>;
    return rows.map((r) => ({ feed: r.feed, postings: JSON.parse(r.postings) as Posting[], validators: { etag: r.etag, lastModified: r.last_modified }, fetchedAt: r.fetched_at }));
  }

  save(feed: string, postings: Posting[], validators: Validators, at: Date): void {
    this.db
      .prepare('INSERT INTO source_snapshots (feed, postings, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed) DO UPDATE SET postings = excluded.postings, etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at')
      .run(feed, JSON.stringify(postings), validators.etag ?? null, validators.lastModified ?? null, at.toISOString());
  }
}
