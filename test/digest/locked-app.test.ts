// The real app while another process holds the database's write lock: searches answer at once (they need no write),
// an alert due meanwhile does not crash anything and is sent after the lock is gone.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { dmOf } from '../support/fake-slack.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const POSTING = `Senior Kotlin Engineer
Lanternfish Labs
Location: Remote (US)

About the role
You will build the Android and server sides of our field-notes app in Kotlin.

Requirements
- 5+ years building production software
- Kotlin and coroutines
- Experience with PostgreSQL
`;

const roles = async (): Promise<number> => ((await (await fetch(`${t.base}/healthz`)).json()) as { roles: number }).roles;
const until = async (ok: () => Promise<boolean> | boolean, ms: number): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** Subcommands that touch the database are acknowledged at once and answered through response_url. */
const answerOf = async (text: string): Promise<string> => {
  const responses = () => t.slack.calls.filter((c) => c.method.startsWith('response/'));
  const n = responses().length;
  expect((await t.command(text)).status).toBe(200);
  await until(() => responses().length > n, 5000);
  return JSON.stringify(responses()[n]!.args);
};

describe('a database locked by another process', () => {
  it('searches answer within 1 s each, an alert due meanwhile is sent after the lock, the app keeps running', { timeout: 60_000 }, async () => {
    expect(await answerOf('subscribe kotlin')).toMatch(/Alert saved/);
    const file = join(t.dirs.data, 'openroles.db');
    const other = new Database(file);
    // The alerts took the roles open at start as seen; wait for that before locking.
    await until(() => !!other.prepare("SELECT 1 FROM store_meta WHERE key = 'alerts_baseline'").get(), 5000);
    const before = await roles();
    other.exec('BEGIN EXCLUSIVE');
    try {
      writeFileSync(join(t.dirs.postings, 'lanternfish-kotlin.txt'), POSTING);
      await until(async () => (await roles()) === before + 1, 10_000);
      const times: number[] = [];
      for (const q of ['remote', 'kotlin', 'python', 'staff', 'engineer']) {
        const t0 = Date.now();
        const r = await t.command(q);
        expect(r.status).toBe(200);
        await r.json();
        times.push(Date.now() - t0);
      }
      expect(Math.max(...times)).toBeLessThan(1000);
      expect(t.slack.of('chat.postMessage').filter((c) => c.args.channel === dmOf('U1'))).toHaveLength(0);
      expect(await answerOf('subscribe go')).toMatch(/locked by another process/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await until(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === dmOf('U1')), 20_000);
    const dm = t.slack.of('chat.postMessage').filter((c) => c.args.channel === dmOf('U1'));
    expect(dm).toHaveLength(1);
    expect(JSON.stringify(dm[0]!.args.blocks)).toMatch(/Kotlin Engineer/);
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  });
});
