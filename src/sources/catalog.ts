// The live set of postings: folders and feeds in, the index kept in step, the last good version kept when a source
// breaks, and the same role from two sources kept once with both sources listed.
import type { Logger } from 'pino';
import { findPlace, foldKey, upgradeStored, type Posting } from '../postings/index.ts';
import type { Feed } from './feeds/types.ts';
import type { Validators } from './feeds/http.ts';
import { PostingFolder, type FolderChange, type FileResult, type ParseCache, type WatchOptions } from './folder.ts';

/** What the catalog needs of an index; the search index provides it. */
export interface PostingSink {
  add(p: Posting): void;
  remove(id: string): void;
}

/** Where feed snapshots live between runs (the SQLite store provides it). */
export interface SnapshotStore {
  load(): Array<{ feed: string; postings: Posting[]; validators: Validators; fetchedAt: string }>;
  save(feed: string, postings: Posting[], validators: Validators, at: Date): void;
}

export interface CatalogChange {
  added: Posting[];
  changed: Posting[];
  removed: Posting[];
  broken: Array<{ file: string; error: string }>;
}

const norm = (s: string | null | undefined): string => foldKey(s ?? '');

// Postings are never changed once read, so each one's key is worked out once.
const keys = new WeakMap<Posting, string>();

/** Same company, same title, same first place: one role, wherever it was listed. */
function dedupeKey(p: Posting): string {
  let k = keys.get(p);
  if (k === undefined) keys.set(p, (k = computeKey(p)));
  return k;
}

function computeKey(p: Posting): string {
  if (!p.company || !p.title) return `id:${p.id}`;
  const place = p.locations[0] ?? p.remoteRegions[0] ?? null;
  // Places compare by what they name: "US" and "United States" are one place.
  const where = place ? (findPlace(place)?.name ?? place) : (p.workMode ?? '');
  return `${norm(p.company)}|${norm(p.title)}|${norm(where)}`;
}

/**
 * What the catalog holds, to be saved beside the index and taken back at the next start: each source's postings (a
 * role the index holds as it is is named by its id), the files each folder had seen, and the broken sources.
 */
export interface CatalogState {
  dirs: string[];
  sources: Array<[string, Array<string | Posting>]>;
  folders: Array<Array<[string, string]>>;
  broken: Array<[string, string]>;
  /** The feeds of the saved state: one no longer configured leaves at the next load. */
  feeds: string[];
}

interface FeedState {
  feed: Feed;
  validators: Validators;
  failures: number;
  nextAttempt: number;
}

export class Catalog {
  /** Postings by source key ("dir\0file" for files, the feed name for feeds), as last read successfully. */
  private bySource = new Map<string, Posting[]>();
  /** What is in the index now, by id. */
  private indexed = new Map<string, Posting>();
  private folders: PostingFolder[];
  private feeds = new Map<string, FeedState>();
  private listeners: Array<(c: CatalogChange) => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<CatalogChange> | null = null;
  /** Whether the refresh in flight fetches every feed (`/jobs refresh`) or only those due. */
  private refreshingAll = false;
  /** Sources that failed, as last seen, for App Home and `check`. */
  readonly broken = new Map<string, string>();

  constructor(dirs: string | string[], private sink: PostingSink, private log: Logger, opts: { feeds?: Feed[]; snapshots?: SnapshotStore; parseCache?: ParseCache; now?: () => number } = {}) {
    this.parseCache = opts.parseCache ?? null;
    this.folders = (Array.isArray(dirs) ? dirs : [dirs]).map((d) => new PostingFolder(d, this.parseCache));
    for (const feed of opts.feeds ?? []) this.feeds.set(feed.name, { feed, validators: {}, failures: 0, nextAttempt: 0 });
    this.snapshots = opts.snapshots ?? null;
    this.now = opts.now ?? Date.now;
  }

  private snapshots: SnapshotStore | null;
  private parseCache: ParseCache | null;
  private now: () => number;

  /**
   * First load: folders, then the feeds' saved snapshots, then a first fetch of every feed, unless `fetchFeeds` is
   * false (the app serves the snapshots at once and refreshes in the background). After `restore`, only what
   * changed since the saved state is read.
   */
  async load(opts: { fetchFeeds?: boolean; emit?: boolean } = {}): Promise<CatalogChange> {
    const changes: CatalogChange[] = [];
    for (const folder of this.folders) changes.push(this.applyFolder(folder, await folder.scan()));
    // Files removed while the app was down leave the parse cache too.
    this.parseCache?.retain(this.folders.flatMap((f) => f.files()));
    // A restored state may hold feeds no longer configured: their roles leave.
    if (this.unconfigured.length) changes.push(this.apply([], this.unconfigured.splice(0)));
    if (this.snapshots) {
      const results: FileResult[] = [];
      for (const s of this.snapshots.load()) {
        const state = this.feeds.get(s.feed);
        if (!state) continue;
        state.validators = s.validators;
        results.push({ file: s.feed, ok: true, postings: s.postings });
      }
      changes.push(this.apply(results.map((r) => [r.file, r]), []));
    }
    if (this.feeds.size && opts.fetchFeeds !== false) changes.push(await this.refresh());
    const change = merge(changes);
    // Loading behind a restored index: what changed while the app was down reaches listeners (alerts) as any change.
    if (opts.emit) this.emit(change);
    return change;
  }

  /**
   * The catalog as it is now, to be saved with the index, or null while a folder scan is under way (its files are
   * seen but not yet applied). Roles the index holds as they are are named by id: they are saved with the index.
   */
  state(): CatalogState | null {
    const folders: CatalogState['folders'] = [];
    for (const f of this.folders) {
      const sigs = f.signatures();
      if (!sigs) return null;
      folders.push(sigs);
    }
    const sources: CatalogState['sources'] = [];
    for (const [key, postings] of this.bySource) sources.push([key, postings.map((p) => (this.indexed.get(p.id) === p ? p.id : p))]);
    return { dirs: this.folders.map((f) => f.dir), sources, folders, broken: [...this.broken], feeds: [...this.feeds.keys()] };
  }

  /**
   * Takes back a saved state whose roles the index already holds (`indexed`, restored with it), so that the next
   * `load` reads only the files changed since and the index answers meanwhile. Returns false, changing nothing, when
   * the state does not fit (other folders, a role the index lacks): the caller then loads from scratch.
   */
  restore(saved: CatalogState, indexed: Iterable<Posting>): boolean {
    const dirs = this.folders.map((f) => f.dir);
    if (saved.dirs.length !== dirs.length || saved.dirs.some((d, i) => d !== dirs[i]) || saved.folders.length !== dirs.length) return false;
    const byId = new Map<string, Posting>();
    for (const p of indexed) byId.set(p.id, p);
    const bySource = new Map<string, Posting[]>();
    for (const [key, entries] of saved.sources) {
      const postings: Posting[] = [];
      for (const e of entries) {
        const p = typeof e === 'string' ? byId.get(e) : upgradeStored(e);
        if (!p) return false;
        postings.push(p);
      }
      bySource.set(key, postings);
    }
    this.bySource = bySource;
    this.indexed = byId;
    this.broken.clear();
    for (const [file, error] of saved.broken) this.broken.set(file, error);
    this.folders.forEach((f, i) => f.restore(saved.folders[i]!));
    this.unconfigured = saved.feeds.filter((name) => !this.feeds.has(name) && bySource.has(name));
    return true;
  }

  /** Feeds of a restored state that are no longer configured. */
  private unconfigured: string[] = [];

  /** Starts watching folders and, every `refreshMs`, fetching feeds that are due. */
  watch(opts: WatchOptions & { refreshMs?: number } = {}): void {
    for (const folder of this.folders) {
      folder.watch((change) => this.emit(this.applyFolder(folder, change)), opts);
    }
    if (this.feeds.size) {
      const every = opts.refreshMs ?? 15 * 60_000;
      this.refreshMs = every;
      this.timer = setInterval(() => void this.refresh(), Math.min(every, 60_000));
      this.timer.unref();
    }
  }

  private refreshMs = 15 * 60_000;

  /**
   * Fetches the feeds that are due (all of them when `force`); a feed that fails keeps its last good postings and
   * is tried again after a backoff that doubles, up to the refresh interval.
   */
  refresh(force = false): Promise<CatalogChange> {
    // Joins a refresh in flight unless this one asks for every feed and that one fetches only those due: then it
    // runs after it, so `/jobs refresh` never reports on feeds it did not fetch.
    if (this.refreshing && (this.refreshingAll || !force)) return this.refreshing;
    const before = this.refreshing;
    const run = (before ? before.catch(() => undefined) : Promise.resolve()).then(() => this.doRefresh(force));
    this.refreshing = run;
    this.refreshingAll = force;
    const done = (): void => {
      if (this.refreshing !== run) return;
      this.refreshing = null;
      this.refreshingAll = false;
    };
    run.then(done, done);
    return run;
  }

  private async doRefresh(force: boolean): Promise<CatalogChange> {
    const now = this.now();
    // Feeds are fetched side by side and each is applied when it arrives, so one slow feed holds back no other.
    const due = [...this.feeds.values()].filter((state) => force || now >= state.nextAttempt);
    const changes = await Promise.all(due.map(async (state): Promise<CatalogChange | null> => {
      try {
        const r = await state.feed.fetch(state.validators);
        state.failures = 0;
        state.nextAttempt = now + this.refreshMs;
        state.validators = r.validators;
        if (r.postings === null) {
          this.log.debug({ source: state.feed.name }, 'source not modified');
          this.broken.delete(state.feed.name);
          return null;
        }
        this.snapshots?.save(state.feed.name, r.postings, r.validators, new Date(now));
        return this.apply([[state.feed.name, { file: state.feed.name, ok: true, postings: r.postings }]], []);
      } catch (err) {
        state.failures++;
        state.nextAttempt = now + Math.min(this.refreshMs, 60_000 * 2 ** (state.failures - 1));
        return this.apply([[state.feed.name, { file: state.feed.name, ok: false, error: (err as Error).message }]], []);
      }
    }));
    const change = merge(changes.filter((c) => c !== null));
    this.emit(change);
    return change;
  }

  /** Replaces the postings of a source kept outside folders and feeds (postings added from Slack) and updates the index. */
  put(source: string, postings: Posting[]): CatalogChange {
    const change = this.apply([[source, { file: source, ok: true, postings }]], []);
    this.emit(change);
    return change;
  }

  onChange(listener: (c: CatalogChange) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    for (const f of this.folders) f.close();
    if (this.timer) clearInterval(this.timer);
  }

  private emit(c: CatalogChange): void {
    if (c.added.length || c.changed.length || c.removed.length || c.broken.length) for (const l of this.listeners) l(c);
  }

  private applyFolder(folder: PostingFolder, change: FolderChange): CatalogChange {
    const key = (file: string): string => (this.folders.length > 1 ? `${folder.dir}\u0000${file}` : file);
    return this.apply(change.read.map((r) => [key(r.file), r]), change.removed.map(key));
  }

  /** Updates the sources, then brings the index to the deduplicated set they make, touching only what changed. */
  private apply(read: Array<[string, FileResult]>, removed: string[]): CatalogChange {
    const out: CatalogChange = { added: [], changed: [], removed: [], broken: [] };
    const touched = new Set<string>();
    const show = (key: string): string => key.split('\u0000').pop()!;
    for (const [key, r] of read) {
      if (!r.ok) {
        this.broken.set(show(key), r.error);
        out.broken.push({ file: show(key), error: r.error });
        this.log.warn({ file: show(key), error: r.error, keptLastGood: this.bySource.has(key) }, 'posting source skipped');
        continue;
      }
      this.broken.delete(show(key));
      for (const p of this.bySource.get(key) ?? []) touched.add(dedupeKey(p));
      for (const p of r.postings) touched.add(dedupeKey(p));
      this.bySource.set(key, r.postings);
    }
    for (const key of removed) {
      for (const p of this.bySource.get(key) ?? []) touched.add(dedupeKey(p));
      this.bySource.delete(key);
      this.broken.delete(show(key));
    }
    if (!touched.size) return out;

    // The postings now wanted for the touched keys: one per key, listing every source when there are several.
    const groups = new Map<string, Posting[]>();
    for (const postings of this.bySource.values()) {
      for (const p of postings) {
        const k = dedupeKey(p);
        if (!touched.has(k)) continue;
        const g = groups.get(k);
        if (g) g.push(p);
        else groups.set(k, [p]);
      }
    }
    const wanted = new Map<string, Posting>();
    for (const group of groups.values()) {
      const sorted = [...new Map(group.map((p) => [p.id, p])).values()].sort((a, b) => (a.source.file ?? '').localeCompare(b.source.file ?? '') || a.id.localeCompare(b.id));
      const primary = sorted[0]!;
      wanted.set(primary.id, sorted.length > 1 ? { ...primary, sources: sorted.map((p) => p.source) } : primary);
    }
    for (const [id, before] of this.indexed) {
      if (!touched.has(dedupeKey(before)) || wanted.has(id)) continue;
      this.sink.remove(id);
      this.indexed.delete(id);
      out.removed.push(before);
    }
    for (const [id, p] of wanted) {
      const before = this.indexed.get(id);
      if (before && JSON.stringify(before) === JSON.stringify(p)) continue;
      this.sink.add(p);
      this.indexed.set(id, p);
      (before ? out.changed : out.added).push(p);
    }
    if (out.added.length || out.changed.length || out.removed.length) {
      this.log.info({ added: out.added.length, changed: out.changed.length, removed: out.removed.length }, 'postings reloaded');
    }
    return out;
  }
}

function merge(changes: CatalogChange[]): CatalogChange {
  return {
    added: changes.flatMap((c) => c.added),
    changed: changes.flatMap((c) => c.changed),
    removed: changes.flatMap((c) => c.removed),
    broken: changes.flatMap((c) => c.broken),
  };
}
