// The embedded SQLite database: one file under DATA_DIR, WAL mode, schema migrations in code.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type DB = Database.Database;

/** Each entry moves the schema one version up; never edit a released one, add another. */
const MIGRATIONS: string[] = [
  `CREATE TABLE channel_subscriptions (
     channel_id TEXT PRIMARY KEY,
     source TEXT NOT NULL DEFAULT 'command',
     created_at TEXT NOT NULL
   );
   CREATE TABLE sent_postings (
     channel_id TEXT NOT NULL,
     posting_id TEXT NOT NULL,
     hash TEXT NOT NULL,
     facts TEXT NOT NULL,
     sent_at TEXT NOT NULL,
     PRIMARY KEY (channel_id, posting_id)
   );
   CREATE TABLE digests (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     channel_id TEXT NOT NULL,
     slot TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('sent', 'empty', 'failed')),
     new_count INTEGER NOT NULL DEFAULT 0,
     changed_count INTEGER NOT NULL DEFAULT 0,
     gone_count INTEGER NOT NULL DEFAULT 0,
     messages INTEGER NOT NULL DEFAULT 0,
     error TEXT,
     at TEXT NOT NULL
   );
   CREATE UNIQUE INDEX digests_done ON digests (channel_id, slot) WHERE status IN ('sent', 'empty');
   CREATE TABLE alert_subscriptions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     user_id TEXT NOT NULL,
     query TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE alerts_sent (
     subscription_id INTEGER NOT NULL REFERENCES alert_subscriptions (id) ON DELETE CASCADE,
     posting_id TEXT NOT NULL,
     sent_at TEXT NOT NULL,
     PRIMARY KEY (subscription_id, posting_id)
   );`,
  `CREATE TABLE source_snapshots (
     feed TEXT PRIMARY KEY,
     postings TEXT NOT NULL,
     etag TEXT,
     last_modified TEXT,
     fetched_at TEXT NOT NULL
   );`,
  // Postings people added from Slack: who added each and when; the text (or link) is kept so it can be read again.
  `CREATE TABLE added_postings (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     input TEXT NOT NULL,
     url TEXT,
     input_hash TEXT NOT NULL UNIQUE,
     postings TEXT NOT NULL,
     added_by TEXT NOT NULL,
     added_at TEXT NOT NULL
   );
   CREATE INDEX added_postings_by ON added_postings (added_by);`,
  // Effectively-once digests and alerts: an intent row before posting, progress per part, cleared when recorded.
  `ALTER TABLE channel_subscriptions ADD COLUMN on_by TEXT;
   ALTER TABLE channel_subscriptions ADD COLUMN off_at TEXT;
   ALTER TABLE channel_subscriptions ADD COLUMN off_by TEXT;
   CREATE TABLE digest_runs (
     channel_id TEXT NOT NULL,
     slot TEXT NOT NULL,
     messages TEXT NOT NULL,
     records TEXT NOT NULL,
     posted INTEGER NOT NULL DEFAULT 0,
     started_at TEXT NOT NULL,
     PRIMARY KEY (channel_id, slot)
   );
   CREATE TABLE alert_deliveries (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     user_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     claims TEXT NOT NULL,
     message TEXT NOT NULL,
     started_at TEXT NOT NULL
   );
   CREATE TABLE alert_seen_roles (
     posting_id TEXT PRIMARY KEY,
     seen_at TEXT NOT NULL
   );
   CREATE TABLE store_meta (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
  `CREATE TABLE thread_memory (
     thread_key TEXT PRIMARY KEY,
     role_ids TEXT NOT NULL,
     intent TEXT NOT NULL,
     text TEXT NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX thread_memory_age ON thread_memory (updated_at);`,
  // Parsed postings per file (src/store/parse-cache.ts): a hit needs the same parser version and the same content
  // hash, or at start-up the same modification time and size (sig) as when the file was parsed.
  `CREATE TABLE parse_cache (
     path TEXT PRIMARY KEY,
     hash TEXT NOT NULL,
     sig TEXT,
     parser TEXT NOT NULL,
     postings TEXT NOT NULL,
     at TEXT NOT NULL
   );`,
];

/**
 * How long a write waits for another connection's lock. better-sqlite3 is synchronous, so a wait blocks the
 * event loop (and every search) for that long: writes give up quickly and are retried later instead.
 */
export const WRITE_WAIT_MS = 100;
/** Opening and migrating may wait longer: nothing is served yet. */
const OPEN_WAIT_MS = 5000;

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openDatabase(file: string): DB {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: OPEN_WAIT_MS });
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  db.pragma(`busy_timeout = ${WRITE_WAIT_MS}`);
  return db;
}
