// `npm start` runs a bundle (scripts/build.mjs). Built elsewhere than the sources, it must still compute the parser's
// and the saved index's versions from them, the very ones the sources compute: otherwise the parse cache and the
// saved index would never be used. And the start script rebuilds exactly when a source changes.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, ensureBundle, fingerprint, ROOT } from '../../scripts/build.mjs';
import { parserVersion } from '../../src/store/parse-cache.ts';
import { indexVersion } from '../../src/store/saved-index.ts';
import { SEEDS_DIR } from '../helpers.ts';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'openroles-bundle-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs a script with plain node, as `npm start` runs the bundle; its stdout. */
function node(args: string[], opts: { env?: Record<string, string>; input?: string } = {}): string {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', input: opts.input ?? '', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...opts.env } });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

describe('the bundle', () => {
  it('computes the same parser and saved-index versions as the sources', async () => {
    // A place unlike dist/<fingerprint>/, with the packages beside it as in a checkout.
    symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'), 'dir');
    const out = await build({ outdir: join(tmp, 'deep', 'bundle'), entries: { main: 'src/main.ts', 'parse-cache': 'src/store/parse-cache.ts', 'saved-index': 'src/store/saved-index.ts' } });
    const script = 'Promise.all([import(process.argv[1]), import(process.argv[2])]).then(([p, s]) => console.log(JSON.stringify([p.parserVersion(), p.parserVersion(), s.indexVersion()])))';
    const [parser, again, index] = JSON.parse(node(['-e', script, join(out, 'parse-cache.js'), join(out, 'saved-index.js')])) as string[];
    // A version made up because the sources were not found would differ from one call to the next.
    expect(again).toBe(parser);
    expect(parser).toBe(parserVersion());
    expect(index).toBe(indexVersion());

    // The bundle's own start-up stores what it parsed and the index it built under those versions.
    const data = join(tmp, 'data');
    const answer = node(['-e', 'import(process.argv[1]).then((m) => m.run())', join(out, 'main.js')], { env: { POSTINGS_DIR: SEEDS_DIR, DATA_DIR: data, LOG_LEVEL: 'warn' }, input: '/jobs python\n' });
    expect(answer).toMatch(/roles? match/);
    const header = JSON.parse(readFileSync(join(data, 'index.saved'), 'utf8').split('\n', 1)[0]!) as { version: string };
    expect(header.version).toBe(indexVersion());
    const db = new Database(join(data, 'openroles.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT DISTINCT parser FROM parse_cache').pluck().all()).toEqual([parserVersion()]);
    } finally {
      db.close();
    }
  });
});

describe('the start script', () => {
  it('fingerprints the sources by content, wherever the checkout is', () => {
    const copy = join(tmp, 'copy');
    cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
    for (const f of ['package-lock.json', 'tsconfig.json', 'scripts/build.mjs']) cpSync(join(ROOT, f), join(copy, f));
    const first = fingerprint(copy);
    expect(first).toBe(fingerprint(ROOT));
    const file = join(copy, 'src', 'postings', 'index.ts');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n// changed\n`);
    expect(fingerprint(copy)).not.toBe(first);
    writeFileSync(file, text);
    expect(fingerprint(copy)).toBe(first);
    writeFileSync(join(copy, 'src', 'new.ts'), 'export const x = 1;\n');
    const added = fingerprint(copy);
    expect(added).not.toBe(first);
    writeFileSync(join(copy, 'package-lock.json'), '{}\n');
    expect(fingerprint(copy)).not.toBe(added);
  });

  it('builds at the first start, reuses the bundle while the sources are unchanged, and rebuilds when one changes', async () => {
    const root = join(tmp, 'tiny');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'src', 'main.ts'), "import { word } from './word.ts';\nexport function run(): string {\n  return word;\n}\n");
    writeFileSync(join(root, 'src', 'word.ts'), "export const word: string = 'one';\n");
    const run = async (main: string): Promise<string> => ((await import(`${main}?t=${Date.now()}`)) as { run(): string }).run();

    // Two starts at once: one bundle, both run it, nothing half written left behind.
    const [a, b] = await Promise.all([ensureBundle({ root }), ensureBundle({ root })]);
    expect(a.main).toBe(b.main);
    expect(a.built || b.built).toBe(true);
    expect(await run(a.main)).toBe('one');
    expect(readdirSync(join(root, 'dist'))).toEqual([a.main.split('/').at(-2)]);

    expect(await ensureBundle({ root })).toEqual({ main: a.main, built: false });

    writeFileSync(join(root, 'src', 'word.ts'), "export const word: string = 'two';\n");
    const changed = await ensureBundle({ root });
    expect(changed.built).toBe(true);
    expect(changed.main).not.toBe(a.main);
    expect(await run(changed.main)).toBe('two');
    // The previous build stays for a process that may still load its chunks.
    expect(existsSync(a.main)).toBe(true);
  });
});
