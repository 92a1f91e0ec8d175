// The built search index and the catalog behind it, saved to a file beside the database so that a restart with
// unchanged postings answers at once instead of parsing and indexing every file again. A file rather than a table:
// it is one blob of megabytes written whole, which a rename makes atomic and which holds no lock other writers wait on.
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parserVersion, sourceFile } from './parse-cache.ts';

/**
 * The saved index's version: the sources of the search index and of the catalog, and of everything they import, the
 * parser included. A change to how postings are parsed, indexed or kept by the catalog (whose state is saved too)
 * makes every saved index unusable, so it is rebuilt.
 */
export function indexVersion(): string {
  return ['search/index.ts', 'sources/catalog.ts'].map((entry) => parserVersion(sourceFile(entry))).join('');
}

const MAGIC = 'openroles saved index';

/**
 * One saved state, checked before use: a header line names the format, the version and the length of the body; a
 * file of another version, cut short or not JSON reads as nothing (the caller rebuilds and saves over it).
 */
export class SavedIndexFile {
  /** Why the last load or save failed, for the log. */
  lastError: string | null = null;

  constructor(readonly file: string, readonly version = indexVersion()) {}

  load<T>(): T | null {
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch (err) {
      // No saved index yet is the normal first start, not a problem.
      this.lastError = (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : (err as Error).message;
      return null;
    }
    try {
      const eol = buf.indexOf(10);
      if (eol < 0) throw new Error('no header');
      const head = JSON.parse(buf.toString('utf8', 0, eol)) as { format?: unknown; version?: unknown; bytes?: unknown };
      if (head.format !== MAGIC) throw new Error('not a saved index');
      if (head.version !== this.version) {
        this.lastError = null; // Saved by another version: rebuilt, as expected after an upgrade.
        return null;
      }
      if (head.bytes !== buf.length - eol - 1) throw new Error('cut short');
      // Written as ASCII (see save): read as one byte per character, which is a copy rather than a decoding.
      return JSON.parse(buf.toString('latin1', eol + 1)) as T;
    } catch (err) {
      this.lastError = `damaged (${(err as Error).message})`;
      return null;
    }
  }

  /** Writes the state whole (a temporary file renamed over the last one); false when it cannot be written. */
  save(data: unknown): boolean {
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      // Characters beyond ASCII are written as JSON escapes: they are few, and the file then reads without decoding.
      const body = Buffer.from(JSON.stringify(data).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'latin1');
      const head = Buffer.from(`${JSON.stringify({ format: MAGIC, version: this.version, bytes: body.length })}\n`, 'utf8');
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(tmp, Buffer.concat([head, body]));
      renameSync(tmp, this.file);
      this.lastError = null;
      return true;
    } catch (err) {
      this.lastError = (err as Error).message;
      try {
        unlinkSync(tmp);
      } catch {
        // Never written.
      }
      return false;
    }
  }
}
