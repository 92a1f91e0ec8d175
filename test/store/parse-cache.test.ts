// The parse cache: a restart with unchanged files parses nothing; changed content or a changed parser parses again;
// files that are gone leave the cache; a locked database never blocks a read or a write.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { Catalog } from '../../src/sources/catalog.ts';
import { readPostingFile } from '../../src/sources/folder.ts';
import { openDatabase, type DB } from '../../src/store/db.ts';
import { parserVersion, SqliteParseCache } from '../../src/store/parse-cache.ts';

let root: string;
let dir: string;
let dbFile: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'openroles-cache-'));
  dir = join(root, 'postings');
  mkdirSync(dir);
  dbFile = join(root, 'data', 'openroles.db');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const posting = (i: number, extra = ''): string =>
  `Warehouse Shift Lead ${i}\nKestrel Logistics\nLeeds, United Kingdom · On-site\n\nSalary: £32,000 - £36,000 per year\n\nResponsibilities:\n- Run the night shift of dock ${i}${extra}\n\nRequirements:\n- 2+ years leading a team\n`;

function open(version?: string): { db: DB; cache: SqliteParseCache } {
  const db = openDatabase(dbFile);
  return { db, cache: new SqliteParseCache(db, { version }) };
}

const rows = (db: DB): string[] => (db.prepare('SELECT path FROM parse_cache ORDER BY path').pluck().all() as string[]).map((p) => p.slice(dir.length + 1));

describe('parse cache', () => {
  it('hits on unchanged content, misses after the content or the parser changes', () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, posting(1));
    const { db, cache } = open('v1');
    const first = readPostingFile(dir, file, cache);
    const again = readPostingFile(dir, file, cache);
    expect(cache.getStats()).toMatchObject({ hits: 1, misses: 1 });
    expect(again).toEqual(first);
    expect(cache.flush()).toBe(true);

    writeFileSync(file, posting(1, ' and the loading bay'));
    const changed = readPostingFile(dir, file, cache);
    expect(cache.getStats()).toMatchObject({ hits: 1, misses: 2 });
    expect(changed.ok && changed.postings[0]!.responsibilities[0]).toMatch(/loading bay/);
    cache.close();

    // Another parser version: nothing it did not parse itself is served.
    const other = new SqliteParseCache(db, { version: 'v2' });
    readPostingFile(dir, file, other);
    expect(other.getStats()).toMatchObject({ hits: 0, misses: 1 });
    other.close();
    db.close();
  });

  it('a restart with many unchanged files parses none of them and serves the same roles', async () => {
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `p${i}.txt`), posting(i));
    const first = open();
    const index1 = RoleIndex.from([]);
    const c1 = new Catalog(dir, index1, silentLogger(), { parseCache: first.cache });
    await c1.load();
    expect(first.cache.getStats()).toMatchObject({ hits: 0, misses: 300 });
    c1.close();
    first.cache.close();
    first.db.close();

    const second = open();
    const index2 = RoleIndex.from([]);
    const c2 = new Catalog(dir, index2, silentLogger(), { parseCache: second.cache });
    await c2.load();
    expect(second.cache.getStats()).toMatchObject({ hits: 300, misses: 0 });
    expect(index2.size).toBe(300);
    expect(index2.all().sort((a, b) => a.id.localeCompare(b.id))).toEqual(index1.all().sort((a, b) => a.id.localeCompare(b.id)));
    expect(index2.search('dock 17').hits[0]?.posting.title).toBe('Warehouse Shift Lead 17');
    c2.close();
    second.cache.close();
    second.db.close();

    // While the app is down one file is edited and another only touched: one parse, for the edited one.
    writeFileSync(join(dir, 'p5.txt'), posting(5, ' and the cold store'));
    utimesSync(join(dir, 'p6.txt'), new Date(), new Date(Date.now() + 5000));
    const third = open();
    const index3 = RoleIndex.from([]);
    const c3 = new Catalog(dir, index3, silentLogger(), { parseCache: third.cache });
    await c3.load();
    expect(third.cache.getStats()).toMatchObject({ hits: 299, misses: 1 });
    expect(index3.search('cold store').hits[0]?.posting.title).toBe('Warehouse Shift Lead 5');
    c3.close();
    third.cache.close();
    third.db.close();
  });

  it('forgets files removed while running and while the app was down', async () => {
    for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `${n}.txt`), posting(n.charCodeAt(0)));
    const run1 = open();
    const catalog = new Catalog(dir, RoleIndex.from([]), silentLogger(), { parseCache: run1.cache });
    await catalog.load();
    run1.cache.flush();
    expect(rows(run1.db)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    catalog.watch({ debounceMs: 20 });
    unlinkSync(join(dir, 'a.txt'));
    const t0 = Date.now();
    while (rows(run1.db).includes('a.txt') && Date.now() - t0 < 3000) {
      await new Promise((r) => setTimeout(r, 50));
      run1.cache.flush();
    }
    expect(rows(run1.db)).toEqual(['b.txt', 'c.txt']);
    catalog.close();
    run1.cache.close();
    run1.db.close();

    unlinkSync(join(dir, 'b.txt'));
    const run2 = open();
    await new Catalog(dir, RoleIndex.from([]), silentLogger(), { parseCache: run2.cache }).load();
    run2.cache.flush();
    expect(rows(run2.db)).toEqual(['c.txt']);
    run2.cache.close();
    run2.db.close();
  });

  it('reads while another process holds the write lock, and keeps its writes for later instead of waiting', () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, posting(1));
    const { db, cache } = open('v1');
    readPostingFile(dir, file, cache);
    expect(cache.flush()).toBe(true);

    const other = new Database(dbFile);
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO parse_cache (path, hash, parser, postings, at) VALUES ('x', 'h', 'v', '[]', 'now')").run();
    expect(readPostingFile(dir, file, cache).ok).toBe(true);
    expect(cache.getStats().hits).toBe(1);
    writeFileSync(join(dir, 'b.txt'), posting(2));
    readPostingFile(dir, join(dir, 'b.txt'), cache);
    expect(cache.flush()).toBe(false);
    expect(cache.getStats()).toMatchObject({ pending: 1, lastError: expect.stringMatching(/locked|busy/i) });
    other.exec('ROLLBACK');
    other.close();
    expect(cache.flush()).toBe(true);
    expect(rows(db)).toEqual(['a.txt', 'b.txt']);
    cache.close();
    db.close();
  });
});

describe('a cache that cannot open', () => {
  it('parses every file and never throws', () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, posting(1));
    mkdirSync(join(root, 'data'));
    const bare = new Database(dbFile); // no migrations: no table
    const cache = new SqliteParseCache(bare);
    expect(cache.getStats().lastError).toMatch(/no such table/);
    expect(readPostingFile(dir, file, cache, { now: '1:1', trusted: true }).ok).toBe(true);
    expect(readPostingFile(dir, file, cache).ok).toBe(true);
    expect(cache.flush()).toBe(true);
    cache.retain([]);
    cache.close();
    bare.close();
  });
});

describe('parser version', () => {
  it('changes when any module the parser imports changes, and only then', () => {
    const src = join(root, 'src');
    mkdirSync(join(src, 'postings'), { recursive: true });
    mkdirSync(join(src, 'lexicon'));
    const entry = join(src, 'postings', 'index.ts');
    writeFileSync(entry, "export { parse } from './parse.ts';\n");
    writeFileSync(join(src, 'postings', 'parse.ts'), "import { WORDS } from '../lexicon/words.ts';\nexport const parse = () => WORDS;\n");
    writeFileSync(join(src, 'lexicon', 'words.ts'), "export const WORDS = ['a'];\n");
    writeFileSync(join(src, 'postings', 'unused.ts'), 'export const x = 1;\n');
    const v1 = parserVersion(entry);
    expect(parserVersion(entry)).toBe(v1);
    writeFileSync(join(src, 'postings', 'unused.ts'), 'export const x = 2;\n');
    expect(parserVersion(entry)).toBe(v1);
    writeFileSync(join(src, 'lexicon', 'words.ts'), "export const WORDS = ['a', 'b'];\n");
    const v2 = parserVersion(entry);
    expect(v2).not.toBe(v1);
    writeFileSync(join(src, 'postings', 'parse.ts'), "import { WORDS } from '../lexicon/words.ts';\nexport const parse = () => WORDS.length;\n");
    expect(parserVersion(entry)).not.toBe(v2);
  });

  it('the real parser has a version, the same on every call', () => {
    expect(parserVersion()).toMatch(/^[0-9a-f]{16}$/);
    expect(parserVersion()).toBe(parserVersion());
  });
});
