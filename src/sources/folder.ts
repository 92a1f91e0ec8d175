// A folder of posting files: load them all, report the broken ones, and watch for changes.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { parsePostings, problemText, type Posting } from '../postings/index.ts';

export const POSTING_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.jsonld']);

export type FileResult =
  | { file: string; ok: true; postings: Posting[] }
  | { file: string; ok: false; error: string };

/** Reads and parses one file. A file the parser can make nothing of is an error, so the last good version stays. */
export async function readPostingFile(dir: string, file: string): Promise<FileResult> {
  const rel = relative(dir, file).split('\\').join('/');
  const source = `${dir.split('\\').join('/').replace(/\/$/, '').split('/').pop()}/${rel}`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return { file: rel, ok: false, error: `cannot read it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  if (/\.jsonl?d?$/i.test(file) && text.trim()) {
    try {
      JSON.parse(text);
    } catch (err) {
      return { file: rel, ok: false, error: `it is not valid JSON: ${(err as Error).message}` };
    }
  }
  const postings = parsePostings(text, { file: source });
  const usable = postings.filter((p) => p.title || p.company);
  if (!usable.length) return { file: rel, ok: false, error: problemText(postings[0]?.problems ?? []) || 'no posting found in it' };
  return { file: rel, ok: true, postings: usable };
}

async function listFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && POSTING_EXTENSIONS.has(extname(e.name).toLowerCase())) {
        try {
          const s = await stat(full);
          out.set(full, `${s.mtimeMs}:${s.size}`);
        } catch {
          // Removed between listing and stat: the next scan sees it gone.
        }
      }
    }
  };
  await walk(dir);
  return out;
}

export interface FolderChange {
  /** Files read anew (added or changed), with their result. */
  read: FileResult[];
  /** Files that disappeared, relative to the folder. */
  removed: string[];
}

/** Keeps track of a folder's files by modification time and size, so a rescan reads only what changed. */
export class PostingFolder {
  private seen = new Map<string, string>();
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {}

  /** Reads every file that is new or changed since the last scan and lists those removed. */
  async scan(): Promise<FolderChange> {
    const now = await listFiles(this.dir);
    const read: FileResult[] = [];
    const removed: string[] = [];
    for (const [file, sig] of now) {
      if (this.seen.get(file) === sig) continue;
      read.push(await readPostingFile(this.dir, file));
    }
    for (const file of this.seen.keys()) if (!now.has(file)) removed.push(relative(this.dir, file).split('\\').join('/'));
    this.seen = now;
    return { read, removed };
  }

  /** Calls `onChange` after files are added, changed or removed; events are debounced by `debounceMs`. */
  watch(onChange: (change: FolderChange) => void, opts: { debounceMs?: number; pollMs?: number } = {}): void {
    const debounce = opts.debounceMs ?? 150;
    const run = (): void => {
      this.scanning = this.scanning.then(async () => {
        const change = await this.scan();
        if (change.read.length || change.removed.length) onChange(change);
      });
    };
    const schedule = (): void => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(run, debounce);
    };
    try {
      this.watcher = watch(this.dir, { recursive: true }, schedule);
      this.watcher.on('error', () => undefined);
    } catch {
      this.watcher = null;
    }
    // A slow poll as well: some file systems (network mounts, containers) drop watch events.
    const poll = setInterval(schedule, opts.pollMs ?? 1000);
    poll.unref();
    this.stopPoll = () => clearInterval(poll);
  }

  private stopPoll: () => void = () => undefined;

  close(): void {
    this.watcher?.close();
    this.stopPoll();
    if (this.timer) clearTimeout(this.timer);
  }
}
