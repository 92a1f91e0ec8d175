// npm run bench -- --only=startup: start-up time and idle CPU at 10,000 posting files (generated into a temp dir),
// with the parse cache cold (first start) and warm (a restart with unchanged files), each in a fresh process. The
// start-up runs from a bundle built as `npm start` builds it (scripts/build.mjs); the warm restart through tsx, as
// `npm start` ran before, is shown beside it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, ROOT } from '../scripts/build.mjs';
import { generatePostings, renderPostingText } from './corpus.ts';

interface Run {
  roles: number;
  restored: boolean;
  /** Process start to module loading done, to the first query answered, to the folder scanned and watched. */
  modulesMs: number;
  answerMs: number;
  readyMs: number;
  /** CPU from the first line of start-up to the first answer, and to the folder scanned and watched. */
  answerCpuMs: number;
  loadCpuMs: number;
  idleCpuPct: number;
  misses: number;
}

const CHILD = fileURLToPath(new URL('./startup-child.ts', import.meta.url));
const LAUNCH = fileURLToPath(new URL('./startup-launch.mjs', import.meta.url));

/** How the child runs: the bundle (`npm start`), or the sources through tsx. */
type How = { bundle: string } | 'tsx';

function startOnce(how: How, dir: string, db: string, idleMs: number): Run {
  const args = how === 'tsx' ? ['--import', 'tsx', CHILD] : [LAUNCH, how.bundle];
  const r = spawnSync(process.execPath, [...args, dir, db, String(idleMs)], { encoding: 'utf8', timeout: 600_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`start-up run failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as Run;
}

export async function benchStartup(opts: { files?: number; quick?: boolean } = {}): Promise<void> {
  const files = opts.files ?? 10_000;
  const idleMs = opts.quick ? 5_000 : 15_000;
  const root = mkdtempSync(join(tmpdir(), 'openroles-startup-'));
  try {
    // Built by the function `npm start` builds with; the packages beside it, as in a checkout.
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const bundled: How = { bundle: join(await build({ outdir: join(root, 'bundle'), entries: { 'startup-child': 'bench/startup-child.ts' } }), 'startup-child.js') };
    const dir = join(root, 'postings');
    const db = join(root, 'data', 'openroles.db');
    mkdirSync(dir, { recursive: true });
    generatePostings(files, 11).forEach((p, i) => writeFileSync(join(dir, `posting-${i}.txt`), renderPostingText(p, 3000)));
    console.log(`\nStart-up and idle at ${files.toLocaleString('en-US')} posting files of 3 KB (each run a fresh process):`);
    const line = (cells: Array<string | number>): void => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 12)).join(''));
    line(['', 'modules ms', 'answer ms', 'answer CPU', 'scanned ms', 'scan CPU', 'parsed', 'idle CPU %']);
    const row = (label: string, r: Run): void => line([label, r.modulesMs, r.answerMs, r.answerCpuMs, r.readyMs, r.loadCpuMs, r.misses, r.idleCpuPct]);
    const cold = startOnce(bundled, dir, db, idleMs);
    row('cold (empty parse cache)', cold);
    // The saved index gone: the parse cache alone (every file's postings read from SQLite and indexed).
    rmSync(join(root, 'data', 'index.saved'), { force: true });
    row('parse cache only (no saved index)', startOnce(bundled, dir, db, idleMs));
    // Restarts: the best of two each, from the bundle and through tsx (the same saved index and parse cache serve both).
    const best = (how: How): Run => [startOnce(how, dir, db, idleMs), startOnce(how, dir, db, idleMs)].sort((a, b) => a.answerMs - b.answerMs)[0]!;
    const warm = best(bundled);
    row(`warm (restart, files unchanged)${warm.restored ? '' : ' NOT RESTORED'}`, warm);
    const tsx = best('tsx');
    row(`warm, through tsx${tsx.restored ? '' : ' NOT RESTORED'}`, tsx);
    console.log(`  ${warm.roles} roles. Wall times count from process start (Node start-up included); "modules" is when the`);
    console.log('  code is loaded (the whole app, as `npm start` loads it: its bundle, its sources\' fingerprint checked first; or,');
    console.log('  on the last line, the sources compiled through tsx), "answer" when the first query is answered (ready to answer;');
    console.log('  a restart answers from the saved index), "scanned" when the folder has been compared with it and is watched.');
    console.log('  CPU counts from the first line of start-up (modules excluded); idle CPU is measured while watching the');
    console.log('  unchanged folder.');
    console.log('  goals: warm answer ≤ 1,000 ms with 0 files parsed; idle CPU unmeasurable (≈ 0%)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
