// The folder watcher works from the kernel's events alone (no periodic rescan in these tests): adding, changing,
// removing and renaming files, and whole subfolders, update the index within 2 s.
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { Catalog } from '../../src/sources/catalog.ts';
import { within } from '../helpers.ts';

let dir: string;
let index: RoleIndex;
let catalog: Catalog;

// Titles the parser knows today; the watcher, not the parser, is under test here.
const posting = (title: string, company: string): string => `${title}\n${company}\nPorto, Portugal · Hybrid\n\nRequirements:\n- 3+ years of field work\n`;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'openroles-watch-'));
  writeFileSync(join(dir, 'first.txt'), posting('Data Engineer', 'Brightwater Surveys'));
  index = RoleIndex.from([]);
  catalog = new Catalog(dir, index, silentLogger());
  await catalog.load();
  // An hour between safety rescans: whatever happens below is seen through events.
  catalog.watch({ debounceMs: 50, pollMs: 3_600_000 });
  await new Promise((r) => setTimeout(r, 200));
});
afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (q: string): number => index.search(q).total;

describe('watching a folder by events', () => {
  it('sees files added, changed, renamed and removed', async () => {
    writeFileSync(join(dir, 'second.txt'), posting('Backend Engineer', 'Tidemark Marine'));
    await within(2000, () => count('tidemark') === 1);
    writeFileSync(join(dir, 'second.txt'), posting('Senior Backend Engineer', 'Tidemark Marine'));
    await within(2000, () => index.search('tidemark').hits[0]?.posting.title === 'Senior Backend Engineer');
    renameSync(join(dir, 'second.txt'), join(dir, 'renamed.md'));
    await within(2000, () => index.search('tidemark').hits[0]?.posting.source.file?.endsWith('renamed.md') === true);
    expect(count('tidemark')).toBe(1);
    unlinkSync(join(dir, 'renamed.md'));
    await within(2000, () => count('tidemark') === 0);
    expect(count('brightwater')).toBe(1);
  });

  it('sees a new subfolder and files written into it later, and its removal', async () => {
    mkdirSync(join(dir, 'boards', 'north'), { recursive: true });
    writeFileSync(join(dir, 'boards', 'north', 'a.txt'), posting('Data Scientist', 'Quarrystone'));
    await within(2000, () => count('quarrystone') === 1);
    writeFileSync(join(dir, 'boards', 'north', 'b.txt'), posting('Platform Engineer', 'Fjellborg Mining'));
    await within(2000, () => count('fjellborg') === 1);
    rmSync(join(dir, 'boards'), { recursive: true });
    await within(2000, () => count('quarrystone') === 0 && count('fjellborg') === 0);
    expect(count('brightwater')).toBe(1);
  });

  it('leaves hidden files and files that are not postings alone', async () => {
    writeFileSync(join(dir, '.draft.txt'), posting('Frontend Engineer', 'Hidden Harbor'));
    writeFileSync(join(dir, 'notes.log'), posting('Frontend Engineer', 'Logbook Ltd'));
    writeFileSync(join(dir, 'third.txt'), posting('Security Engineer', 'Meridian Maps'));
    await within(2000, () => count('meridian') === 1);
    expect(count('hidden')).toBe(0);
    expect(count('logbook')).toBe(0);
  });
});

describe('a folder that cannot be watched yet', () => {
  it('is looked at every second until it can, so a folder created after start-up still serves within 2 s', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'openroles-later-'));
    const later = join(parent, 'postings');
    const idx = RoleIndex.from([]);
    const c = new Catalog(later, idx, silentLogger());
    try {
      await c.load();
      c.watch({ debounceMs: 50, pollMs: 3_600_000 });
      mkdirSync(later);
      writeFileSync(join(later, 'a.txt'), posting('Data Engineer', 'Latecomer Labs'));
      await within(2000, () => idx.search('latecomer').total === 1);
      // Once watched, events take over again.
      await new Promise((r) => setTimeout(r, 1200));
      writeFileSync(join(later, 'b.txt'), posting('Backend Engineer', 'Second Wave'));
      await within(2000, () => idx.search('wave').total === 1);
    } finally {
      c.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
