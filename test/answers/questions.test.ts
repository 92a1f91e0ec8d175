// Questions as people ask them — every intent, filter and language, and thread memory — over postings written here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ask, memoryThread, readCommand, readRequest, renderText, type Answer, type AskContext } from '../../src/answers/index.ts';
import { consoleLine } from '../../src/console/console.ts';
import { silentLogger } from '../../src/log.ts';
import type { Posting } from '../../src/postings/index.ts';
import { pay, role } from './roles.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { RecentIds } from '../../src/slack/dedupe.ts';
import { appMention } from '../../src/slack/listeners/events/app-mention.ts';
import { openDatabase } from '../../src/store/db.ts';
import { ThreadStore } from '../../src/store/threads.ts';

const ROLES: Posting[] = [
  role('stripe', { title: 'Senior Backend Engineer', company: 'Stripe', seniority: 'senior', locations: ['Dublin, Ireland'], workMode: 'hybrid', salaries: [pay(90000, 120000, 'EUR')], yearsExperience: { min: 5, max: null }, skills: ['Go', 'PostgreSQL'], requirements: ['5+ years building payment systems in Go', 'Experience with PostgreSQL'], summary: 'Hybrid: three days a week in our Dublin office.', postedAt: '2026-01-14' }),
  role('acme-data', { title: 'Data Analyst', company: 'Acme Analytics', locations: ['London, United Kingdom'], workMode: 'onsite', salaries: [pay(45000, 55000, 'GBP')], yearsExperience: { min: 1, max: null }, skills: ['SQL', 'Python'], requirements: ['1+ year of SQL'], postedAt: '2026-01-02' }),
  role('nimbus-ml', { title: 'Machine Learning Engineer', company: 'Nimbus', locations: ['Berlin, Germany', 'Munich, Germany'], workMode: 'remote', remoteRegions: ['Europe'], salaries: [pay(150000, 180000)], yearsExperience: { min: 3, max: null }, skills: ['Python', 'PyTorch'], requirements: ['3+ years training models with PyTorch'], summary: 'Fully remote within Europe.', postedAt: '2026-01-12' }),
  role('harbor-support', { title: 'Support Specialist', company: 'Harbor Bank', locations: ['New York, NY'], workMode: 'onsite', salaries: [pay(22, 28, 'USD', 'hour')], skills: ['Excel'], requirements: ['Customer service experience'], postedAt: '2025-12-01' }),
  role('quill-writer', { title: 'Technical Writer', company: 'Quill', locations: ['São Paulo, Brazil'], workMode: 'remote', yearsExperience: { min: 2, max: null }, requirements: ['2 years writing developer documentation'] }),
  role('orbit-staff', { title: 'Staff Platform Engineer', company: 'Orbit', seniority: 'staff', locations: ['San Francisco, CA'], workMode: 'hybrid', salaries: [pay(220000, 260000)], yearsExperience: { min: 10, max: null }, skills: ['Kubernetes', 'Go'], requirements: ['10+ years of infrastructure work', 'Kubernetes at scale'] }),
  role('orbit-intern', { title: 'Platform Intern', company: 'Orbit', seniority: 'intern', locations: ['San Francisco, CA'], workMode: 'onsite', salaries: [pay(40, 40, 'USD', 'hour')], employmentType: 'internship', skills: ['Go'] }),
  role('lumen-pm', { title: 'Product Manager', company: 'Lumen', locations: ['Madrid, Spain'], workMode: 'hybrid', salaries: [pay(4000, 5000, 'EUR', 'month')], yearsExperience: { min: 4, max: null }, requirements: ['4 years of product work'] }),
];

const NOW = new Date('2026-01-15T12:00:00Z');
const index = RoleIndex.from(ROLES);
const ctx: AskContext = { index, now: NOW };
const say = (q: string, c: AskContext = ctx): Answer => ask(q, c);
const ids = (a: Answer): string[] => a.roleIds;
const intentOf = (q: string): string => readRequest(q, index.vocabulary()).intent;

describe('one reading per question', () => {
  it.each([
    ['remote jobs', 'find'],
    ['what does the Stripe role pay?', 'pay'],
    ['what do I need for the Orbit staff role?', 'requirements'],
    ['how many years of experience does the Nimbus role need?', 'years'],
    ['how much experience for the Acme data analyst job?', 'years'],
    ['what skills does the Nimbus job want?', 'skills'],
    ['which pays more, Stripe or Nimbus?', 'compare'],
    ['stripe vs nimbus', 'compare'],
    ['how many remote roles?', 'count'],
    ["who's hiring?", 'hiring'],
    ['newest roles', 'newest'],
    ['does the Stripe role allow remote?', 'yesno'],
    ['hello!', 'smalltalk'],
    ['thanks!!', 'smalltalk'],
    ['what can you do?', 'help'],
    ['asdf qwer', 'find'],
    ['the', 'fallback'],
    // German, French, Spanish, Portuguese
    ['Gibt es Remote-Jobs?', 'find'],
    ['wie viele Remote-Stellen gibt es?', 'count'],
    ['Was zahlt die Stelle bei Stripe?', 'pay'],
    ['Ist die Stelle bei Stripe remote?', 'yesno'],
    ["combien d'années d'expérience pour le poste chez Nimbus ?", 'years'],
    ['quelles entreprises recrutent ?', 'hiring'],
    ['combien paie le poste chez Stripe ?', 'pay'],
    ['¿cuánto paga el trabajo de Lumen?', 'pay'],
    ['¿el trabajo de Nimbus es remoto?', 'yesno'],
    ['¿qué requisitos tiene el puesto de Orbit?', 'requirements'],
    ['quantas vagas remotas tem?', 'count'],
    ['a vaga da Quill é remota?', 'yesno'],
    ['vagas mais recentes', 'newest'],
  ])('%s → %s', (q, intent) => {
    expect(intentOf(q)).toBe(intent);
  });
});

describe('leftover words rank, never veto; function words never count', () => {
  it.each([
    ['onsite jobs pls', ['acme-data', 'harbor-support', 'orbit-intern']],
    ['Gibt es Remote-Jobs?', ['nimbus-ml', 'quill-writer']],
    ['welche Stellen sind remote', ['nimbus-ml', 'quill-writer']],
    ['vagas em São Paulo', ['quill-writer']],
    ['¿hay trabajos en Madrid?', ['lumen-pm']],
    ['des postes en télétravail ?', ['nimbus-ml', 'quill-writer']],
  ])('%s', (q, want) => {
    expect(ids(say(q)).sort()).toEqual([...want].sort());
  });
  it('a word no role holds only orders the roles that meet the filters', () => {
    const a = say('hybrid roles with foosball');
    expect(ids(a).sort()).toEqual(['lumen-pm', 'orbit-staff', 'stripe']);
    expect(renderText(a)).toMatch(/only order them/);
  });
  it("who's hiring lists every company", () => {
    const text = renderText(say("who's hiring?"));
    for (const c of ['Stripe', 'Acme Analytics', 'Nimbus', 'Harbor Bank', 'Quill', 'Orbit', 'Lumen']) expect(text).toContain(c);
  });
});

describe('yes / no about a role, with the line that says so', () => {
  it('asks about the role without filtering it out', () => {
    const a = say('does the Stripe role allow remote?');
    expect(a.intent).toBe('yesno');
    expect(ids(a)).toEqual(['stripe']);
    expect(renderText(a)).toMatch(/Partly: Senior Backend Engineer at Stripe is hybrid/);
    expect(renderText(a)).toMatch(/The posting says: “Hybrid: three days a week in our Dublin office\.”/);
  });
  it('several roles of one company with the same answer are answered once', () => {
    const a = say('are the Orbit jobs in San Francisco?');
    expect(a.intent).toBe('yesno');
    expect(ids(a).sort()).toEqual(['orbit-intern', 'orbit-staff']);
    expect(renderText(a)).toMatch(/^Yes\n\nYes: the same for all 2 roles of Orbit/);
  });
  it('yes, no and not stated', () => {
    expect(say('is the Nimbus role remote?').heading).toBe('Yes');
    expect(say('is the Acme data analyst job remote?').heading).toBe('No');
    expect(say('does the Quill job list pay?').heading).toBe('No');
    expect(say('does the Nimbus job pay over 100k?').heading).toBe('Yes');
    expect(say('does the Quill writer job pay over 100k?').heading).toBe('Not stated');
    expect(say('does the Stripe role require Go?').heading).toBe('Yes');
    expect(say('does the Stripe role need kubernetes?').heading).toBe('Not stated');
    expect(say('is the Stripe role in Dublin?').heading).toBe('Yes');
    expect(renderText(say('does the Orbit staff role need 5 years?'))).toMatch(/No: .* asks for 10\+ years/);
  });
});

describe('intents', () => {
  it('pay of one role quotes the posting', () => {
    expect(renderText(say('what does the Stripe role pay?'))).toMatch(/€90k–€120k a year — as written/);
  });
  it('years of one role', () => {
    const a = say('how many years of experience does the Orbit staff role need?');
    expect(a.intent).toBe('years');
    expect(renderText(a)).toMatch(/asks for 10\+ years[^]*“10\+ years of infrastructure work”/);
  });
  it('requirements and skills of one role', () => {
    expect(renderText(say('what do I need for the Nimbus role?'))).toMatch(/3\+ years training models with PyTorch/);
    expect(renderText(say('what skills does the Nimbus job want?'))).toMatch(/Python[^]*PyTorch/);
  });
  it('compare two named roles and say which pays more', () => {
    const a = say('which pays more, Stripe or Nimbus?');
    expect(a.intent).toBe('compare');
    expect(ids(a).sort()).toEqual(['nimbus-ml', 'stripe']);
    expect(renderText(a)).toMatch(/Machine Learning Engineer at Nimbus pays more/);
  });
  it('count against every open role', () => {
    expect(renderText(say('how many remote roles?'))).toMatch(/2 open roles of 8 match “remote”/);
  });
  it('newest first', () => {
    expect(ids(say('newest roles'))[0]).toBe('stripe');
  });
  it('small talk and help are not searches', () => {
    expect(say('hello!').heading).toMatch(/^Hi!/);
    expect(say('what can you do?').intent).toBe('help');
  });
  it('a fallback shows what it understood', () => {
    const a = say('the');
    expect(a.intent).toBe('fallback');
    expect(renderText(a)).toMatch(/could not tell what to look for/);
  });
});

describe('filters over every field', () => {
  it.each([
    ['jobs in Londres', ['acme-data']],
    ['Stellen in München', ['nimbus-ml']],
    ['trabajos en Múnich', ['nimbus-ml']],
    ['vagas em Nova York', ['harbor-support']],
    // Remote with no region named is open to people in Europe too.
    ['remote roles in europe', ['nimbus-ml', 'quill-writer']],
    ['remote roles in germany', ['nimbus-ml', 'quill-writer']],
    ['jobs at orbit', ['orbit-intern', 'orbit-staff']],
    ['junior roles', ['acme-data', 'quill-writer']],
    ['internships', ['orbit-intern']],
    ['roles using pytorch', ['nimbus-ml']],
    ['roles over 200k', ['orbit-staff']],
    // Compared per year in US dollars at fixed rates: £55k ≈ $70k, €5,000 a month ≈ $65k, $28 an hour ≈ $58k.
    ['jobs under 60k', ['harbor-support']],
    ['jobs under €60k', ['harbor-support', 'lumen-pm']],
    ['roles paying in euros', ['lumen-pm', 'stripe']],
    ['hourly jobs', ['harbor-support', 'orbit-intern']],
    ['roles needing under 3 years', ['acme-data', 'quill-writer']],
    ['roles asking for 10+ years', ['orbit-staff']],
    ['roles posted this week', ['nimbus-ml', 'stripe']],
    ["roles that don't list pay", ['quill-writer']],
  ])('%s', (q, want) => {
    const a = say(q, { ...ctx, limit: 20 });
    expect(ids(a).sort()).toEqual([...want].sort());
  });
  it('lowest paying first, by the annual equivalent', () => {
    expect(ids(say('lowest paying jobs', { ...ctx, limit: 3 }))).toEqual(['harbor-support', 'lumen-pm', 'acme-data']);
  });
  it('highest paying first', () => {
    expect(ids(say('highest paying roles'))[0]).toBe('orbit-staff');
  });
  it('roles that list pay, of all', () => {
    expect(say('which roles list a salary?').heading).toBe('7 roles of 8 list a salary');
  });
});

describe('filters that also read the text, where a parsed field can miss', () => {
  const more = RoleIndex.from([
    ...ROLES,
    role('zephyr-known', { title: 'Robotics Engineer', company: 'Zephyr Robotics', summary: 'Build arms.' }),
    role('zephyr-unparsed', { title: 'Firmware Engineer', summary: 'Zephyr Robotics is hiring a firmware engineer for its arms.' }),
    role('rn-app', { title: 'Mobile Developer', company: 'Appy', skills: ['React'], summary: 'We build our apps in React Native.' }),
  ]);
  const c = { index: more, now: NOW, limit: 10 };
  it('a company filter takes a role whose posting names the company only in its text', () => {
    expect(ids(say('jobs at Zephyr Robotics', c)).sort()).toEqual(['zephyr-known', 'zephyr-unparsed']);
  });
  it('a skill of several words takes a role whose text holds it', () => {
    expect(ids(say('react native jobs', c))).toEqual(['rn-app']);
  });
});

describe('thread memory', () => {
  it('a follow-up refers to the roles of the previous answer', () => {
    const thread = memoryThread();
    const c = { ...ctx, thread };
    expect(ids(say('what does the Stripe role pay?', c))).toEqual(['stripe']);
    const a = say('and is it remote?', c);
    expect(a.intent).toBe('yesno');
    expect(ids(a)).toEqual(['stripe']);
  });
  it('"the second one", "compare them" and "how much does it pay?"', () => {
    const thread = memoryThread();
    const c = { ...ctx, thread };
    const list = say('hybrid roles', c);
    expect(ids(list)).toHaveLength(3);
    expect(ids(say('what about the second one?', c))).toEqual([ids(list)[1]]);
    say('hybrid roles', c);
    const compared = say('compare them', c);
    expect(compared.intent).toBe('compare');
    expect(ids(compared).sort()).toEqual([...ids(list)].sort());
    say('tell me about the Nimbus ML engineer job', c);
    expect(renderText(say('how much does it pay?', c))).toMatch(/\$150k–\$180k/);
  });
  it('without a thread, a bare follow-up asks which role', () => {
    expect(say('is it remote?').intent).toBe('clarify');
  });
  it('is kept in SQLite per thread, and forgets after its time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openroles-threads-'));
    try {
      const db = openDatabase(join(dir, 'openroles.db'));
      let now = 1_000_000;
      const store = new ThreadStore(db, { ttlMs: 60_000, now: () => now });
      const c = { ...ctx, thread: store.thread('C1:1.0') };
      say('what does the Nimbus role pay?', c);
      expect(store.recall('C1:1.0')).toMatchObject({ roleIds: ['nimbus-ml'], intent: 'pay' });
      expect(store.recall('C1:2.0')).toBeNull();
      expect(ids(say('is it remote?', c))).toEqual(['nimbus-ml']);
      now += 61_000;
      expect(store.recall('C1:1.0')).toBeNull();
      expect(store.sweep()).toBe(1);
      db.close();
      // The memory outlives the process: a new store on the same file recalls it.
      const again = openDatabase(join(dir, 'openroles.db'));
      const store2 = new ThreadStore(again, { now: () => now });
      store2.remember('D1', { roleIds: ['stripe'], intent: 'find', text: 'stripe' });
      again.close();
      const third = openDatabase(join(dir, 'openroles.db'));
      expect(new ThreadStore(third, { now: () => now }).recall('D1')?.roleIds).toEqual(['stripe']);
      third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a mention in a Slack thread answers a follow-up from the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openroles-threads-'));
    const db = openDatabase(join(dir, 'openroles.db'));
    afterAll(() => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const store = new ThreadStore(db);
    const client = { chat: { postMessage: vi.fn(async (_m: Record<string, unknown>) => ({ ok: true })) }, views: { open: vi.fn(async () => ({})), publish: vi.fn(async () => ({})) } };
    const handler = appMention({ ctx: () => ctx, log: silentLogger(), threads: (key) => store.thread(key) }, new RecentIds());
    await handler({ event: { text: '<@U0BOT> what does the Stripe role pay?', channel: 'C1', ts: '100.1' }, body: { event_id: 'E1' }, client });
    await handler({ event: { text: '<@U0BOT> and is it remote?', channel: 'C1', ts: '100.2', thread_ts: '100.1' }, body: { event_id: 'E2' }, client });
    const second = client.chat.postMessage.mock.calls[1]![0] as { text: string; thread_ts: string };
    expect(second.thread_ts).toBe('100.1');
    expect(second.text).toMatch(/Partly/);
  });
});

describe('/jobs subcommands, read in one place', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['digest', { kind: 'digest', arg: 'status' }],
    ['digest ON', { kind: 'digest', arg: 'on' }],
    ['digest weekly', { kind: 'digest', arg: 'unknown' }],
    ['subscribe remote python 150k+', { kind: 'subscribe', query: 'remote python 150k+' }],
    ['subscriptions', { kind: 'subscriptions' }],
    ['unsubscribe 2', { kind: 'unsubscribe', n: 2 }],
    ['unsubscribe two', { kind: 'unsubscribe', n: null }],
    ['refresh', { kind: 'refresh' }],
    ['add', { kind: 'add' }],
    ['remove abc', { kind: 'remove', arg: 'abc' }],
    ['remote python', { kind: 'search', query: 'remote python' }],
    ['digestion jobs', { kind: 'search' }],
  ])('"%s"', (text, want) => {
    expect(readCommand(text)).toMatchObject(want);
  });
  it('the console runs the same subcommands', async () => {
    const state = { lastQuery: null, offset: 0, thread: memoryThread() };
    expect(await consoleLine('/jobs subscribe remote', ctx, state)).toMatch(/not set up here/);
    const calls: string[] = [];
    const digest = { command: async (text: string) => (calls.push(text), { intent: 'help' as const, heading: 'Alert created', parts: [], paging: null, leftOut: [], roleIds: [] }) };
    expect(await consoleLine('/jobs subscribe remote', ctx, state, { digest })).toMatch(/Alert created/);
    expect(calls).toEqual(['subscribe remote']);
    expect(await consoleLine('/jobs refresh', ctx, state)).toMatch(/Nothing to refresh/);
    expect(await consoleLine('@openroles what does the Stripe role pay?', ctx, state)).toMatch(/€90k/);
    expect(await consoleLine('@openroles is it remote?', ctx, state)).toMatch(/Partly/);
  });
});
