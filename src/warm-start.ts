// Start-up from the last saved index: the index and the catalog behind it are taken back from the saved file and
// answer at once, while the folders are scanned behind them and only files changed since are read. Any change is
// saved again a little later, so the next start finds it; a saved index that is damaged, of another version, or for
// other folders is ignored and the index is built from the postings (and saved).
import type { Logger } from 'pino';
import { RoleIndex, type SavedIndex } from './search/index.ts';
import { Catalog, type CatalogChange, type CatalogState } from './sources/catalog.ts';
import type { Feed } from './sources/feeds/types.ts';
import type { SnapshotStore } from './sources/catalog.ts';
import type { ParseCache } from './sources/folder.ts';
import type { SavedIndexFile } from './store/saved-index.ts';

interface Saved {
  index: SavedIndex;
  catalog: CatalogState;
}

export interface CatalogOptions {
  feeds?: Feed[];
  snapshots?: SnapshotStore;
  parseCache?: ParseCache;
  /** Where the index is saved between runs; none: built at every start. */
  saved?: SavedIndexFile | null;
  /** Quiet time after a change before the index is saved again. */
  saveDelayMs?: number;
}

export interface OpenedCatalog {
  index: RoleIndex;
  catalog: Catalog;
  /** True when the index came from the saved file: it answers before `load` is done. */
  restored: boolean;
  saver: IndexSaver | null;
}

/** The index and catalog, restored from the saved file when it fits; nothing is read from the folders yet. */
export function openCatalog(dirs: string[], log: Logger, opts: CatalogOptions = {}): OpenedCatalog {
  const catalogOpts = { feeds: opts.feeds, snapshots: opts.snapshots, parseCache: opts.parseCache };
  const saved = opts.saved ?? null;
  const data = saved?.load<Saved>() ?? null;
  if (saved?.lastError) log.warn({ file: saved.file, problem: saved.lastError }, 'saved index not used; rebuilding it from the postings');
  if (data) {
    try {
      const index = RoleIndex.fromJSON(data.index);
      const catalog = new Catalog(dirs, index, log, catalogOpts);
      if (catalog.restore(data.catalog, index.all())) return { index, catalog, restored: true, saver: new IndexSaver(saved!, index, catalog, log, opts.saveDelayMs) };
      log.info({ file: saved!.file }, 'saved index is for other folders; rebuilding it from the postings');
    } catch (err) {
      log.warn({ file: saved!.file, problem: (err as Error).message }, 'saved index not used; rebuilding it from the postings');
    }
  }
  const index = RoleIndex.from([]);
  const catalog = new Catalog(dirs, index, log, catalogOpts);
  return { index, catalog, restored: false, saver: saved ? new IndexSaver(saved, index, catalog, log, opts.saveDelayMs) : null };
}

/**
 * Saves the index and catalog some time after they change (and at close), never while a folder scan is under way.
 * A save at 10,000 roles takes a few hundred milliseconds of one turn of the event loop, hence the quiet time.
 */
export class IndexSaver {
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  /** Saves written, for tests and the bench. */
  saves = 0;

  constructor(private readonly file: SavedIndexFile, private readonly index: RoleIndex, private readonly catalog: Catalog, private readonly log: Logger, private readonly delayMs = 5_000) {
    catalog.onChange(() => this.changed());
  }

  /** After the first load: saved soon when the index was built anew or the load changed anything. */
  loaded(change: CatalogChange, restored: boolean): void {
    if (!restored || change.added.length || change.changed.length || change.removed.length || change.broken.length) this.changed(Math.min(this.delayMs, 1000));
  }

  changed(delayMs = this.delayMs): void {
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, delayMs);
    this.timer.unref();
  }

  /** Saves now if anything changed since the last save; a scan under way puts it off a little. */
  save(): boolean {
    if (!this.dirty) return true;
    const state = this.catalog.state();
    if (!state) {
      this.changed(250);
      return false;
    }
    this.dirty = false;
    if (this.file.save({ index: this.index.toJSON(), catalog: state } satisfies Saved)) {
      this.saves++;
      return true;
    }
    this.log.warn({ file: this.file.file, problem: this.file.lastError }, 'index not saved; the next start builds it from the parse cache');
    return false;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.save();
    if (this.timer) clearTimeout(this.timer);
  }
}
