// Each intent on the seed and fixture corpus and a generated one, with ambiguous, missing and hostile input.
import { describe, expect, it } from 'vitest';
import { generatePostings } from '../../bench/corpus.ts';
import { ask, details, find, plainText, renderText } from '../../src/answers/index.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { corpus } from '../helpers.ts';

const ctx = { index: RoleIndex.from(corpus()), now: new Date('2026-11-23T12:00:00Z') };
const say = (q: string) => ask(q, ctx);
const companiesIn = (a: ReturnType<typeof ask>) => a.roleIds.map((id) => ctx.index.get(id)!.company);

describe('plain text from Slack syntax', () => {
  it('strips mentions, broadcasts and channel links; keeps link labels', () => {
    expect(plainText('<@U123ABC> what does <https://x.example|the beehiiv role> pay? <!channel> <!here> <#C1|jobs> &lt;b&gt;')).toBe('what does the beehiiv role pay? <b>');
  });
});

describe('find', () => {
  it('remote ranking', () => {
    const a = say('remote ranking');
    expect(a.intent).toBe('find');
    // The role holding the word first; other remote roles follow, since a leftover word ranks but never vetoes.
    expect(companiesIn(a)[0]).toBe('Reddit');
    expect(a.heading).toMatch(/^1 role matches “remote ranking”/);
    expect(renderText(a)).toMatch(/left out because their postings do not state the work mode/);
  });
  it('staff roles at reddit', () => {
    expect(companiesIn(say('staff roles at reddit'))).toEqual(['Reddit', 'Reddit']);
  });
  it('anything in New York?', () => {
    expect(companiesIn(say('anything in New York?'))).toEqual(['Patreon']);
  });
  it('pages with offset and says how many are left', () => {
    const first = find('engineer', { ...ctx, limit: 3 });
    expect(first.paging).toMatchObject({ offset: 0, limit: 3 });
    expect(first.paging!.total).toBeGreaterThan(3);
    const second = find('engineer', { ...ctx, limit: 3 }, 3);
    expect(second.roleIds).not.toEqual(first.roleIds);
    expect(second.heading).toMatch(/showing 4–6/);
  });
  it('zero results: says so and offers a wider query', () => {
    const a = say('remote staff 500k+');
    expect(a.intent).toBe('none');
    expect(renderText(a)).toMatch(/Without the pay floor, 1 role matches: try “/);
  });
});

describe('pay', () => {
  it('what does the beehiiv role pay? — both ranges, and that they differ', () => {
    const a = say('what does the beehiiv role pay?');
    expect(a.intent).toBe('pay');
    const text = renderText(a);
    expect(text).toMatch(/\$180k–\$200k a year — as written: “USD 180K-200K\/annual”/);
    expect(text).toMatch(/\$107k–\$147k a year \(period assumed\)/);
    expect(text).toMatch(/2 different ranges; they differ/);
  });
  it('"not listed" said plainly', () => {
    expect(renderText(say('what does the reddit staff role pay?'))).toMatch(/Pay is not listed in the posting for Staff Machine Learning Engineer at Reddit/);
  });
  it('hourly pay keeps its period and shows the annual equivalent', () => {
    expect(renderText(say('what does the Fernhill Studio role pay?'))).toMatch(/\$55 an hour.*≈ \$114k a year/s);
  });
  it('highest paying roles, highest first, with the count that list none', () => {
    const a = say('highest paying roles');
    expect(companiesIn(a).slice(0, 2)).toEqual(['Orbitly', 'beehiiv']);
    expect(renderText(a)).toMatch(/5 roles do not list pay/);
  });
  it('roles over 150k', () => {
    const a = say('roles over 150k');
    expect(a.heading).toBe('5 roles pay $150k+ a year');
    expect(companiesIn(a)).not.toContain('Stackwell');
  });
  it('which roles list a salary?', () => {
    expect(say('which roles list a salary?').heading).toBe('14 roles of 19 list a salary');
  });
  it('a reference to a few roles of one company answers for each', () => {
    const a = say('what does the reddit role pay?');
    expect(a.intent).toBe('pay');
    expect(a.roleIds).toHaveLength(2);
    expect(renderText(a)).toMatch(/Pay is not listed in the posting for Senior Staff Machine Learning Systems Engineer.*\n[^]*Pay is not listed in the posting for Staff Machine Learning Engineer at Reddit/);
  });
  it('an ambiguous reference across companies asks which one, listing them', () => {
    const a = say('what does the machine learning engineer role pay?');
    expect(a.intent).toBe('clarify');
    expect(renderText(a)).toMatch(/which one do you mean/);
  });
  it('a missing reference says so and suggests', () => {
    const a = say('what does the acme role pay?');
    expect(a.intent).toBe('none');
    expect(renderText(a)).toMatch(/could not find a role matching “acme”.*Companies with open roles/s);
  });
});

describe('requirements', () => {
  it('what do I need for the Patreon staff role?', () => {
    const a = say('what do I need for the Patreon staff role?');
    expect(a.intent).toBe('requirements');
    const text = renderText(a);
    expect(text).toMatch(/Senior Staff Machine Learning Engineer at Patreon/);
    expect(text).toMatch(/Experience: 8\+ years/);
    expect(text).toMatch(/Education: Master’s or PhD/);
    expect(text).toMatch(/Nice to have:/);
    expect(text).toMatch(/and 5 more/);
  });
  it('requirements for the feed relevance job', () => {
    expect(companiesIn(say('requirements for the feed relevance job'))).toEqual(['Reddit']);
  });
  it('the full list on request', () => {
    const text = renderText(say('full requirements for the Patreon staff role'));
    expect(text).not.toMatch(/more/);
    expect(text).toMatch(/What you will do:/);
  });
  it('details for a role id', () => {
    const id = ctx.index.all().find((p) => p.company === 'beehiiv')!.id;
    expect(renderText(details(id, ctx)!)).toMatch(/Nice to have:/);
    expect(details('nope', ctx)).toBeNull();
  });
});

describe('skills', () => {
  it('which roles need Go?', () => {
    const a = say('which roles need Go?');
    expect(a.intent).toBe('skills');
    expect(companiesIn(a).sort()).toEqual(['Lumen Pay', 'Reddit', 'Stackwell']);
  });
  it('roles using PyTorch or XGBoost', () => {
    expect(companiesIn(say('roles using PyTorch or XGBoost')).sort()).toEqual(['Sarvam Retail', 'beehiiv']);
  });
});

describe('compare', () => {
  it('compare the Reddit roles', () => {
    const a = say('compare the Reddit roles');
    expect(a.intent).toBe('compare');
    const table = a.parts[0]!;
    expect(table.type).toBe('compare');
    if (table.type !== 'compare') return;
    expect(table.rows.map((r) => r.label)).toEqual(['Company', 'Seniority', 'Location', 'Work mode', 'Pay', 'Years', 'Top skills']);
    expect(table.rows.find((r) => r.label === 'Seniority')!.values).toEqual(['Senior staff', 'Staff']);
  });
  it('patreon senior vs senior staff', () => {
    const a = say('patreon senior vs senior staff');
    expect(a.roleIds.map((id) => ctx.index.get(id)!.title)).toEqual(['Senior Machine Learning Engineer, Relevance', 'Senior Staff Machine Learning Engineer']);
  });
});

describe('overview and help', () => {
  it('what roles are open?', () => {
    const a = say('what roles are open?');
    expect(a.heading).toBe('19 open roles at 15 companies');
  });
  it('how many remote roles?', () => {
    expect(renderText(say('how many remote roles?'))).toMatch(/7 open roles of 19 match “remote”/);
  });
  it('which companies are hiring?', () => {
    expect(say('which companies are hiring?').heading).toBe('15 companies hiring for 19 roles');
  });
  it('help and empty input show examples from the live corpus', () => {
    for (const q of ['', 'help', '<@U1>']) {
      const a = say(q);
      expect(a.intent).toBe('help');
      expect(renderText(a)).toMatch(/Quarry Labs/);
    }
  });
  it('examples in help all find something', () => {
    const a = say('help');
    const tryList = a.parts.find((p) => p.type === 'list' && p.title === 'Try');
    if (tryList?.type !== 'list') throw new Error('no examples');
    for (const ex of tryList.items) expect(say(ex).intent).not.toBe('none');
  });
});

describe('hostile and odd input', () => {
  it('very long text does not hang or throw', () => {
    const a = say('remote '.repeat(5000));
    expect(a.heading.length).toBeLessThan(2500);
  });
  it('broadcast mentions and markup never reach the answer', () => {
    const text = renderText(say('<!channel> <!everyone> @here *bold* <script>alert(1)</script> ranking'));
    expect(text).not.toMatch(/<!channel>|<!everyone>/);
  });
  it('punctuation only', () => {
    expect(() => say('?!?!...,,,')).not.toThrow();
  });
});

describe('generated corpus', () => {
  const big = { index: RoleIndex.from(generatePostings(2000, 3)), now: ctx.now };
  it('pay lists are ordered by annual equivalent', () => {
    const a = ask('highest paying roles', { ...big, limit: 10 });
    const tops = a.roleIds.map((id) => big.index.payOf(id)!);
    expect([...tops].sort((x, y) => y - x)).toEqual(tops);
  });
  it('a query per intent answers without error', () => {
    for (const q of ['remote python', 'which roles need Kafka?', 'compare senior vs staff', 'how many hybrid roles?', 'roles over 200k', 'requirements for the staff search role']) {
      expect(() => ask(q, big)).not.toThrow();
    }
  });
});

describe('summaries over a large corpus', () => {
  const gen = generatePostings(12_000, 21);
  const big = { index: RoleIndex.from(gen), now: new Date('2026-11-23T12:00:00Z') };

  it('the highest paying list counts every role and starts with the best paid', () => {
    const a = ask('highest paying roles', big);
    const withPay = gen.filter((p) => p.salaries.length).length;
    expect(a.heading).toBe(`Highest paying roles (${withPay} of ${gen.length} list pay)`);
    const best = Math.max(...gen.map((p) => big.index.payOf(p.id) ?? 0));
    expect(big.index.payOf(a.roleIds[0]!)).toBe(best);
    const shown = a.roleIds.map((id) => big.index.payOf(id)!);
    expect([...shown].sort((x, y) => y - x)).toEqual(shown);
  });
  it('"how many" counts every matching role against every open one', () => {
    const a = ask('how many remote roles are there?', big);
    const remote = gen.filter((p) => p.workMode === 'remote').length;
    expect(renderText(a)).toContain(`${remote} open roles of ${gen.length} match`);
  });
  it('example questions follow the roles as they change', () => {
    const index = RoleIndex.from(generatePostings(50, 3));
    const c = { index, now: big.now };
    const before = ask('help', c);
    for (let i = 0; i < 10; i++) index.add({ ...gen[i]!, id: `extra-${i}`, company: 'Zyzzyva Labs' });
    const after = ask('help', c);
    expect(renderText(before)).not.toContain('Zyzzyva');
    expect(renderText(after)).toContain('Zyzzyva Labs');
  });
});
