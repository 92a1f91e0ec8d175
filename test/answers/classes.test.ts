// Classes of question reading, each pinned over postings written here: questions about the world, chat shorthand,
// count words, amounts and currencies read by the lexicons, places written the way boards write them.
import { describe, expect, it } from 'vitest';
import { ask, find, readRequest, renderText, type AskContext } from '../../src/answers/index.ts';
import type { Posting } from '../../src/postings/index.ts';
import { pay, role } from './roles.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { parseQuery, readMoney } from '../../src/search/query.ts';

const ROLES: Posting[] = [
  role('kite-berlin', { title: 'Backend Developer', company: 'Kite Labs', locations: ['Berlin, Germany'], workMode: 'hybrid', salaries: [pay(70000, 85000, 'EUR')], summary: 'Life at Kite: hybrid work in Berlin.' }),
  role('kite-munich', { title: 'Frontend Developer', company: 'Kite Labs', locations: ['Munich, Germany'], workMode: 'onsite', salaries: [pay(65000, 80000, 'EUR')] }),
  role('wattle-sydney', { title: 'Data Engineer', company: 'Wattle', locations: ['Sydney, Australia'], workMode: 'remote', salaries: [pay(140000, 160000, 'AUD')], summary: 'Tell us about the weather in your city.' }),
  role('alpen-zurich', { title: 'Platform Engineer', company: 'Alpen', locations: ['Zürich'], workMode: 'onsite', salaries: [pay(130000, 150000, 'CHF')] }),
  role('caju-sp', { title: 'Desenvolvedor Java', company: 'Caju', locations: ['São Paulo-SP'], workMode: 'hybrid', yearsExperience: { min: 3, max: null } }),
  role('caju-curitiba', { title: 'Desenvolvedor Angular', company: 'Caju', locations: ['Curitiba-PR'], workMode: 'remote' }),
  role('mesa-hourly', { title: 'Server', company: 'Mesa', locations: ['Austin, TX'], workMode: 'onsite', salaries: [pay(18, 22, 'USD', 'hour')] }),
];

const NOW = new Date('2026-01-15T12:00:00Z');
const index = RoleIndex.from(ROLES);
const ctx: AskContext = { index, now: NOW };
const vocab = index.vocabulary();
const intentOf = (q: string): string => readRequest(q, vocab).intent;

describe('questions about the world are not searched', () => {
  it.each(['what is the meaning of life', "what's the weather like tomorrow", 'tell me a joke', 'wer hat die Fußball-WM gewonnen?', 'pourquoi le ciel est bleu ?', '¿quién ganó el partido?', 'o que é a vida?'])('%s', (q) => {
    const a = ask(q, ctx);
    expect(a.intent).toBe('fallback');
    expect(a.roleIds).toEqual([]);
  });
  it.each([
    ["what's open in Berlin?", 'kite-berlin'],
    ['tell me about the Wattle job', 'wattle-sydney'],
    ['what is the pay at Alpen?', 'alpen-zurich'],
  ])('but a question naming a role, a place or a company is: %s', (q, id) => {
    expect(ask(q, ctx).roleIds).toContain(id);
  });
});

describe('chat shorthand and count words never become search words', () => {
  it('"who is hiring rn" lists every company', () => {
    const text = renderText(ask('who is hiring rn', ctx));
    for (const c of ['Kite Labs', 'Wattle', 'Alpen', 'Caju', 'Mesa']) expect(text).toContain(c);
  });
  it.each(['remote jobs asap', 'remote roles atm pls', 'any remote gigs tbh'])('%s', (q) => {
    const r = readRequest(q, vocab);
    expect(r.query.words).toEqual([]);
    expect(r.query.filters.workModes).toEqual(['remote']);
  });
  it('"Wie viele Stellen gibt es in Berlin?" counts the roles in Berlin', () => {
    const r = readRequest('Wie viele Stellen gibt es in Berlin?', vocab);
    expect(r.intent).toBe('count');
    expect(r.query.words).toEqual([]);
    expect(ask('Wie viele Stellen gibt es in Berlin?', ctx).heading).toBe('1 role');
  });
  it.each(['Danke dir!', 'thank you', 'merci à vous', 'obrigado a todos', "what's up", 'sup bot'])('%s is small talk', (q) => {
    expect(intentOf(q)).toBe('smalltalk');
  });
  it('"et c\'est en télétravail ?" after a pay answer asks about that role', () => {
    const last: { v: { roleIds: string[]; intent: string; text?: string } | null } = { v: null };
    const thread = { recall: () => last.v, remember: (r: { roleIds: string[]; intent: string }) => void (last.v = r) };
    const c = { ...ctx, thread } as AskContext;
    expect(ask('quel est le salaire chez Wattle ?', c).roleIds).toEqual(['wattle-sydney']);
    const a = ask("et c'est en télétravail ?", c);
    expect(a.intent).toBe('yesno');
    expect(a.roleIds).toEqual(['wattle-sydney']);
  });
});

describe('amounts and currencies are read by the lexicons', () => {
  it.each([
    ['chf120k', 120000, 'CHF'],
    ['€80k', 80000, 'EUR'],
    ['80keur', 80000, 'EUR'],
    ['r$10k', 10000, 'BRL'],
    ['£45,000', 45000, 'GBP'],
    ['150000', 150000, 'USD'],
  ])('%s', (w, amount, currency) => {
    expect(readMoney(w)).toEqual({ amount, currency });
  });
  it.each(['b2b', '5', 'x86', '3d'])('%s is not money', (w) => {
    expect(readMoney(w)).toBeNull();
  });
  it.each([
    ['vagas com salário acima de 150 mil', 150000],
    ['jobs over 80 grand', 80000],
    ['Stellen über 100 tausend', 100000],
    ['postes à plus de 50 mille', 50000],
  ])('a number and a word for thousands: %s', (q, amount) => {
    expect(parseQuery(q, vocab).filters.payFloor?.amount).toBe(amount);
  });
  it.each([
    ['jobs in aussie dollars', 'AUD'],
    ['roles paid in australian dollars', 'AUD'],
    ['postes payés en francs suisses', 'CHF'],
  ])('a currency named in several words: %s', (q, code) => {
    expect(parseQuery(q, vocab).filters.currencies).toEqual([code]);
  });
  it('"jobs in aussie dollars" finds the role paid in AUD', () => {
    expect(ask('jobs in aussie dollars', ctx).roleIds).toEqual(['wattle-sydney']);
  });
  it.each([
    ['usd20/h', 'hour'],
    ['5k/Monat', 'month'],
    ['60k/yr', 'year'],
  ])('a period after a slash: %s', (w, period) => {
    const q = parseQuery(`jobs over ${w}`, vocab);
    const yearly = { hour: 20 * 2080, month: 60000, year: 60000 }[period as 'hour'];
    expect(q.filters.payFloor?.amount).toBe(yearly);
  });
  it.each([
    ['jobs paying under 25 an hour', 25 * 2080],
    ['under 25/h', 25 * 2080],
  ])('an hourly amount without a sign: %s (and "an" is not the French year)', (q, amount) => {
    const f = parseQuery(q, vocab).filters;
    expect(f.payCeiling?.amount).toBe(amount);
    expect(f.yearsMax).toBeNull();
    expect(f.yearsMin).toBeNull();
    expect(ask(q, ctx).roleIds).toEqual(['mesa-hourly']);
  });
  it.each([
    ['at least 4 años', 4],
    ['mindestens 3 Jahre', 3],
    ['au moins 2 ans', 2],
    ['at least 5 yrs', 5],
  ])('year words in five languages: %s', (q, n) => {
    expect(parseQuery(q, vocab).filters.yearsMin).toBe(n);
  });
  it.each([
    ['hybird jobs', 'workModes', 'hybrid'],
    ['remtoe roles', 'workModes', 'remote'],
    ['manger roles', 'seniorities', 'manager'],
  ])('a typo of a lexicon word: %s', (q, field, value) => {
    expect((parseQuery(q, vocab).filters as unknown as Record<string, string[]>)[field]).toContain(value);
  });
});

describe('places as boards and people write them', () => {
  it('"São Paulo-SP" and "Curitiba-PR" are a city and its state', () => {
    expect(ask('vagas em São Paulo', ctx).roleIds).toEqual(['caju-sp']);
    expect(ask('tem vaga em Curitiba?', ctx).roleIds).toEqual(['caju-curitiba']);
  });
  it('"jobs in berlin germany" asks for Berlin, not all of Germany', () => {
    expect(parseQuery('jobs in berlin germany', vocab).filters.places).toEqual(['Berlin']);
    expect(ask('jobs in berlin germany', ctx).roleIds).toEqual(['kite-berlin']);
  });
  it('two places side by side still ask for either', () => {
    expect(ask('jobs in berlin or munich', ctx).roleIds.sort()).toEqual(['kite-berlin', 'kite-munich']);
  });
});

describe('roles the words name come before roles that only mention them', () => {
  const teachers = RoleIndex.from([
    role('t1', { title: 'English Teacher', company: 'Oak School', locations: ['Denver, CO'] }),
    role('t2', { title: 'Elementary School Teacher', company: 'Pine School', locations: ['Denver, CO'] }),
    role('dev', { title: 'Developer Advocate', company: 'Grid', summary: 'You will be a teacher to our users and train teachers of code.' }),
    role('lms', { title: 'LMS Administrator', company: 'State College', summary: 'Support teachers with the learning platform.' }),
  ]);
  const c: AskContext = { index: teachers, now: NOW, limit: 5 };
  it('"teacher jobs" lists the teachers first and keeps the others for the next page', () => {
    const a = ask('teacher jobs', c);
    expect(a.roleIds).toEqual(['t1', 't2']);
    expect(a.paging).toMatchObject({ offset: 0, limit: 2, total: 4 });
    expect(renderText(a)).toContain('2 more');
  });
  it('the next page holds the roles that only mention the word', () => {
    expect(find('teacher jobs', c, 2).roleIds.sort()).toEqual(['dev', 'lms']);
  });
});

describe('a work mode ruled out', () => {
  it.each([
    ['non-remote jobs', ['hybrid', 'onsite']],
    ['jobs that are not hybrid', ['remote', 'onsite']],
    ['sin remoto', ['hybrid', 'onsite']],
    ['-remote', ['hybrid', 'onsite']],
  ])('%s', (q, modes) => {
    expect(parseQuery(q, vocab).filters.workModes.sort()).toEqual(modes.sort());
  });
  it('"non-remote jobs" finds no remote role', () => {
    const a = ask('non-remote jobs', ctx);
    expect(a.roleIds).not.toContain('wattle-sydney');
    expect(a.roleIds).toContain('kite-berlin');
  });
});

describe('levels in the plural, and counting companies', () => {
  it.each([
    ['jobs for new grads', 'junior'],
    ['Praktikanten gesucht', 'intern'],
    ['vagas para estagiarios', 'intern'],
    ['directors wanted', 'director'],
  ])('%s', (q, level) => {
    expect(parseQuery(q, vocab).filters.seniorities).toContain(level);
  });
  it.each(['how many companies are hiring?', 'wie viele Firmen stellen ein?', 'combien d\'entreprises recrutent ?', '¿cuántas empresas contratan?'])('%s counts companies', (q) => {
    const a = ask(q, ctx);
    expect(a.intent).toBe('hiring');
    expect(a.heading).toMatch(/^5 companies/);
  });
});

describe('a job named in another language finds the same roles', () => {
  const jobs = RoleIndex.from([
    role('n1', { title: 'Night Nurse', company: 'Care Home', locations: ['Leeds'] }),
    role('n2', { title: 'Pflegefachfrau', company: 'Spital', locations: ['Bern'] }),
    role('d1', { title: 'Software Developer', company: 'Byte', locations: ['Austin, TX'] }),
    role('d2', { title: 'Desenvolvedor Java', company: 'Caju', locations: ['Santos-SP'] }),
    role('x', { title: 'Accountant', company: 'Ledger', locations: ['Leeds'] }),
  ]);
  const c: AskContext = { index: jobs, now: NOW };
  it.each([
    ['hay trabajos de enfermera?', ['n1', 'n2']],
    ['emplois infirmier', ['n1', 'n2']],
    ['nurse jobs', ['n1', 'n2']],
    ['Entwickler Jobs', ['d1', 'd2']],
    ['busco trabajo de desarrollador', ['d1', 'd2']],
    ['vagas de contador', ['x']],
  ])('%s', (q, want) => {
    expect(ask(q, c).roleIds.slice(0, want.length).sort()).toEqual(want);
  });
});

describe('a yes/no asks about what follows the role it names', () => {
  const jobs = RoleIndex.from([
    role('py-london', { title: 'Python Developer', company: 'Fen', locations: ['London, United Kingdom'], workMode: 'onsite', skills: ['Python'] }),
    role('sql-dba', { title: 'SQL DBA', company: 'Connection', locations: ['Austin, TX'], workMode: 'remote', skills: ['SQL'], employmentType: 'full-time' }),
  ]);
  const c: AskContext = { index: jobs, now: NOW };
  it('"is the Python role in London?" asks about London', () => {
    const r = readRequest('is the Python role in London?', jobs.vocabulary());
    expect(r.intent).toBe('yesno');
    expect(r.asked).toEqual({ field: 'place', value: 'London' });
  });
  it('"is the SQL DBA job full time?" does not answer whether it needs SQL', () => {
    const r = readRequest('is the SQL DBA job full time?', jobs.vocabulary());
    expect(r.asked).toBeNull();
    expect(ask('is the SQL DBA job full time?', c).roleIds[0]).toBe('sql-dba');
  });
  it('"does the Fen role need python?" still asks about the skill', () => {
    expect(readRequest('does the Fen role need python?', jobs.vocabulary()).asked).toEqual({ field: 'skill', value: 'Python' });
  });
});
