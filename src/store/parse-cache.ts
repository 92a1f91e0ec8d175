// Parsed postings by file, keyed by the file's content hash and the parser's version, so a restart with unchanged
// files parses nothing. Reads never wait for a lock and writes never stall the app: the cache has its own connection
// that gives up at once when the database is busy, and writes are batched and retried later.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Posting } from '../postings/index.ts';
import type { ParseCache } from '../sources/folder.ts';
import type { DB } from './db.ts';

/**
 * The parser's version: a hash of the source of every module the parser is made of (src/postings/index.ts and every
 * file it imports, followed transitively) plus the version of zod, which shapes what Posting.parse returns.
 *
 * Why not a constant: several people change the parser at once and a hand-bumped number is forgotten, which would
 * serve stale records silently. Why not the mtime of the folder: a checkout or a copy changes mtimes without
 * changing code (needless re-parses) and an edit may keep them (stale hits). Following imports instead of hashing
 * the folder catches a parser that starts to use a module elsewhere, and ignores files the parser does not use.
 * It costs one read of ~30 small files at start-up. The bundle `npm start` runs reads the very sources it was built
 * from (see sourceFile), so it computes the same version. If the sources cannot be read, the version is unique to
 * this process: the cache then never hits, which is slow but never wrong.
 */
export function parserVersion(entry = sourceFile('postings/index.ts')): string {
  const hash = createHash('sha256');
  try {
    const seen = new Set<string>();
    const queue = [resolve(entry)];
    while (queue.length) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      hash.update(`${file.slice(dirname(entry).length)}\n${source}\n`);
      for (const m of source.matchAll(/\b(?:from|import)\s*\(?\s*['"](\.\.?\/[^'"\n]+)['"]/g)) queue.push(resolve(dirname(file), m[1]!));
    }
    hash.update(`zod ${(createRequire(import.meta.url)('zod/package.json') as { version: string }).version}`);
  } catch {
    hash.update(`unreadable ${process.pid} ${Date.now()} ${Math.random()}`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Set by the bundle's build (scripts/build.mjs): the sources' folder, relative to the bundle's files. */
declare const OPENROLES_SOURCES: string | undefined;

/**
 * A file of the sources (`postings/index.ts`, relative to src/): beside this module when the sources run (tsx,
 * vitest); from the bundle, where its build says they are, which stays right when the checkout moves.
 */
export function sourceFile(path: string): string {
  const sources = typeof OPENROLES_SOURCES === 'string' ? OPENROLES_SOURCES : '../';
  return fileURLToPath(new URL(path, new URL(sources, import.meta.url)));
}

let defaultVersion: string | null = null;

/** Lookups answered row by row before the whole table is read in one pass. */
const PRELOAD_AFTER = 64;

/** Files written per turn of the event loop: a cold start's 10,000 rows in one go would hold searches up. */
const BATCH = 200;

export interface ParseCacheStats {
  hits: number;
  misses: number;
  /** Writes waiting for the database (busy, full or read-only); they are retried. */
  pending: number;
  lastError: string | null;
}

type Row = { hash: string; sig: string | null; postings: Posting[]; json?: string } | null;

export class SqliteParseCache implements ParseCache {
  readonly version: string;
  /** Null when the cache could not open (it then never hits and never writes: slower, never wrong). */
  private conn: DB | null = null;
  private own: boolean;
  private pending = new Map<string, Row>();
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly stats: ParseCacheStats = { hits: 0, misses: 0, pending: 0, lastError: null };
  private stmts: Record<'hash' | 'sig', Database.Statement> | null = null;
  /** The table as it was at the first lookup, each row dropped once used; emptied when the first scan is done. */
  private preload: Map<string, { hash: string; sig: string | null; json: string }> | null = null;

  /** `db` is the app's database (its migrations create the table); the cache opens its own connection to the file. */
  constructor(db: DB, opts: { version?: string; flushMs?: number } = {}) {
    this.version = opts.version ?? (defaultVersion ??= parserVersion());
    this.flushMs = opts.flushMs ?? 250;
    this.own = !db.memory;
    let conn: DB | null = null;
    try {
      conn = this.own ? new Database(db.name) : db;
      // Never wait: a busy database makes a read a miss and a write a retry, instead of stalling searches.
      if (this.own) conn.pragma('busy_timeout = 0');
      this.stmts = {
        hash: conn.prepare('SELECT postings FROM parse_cache WHERE path = ? AND hash = ? AND parser = ?').pluck(),
        sig: conn.prepare('SELECT postings FROM parse_cache WHERE path = ? AND sig = ? AND parser = ?').pluck(),
      };
      this.conn = conn;
    } catch (err) {
      this.stats.lastError = (err as Error).message;
      if (this.own) conn?.close();
    }
  }

  private flushMs: number;

  /** The postings parsed from this text (`hash`) of this file by this parser, or null: the file must be parsed. */
  get(path: string, hash: string): Posting[] | null {
    const found = this.lookup(path, 'hash', hash);
    if (!found) this.stats.misses++;
    return found;
  }

  /** The postings of a file whose modification time and size (`sig`) are those recorded when it was parsed. */
  getUnchanged(path: string, sig: string): Posting[] | null {
    return this.lookup(path, 'sig', sig);
  }

  private lookup(path: string, key: 'hash' | 'sig', value: string): Posting[] | null {
    const waiting = this.pending.get(path);
    let found: Posting[] | null = null;
    if (!this.conn || !this.stmts) {
      // Closed or never opened: every file is parsed.
    } else if (waiting !== undefined) {
      found = waiting && waiting[key] === value ? waiting.postings : null;
    } else {
      try {
        // A few lookups (the files changed behind a restored index) ask row by row; many read the table once.
        const early = ++this.lookups > PRELOAD_AFTER ? this.early(path) : undefined;
        const json = early ? (early[key] === value ? early.json : undefined) : (this.stmts[key].get(path, value, this.version) as string | undefined);
        if (json !== undefined) found = JSON.parse(json) as Posting[];
      } catch (err) {
        this.stats.lastError = (err as Error).message;
      }
    }
    if (found) this.stats.hits++;
    return found;
  }

  private lookups = 0;

  /**
   * At a start-up without a saved index every file is asked for: one pass over the table beats 10,000 lookups. Each
   * row is used once. A row read here may be older than one written since, but it is found only by its own content
   * hash or signature, so what it gives is still right.
   */
  private early(path: string): { hash: string; sig: string | null; json: string } | undefined {
    this.preload ??= new Map((this.conn!.prepare('SELECT path, hash, sig, postings FROM parse_cache WHERE parser = ?').raw().all(this.version) as Array<[string, string, string | null, string]>).map(([p, hash, sig, json]) => [p, { hash, sig, json }]));
    const row = this.preload.get(path);
    if (row) this.preload.delete(path);
    return row;
  }

  put(path: string, hash: string, postings: Posting[], sig?: string): void {
    if (!this.conn) return;
    this.pending.set(path, { hash, sig: sig ?? null, postings });
    this.schedule();
  }

  forget(paths: Iterable<string>): void {
    if (!this.conn) return;
    for (const p of paths) this.pending.set(p, null);
    this.schedule();
  }

  /** Forgets every file but these: files removed while the app was down. Called once the first scan is done. */
  retain(paths: Iterable<string>): void {
    this.preload = new Map();
    const keep = new Set(paths);
    let stored: string[];
    if (!this.conn) return;
    try {
      stored = this.conn.prepare('SELECT path FROM parse_cache').pluck().all() as string[];
    } catch (err) {
      this.stats.lastError = (err as Error).message;
      return;
    }
    this.forget(stored.filter((p) => !keep.has(p) && !this.pending.get(p)));
  }

  getStats(): ParseCacheStats {
    return { ...this.stats, pending: this.pending.size };
  }

  private schedule(soon?: number): void {
    if (this.timer) return;
    // Backs off while the database refuses writes, up to a minute.
    const wait = this.failures ? Math.min(60_000, 1000 * 2 ** (this.failures - 1)) : soon ?? this.flushMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush(BATCH);
    }, wait);
    this.timer.unref();
  }

  /**
   * Writes what is waiting (at most `limit` files, in one transaction); on failure keeps it for the next try. Returns
   * true when all is written.
   */
  flush(limit = Infinity): boolean {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.pending.size || !this.conn) return true;
    const conn = this.conn;
    const batch = limit < this.pending.size ? [...this.pending].slice(0, limit) : [...this.pending];
    const at = new Date().toISOString();
    try {
      const upsert = conn.prepare('INSERT INTO parse_cache (path, hash, sig, parser, postings, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, sig = excluded.sig, parser = excluded.parser, postings = excluded.postings, at = excluded.at');
      const del = conn.prepare('DELETE FROM parse_cache WHERE path = ?');
      conn.transaction(() => {
        for (const [path, row] of batch) {
          if (row) upsert.run(path, row.hash, row.sig, this.version, row.json ?? (row.json = JSON.stringify(row.postings)), at);
          else del.run(path);
        }
      })();
    } catch (err) {
      this.failures++;
      this.stats.lastError = (err as Error).message;
      this.schedule();
      return false;
    }
    // Rows that changed again while this batch was written stay for the next one.
    for (const [path, row] of batch) if (this.pending.get(path) === row) this.pending.delete(path);
    this.failures = 0;
    if (this.pending.size) this.schedule(5);
    return this.pending.size === 0;
  }

  /** Writes what it can, once, and closes its connection. */
  close(): void {
    this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.own) this.conn?.close();
    this.conn = null;
  }
}
