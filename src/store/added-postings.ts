// Postings added from Slack, kept in SQLite so they survive restarts; queries for the added_postings table only.
import type { AddedRecord, AddedStore } from '../sources/added.ts';
import type { Posting } from '../postings/index.ts';
import type { DB } from './db.ts';

interface Row { id: number; input: string; url: string | null; input_hash: string; postings: string; added_by: string; added_at: string }

const toRecord = (r: Row): AddedRecord => ({ n: r.id, input: r.input, url: r.url, hash: r.input_hash, postings: JSON.parse(r.postings) as Posting[], addedBy: r.added_by, addedAt: r.added_at });

export class SqliteAddedPostings implements AddedStore {
  constructor(private db: DB) {}

  all(): AddedRecord[] {
    return (this.db.prepare('SELECT * FROM added_postings ORDER BY id').all() as Row[]).map(toRecord);
  }

  get(n: number): AddedRecord | null {
    const r = this.db.prepare('SELECT * FROM added_postings WHERE id = ?').get(n) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  byHash(hash: string): AddedRecord | null {
    const r = this.db.prepare('SELECT * FROM added_postings WHERE input_hash = ?').get(hash) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  countBy(userId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM added_postings WHERE added_by = ?').get(userId) as { n: number }).n;
  }

  /** Inserts the record; `build` gets the new number, so postings can carry ids made from it, in one transaction. */
  insert(rec: Omit<AddedRecord, 'n' | 'postings'>, build: (n: number) => Posting[]): AddedRecord {
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO added_postings (input, url, input_hash, postings, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(rec.input, rec.url, rec.hash, '[]', rec.addedBy, rec.addedAt);
      const n = Number(lastInsertRowid);
      const postings = build(n);
      this.db.prepare('UPDATE added_postings SET postings = ? WHERE id = ?').run(JSON.stringify(postings), n);
      return { ...rec, n, postings };
    })();
  }

  remove(n: number): boolean {
    return this.db.prepare('DELETE FROM added_postings WHERE id = ?').run(n).changes > 0;
  }
}
