// Digests and alerts against a real database file, a real scheduler, an injectable clock and the fake Slack Web API.
import { describe, expect, it } from 'vitest';
import type { Posting } from '../../src/postings/index.ts';
import { generatePostings } from '../../bench/corpus.ts';
import { corpus } from '../helpers.ts';
import { digestEnv, digestService, postsTo, type ServiceOptions } from '../support/digest.ts';

const env = digestEnv();

const MONDAY_10 = new Date('2026-11-23T10:00:00Z');
const TUESDAY_0901 = new Date('2026-11-24T09:01:00Z');


const service = (opts: ServiceOptions = {}) => digestService(env, { now: () => MONDAY_10, retries: 2, ...opts });
const posts = (channel?: string) => postsTo(env.slack, channel);

describe('subscribing', () => {
  it('digest on/off/state round trip, with the next post time', async () => {
    const { svc, poster } = service();
    await svc.start(poster);
    const on = await svc.command('digest on', { userId: 'U1', channelId: 'C1', channelName: 'jobs' });
    expect(on!.heading).toBe('Daily digest on');
    expect(JSON.stringify(on)).toMatch(/Next: Tuesday 24 November/);
    expect((await svc.command('digest', { userId: 'U1', channelId: 'C1' }))!.heading).toBe('Daily digest is on');
    expect((await svc.command('digest off', { userId: 'U1', channelId: 'C1' }))!.heading).toBe('Daily digest off');
    expect((await svc.command('digest', { userId: 'U1', channelId: 'C1' }))!.heading).toBe('Daily digest is off');
    await svc.close();
  });
  it('says how to invite the bot when it is not in the channel', async () => {
    const { svc, poster } = service();
    await svc.start(poster);
    env.slack.respondWith('conversations.info', { ok: true, channel: { id: 'C2', is_member: false } });
    const a = await svc.command('digest on', { userId: 'U1', channelId: 'C2', channelName: 'random' });
    env.slack.respondWith('conversations.info', { ok: true, channel: { id: 'C1', is_member: true } });
    expect(JSON.stringify(a)).toMatch(/\/invite @openroles/);
    expect(svc.store.isSubscribed('C2')).toBe(false);
    await svc.close();
  });
  it('alerts: subscribe, list, unsubscribe', async () => {
    const { svc } = service();
    expect((await svc.command('subscribe remote python', { userId: 'U1', channelId: 'C1' }))!.heading).toBe('Alert saved');
    const list = await svc.command('subscriptions', { userId: 'U1', channelId: 'C1' });
    expect(JSON.stringify(list)).toMatch(/1: remote python/);
    expect((await svc.command('unsubscribe 1', { userId: 'U2', channelId: 'C1' }))!.heading).toBe('No such alert');
    expect((await svc.command('unsubscribe 1', { userId: 'U1', channelId: 'C1' }))!.heading).toBe('Alert removed');
    expect((await svc.command('subscriptions', { userId: 'U1', channelId: 'C1' }))!.heading).toBe('No alerts');
    await svc.close();
  });
});

describe('digests', () => {
  it('first digest counts the open roles instead of listing them; the next tick with no change posts nothing', async () => {
    const { svc, poster } = service({ channels: ['C1'] });
    await svc.start(poster);
    await svc.tick(new Date('2026-11-23T09:00:00Z'));
    expect(posts('C1').length).toBe(1);
    const first = JSON.stringify(posts('C1')[0]!.args.blocks);
    expect(first).toMatch(/19 open now/);
    expect(first).toMatch(/Most roles/);
    expect(first).not.toMatch(/role_details/);
    await svc.tick(new Date('2026-11-24T09:00:00Z'));
    expect(posts('C1').length).toBe(1);
    await svc.close();
  });

  it('reports new, changed (what changed) and gone roles', async () => {
    const base = corpus();
    const { svc, poster, index } = service({ postings: base, channels: ['C1'] });
    await svc.start(poster);
    await svc.tick(new Date('2026-11-23T09:00:00Z'));
    const [first, second] = base;
    index.add({ ...first!, salaries: [], salary: null, workMode: 'remote' });
    index.remove(second!.id);
    index.add({ ...first!, id: 'brand-new', title: 'Chief Gardener' });
    await svc.tick(new Date('2026-11-24T09:00:00Z'));
    const text = JSON.stringify(posts('C1')[1]!.args.blocks);
    expect(text).toMatch(/1 new, 1 changed, 1 gone/);
    expect(text).toMatch(/changed: pay, work mode/);
    expect(text).toMatch(/Chief Gardener/);
    await svc.close();
  });

  it('DIGEST_EMPTY=post posts a short note when nothing changed', async () => {
    const { svc, poster } = service({ channels: ['C1'], empty: 'post' });
    await svc.start(poster);
    await svc.tick(new Date('2026-11-23T09:00:00Z'));
    await svc.tick(new Date('2026-11-24T09:00:00Z'));
    expect(String(posts('C1')[1]!.args.text)).toMatch(/No changes/);
    await svc.close();
  });

  it('a restart never posts the same digest twice', async () => {
    const slot = new Date('2026-11-23T09:00:00Z');
    const a = service({ channels: ['C1'] });
    await a.svc.start(a.poster);
    await a.svc.tick(slot);
    await a.svc.close();
    const b = service({ channels: ['C1'] });
    await b.svc.start(b.poster);
    await b.svc.tick(slot);
    expect(posts('C1').length).toBe(1);
    await b.svc.close();
  });

  it('a digest missed while the app was down is posted once at start-up', async () => {
    const a = service({ channels: ['C1'], now: () => new Date('2026-11-20T08:00:00Z') });
    await a.svc.start(a.poster);
    expect(posts('C1').length).toBe(0); // subscribed after the previous slot: nothing to catch up
    await a.svc.tick(new Date('2026-11-20T09:00:00Z'));
    await a.svc.close();
    expect(posts('C1').length).toBe(1);
    // Down over Monday 09:00; back at Tuesday 09:01 → Tuesday's 09:00 slot is posted once, then a restart posts nothing.
    for (let i = 0; i < 2; i++) {
      const b = service({ channels: ['C1'], now: () => TUESDAY_0901, empty: 'post' });
      await b.svc.start(b.poster);
      await b.svc.close();
    }
    expect(posts('C1').length).toBe(2);
    expect(String(posts('C1')[1]!.args.text)).toMatch(/No changes/);
  });

  it('waits for Retry-After on 429, then posts', async () => {
    const { svc, poster } = service({ channels: ['C1'] });
    await svc.start(poster);
    env.slack.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    const t0 = Date.now();
    await svc.tick(new Date('2026-11-23T09:00:00Z'));
    expect(posts('C1').length).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(svc.store.digests('C1').map((d) => d.status)).toEqual(['sent']);
    await svc.close();
  });

  it('retries 5xx with backoff; after the last retry the digest stays in flight and goes out (once) at the next tick', async () => {
    const { svc, poster } = service({ channels: ['C1'] });
    await svc.start(poster);
    env.slack.script('chat.postMessage', { status: 500 }, { status: 503 });
    await svc.tick(new Date('2026-11-23T09:00:00Z'));
    expect(posts('C1').length).toBe(3);
    expect(svc.store.digests('C1').map((d) => d.status)).toEqual(['sent']);

    env.slack.calls.length = 0;
    const { svc: svc2, poster: p2, index } = { ...service({ channels: ['C1'] }) };
    await svc2.start(p2);
    index.add({ ...corpus()[0]!, id: 'later', title: 'Night Watch Engineer' });
    env.slack.script('chat.postMessage', { status: 500 }, { status: 500 }, { status: 500 });
    await svc2.tick(new Date('2026-11-24T09:00:00Z'));
    expect(svc2.store.digests('C1').map((d) => d.status)).toEqual(['sent', 'failed']);
    await svc2.tick(new Date('2026-11-25T09:00:00Z'));
    // Tuesday's digest goes out late, and Wednesday has nothing more to say.
    expect(svc2.store.digests('C1').map((d) => [d.slot.slice(0, 10), d.status])).toEqual([['2026-11-23', 'sent'], ['2026-11-24', 'failed'], ['2026-11-24', 'sent'], ['2026-11-25', 'empty']]);
    expect(JSON.stringify(posts('C1').at(-1)!.args.blocks)).toMatch(/Night Watch Engineer/);
    expect(posts('C1').filter((c) => /Night Watch Engineer/.test(JSON.stringify(c.args.blocks))).length).toBe(4); // 3 failed attempts, 1 accepted
    await svc.close();
    await svc2.close();
  });

  it('unsubscribes an archived channel and still posts to the others', async () => {
    const { svc, poster } = service({ channels: ['CARCHIVED', 'C1'] });
    await svc.start(poster);
    env.slack.script('chat.postMessage', { body: { ok: false, error: 'is_archived' }, when: (a) => a.channel === 'CARCHIVED' });
    await svc.tick(new Date('2026-11-23T09:00:00Z'));
    expect(svc.store.isSubscribed('CARCHIVED')).toBe(false);
    expect(posts('C1').length).toBe(1);
    await svc.close();
  });

  it('a digest of 300 new roles is posted as several messages, in order', async () => {
    const { svc, poster, index } = service({ postings: [], channels: ['C1'], listLimit: 1000, empty: 'post' });
    await svc.start(poster);
    await svc.tick(new Date('2026-11-20T09:00:00Z'));
    generatePostings(300, 5).forEach((p) => index.add(p));
    env.slack.calls.length = 0;
    await svc.tick(new Date('2026-11-23T09:00:00Z'));
    const msgs = posts('C1');
    expect(msgs.length).toBeGreaterThan(5);
    expect(msgs.map((m) => String(m.args.text))).toEqual(msgs.map((_, i) => expect.stringContaining(`part ${i + 1} of ${msgs.length}`)));
    const ids = msgs.flatMap((m) => (m.args.blocks as any[]).map((b) => b.accessory?.value).filter(Boolean));
    expect(new Set(ids).size).toBe(300);
    expect(svc.store.digests('C1')).toHaveLength(2);
    await svc.close();
  });

  it('runs on a real schedule', async () => {
    const { svc, poster } = service({ channels: ['C1'], cron: '* * * * * *', now: () => new Date() });
    await svc.start(poster);
    await env.slack.waitFor('chat.postMessage', 1, 3000);
    await new Promise((r) => setTimeout(r, 50));
    expect(svc.store.digests('C1')[0]!.status).toBe('sent');
    await svc.close();
  });
});

describe('alerts', () => {
  it('DMs a user when a new role matches, once; not when it does not match', async () => {
    const { svc, poster, index } = service();
    await svc.start(poster);
    await svc.command('subscribe remote kotlin', { userId: 'U1', channelId: 'C1' });
    await svc.command('subscribe quantum', { userId: 'U2', channelId: 'C1' });
    const base = corpus()[0]!;
    const match: Posting = { ...base, id: 'k1', title: 'Kotlin Engineer', workMode: 'remote', skills: ['Kotlin'] };
    const other: Posting = { ...base, id: 'k2', title: 'Gardener', workMode: 'onsite', skills: [] };
    index.add(match);
    index.add(other);
    await svc.onCatalogChange({ added: [match, other], changed: [], removed: [], broken: [] });
    await svc.onCatalogChange({ added: [match], changed: [], removed: [], broken: [] });
    const dms = posts().filter((c) => String(c.args.channel).startsWith('D'));
    expect(dms.map((d) => d.args.channel)).toEqual(['D1']);
    expect(JSON.stringify(dms[0]!.args.blocks)).toMatch(/Kotlin Engineer/);
    expect(JSON.stringify(dms[0]!.args.blocks)).not.toMatch(/Gardener/);
    await svc.close();
  });
});
