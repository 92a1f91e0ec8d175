// Database failures a running app meets (a lock held by another process, a full disk), told apart by SQLite's code.

/** SQLite result codes (better-sqlite3 puts them on `err.code`) that mean "this write cannot happen now". */
const WRITE_FAILURES: Record<string, string> = {
  SQLITE_BUSY: 'the database is locked by another process',
  SQLITE_LOCKED: 'the database is locked',
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_IOERR: 'the disk reported an I/O error',
  SQLITE_CANTOPEN: 'the database file cannot be opened',
  SQLITE_PROTOCOL: 'the database is locked',
};

/** The plain reason a write failed, or null when the error is not a database write failure. */
export function writeFailure(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  return WRITE_FAILURES[code] ?? WRITE_FAILURES[code.split('_').slice(0, 2).join('_')] ?? `the database refused the write (${code})`;
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
