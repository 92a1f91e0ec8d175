// Digests and alerts when the database cannot be written (a full disk, another process holding the write lock):
// nothing is posted twice, nothing is lost, nothing crashes, and the writes are retried.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Posting } from '../../src/postings/index.ts';
import type { DB } from '../../src/store/db.ts';
import { generatePostings } from '../../bench/corpus.ts';
import { corpus } from '../helpers.ts';
import { digestEnv, digestService, postsTo, until } from '../support/digest.ts';

const env = digestEnv();

const day = (d: number): Date => new Date(Date.UTC(2026, 10, d, 9));


const service = (postings: Posting[] = corpus()) => digestService(env, { postings, channels: ['C1'], now: () => day(2) });
const posts = (channel: string) => postsTo(env.slack, channel);
const file = (): string => env.file();
/** Makes the database file unable to grow, as on a full disk: writes that need a new page fail with SQLITE_FULL. */
const fillDisk = (db: DB): void => void db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
const freeDisk = (db: DB): void => void db.pragma('max_page_count = 1073741823');

describe('a full disk', () => {
  it('a digest posted but not recorded is not posted again at the next ticks, and is recorded once there is room', async () => {
    const { svc, poster, index, db } = service();
    await svc.start(poster);
    await svc.tick(day(2));
    generatePostings(60, 3).forEach((p) => index.add(p));
    // The disk fills while the digest is being posted: Slack accepts it, the record cannot be written.
    env.slack.beforeRespond = (c) => {
      if (c.method === 'chat.postMessage') fillDisk(db);
      env.slack.beforeRespond = null;
    };
    await svc.tick(day(3));
    const parts = posts('C1').length - 1;
    expect(parts).toBeGreaterThan(1);
    expect(svc.store.done('C1', day(3).toISOString())).toBe(false);
    for (const d of [4, 5, 6, 9, 10]) await svc.tick(day(d));
    expect(posts('C1').length).toBe(1 + parts);
    expect(JSON.stringify(await svc.command('digest', { userId: 'U1', channelId: 'C1' }))).toMatch(/could not be saved yet/);
    freeDisk(db);
    await until(() => svc.store.done('C1', day(3).toISOString()));
    await svc.tick(day(11));
    expect(posts('C1').length).toBe(1 + parts);
    expect(svc.store.sent('C1').size).toBe(corpus().length + 60);
    await svc.close();
  });

  it('a digest whose intent cannot be saved is not posted, and goes out once when there is room', async () => {
    const { svc, poster, index, db } = service();
    await svc.start(poster);
    await svc.tick(day(2));
    generatePostings(60, 3).forEach((p) => index.add(p));
    fillDisk(db);
    await svc.tick(day(3));
    await svc.tick(day(4));
    expect(posts('C1').length).toBe(1);
    freeDisk(db);
    await svc.tick(day(5));
    const ids = posts('C1').slice(1).flatMap((m) => (m.args.blocks as Array<{ accessory?: { value?: string } }>).map((b) => b.accessory?.value).filter(Boolean));
    expect(ids.length).toBe(60);
    expect(new Set(ids).size).toBe(60);
    await svc.close();
  });

  it('an alert due while no write succeeds (the file turned read-only) is sent once writes work again, and nothing crashes', async () => {
    const { svc, poster, index, db } = service();
    await svc.start(poster);
    await svc.command('subscribe kotlin', { userId: 'U7', channelId: 'C1' });
    await new Promise((r) => setTimeout(r, 50));
    db.pragma('query_only = ON');
    const role = { ...corpus()[0]!, id: 'kt1', title: 'Kotlin Engineer', skills: ['Kotlin'] };
    index.add(role);
    await svc.onCatalogChange({ added: [role], changed: [], removed: [], broken: [] });
    await new Promise((r) => setTimeout(r, 100)); // several retries fail meanwhile
    expect(posts('D7').length).toBe(0);
    db.pragma('query_only = OFF');
    await until(() => posts('D7').length === 1);
    await new Promise((r) => setTimeout(r, 100));
    await svc.onCatalogChange({ added: [role], changed: [], removed: [], broken: [] });
    expect(posts('D7').length).toBe(1);
    await svc.close();
  });
});

describe('another process holding the write lock', () => {
  it('a tick and an alert during the lock fail fast, nothing crashes, both go out once the lock is released', async () => {
    const { svc, poster, index } = service();
    await svc.start(poster);
    await svc.tick(day(2));
    await svc.command('subscribe kotlin', { userId: 'U8', channelId: 'C1' });
    const other = new Database(file());
    other.exec('BEGIN EXCLUSIVE');
    const role = { ...corpus()[0]!, id: 'kt2', title: 'Kotlin Engineer', skills: ['Kotlin'] };
    index.add(role);
    const t0 = Date.now();
    await svc.onCatalogChange({ added: [role], changed: [], removed: [], broken: [] });
    await svc.tick(day(3));
    const blocked = Date.now() - t0;
    expect(posts('D8').length + posts('C1').length).toBe(1);
    expect(JSON.stringify(await svc.command('subscribe go', { userId: 'U8', channelId: 'C1' }))).toMatch(/locked by another process/);
    other.exec('ROLLBACK');
    other.close();
    await until(() => posts('D8').length === 1);
    await svc.tick(day(4));
    expect(posts('C1').length).toBe(2);
    expect(JSON.stringify(posts('C1')[1]!.args.blocks)).toMatch(/Kotlin Engineer/);
    expect(blocked).toBeLessThan(2000);
    await svc.close();
  });
});

describe('many channels while writes fail', () => {
  it('the first refused intent holds the other channels back (no wait each), and the slot is retried for all of them', async () => {
    const channels = Array.from({ length: 30 }, (_, i) => `C${100 + i}`);
    const { svc, poster } = digestService(env, { channels, now: () => day(2), retryMs: 50 });
    await svc.start(poster);
    const other = new Database(file());
    other.exec('BEGIN EXCLUSIVE');
    const t0 = Date.now();
    await svc.tick(day(3));
    const took = Date.now() - t0;
    other.exec('ROLLBACK');
    other.close();
    expect(took).toBeLessThan(1000);
    await until(() => channels.every((c) => svc.store.done(c, day(3).toISOString())));
    expect(channels.map((c) => posts(c).length)).toEqual(channels.map(() => 1));
    await svc.close();
  });
});
