// npm run bench -- --only=startup: start-up time and idle CPU at 10,000 posting files (generated into a temp dir),
// with the parse cache cold (first start) and warm (a restart with unchanged files), each in a fresh process.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

function startOnce(dir: string, db: string, idleMs: number): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir, db, String(idleMs)], { encoding: 'utf8', timeout: 600_000 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`start-up run failed: ${r.stderr.slice(-2000)}`);
  return JSON.parse(line) as Run;
}

export function benchStartup(opts: { files?: number; quick?: boolean } = {}): void {
  const files = opts.files ?? 10_000;
  const idleMs = opts.quick ? 5_000 : 15_000;
  const root = mkdtempSync(join(tmpdir(), 'openroles-startup-'));
  try {
    const dir = join(root, 'postings');
    const db = join(root, 'data', 'openroles.db');
    mkdirSync(dir, { recursive: true });
    generatePostings(files, 11).forEach((p, i) => writeFileSync(join(dir, `posting-${i}.txt`), renderPostingText(p, 3000)));
    console.log(`\nStart-up and idle at ${files.toLocaleString('en-US')} posting files of 3 KB (each run a fresh process):`);
    const line = (cells: Array<string | number>): void => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 34 : 12)).join(''));
    line(['', 'modules ms', 'answer ms', 'answer CPU', 'scanned ms', 'scan CPU', 'parsed', 'idle CPU %']);
    const row = (label: string, r: Run): void => line([label, r.modulesMs, r.answerMs, r.answerCpuMs, r.readyMs, r.loadCpuMs, r.misses, r.idleCpuPct]);
    const cold = startOnce(dir, db, idleMs);
    row('cold (empty parse cache)', cold);
    // The saved index gone: the parse cache alone (every file's postings read from SQLite and indexed).
    rmSync(join(root, 'data', 'index.saved'), { force: true });
    row('parse cache only (no saved index)', startOnce(dir, db, idleMs));
    const warm = [startOnce(dir, db, idleMs), startOnce(dir, db, idleMs)].sort((a, b) => a.answerMs - b.answerMs)[0]!;
    row(`warm (restart, files unchanged)${warm.restored ? '' : ' NOT RESTORED'}`, warm);
    console.log(`  ${warm.roles} roles. Wall times count from process start (Node and tsx start-up included); "modules" is`);
    console.log('  when the code is loaded, "answer" when the first query is answered (ready to answer; a restart answers from');
    console.log('  the saved index), "scanned" when the folder has been compared with it and is watched. CPU counts from the');
    console.log('  first line of start-up (modules excluded); idle CPU is measured while watching the unchanged folder.');
    console.log('  goals: warm answer ≤ 1,000 ms with 0 files parsed; idle CPU unmeasurable (≈ 0%)');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
