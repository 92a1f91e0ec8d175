// `npm start` (scripts/start.mjs) in a checkout of its own: the first start builds the bundle and answers piped
// questions from it; when the bundle cannot be written, the sources run through tsx after one warning line.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../helpers.ts';
import { useTempDir } from '../support/lifecycle.ts';
import { ROOT } from './child.ts';

const tmp = useTempDir('openroles-start-');

/** A copy of what `npm start` needs, packages linked. */
function checkout(name: string): string {
  const dir = join(tmp, name);
  for (const f of ['src', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function npmStart(dir: string, input: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(dir, 'scripts', 'start.mjs')], {
    cwd: dir,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', POSTINGS_DIR: SEEDS_DIR, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' },
  });
}

describe('npm start', () => {
  it('builds the bundle at the first start and answers piped questions from it, then starts from it', () => {
    const dir = checkout('fresh');
    for (let i = 0; i < 2; i++) {
      const r = npmStart(dir, '/jobs python\nwhat does the beehiiv role pay?\n');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/roles? match “python”/);
      expect(r.stdout).toMatch(/Pay for .* at beehiiv/);
    }
    const builds = readdirSync(join(dir, 'dist'));
    expect(builds).toHaveLength(1);
    expect(existsSync(join(dir, 'dist', builds[0]!, 'main.js'))).toBe(true);
  }, 60_000);

  it('runs the sources through tsx, after one warning line, when the bundle cannot be built', () => {
    const dir = checkout('unwritable');
    writeFileSync(join(dir, 'dist'), 'not a folder');
    const r = npmStart(dir, '/jobs python\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^openroles: could not build the bundle in dist\/ \(.*\); running the sources through tsx, which starts slower\n$/);
    expect(r.stdout).toMatch(/roles? match “python”/);
  }, 60_000);
});
