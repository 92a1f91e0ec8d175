// The console keeps the parse cache and the saved index in DATA_DIR like the Slack app, and still answers when
// DATA_DIR cannot be used (it then parses every file).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { start } from '../../src/main.ts';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'openroles-console-'));
  dir = join(root, 'postings');
  mkdirSync(dir);
  for (let i = 0; i < 5; i++) writeFileSync(join(dir, `p${i}.txt`), `Orchard Harvest Coordinator ${i}\nBramble Fruit Co\nKent, United Kingdom · On-site\n\nResponsibilities:\n- Plan the picking of row ${i}\n\nRequirements:\n- 1+ years in agriculture\n`);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** One console session over piped lines; its output and log lines. */
async function session(dataDir: string, lines: string): Promise<{ out: string; logs: Array<Record<string, unknown>> }> {
  const logs: Array<Record<string, unknown>> = [];
  const log = createLogger({ destination: new Writable({ write(c, _e, cb) { logs.push(JSON.parse(String(c))); cb(); } }) as never });
  const input = new PassThrough();
  let out = '';
  const output = new Writable({ write(c, _e, cb) { out += String(c); cb(); } });
  input.end(lines);
  const running = await start(loadConfig({ POSTINGS_DIR: dir, DATA_DIR: dataDir }), log, { input, output, interactive: false });
  await running.stop();
  return { out, logs };
}

const loaded = (logs: Array<Record<string, unknown>>) => logs.find((l) => l.msg === 'postings loaded');

describe('console and DATA_DIR', () => {
  it('a second console start answers from the saved index', async () => {
    const data = join(root, 'data');
    const first = await session(data, '/jobs orchard\nquit\n');
    expect(first.out).toMatch(/5 roles match/);
    expect(existsSync(join(data, 'openroles.db'))).toBe(true);
    expect(existsSync(join(data, 'index.saved'))).toBe(true);
    const second = await session(data, '/jobs orchard\nquit\n');
    expect(second.out).toMatch(/5 roles match/);
    expect(second.logs.find((l) => l.msg === 'answering from the saved index while the folders are scanned for changes')).toMatchObject({ roles: 5 });
    expect(loaded(second.logs)).toMatchObject({ restored: true, roles: 5 });
  });

  it('answers with a DATA_DIR that cannot be created, parsing the files', async () => {
    const file = join(root, 'plain-file');
    writeFileSync(file, 'not a folder');
    const { out, logs } = await session(file, '/jobs orchard\nquit\n');
    expect(out).toMatch(/5 roles match/);
    expect(logs.some((l) => l.msg === 'no parse cache: postings are parsed at each start')).toBe(true);
    expect(loaded(logs)).toMatchObject({ restored: false, roles: 5 });
  });
});
