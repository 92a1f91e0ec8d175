// Alerts at least once and never twice: roles added while the app was down, DMs in flight at a crash, a bounded number
// of alerts per user, and one DM per user, paced, when a posting matches many.
import { describe, expect, it } from 'vitest';
import { MarkerType } from '../../src/digest/poster.ts';
import type { Posting } from '../../src/postings/index.ts';
import { AlertStore } from '../../src/store/alerts.ts';
import { openDatabase } from '../../src/store/db.ts';
import { corpus } from '../helpers.ts';
import { dmOf } from '../support/fake-slack.ts';
import { digestEnv, digestService } from '../support/digest.ts';

const env = digestEnv();

const NOW = new Date('2026-11-23T10:00:00Z');
const kotlin = (id: string, title = 'Kotlin Engineer'): Posting => ({ ...corpus()[0]!, id, title, skills: ['Kotlin'] });


const service = (postings: Posting[] = corpus(), sleeps: number[] = []) => digestService(env, { postings, now: () => NOW, alertGapMs: 300, sleep: async (ms) => void sleeps.push(ms) });
const dms = (user: string) => env.slack.of('chat.postMessage').filter((c) => c.args.channel === dmOf(user));
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('alerts', () => {
  it('roles added while the app was down get their alerts at start-up, once', async () => {
    const a = service();
    await a.svc.start(a.poster);
    await a.svc.command('subscribe kotlin', { userId: 'U1', channelId: 'C1' });
    await settle();
    await a.svc.close();
    for (let i = 0; i < 2; i++) {
      const b = service([...corpus(), kotlin('down1')]);
      await b.svc.start(b.poster);
      await settle();
      await b.svc.close();
    }
    expect(dms('U1')).toHaveLength(1);
    expect(JSON.stringify(dms('U1')[0]!.args.blocks)).toMatch(/Kotlin Engineer/);
  });

  it('the roles open at the very first start are not news: no alert for them', async () => {
    const db = openDatabase(env.file());
    new AlertStore(db).addAlert('U1', 'engineer', NOW, 20);
    db.close();
    const a = service();
    await a.svc.start(a.poster);
    await settle();
    await a.svc.close();
    expect(dms('U1')).toHaveLength(0);
  });

  it('a DM in flight at a crash is not sent again when the DM shows it, and is sent when it does not', async () => {
    const a = service();
    await a.svc.start(a.poster);
    await settle();
    await a.svc.close();
    // What a crash leaves: two intents; Slack accepted the first DM (its marker is in the history), not the second.
    const db = openDatabase(env.file());
    const store = new AlertStore(db);
    const s1 = store.addAlert('U1', 'kotlin', NOW, 20)!;
    const s2 = store.addAlert('U2', 'kotlin', NOW, 20)!;
    // Started now by the real clock: the fake's history stamps messages with it.
    const message = { text: 'New roles for kotlin', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Kotlin Engineer' } }] };
    const id1 = store.startDelivery({ userId: 'U1', channelId: dmOf('U1'), claims: [[s1.id, 'k1']], message, startedAt: new Date().toISOString() });
    store.startDelivery({ userId: 'U2', channelId: dmOf('U2'), claims: [[s2.id, 'k1']], message, startedAt: new Date().toISOString() });
    store.markSeen(['k1'], NOW);
    db.close();
    await a.poster.post(dmOf('U1'), message, { type: MarkerType.Alert, key: `alert/${id1}`, part: 0, parts: 1 });
    env.slack.calls.length = 0;
    const b = service([...corpus(), kotlin('k1')]);
    await b.svc.start(b.poster);
    await settle();
    await b.svc.close();
    expect(dms('U1')).toHaveLength(0);
    expect(dms('U2')).toHaveLength(1);
    expect(b.svc.alertStore.pendingDeliveries()).toEqual([]);
    expect(b.svc.alertStore.alerted(s1.id, ['k1']).size + b.svc.alertStore.alerted(s2.id, ['k1']).size).toBe(2);
  });

  it('one user holds at most 20 alerts, told plainly; a role matching all of them is one DM', async () => {
    const { svc, poster, index } = service();
    await svc.start(poster);
    await settle();
    for (let i = 0; i < 20; i++) expect((await svc.command(`subscribe kotlin ${i % 2 ? 'engineer' : ''}`, { userId: 'U1', channelId: 'C1' }))!.heading).toBe('Alert saved');
    const over = await svc.command('subscribe kotlin', { userId: 'U1', channelId: 'C1' });
    expect(over!.heading).toBe('Too many alerts');
    expect(JSON.stringify(over)).toMatch(/20 alerts/);
    index.add(kotlin('k9'));
    await svc.onCatalogChange({ added: [kotlin('k9')], changed: [], removed: [], broken: [] });
    expect(dms('U1')).toHaveLength(1);
    await svc.close();
  });

  it('one posting matching 50 users: one DM each, paced through the shared client', async () => {
    const sleeps: number[] = [];
    const { svc, poster, index } = service(corpus(), sleeps);
    await svc.start(poster);
    await settle();
    for (let u = 0; u < 50; u++) await svc.command('subscribe kotlin', { userId: `U${100 + u}`, channelId: 'C1' });
    index.add(kotlin('k50'));
    await svc.onCatalogChange({ added: [kotlin('k50')], changed: [], removed: [], broken: [] });
    const sent = env.slack.of('chat.postMessage').filter((c) => String(c.args.channel).startsWith('D'));
    expect(sent).toHaveLength(50);
    expect(new Set(sent.map((c) => c.args.channel)).size).toBe(50);
    expect(sleeps).toEqual(Array(49).fill(300));
    await svc.close();
  });
});
