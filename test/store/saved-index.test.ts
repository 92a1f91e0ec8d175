// The saved index: a restart with unchanged files answers from it and parses nothing; files changed, added or removed
// while the app was down show once the folder is scanned behind it; another parser or index version, a damaged file
// or other folders make it rebuilt (and saved again).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { openDatabase } from '../../src/store/db.ts';
import { SqliteParseCache } from '../../src/store/parse-cache.ts';
import { indexVersion, SavedIndexFile } from '../../src/store/saved-index.ts';
import { openCatalog } from '../../src/warm-start.ts';
import { within } from '../helpers.ts';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'openroles-saved-'));
  dir = join(root, 'postings');
  mkdirSync(dir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const posting = (i: number, extra = ''): string =>
  `Bakery Production Supervisor ${i}\nHollowfield Breads\nBristol, United Kingdom · On-site\n\nSalary: £30,000 - £34,000 per year\n\nResponsibilities:\n- Plan the early bake of oven ${i}${extra}\n\nRequirements:\n- 2+ years supervising a food production line\n`;

const savedFile = (): string => join(root, 'data', 'index.saved');

/** One run of the app's start-up: database, parse cache, saved index, the first load; `stop` saves and closes. */
async function start(opts: { parser?: string; index?: string; dirs?: string[] } = {}) {
  const db = openDatabase(join(root, 'data', 'openroles.db'));
  const cache = new SqliteParseCache(db, { version: opts.parser ?? 'p1' });
  const saved = new SavedIndexFile(savedFile(), opts.index ?? 'i1');
  const opened = openCatalog(opts.dirs ?? [dir], silentLogger(), { parseCache: cache, saved });
  const answeredBeforeLoad = opened.index.search('bakery').total;
  const first = await opened.catalog.load({ emit: opened.restored });
  opened.saver!.loaded(first, opened.restored);
  const parsed = cache.getStats().misses;
  return {
    ...opened,
    first,
    parsed,
    answeredBeforeLoad,
    stop() {
      opened.catalog.close();
      opened.saver!.close();
      cache.close();
      db.close();
    },
  };
}

const titles = (r: { index: { all(): Array<{ title: string | null }> } }): string[] => r.index.all().map((p) => p.title!).sort();

describe('saved index', () => {
  it('a restart with unchanged files answers before any file is read, parses nothing and serves the same roles', async () => {
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `p${i}.txt`), posting(i));
    const run1 = await start();
    expect(run1).toMatchObject({ restored: false, parsed: 40, answeredBeforeLoad: 0 });
    const before = run1.index.search('oven 17').hits.map((h) => h.posting);
    run1.stop();
    expect(run1.saver!.saves).toBe(1);

    const run2 = await start();
    expect(run2).toMatchObject({ restored: true, parsed: 0, answeredBeforeLoad: 40 });
    expect(run2.first).toMatchObject({ added: [], changed: [], removed: [] });
    expect(run2.index.search('oven 17').hits.map((h) => h.posting)).toEqual(before);
    expect(titles(run2)).toEqual(titles(run1));
    run2.stop();
    // Nothing changed: nothing to save.
    expect(run2.saver!.saves).toBe(0);
  });

  it('files changed, added and removed while the app was down show after the scan; only those are parsed', async () => {
    for (let i = 0; i < 10; i++) writeFileSync(join(dir, `p${i}.txt`), posting(i));
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const run1 = await start();
    expect(run1.catalog.broken.has('broken.json')).toBe(true);
    run1.stop();

    writeFileSync(join(dir, 'p3.txt'), posting(3, ' and the sourdough line'));
    writeFileSync(join(dir, 'p10.txt'), posting(10));
    unlinkSync(join(dir, 'p4.txt'));
    utimesSync(join(dir, 'p5.txt'), new Date(), new Date(Date.now() + 5000)); // touched only: read, not parsed
    const run2 = await start();
    expect(run2.restored).toBe(true);
    expect(run2.parsed).toBe(2);
    expect(run2.first.added.map((p) => p.title)).toEqual(['Bakery Production Supervisor 10']);
    expect(run2.first.changed.map((p) => p.title)).toEqual(['Bakery Production Supervisor 3']);
    expect(run2.first.removed.map((p) => p.title)).toEqual(['Bakery Production Supervisor 4']);
    expect(run2.index.search('sourdough').hits[0]?.posting.title).toBe('Bakery Production Supervisor 3');
    expect(run2.index.size).toBe(10);
    // A broken file stays reported across the restart.
    expect(run2.catalog.broken.has('broken.json')).toBe(true);
    run2.stop();
    expect(run2.saver!.saves).toBe(1);

    // The state saved after the scan is the one the next start finds.
    const run3 = await start();
    expect(run3).toMatchObject({ restored: true, parsed: 0 });
    expect(titles(run3)).toEqual(titles(run2));
    run3.stop();
  });

  it('watches for changes once loaded, as a fresh start does', async () => {
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `p${i}.txt`), posting(i));
    (await start()).stop();
    const run = await start();
    expect(run.restored).toBe(true);
    run.catalog.watch({ debounceMs: 20, pollMs: 500 });
    writeFileSync(join(dir, 'p1.txt'), posting(1, ' and the rye starter'));
    unlinkSync(join(dir, 'p2.txt'));
    await within(2000, () => run.index.search('rye').total === 1 && run.index.size === 2);
    run.stop();
    const next = await start();
    expect(next).toMatchObject({ restored: true, parsed: 0 });
    expect(next.index.search('rye').total).toBe(1);
    expect(next.index.size).toBe(2);
    next.stop();
  });

  it('another parser or index version is not used: the index is rebuilt and saved again', async () => {
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `p${i}.txt`), posting(i));
    (await start()).stop();
    const parser = await start({ parser: 'p2', index: 'i2' });
    expect(parser).toMatchObject({ restored: false, parsed: 5 });
    expect(parser.index.size).toBe(5);
    parser.stop();
    expect(parser.saver!.saves).toBe(1);
    expect((await start({ parser: 'p2', index: 'i2' })).restored).toBe(true);
    // The real version covers the search index and the parser behind it.
    expect(indexVersion()).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['cut short', () => truncateSync(savedFile(), Math.floor(readFileSync(savedFile()).length / 2))],
    ['not JSON', () => writeFileSync(savedFile(), 'garbage\u0000\u0001')],
    ['a header and no body', () => writeFileSync(savedFile(), readFileSync(savedFile(), 'utf8').split('\n')[0]! + '\n')],
    ['the right length of the wrong shape', () => {
      const [head, body] = readFileSync(savedFile(), 'utf8').split(/\n(.*)/s);
      const wrong = JSON.stringify({ index: { version: 2, postings: 'x' }, catalog: null }).padEnd(body!.length, ' ');
      writeFileSync(savedFile(), `${head}\n${wrong}`);
    }],
    ['roles the catalog names but the index lacks', () => {
      const [head, body] = readFileSync(savedFile(), 'utf8').split(/\n(.*)/s);
      const data = JSON.parse(body!);
      data.index.postings = data.index.postings.slice(1);
      data.index.texts = { terms: [] };
      const text = JSON.stringify(data);
      writeFileSync(savedFile(), `${head!.replace(/"bytes":\d+/, `"bytes":${Buffer.byteLength(text)}`)}\n${text}`);
    }],
  ])('a damaged saved index (%s) is ignored, rebuilt and saved again', async (_name, damage) => {
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, `p${i}.txt`), posting(i));
    const run1 = await start();
    run1.stop();
    damage();
    const run2 = await start();
    expect(run2).toMatchObject({ restored: false, parsed: 0 }); // rebuilt from the parse cache
    expect(titles(run2)).toEqual(titles(run1));
    run2.stop();
    expect(run2.saver!.saves).toBe(1);
    expect((await start()).restored).toBe(true);
  });

  it('a saved index of other folders is not used', async () => {
    const other = join(root, 'more');
    mkdirSync(other);
    writeFileSync(join(dir, 'a.txt'), posting(1));
    writeFileSync(join(other, 'b.txt'), posting(2));
    (await start()).stop();
    const both = await start({ dirs: [dir, other] });
    expect(both.restored).toBe(false);
    expect(both.index.size).toBe(2);
    both.stop();
  });
});

describe('saved index file', () => {
  it('keeps text in every script as it was, and reads as nothing once its version changes', () => {
    const file = new SavedIndexFile(join(root, 'x.saved'), 'v1');
    const data = { words: ['Pflegefachfrau:mann (m/w/d)', 'São Paulo', '35K€', '東京', 'emoji 🚀', 'line\nbreak "quoted" \\ back'] };
    expect(file.save(data)).toBe(true);
    expect(readFileSync(join(root, 'x.saved')).every((b) => b < 128)).toBe(true);
    expect(file.load()).toEqual(data);
    expect(new SavedIndexFile(join(root, 'x.saved'), 'v2').load()).toBeNull();
    expect(new SavedIndexFile(join(root, 'missing.saved'), 'v1').load()).toBeNull();
  });
});
