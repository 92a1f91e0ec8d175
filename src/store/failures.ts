// Database failures (a lock held by another process, a full disk, a damaged file), told apart by SQLite's or the
// file system's code in one place; the running app words them for users, start-up for the operator.

/** What kind of storage failure an error is. */
export type StoreFault = 'busy' | 'locked' | 'full' | 'read-only' | 'io' | 'cannot-open' | 'not-a-database' | 'damaged' | 'not-a-folder';

/** SQLite result codes (better-sqlite3 puts them on `err.code`, extended codes add a suffix) and file-system codes. */
const FAULTS: Record<string, StoreFault> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'locked',
  SQLITE_PROTOCOL: 'locked',
  SQLITE_FULL: 'full',
  SQLITE_READONLY: 'read-only',
  SQLITE_IOERR: 'io',
  SQLITE_CANTOPEN: 'cannot-open',
  SQLITE_NOTADB: 'not-a-database',
  SQLITE_CORRUPT: 'damaged',
  ENOSPC: 'full',
  EROFS: 'read-only',
  EACCES: 'cannot-open',
  EPERM: 'cannot-open',
  ENOTDIR: 'not-a-folder',
  EEXIST: 'not-a-folder',
};

const codeOf = (err: unknown): string | null => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/** The kind of storage failure, or null when the error is none (SQLITE_BUSY_SNAPSHOT counts as SQLITE_BUSY). */
export function storeFault(err: unknown): StoreFault | null {
  const code = codeOf(err);
  if (!code) return null;
  return FAULTS[code] ?? (code.startsWith('SQLITE_') ? FAULTS[code.split('_').slice(0, 2).join('_')] : undefined) ?? null;
}

/** What a user is told about a write that could not happen now. */
const WRITE_FAILURES: Partial<Record<StoreFault, string>> = {
  busy: 'the database is locked by another process',
  locked: 'the database is locked',
  full: 'the disk is full',
  'read-only': 'the database file is read-only',
  io: 'the disk reported an I/O error',
  'cannot-open': 'the database file cannot be opened',
};

/** The plain reason a write failed, or null when the error is not a database write failure. */
export function writeFailure(err: unknown): string | null {
  const code = codeOf(err);
  if (!code?.startsWith('SQLITE_')) return null;
  const fault = storeFault(err);
  return (fault && WRITE_FAILURES[fault]) ?? `the database refused the write (${code})`;
}

/** Runs a write; a database failure is returned as its reason instead of thrown, anything else is rethrown. */
export function tryWrite<T>(write: () => T): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    return { ok: true, value: write() };
  } catch (err) {
    const reason = writeFailure(err);
    if (reason === null) throw err;
    return { ok: false, reason };
  }
}
