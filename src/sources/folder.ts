// A folder of posting files: load them all, report the broken ones, and watch for changes.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { extname, join, relative, sep } from 'node:path';
import { parsePostings, problemText, type Posting } from '../postings/index.ts';

export const POSTING_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.jsonld']);

/** Parsed postings kept between runs (the SQLite store provides it), keyed by file, content hash and parser version. */
export interface ParseCache {
  get(path: string, hash: string): Posting[] | null;
  /** The postings of a file whose modification time and size are those it had when parsed. */
  getUnchanged(path: string, sig: string): Posting[] | null;
  put(path: string, hash: string, postings: Posting[], sig?: string): void;
  /** Forgets files that are gone. */
  forget(paths: Iterable<string>): void;
  /** Forgets every file but these. */
  retain(paths: Iterable<string>): void;
}

export type FileResult =
  | { file: string; ok: true; postings: Posting[] }
  | { file: string; ok: false; error: string };

/**
 * Reads and parses one file. A file the parser can make nothing of is an error, so the last good version stays.
 *
 * With a cache, the content hash decides whether a file must be parsed again. At start-up (`sig.trusted`) a file
 * whose modification time and size are those recorded when it was parsed is not even read: the same trust a rescan
 * places in them while running, and it spares reading and hashing every file at each restart. After a watch event
 * the file is always read, as its content is what changed.
 */
export function readPostingFile(dir: string, file: string, cache: ParseCache | null = null, sig: { now: string; trusted: boolean } | null = null): FileResult {
  const rel = relative(dir, file).split('\\').join('/');
  const source = `${dir.split('\\').join('/').replace(/\/$/, '').split('/').pop()}/${rel}`;
  const unchanged = cache && sig?.trusted ? cache.getUnchanged(file, sig.now) : null;
  if (unchanged) return usableOf(rel, unchanged);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { file: rel, ok: false, error: `cannot read it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  // A content key, not a seal: SHA-1 is half the cost of SHA-256 here and collisions buy a writer nothing.
  const hash = cache ? createHash('sha1').update(text).digest('base64url') : '';
  let postings = cache?.get(file, hash) ?? null;
  if (postings && sig) cache!.put(file, hash, postings, sig.now);
  if (!postings) {
    if (/\.jsonl?d?$/i.test(file) && text.trim()) {
      try {
        JSON.parse(text);
      } catch (err) {
        return { file: rel, ok: false, error: `it is not valid JSON: ${(err as Error).message}` };
      }
    }
    postings = parsePostings(text, { file: source });
    cache?.put(file, hash, postings, sig?.now);
  }
  return usableOf(rel, postings);
}

function usableOf(rel: string, postings: Posting[]): FileResult {
  const usable = postings.filter((p) => p.title || p.company);
  if (!usable.length) return { file: rel, ok: false, error: problemText(postings[0]?.problems ?? []) || 'no posting found in it' };
  return { file: rel, ok: true, postings: usable };
}

interface Listing {
  /** Posting files and their signature (modification time and size). */
  sigs: Map<string, string>;
  dirs: string[];
}

/** Every posting file under `dir` (hidden names left out), and the directories walked. */
async function listFiles(dir: string): Promise<Listing> {
  const files = new Map<string, string>();
  const dirs: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    dirs.push(d);
    const here: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && POSTING_EXTENSIONS.has(extname(e.name).toLowerCase())) here.push(full);
    }
    const sigs = await inSlices(here, signature);
    here.forEach((f, i) => sigs[i] && files.set(f, sigs[i]!));
  };
  await walk(dir);
  return { sigs: files, dirs };
}

/**
 * `fn` over every item in order, in slices of at most ~10 ms with a turn of the event loop between them. The file
 * calls are synchronous: at 10,000 small files the promise API's four round trips per file through the thread pool
 * cost more than the reads, and the slices keep the app answering meanwhile.
 */
async function inSlices<T, R>(items: T[], fn: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  let since = performance.now();
  for (const item of items) {
    out.push(fn(item));
    if (performance.now() - since > 10) {
      await new Promise((r) => setImmediate(r));
      since = performance.now();
    }
  }
  return out;
}

function signature(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return null; // Removed between listing and stat: the next scan sees it gone.
  }
}

export interface FolderChange {
  /** Files read anew (added or changed), with their result. */
  read: FileResult[];
  /** Files that disappeared, relative to the folder. */
  removed: string[];
}

export interface WatchOptions {
  /** Quiet time after the last event before the changed paths are read. */
  debounceMs?: number;
  /**
   * A full rescan every so often, for file systems that drop events (network mounts); events do the work, so this
   * can be rare. Where the system offers no watching at all, the folder is rescanned every `min(pollMs, 1 s)`.
   */
  pollMs?: number;
}

/**
 * Keeps track of a folder's files by modification time and size, so a rescan reads only what changed.
 *
 * Watching costs nothing while the folder is quiet: the kernel reports changes (inotify, FSEvents,
 * ReadDirectoryChangesW) and only the paths it names are looked at. On Linux each directory gets its own
 * non-recursive watch, since Node's recursive mode there keeps a stat poller on every file (measurable CPU at 10,000
 * files) and can miss events while it sets up.
 */
export class PostingFolder {
  private seen = new Map<string, string>();
  private dirs = new Set<string>();
  private watchers = new Map<string, FSWatcher>();
  private dirty = new Set<string>();
  private fullRescan = false;
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private scanning: Promise<void> = Promise.resolve();
  private closed = false;
  /** Watches the directories a scan found; `all` when they are every directory of the folder. */
  private onDirs: ((dirs: string[], all: boolean) => void) | null = null;

  constructor(readonly dir: string, private cache: ParseCache | null = null) {}

  /** The posting files seen by the last scan. */
  files(): string[] {
    return [...this.seen.keys()];
  }

  /** Scans under way: while one runs, what the folder has seen is ahead of what its caller has applied. */
  private busy = 0;

  /**
   * Each file's signature as last scanned (full paths: a saved state is only taken back for the same folder); null
   * while a scan is under way, as a saved state must not claim a file whose new content is not applied yet.
   */
  signatures(): Array<[string, string]> | null {
    return this.busy ? null : [...this.seen];
  }

  /** Takes back the signatures of a saved state: the next scan reads only the files changed since. */
  restore(sigs: Array<[string, string]>): void {
    this.seen = new Map(sigs);
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work();
    } finally {
      this.busy--;
    }
  }

  private rel(file: string): string {
    return relative(this.dir, file).split('\\').join('/');
  }

  /** Reads every file that is new or changed since the last scan and lists those removed. */
  scan(): Promise<FolderChange> {
    return this.guarded(() => this.scanAll());
  }

  private async scanAll(): Promise<FolderChange> {
    const { sigs: now, dirs } = await listFiles(this.dir);
    const read: FileResult[] = [];
    const removed: string[] = [];
    const changed = [...now].filter(([file, sig]) => this.seen.get(file) !== sig).map(([file]) => file);
    read.push(...(await inSlices(changed, (file) => readPostingFile(this.dir, file, this.cache, { now: now.get(file)!, trusted: true }))));
    for (const file of this.seen.keys()) if (!now.has(file)) removed.push(file);
    this.seen = now;
    this.dirs = new Set(dirs);
    this.onDirs?.(dirs, true);
    this.cache?.forget(removed);
    return { read, removed: removed.map((f) => this.rel(f)) };
  }

  /**
   * Looks only at the paths events named: a file is read again (its content hash decides whether anything changed), a
   * directory is walked, a path that is gone removes what was under it.
   */
  scanPaths(paths: Iterable<string>): Promise<FolderChange> {
    return this.guarded(() => this.scanSome(paths));
  }

  private async scanSome(paths: Iterable<string>): Promise<FolderChange> {
    const read: FileResult[] = [];
    const removed: string[] = [];
    const newDirs: string[] = [];
    for (const path of new Set(paths)) {
      let kind: 'file' | 'dir' | null = null;
      try {
        const s = await stat(path);
        kind = s.isDirectory() ? 'dir' : s.isFile() ? 'file' : null;
      } catch {
        kind = null;
      }
      const under = (f: string): boolean => f === path || f.startsWith(path + sep);
      if (kind === 'dir') {
        const listing = await listFiles(path);
        for (const d of listing.dirs) if (!this.dirs.has(d)) (this.dirs.add(d), newDirs.push(d));
        const changed = [...listing.sigs].filter(([file, sig]) => this.seen.get(file) !== sig);
        for (const [file, sig] of changed) this.seen.set(file, sig);
        read.push(...(await inSlices(changed, ([file, now]) => readPostingFile(this.dir, file, this.cache, { now, trusted: false }))));
        for (const file of [...this.seen.keys()]) if (under(file) && !listing.sigs.has(file)) (this.seen.delete(file), removed.push(file));
      } else if (kind === 'file' && POSTING_EXTENSIONS.has(extname(path).toLowerCase())) {
        const sig = signature(path);
        if (!sig) continue;
        this.seen.set(path, sig);
        read.push(readPostingFile(this.dir, path, this.cache, { now: sig, trusted: false }));
      } else if (this.seen.has(path)) {
        // A file that is gone: looked up directly, so deleting a folder of N files costs N steps, not N × N.
        this.seen.delete(path);
        removed.push(path);
      } else {
        for (const file of [...this.seen.keys()]) if (under(file)) (this.seen.delete(file), removed.push(file));
        for (const d of [...this.dirs]) if (under(d)) this.dirs.delete(d);
        for (const [d, w] of this.watchers) if (under(d)) (w.close(), this.watchers.delete(d));
      }
    }
    if (newDirs.length) this.onDirs?.(newDirs, false);
    this.cache?.forget(removed);
    return { read, removed: removed.map((f) => this.rel(f)) };
  }

  /** Calls `onChange` after files are added, changed or removed; events are debounced by `debounceMs`. */
  watch(onChange: (change: FolderChange) => void, opts: WatchOptions = {}): void {
    const debounce = opts.debounceMs ?? 150;
    const rescanEvery = opts.pollMs ?? 10 * 60_000;
    const run = (): void => {
      const full = this.fullRescan;
      const paths = [...this.dirty];
      this.fullRescan = false;
      this.dirty.clear();
      this.scanning = this.scanning.then(async () => {
        if (this.closed) return;
        const change = full ? await this.scan() : await this.scanPaths(paths);
        if (change.read.length || change.removed.length) onChange(change);
      }).catch(() => undefined);
    };
    const schedule = (): void => {
      if (this.closed) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(run, debounce);
    };
    const event = (base: string) => (_type: string, name: string | Buffer | null): void => {
      if (name === null) {
        this.fullRescan = true;
      } else {
        const rel = String(name);
        // Hidden files, and files that are not postings (the database's journal, an editor's swap file), are no one's
        // business; a name without an extension may be a directory.
        if (rel.split(/[\\/]/).some((part) => part.startsWith('.'))) return;
        const ext = extname(rel).toLowerCase();
        if (ext && !POSTING_EXTENSIONS.has(ext)) return;
        this.dirty.add(join(base, rel));
      }
      schedule();
    };
    const failed = (): void => {
      this.fullRescan = true;
      schedule();
    };
    const watchDir = (d: string, recursive: boolean): boolean => {
      if (this.watchers.has(d) || this.closed) return true;
      try {
        const w = watch(d, { recursive, persistent: false }, event(d));
        // A watched directory removed or unreadable: look again at everything.
        w.on('error', () => {
          w.close();
          this.watchers.delete(d);
          failed();
        });
        this.watchers.set(d, w);
        return true;
      } catch {
        return false;
      }
    };
    // Where a directory cannot be watched (no watching on this file system, the system's limit of watches reached),
    // the folder falls back to a rescan every second: slower and costlier, but changes still show within 2 s.
    let polling = false;
    const poll = (fast: boolean): void => {
      if (this.poll && polling === fast) return;
      if (this.poll) clearInterval(this.poll);
      polling = fast;
      this.poll = setInterval(failed, fast ? Math.min(rescanEvery, 1000) : rescanEvery);
      this.poll.unref();
    };
    // Directories that could not be watched; each full rescan tries them again (the folder may exist by then).
    let unwatched = new Set<string>();
    const watchAll = (dirs: string[], all: boolean): void => {
      if (all) unwatched = new Set();
      for (const d of dirs) if (!watchDir(d, process.platform !== 'linux')) unwatched.add(d);
      poll(unwatched.size > 0);
    };
    // Linux watches each directory (see above); elsewhere the system watches the whole tree from the root.
    this.onDirs = (dirs, all) => watchAll(process.platform === 'linux' ? (all ? [this.dir, ...dirs] : dirs) : all ? [this.dir] : [], all);
    this.onDirs([...this.dirs], true);
    // What changed between the first scan and the watches being in place is found by one rescan now.
    failed();
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    if (this.poll) clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
  }
}
