// The bundle `npm start` runs: src/main.ts built by esbuild into dist/<fingerprint>/, so a start loads a few
// JavaScript files with plain node instead of compiling every TypeScript module through tsx at each start. The
// fingerprint hashes what the bundle is made of, so a changed source means another directory, built at the next
// start. Shared by scripts/start.mjs, the start-up bench and the tests. Plain JavaScript: it runs before tsx would.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Besides src/**\/*.ts, the files a bundle depends on: the installed packages, the compiler options, this build. */
const ALSO = ['package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

/** Builds kept in dist/ (the newest): switching back to a recent version of the sources needs no build. */
const KEEP = 4;

/** A build left by a start that crashed or was killed is removed after this long. */
const STALE_MS = 10 * 60_000;

/** The TypeScript files under a folder, as paths relative to `root` with forward slashes, sorted. */
function sources(root, dir) {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.ts')) found.push(relative(root, join(d, e.name)).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return found.sort();
}

/**
 * A hash of the sources (src/**\/*.ts) and of the files in ALSO, each named by its path in the repository: the same
 * in every clone of the same commit, another as soon as one of them changes. Reading and hashing them takes a few
 * milliseconds.
 */
export function fingerprint(root = ROOT) {
  const hash = createHash('sha1');
  for (const file of [...sources(root, 'src'), ...ALSO]) {
    let text;
    try {
      text = readFileSync(join(root, file));
    } catch {
      text = 'missing';
    }
    hash.update(`${file}\0${text.length}\0`).update(text);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles the entry points (output name: source file, default src/main.ts as main) into `outdir`: ESM for node 20,
 * packages left to node_modules, each dynamic import a chunk loaded when asked for, source maps beside. The build is
 * written to a temporary folder beside `outdir` and renamed into place, so `outdir` is either missing or complete;
 * when another build got there first, that one is kept. Throws when it cannot build (no esbuild, read-only folder).
 */
export async function build({ root = ROOT, outdir, entries = { main: 'src/main.ts' } }) {
  // Every file lands in `outdir` itself, so one relative path leads from any of them to the sources.
  for (const name of Object.keys(entries)) if (/[\\/]/.test(name)) throw new Error(`entry name ${name} must not name a folder`);
  const { build: esbuild } = await import('esbuild');
  mkdirSync(dirname(outdir), { recursive: true });
  const tmp = join(dirname(outdir), `.tmp-${basename(outdir)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await esbuild({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, join(root, file)])),
      outdir: tmp,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      splitting: true,
      sourcemap: true,
      sourcesContent: false,
      // The parser's and the saved index's versions hash the sources (src/store/parse-cache.ts, sourceFile), found
      // from the bundle by this path: relative, so the checkout can move with its bundle.
      define: { OPENROLES_SOURCES: JSON.stringify(`${relative(outdir, join(root, 'src')).split(sep).join('/')}/`) },
      logLevel: 'silent',
    });
    renameSync(tmp, outdir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    // Two starts at once: the other one's bundle is as good.
    if (Object.keys(entries).every((name) => existsSync(join(outdir, `${name}.js`)))) return outdir;
    throw err;
  }
  return outdir;
}

/**
 * The bundle of the sources as they are now (dist/<fingerprint>/main.js), built first when there is none. Old builds
 * beyond the newest few, and builds left half done, are removed.
 */
export async function ensureBundle({ root = ROOT } = {}) {
  const dist = join(root, 'dist');
  const id = fingerprint(root);
  const main = join(dist, id, 'main.js');
  if (existsSync(main)) return { main, built: false };
  await build({ root, outdir: join(dist, id) });
  prune(dist, id);
  return { main, built: true };
}

/** Removes all but the KEEP newest builds (a process started from one may still load its chunks) and stale ones. */
function prune(dist, current) {
  try {
    const builds = [];
    for (const name of readdirSync(dist)) {
      const path = join(dist, name);
      const age = Date.now() - statSync(path).mtimeMs;
      if (name.startsWith('.tmp-') && age > STALE_MS) rmSync(path, { recursive: true, force: true });
      else if (/^[0-9a-f]{16}$/.test(name) && name !== current) builds.push({ path, age });
    }
    builds.sort((a, b) => a.age - b.age);
    for (const { path } of builds.slice(KEEP - 1)) rmSync(path, { recursive: true, force: true });
  } catch {
    // Old builds only take space; the next build tries again.
  }
}
