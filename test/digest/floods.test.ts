// A channel is never flooded: a first digest counts roles instead of listing them, turning a digest off and on or a
// restart with DIGEST_CHANNELS continues from what the channel was sent, and who may turn a digest on or off.
import { describe, expect, it } from 'vitest';
import { DigestService } from '../../src/digest/service.ts';
import { LIMITS } from '../../src/slack/blocks.ts';
import { generatePostings } from '../../bench/corpus.ts';
import { corpus } from '../helpers.ts';
import { cardIds as cardIdsOf, digestEnv, digestService, postsTo, type ServiceOptions } from '../support/digest.ts';

const env = digestEnv();

const day = (d: number): Date => new Date(Date.UTC(2026, 10, d, 9));


const service = (opts: ServiceOptions = {}) => digestService(env, { now: () => day(2), ...opts });
const posts = (channel: string) => postsTo(env.slack, channel);
const cardIds = (channel: string): string[] => cardIdsOf(env.slack, channel);
const heading = async (svc: DigestService, text: string, userId: string, channelId = 'C1'): Promise<string> => (await svc.command(text, { userId, channelId }))!.heading;

describe('first digest', () => {
  it('at 10,000 roles stays one message that counts them by company and work mode and says how to search', async () => {
    const { svc, poster } = service({ postings: generatePostings(10_000, 11), channels: ['C1'] });
    await svc.start(poster);
    await svc.tick(day(2));
    const msgs = posts('C1');
    expect(msgs.length).toBeLessThanOrEqual(3);
    const blocks = msgs[0]!.args.blocks as unknown[];
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(JSON.stringify(blocks).length).toBeLessThan(LIMITS.totalChars);
    const text = JSON.stringify(blocks);
    expect(text).toMatch(/10,000 open now/);
    expect(text).toMatch(/10,000 roles are open/);
    expect(text).toMatch(/Most roles/);
    expect(text).toMatch(/remote \d/);
    expect(text).toMatch(/\/jobs remote/);
    expect(svc.store.sent('C1').size).toBe(10_000);
    await svc.close();
  });

  it('a later digest with more new roles than it lists counts them too; a few are listed as cards', async () => {
    const { svc, poster, index } = service({ channels: ['C1'] });
    await svc.start(poster);
    await svc.tick(day(2));
    generatePostings(500, 4).forEach((p) => index.add(p));
    await svc.tick(day(3));
    expect(posts('C1').length).toBe(2);
    expect(JSON.stringify(posts('C1')[1]!.args.blocks)).toMatch(/500 new roles\* at/);
    const role = { ...corpus()[0]!, id: 'x1', title: 'Tide Pool Engineer' };
    index.add(role);
    await svc.tick(day(4));
    expect(cardIds('C1')).toEqual(['x1']);
    await svc.close();
  });
});

describe('turning a digest off and on, and restarts', () => {
  it('on again continues from what the channel was sent: only the roles new since then', async () => {
    const { svc, poster, index } = service();
    await svc.start(poster);
    expect(await heading(svc, 'digest on', 'U1')).toBe('Daily digest on');
    await svc.tick(day(2));
    expect(await heading(svc, 'digest off', 'U1')).toBe('Daily digest off');
    const role = { ...corpus()[0]!, id: 'y1', title: 'Lighthouse Keeper' };
    index.add(role);
    expect(await heading(svc, 'digest on', 'U1')).toBe('Daily digest on');
    await svc.tick(day(3));
    expect(posts('C1').length).toBe(2);
    expect(cardIds('C1')).toEqual(['y1']);
    await svc.close();
  });

  it('a restart that re-subscribes DIGEST_CHANNELS posts nothing new, and does not undo an admin turning it off', async () => {
    const a = service({ channels: ['C1'], admins: ['UADMIN'] });
    await a.svc.start(a.poster);
    await a.svc.tick(day(2));
    await a.svc.close();
    const b = service({ channels: ['C1'], admins: ['UADMIN'] });
    await b.svc.start(b.poster);
    await b.svc.tick(day(3));
    expect(posts('C1').length).toBe(1);
    expect(await heading(b.svc, 'digest off', 'UADMIN')).toBe('Daily digest off');
    await b.svc.close();
    const c = service({ channels: ['C1'], admins: ['UADMIN'] });
    await c.svc.start(c.poster);
    expect(c.svc.store.isSubscribed('C1')).toBe(false);
    await c.svc.close();
  });
});

describe('DIGEST_CHANNELS changes', () => {
  it('a channel taken out of DIGEST_CHANNELS stops at the next start; one turned on by command stays', async () => {
    const a = service({ channels: ['C1', 'C2'] });
    await a.svc.start(a.poster);
    await a.svc.command('digest on', { userId: 'U1', channelId: 'C3' });
    await a.svc.close();
    const b = service({ channels: ['C2'] });
    await b.svc.start(b.poster);
    expect(b.svc.store.channels().map((c) => c.channelId).sort()).toEqual(['C2', 'C3']);
    await b.svc.close();
  });
});

describe('who may turn a digest on or off', () => {
  it('with ADMIN_USERS set, only they can', async () => {
    const { svc, poster } = service({ admins: ['UADMIN'] });
    await svc.start(poster);
    const no = await svc.command('digest on', { userId: 'U2', channelId: 'C1' });
    expect(no!.heading).toBe('Not allowed');
    expect(JSON.stringify(no)).toMatch(/ADMIN_USERS/);
    expect(await heading(svc, 'digest on', 'UADMIN')).toBe('Daily digest on');
    expect(await heading(svc, 'digest off', 'U2')).toBe('Not allowed');
    expect(await heading(svc, 'digest off', 'UADMIN')).toBe('Daily digest off');
    await svc.close();
  });

  it('without ADMIN_USERS: anyone turns it on; the person who did, or the channel creator, turns it off; a configured channel follows the settings', async () => {
    const { svc, poster } = service({ channels: ['CCONF'] });
    await svc.start(poster);
    expect(await heading(svc, 'digest off', 'U1', 'CCONF')).toBe('Not allowed');
    expect(svc.store.isSubscribed('CCONF')).toBe(true);
    expect(await heading(svc, 'digest on', 'U1')).toBe('Daily digest on');
    env.slack.respondWith('conversations.info', { ok: true, channel: { id: 'C1', is_member: true, creator: 'UCREATOR' } });
    try {
      expect(await heading(svc, 'digest off', 'U2')).toBe('Not allowed');
      expect(await heading(svc, 'digest off', 'UCREATOR')).toBe('Daily digest off');
      expect(await heading(svc, 'digest on', 'U2')).toBe('Daily digest on');
      expect(await heading(svc, 'digest off', 'U2')).toBe('Daily digest off');
    } finally {
      env.slack.respondWith('conversations.info', { ok: true, channel: { id: 'C1', is_member: true } });
    }
    await svc.close();
  });
});
