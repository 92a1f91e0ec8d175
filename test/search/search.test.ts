// Search on the seed and fixture corpus and on a generated corpus: filters, synonyms, typos, order, unknowns, suggestions.
import { describe, expect, it } from 'vitest';
import { generatePostings } from '../../bench/corpus.ts';
import { annualTopUSD, levelFromYears, placeAreas } from '../../src/postings/index.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { parseQuery } from '../../src/search/query.ts';
import { corpus } from '../helpers.ts';

const index = RoleIndex.from(corpus());
const titles = (q: string) => index.search(q, { limit: 50 }).hits.map((h) => `${h.posting.company}: ${h.posting.title}`);
const companies = (q: string) => [...new Set(index.search(q, { limit: 50 }).hits.map((h) => h.posting.company))];

describe('query language', () => {
  const vocab = { companies: ['Reddit', 'Lumen Pay', 'beehiiv'] };
  it('reads work mode, company, seniority, pay, place, skill and exclusions', () => {
    const q = parseQuery('remote senior at Lumen Pay 150k+ berlin python -crypto -company:reddit', vocab);
    expect(q.filters).toMatchObject({
      workModes: ['remote'], seniorities: ['senior'], companies: ['Lumen Pay'], payFloor: { amount: 150000, currency: 'USD' },
      places: ['Berlin'], skills: ['Python'], excludeCompanies: ['Reddit'],
    });
    expect(q.excludedWords).toEqual(['crypto']);
    expect(q.words).toEqual([]);
  });
  it.each([
    ['>150k', 150000, 'USD'], ['$150,000+', 150000, 'USD'], ['salary:150k', 150000, 'USD'], ['over 150k', 150000, 'USD'], ['over €80k', 80000, 'EUR'], ['at least £60k', 60000, 'GBP'],
  ])('pay floor %#', (text, amount, currency) => {
    expect(parseQuery(text, vocab).filters.payFloor).toEqual({ amount, currency });
  });
  it('reads on-site spellings and "not at"', () => {
    expect(parseQuery('on-site', vocab).filters.workModes).toEqual(['onsite']);
    expect(parseQuery('in-office', vocab).filters.workModes).toEqual(['onsite']);
    expect(parseQuery('on site', vocab).filters.workModes).toEqual(['onsite']);
    expect(parseQuery('python not at reddit', vocab).filters.excludeCompanies).toEqual(['Reddit']);
  });
  it('reads "go" as the skill when the query is about skills, and says so', () => {
    const q = parseQuery('which roles need Go?', vocab);
    expect(q.filters.skills).toEqual(['Go']);
    expect(q.readings.join()).toMatch(/Go/);
  });
  it('reads places by short form', () => {
    expect(parseQuery('nyc', vocab).filters.places).toEqual(['New York']);
    expect(parseQuery('sf', vocab).filters.places).toEqual(['San Francisco']);
    expect(parseQuery('new york', vocab).filters.places).toEqual(['New York']);
    expect(parseQuery('uk', vocab).filters.places).toEqual(['United Kingdom']);
  });
  it('"senior staff" is one level; "staff" includes senior staff', () => {
    expect(parseQuery('senior staff', vocab).filters.seniorities).toEqual(['senior-staff']);
    expect(parseQuery('staff', vocab).filters.seniorities).toEqual(['staff', 'senior-staff']);
  });
});

describe('filters on the seed corpus', () => {
  it('remote ranking: remote roles about ranking; unknown work modes counted, not hidden silently', () => {
    const r = index.search('remote ranking');
    expect(r.hits.map((h) => h.posting.company)).toEqual(['Reddit']);
    expect(r.leftOut).toContainEqual({ field: 'work mode', count: expect.any(Number) });
  });
  it('company by name, "at", and key:value', () => {
    expect(companies('reddit')).toEqual(['Reddit']);
    expect(companies('at reddit')).toEqual(['Reddit']);
    expect(companies('company:reddit')).toEqual(['Reddit']);
    expect(titles('staff roles at reddit')).toHaveLength(2);
  });
  it('excludes a company and a word', () => {
    expect(companies('python -reddit')).not.toContain('Reddit');
    expect(companies('python not at reddit')).not.toContain('Reddit');
    expect(titles('machine learning -patreon').join()).not.toMatch(/Patreon/);
    // With nothing else to narrow by, leaving a company out starts from every role.
    const reddit = index.search('at reddit', { limit: 50 }).total;
    const notReddit = index.search('not at reddit', { limit: 50 });
    expect(notReddit.total).toBe(index.size - reddit);
    expect(notReddit.hits.map((h) => h.posting.company)).not.toContain('Reddit');
  });
  it('seniority', () => {
    expect(titles('senior staff')).toEqual(expect.arrayContaining(['Patreon: Senior Staff Machine Learning Engineer', 'Reddit: Senior Staff Machine Learning Systems Engineer, Feed Relevance']));
    expect(titles('senior staff')).toHaveLength(2);
  });
  it('pay floor compares annual equivalents across currencies and periods', () => {
    const r = index.search('150k+', { limit: 50 });
    for (const h of r.hits) expect(annualTopUSD(h.posting.salary)! >= 150000 || h.posting.salaries.some((s) => annualTopUSD(s)! >= 150000)).toBe(true);
    expect(r.hits.map((h) => h.posting.company)).toEqual(expect.arrayContaining(['beehiiv', 'Orbitly', 'Quarry Labs']));
    // CA$170k is about $124k: under a $150k floor at the fixed rate.
    expect(r.hits.map((h) => h.posting.company)).not.toContain('Stackwell');
    expect(r.leftOut).toContainEqual({ field: 'pay', count: expect.any(Number) });
    // $55/hr is about $114k a year: under the floor, not compared as $55.
    expect(companies('100k+')).toContain('Fernhill Studio');
    expect(companies('150k+')).not.toContain('Fernhill Studio');
    expect(companies('over €60k')).not.toContain('Vento Digital');
  });
  it('location with short forms', () => {
    expect(companies('nyc')).toEqual(['Patreon']);
    expect(companies('berlin')).toEqual(['Brightwave GmbH']);
    expect(companies('germany')).toEqual(['Brightwave GmbH']);
    expect(companies('london')).toEqual(['Northwind Analytics']);
  });
  it('remote eligibility: remote europe does not list a role remote within the United States only', () => {
    const europe = companies('remote europe');
    expect(europe).toContain('Lumen Pay');
    expect(europe).not.toContain('Reddit');
    expect(europe).not.toContain('Fernhill Studio');
    expect(companies('remote new york')).toEqual(expect.arrayContaining(['Reddit', 'Fernhill Studio']));
    expect(companies('remote canada')).toEqual(expect.arrayContaining(['Stackwell', 'Quarry Labs']));
  });
  it('skills, including "or"', () => {
    expect(companies('which roles need Go')).toEqual(expect.arrayContaining(['Reddit', 'Lumen Pay', 'Stackwell']));
    expect(companies('roles using PyTorch or XGBoost').sort()).toEqual(['Sarvam Retail', 'beehiiv']);
    expect(companies('kotlin')).toEqual(['Vento Digital']);
  });
});

describe('words', () => {
  it('synonyms: k8s, ml, recsys, sf', () => {
    expect(companies('k8s')).toEqual(expect.arrayContaining(['Lumen Pay', 'Stackwell', 'Nubaria']));
    expect(titles('ml').length).toBeGreaterThanOrEqual(5);
    expect(companies('recsys')).toEqual(expect.arrayContaining(['Patreon', 'Reddit']));
  });
  it('typos: rankng, pytorh', () => {
    expect(index.search('rankng').total).toBeGreaterThan(0);
    expect(index.search('rankng').notes).toContain('allowed for typos');
    expect(companies('pytorh')).toContain('beehiiv');
  });
  it('a title match outranks a passing mention', () => {
    const r = index.search('designer');
    expect(r.hits[0]!.posting.company).toBe('Fernhill Studio');
    expect(r.hits[0]!.fields).toContain('title');
  });
  it('equal scores come back in a stable order', () => {
    const a = titles('hybrid');
    expect(titles('hybrid')).toEqual(a);
    expect([...a].sort((x, y) => x.localeCompare(y))).toEqual(a);
  });
  it('no match: closest terms and the query with a filter dropped', () => {
    const r = index.search('remote staff 500k+');
    expect(r.total).toBe(0);
    expect(r.suggestions?.relaxed).toMatchObject({ without: 'the pay floor', count: expect.any(Number) });
    const typo = index.search('kubernetse staff');
    expect(typo.total).toBeGreaterThanOrEqual(0);
    const none = index.search('zzzyzx');
    expect(none.total).toBe(0);
    expect(index.search('frontent berlin').total).toBe(1);
  });
  it('closed roles (past validThrough) are left out', () => {
    const names = (now: string) => index.search('site reliability', { now: new Date(now), limit: 50 }).hits.map((h) => h.posting.company);
    expect(names('2027-02-01')).not.toContain('Stackwell');
    expect(names('2026-11-23')).toContain('Stackwell');
  });
});

describe('generated corpus', () => {
  const gen = generatePostings(3000, 7);
  const big = RoleIndex.from(gen);
  it('every filter agrees with a plain scan of the postings', () => {
    const r = big.search('remote senior python', { limit: 5000 });
    // A title without a level is placed by the years it asks for.
    const level = (p: (typeof gen)[number]) => p.seniority ?? (p.employmentType === 'internship' ? 'intern' : levelFromYears(p.yearsExperience));
    const expected = gen.filter((p) => p.workMode === 'remote' && level(p) === 'senior' && p.skills.includes('Python'));
    expect(r.total).toBe(expected.length);
    const hybridBerlin = big.search('hybrid berlin', { limit: 5000 });
    expect(hybridBerlin.total).toBe(gen.filter((p) => p.workMode === 'hybrid' && p.locations.includes('Berlin, Germany')).length);
    const rich = big.search('200k+', { limit: 5000 });
    expect(rich.total).toBe(gen.filter((p) => p.salaries.some((s) => (annualTopUSD(s) ?? 0) >= 200000)).length);
    expect(rich.leftOut[0]).toEqual({ field: 'pay', count: gen.filter((p) => !p.salaries.length).length });
  });
  it('remote europe never lists a role restricted to regions outside Europe', () => {
    const hits = big.search('remote europe', { limit: 5000 }).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.posting.remoteRegions.every((r) => placeAreas(r).includes('Europe'))).toBe(true);
    }
  });
  it('add, replace and remove keep the filters in step', () => {
    const p = gen[0]!;
    const before = big.search(`company:"${p.company}"`, { limit: 5000 }).total;
    big.remove(p.id);
    expect(big.get(p.id)).toBeUndefined();
    expect(big.search(`company:"${p.company}"`, { limit: 5000 }).total).toBe(before - 1);
    big.add({ ...p, title: 'Quantum Gardener' });
    expect(big.search('quantum gardener').hits[0]!.posting.id).toBe(p.id);
    expect(big.search(`company:"${p.company}"`, { limit: 5000 }).total).toBe(before);
  });
  it('a saved index answers the same as the one it came from', () => {
    const restored = RoleIndex.fromJSON(JSON.parse(JSON.stringify(big.toJSON())));
    for (const q of ['remote ranking', 'staff python 150k+', 'pytorh', 'hybrid london']) {
      expect(restored.search(q).hits.map((h) => h.posting.id)).toEqual(big.search(q).hits.map((h) => h.posting.id));
    }
  });
});
