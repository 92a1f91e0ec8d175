// The live set of postings: files in, index kept in step, last good version kept when a file breaks.
import type { Logger } from 'pino';
import type { Posting } from '../postings/index.ts';
import { PostingFolder, type FolderChange } from './folder.ts';

/** What the catalog needs of an index; the search index provides it. */
export interface PostingSink {
  add(p: Posting): void;
  remove(id: string): void;
}

export interface CatalogChange {
  added: Posting[];
  changed: Posting[];
  removed: Posting[];
  broken: Array<{ file: string; error: string }>;
}

/** Applies folder changes to an index and reports what changed. */
export class Catalog {
  private byFile = new Map<string, Posting[]>();
  private folder: PostingFolder;
  private listeners: Array<(c: CatalogChange) => void> = [];

  constructor(dir: string, private sink: PostingSink, private log: Logger) {
    this.folder = new PostingFolder(dir);
  }

  /** First load. */
  async load(): Promise<CatalogChange> {
    return this.apply(await this.folder.scan());
  }

  /** Starts watching; changes reach the index within the debounce and poll times. */
  watch(opts?: { debounceMs?: number; pollMs?: number }): void {
    this.folder.watch((change) => {
      const c = this.apply(change);
      for (const l of this.listeners) l(c);
    }, opts);
  }

  onChange(listener: (c: CatalogChange) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    this.folder.close();
  }

  /** Files that failed to parse, as last seen, for App Home and `check`. */
  readonly broken = new Map<string, string>();

  private apply(change: FolderChange): CatalogChange {
    const out: CatalogChange = { added: [], changed: [], removed: [], broken: [] };
    for (const r of change.read) {
      if (!r.ok) {
        this.broken.set(r.file, r.error);
        out.broken.push({ file: r.file, error: r.error });
        this.log.warn({ file: r.file, error: r.error, keptLastGood: this.byFile.has(r.file) }, 'posting file skipped');
        continue;
      }
      this.broken.delete(r.file);
      const before = new Map((this.byFile.get(r.file) ?? []).map((p) => [p.id, p]));
      for (const p of r.postings) {
        const old = before.get(p.id);
        before.delete(p.id);
        this.sink.add(p);
        if (!old) out.added.push(p);
        else if (JSON.stringify(old) !== JSON.stringify(p)) out.changed.push(p);
      }
      for (const gone of before.values()) {
        this.sink.remove(gone.id);
        out.removed.push(gone);
      }
      this.byFile.set(r.file, r.postings);
    }
    for (const file of change.removed) {
      for (const p of this.byFile.get(file) ?? []) {
        this.sink.remove(p.id);
        out.removed.push(p);
      }
      this.byFile.delete(file);
      this.broken.delete(file);
    }
    if (out.added.length || out.changed.length || out.removed.length) {
      this.log.info({ added: out.added.length, changed: out.changed.length, removed: out.removed.length }, 'postings reloaded');
    }
    return out;
  }
}
