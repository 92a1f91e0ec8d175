// Start-up problems an operator can fix stop the app with one line naming the problem, the setting or file, and the
// fix, and no stack trace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { start } from '../../src/main.ts';
import { OperatorError, storeProblem } from '../../src/operator-errors.ts';
import { SEEDS_DIR } from '../helpers.ts';
import { useFakeSlack, useTempDir } from '../support/lifecycle.ts';
import { runMain } from './child.ts';

const root = useTempDir('openroles-operator-');
const slack = useFakeSlack();

const httpEnv = (extra: Record<string, string>) => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'test-signing-secret-0123456789', SLACK_API_URL: `${slack.url}/api/`, HOST: '127.0.0.1', PORT: '0', POSTINGS_DIR: SEEDS_DIR, ...extra });

async function startError(env: Record<string, string>): Promise<string> {
  try {
    const r = await start(loadConfig(httpEnv(env)), silentLogger());
    await r.stop();
  } catch (err) {
    expect(err).toBeInstanceOf(OperatorError);
    return (err as Error).message;
  }
  throw new Error('expected start-up to stop');
}

describe('operator errors', () => {
  it('a database file that is not SQLite', async () => {
    const dir = join(root, 'notadb');
    mkdirSync(dir);
    writeFileSync(join(dir, 'openroles.db'), 'these are my notes, not a database\n'.repeat(200));
    expect(await startError({ DATA_DIR: dir })).toBe(`${join(dir, 'openroles.db')} is not an SQLite database; move it away or set DATA_DIR to another folder (DATA_DIR is ${dir})`);
  });

  it('a DATA_DIR that is a file', async () => {
    const file = join(root, 'plain-file');
    writeFileSync(file, 'x');
    expect(await startError({ DATA_DIR: file })).toMatch(/^DATA_DIR \(.*plain-file\) is not a folder; set DATA_DIR to a folder openroles can write to$/);
  });

  it.runIf(process.platform === 'linux')('a DATA_DIR that cannot be written', async () => {
    expect(await startError({ DATA_DIR: '/sys/openroles-data' })).toMatch(/^cannot write \/sys\/openroles-data\/openroles\.db \(.*\); make DATA_DIR \(\/sys\/openroles-data\) a writable folder or point DATA_DIR at one$/);
  });

  it('a full disk or a locked database names DATA_DIR and what to do', () => {
    const file = '/srv/openroles/openroles.db';
    expect(storeProblem(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), file)).toBe('the disk holding /srv/openroles/openroles.db is full; free some space (DATA_DIR is /srv/openroles)');
    expect(storeProblem(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), file)).toMatch(/is locked by another process; stop the other openroles using it, or set DATA_DIR/);
    expect(storeProblem(new Error('something else'), file)).toBeNull();
  });

  it('a PORT already in use', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      expect(await startError({ DATA_DIR: join(root, 'port'), PORT: String(port) })).toBe(`PORT ${port} on 127.0.0.1 is already in use; stop what uses it or set PORT to another port`);
    } finally {
      taken.close();
    }
  });

  it('the real process prints one line and no stack trace', async () => {
    const dir = join(root, 'child-notadb');
    mkdirSync(dir);
    writeFileSync(join(dir, 'openroles.db'), 'not a database\n'.repeat(300));
    const child = runMain(httpEnv({ DATA_DIR: dir }));
    const exit = await child.exited;
    expect(exit.code).toBe(1);
    expect(child.stderr()).toBe(`openroles: ${join(dir, 'openroles.db')} is not an SQLite database; move it away or set DATA_DIR to another folder (DATA_DIR is ${dir})\n`);
  }, 30_000);

  it('a bad setting is one line too', async () => {
    const child = runMain({ PORT: 'eighty', SOURCES_TIMEOUT: 'soon' });
    const exit = await child.exited;
    expect(exit.code).toBe(1);
    expect(child.stderr()).toBe('openroles: Invalid configuration: PORT: a port number from 0 to 65535, not "eighty"; SOURCES_TIMEOUT: a duration such as 15s or 500ms, not "soon"\n');
  }, 30_000);
});
