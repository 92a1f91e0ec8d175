// The command line: parse, check, ask (text and --json) and the digest dry run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Posting } from '../src/postings/index.ts';
import { FIXTURES_DIR, SEEDS_DIR } from './helpers.ts';

const root = join(SEEDS_DIR, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (args: string[], env: Record<string, string> = {}) => spawnSync(tsx, ['src/cli.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

describe('cli', () => {
  it('parse piped into a slow reader prints all of its output, past 64 KiB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openroles-many-'));
    for (let i = 0; i < 12; i++) for (const f of readdirSync(FIXTURES_DIR)) cpSync(join(FIXTURES_DIR, f), join(dir, `${i}-${f}`));
    const whole = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'parse', ...readdirSync(dir).map((f) => join(dir, f))], { cwd: root, maxBuffer: 1 << 24 });
    expect(whole.length).toBeGreaterThan(2 * 64 * 1024);
    // A reader that starts late, as `| less` or a slow consumer does: the pipe fills and the CLI must wait for it.
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" --import tsx src/cli.ts parse "${dir}"/* | (sleep 2; wc -c)`], { cwd: root, encoding: 'utf8' });
    expect(Number(piped.stdout.trim())).toBe(whole.length);
  }, 60_000);
  it('parse prints a JSON array of schema-valid postings', () => {
    const out = execFileSync(tsx, ['src/cli.ts', 'parse', join(SEEDS_DIR, 'beehiiv-senior-ml-engineer.txt'), join(FIXTURES_DIR, 'hn-who-is-hiring.txt')], { cwd: root, encoding: 'utf8' });
    const postings = JSON.parse(out) as unknown[];
    expect(postings).toHaveLength(4);
    for (const p of postings) expect(Posting.safeParse(p).success).toBe(true);
  });
  it('check reports per file what could not be found, and broken files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openroles-check-'));
    writeFileSync(join(dir, 'ok.txt'), 'Senior Engineer\nAcme\nRemote\n\nSalary: $150k-$180k\n\nRequirements:\n- 5+ years of Go\n\nResponsibilities:\n- Build things\n');
    writeFileSync(join(dir, 'broken.json'), '{');
    const r = run(['check', dir]);
    expect(r.stdout).toMatch(/✓ ok.txt \(Senior Engineer at Acme\)/);
    expect(r.stdout).toMatch(/✗ broken.json: skipped — it is not valid JSON/);
    expect(r.status).toBe(1);
  });
  it('ask prints plain text, or the Slack message with --json', () => {
    expect(run(['ask', 'what does the beehiiv role pay?']).stdout).toMatch(/Pay for Senior Machine Learning Engineer at beehiiv/);
    const msg = JSON.parse(run(['ask', 'remote ranking', '--json']).stdout) as { text: string; blocks: unknown[] };
    expect(msg.blocks.length).toBeGreaterThan(1);
    expect(msg.text).toMatch(/remote ranking/);
  });
  it('digest prints what would be posted, without a database', () => {
    const r = run(['digest'], { DATA_DIR: mkdtempSync(join(tmpdir(), 'openroles-data-')) });
    expect(r.stdout).toMatch(/5 roles open at 3 companies/);
  });
  it('no command prints usage', () => {
    expect(run([]).stderr).toMatch(/usage:/);
  });
});
