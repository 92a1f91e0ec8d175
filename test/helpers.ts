import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePostings, type Posting } from '../src/postings/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = join(here, '..', 'seeds');
export const FIXTURES_DIR = join(here, 'fixtures', 'postings');

/** Parses one file of a folder, by name, as the app would. */
export function parseFile(dir: string, name: string): Posting[] {
  return parsePostings(readFileSync(join(dir, name), 'utf8'), { file: name });
}

/** Every posting of the seeds and the test fixtures. */
export function corpus(): Posting[] {
  const all: Posting[] = [];
  for (const dir of [SEEDS_DIR, FIXTURES_DIR]) for (const f of readdirSync(dir).sort()) all.push(...parseFile(dir, f));
  return all;
}

export const seed = (name: string): Posting => parseFile(SEEDS_DIR, name)[0]!;
export const fixture = (name: string): Posting[] => parseFile(FIXTURES_DIR, name);

/** Waits until `fn` holds, polling every 20 ms; fails after `ms`. Returns how long it took. */
export async function within(ms: number, fn: () => boolean): Promise<number> {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - t0;
}
