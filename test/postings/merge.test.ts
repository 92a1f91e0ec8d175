// One merge path for structured fields: JSON-LD and feed values are checked against the schema and win where valid,
// the text fills the gaps, and a value that does not fit is a problem, never a crash.
import { describe, expect, it } from 'vitest';
import { Posting, mergePosting, parsePostings } from '../../src/postings/index.ts';
import { feedPosting, feedSalary } from '../../src/sources/feeds/map.ts';

const jsonld = (job: Record<string, unknown>): Posting[] => parsePostings(JSON.stringify({ '@context': 'https://schema.org/', '@type': 'JobPosting', ...job }), { file: 'job.json' });
const codes = (p: Posting): string[] => p.problems.map((x) => x.code);

const DESC = '<p>Keep the dispatch platform fast.</p><h3>Requirements</h3><ul><li>3+ years with Rust</li></ul><p>Salary: $120,000 - $140,000 per year. Remote within Canada.</p>';

describe('JSON-LD through the merge', () => {
  it('structured values win and settle the text\'s problems; the result is a valid Posting', () => {
    const [p] = jsonld({
      title: 'Staff Dispatch Engineer', description: DESC, hiringOrganization: { name: 'Tallow Freight' }, datePosted: '2026-10-02',
      jobLocation: { address: { addressLocality: 'Toronto', addressCountry: 'CA' } }, employmentType: 'FULL_TIME',
      baseSalary: { currency: 'CAD', value: { minValue: 150000, maxValue: 170000, unitText: 'YEAR' } },
    });
    expect(Posting.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({ title: 'Staff Dispatch Engineer', company: 'Tallow Freight', seniority: 'staff', locations: ['Toronto, CA'], employmentType: 'full-time', postedAt: '2026-10-02' });
    expect(p!.salary).toMatchObject({ min: 150000, max: 170000, currency: 'CAD' });
    expect(p!.requirements).toEqual(['3+ years with Rust']);
    expect(codes(p!)).not.toContain('no-title');
    expect(codes(p!)).not.toContain('no-company');
    expect(codes(p!)).not.toContain('no-salary');
  });

  it('bad structured values become problems and the text fills in', () => {
    const [p] = jsonld({
      title: { '@value': 'Dispatch Engineer' }, description: `Dispatch Engineer\n${DESC}`, hiringOrganization: { name: 'Tallow Freight' },
      datePosted: 'sometime soon', validThrough: 20261231, employmentType: 'WHENEVER',
      baseSalary: { currency: 'dollars', value: { minValue: 100, maxValue: 200 } },
    });
    expect(Posting.safeParse(p).success).toBe(true);
    const invalid = p!.problems.filter((x) => x.code === 'invalid-field').map((x) => x.message);
    expect(invalid).toEqual(expect.arrayContaining([
      expect.stringMatching(/^the JSON-LD gave title .*, left out/),
      expect.stringMatching(/gave date posted "sometime soon", left out: it is not a date/),
      expect.stringMatching(/gave closing date 20261231, left out/),
      expect.stringMatching(/gave employment type "WHENEVER", left out/),
      expect.stringMatching(/gave salary .*"DOLLARS".*, left out: an ISO 4217 code/),
    ]));
    expect(p!.postedAt).toBeNull();
    expect(p!.validThrough).toBeNull();
    // The text's own pay and title stand in for the rejected ones.
    expect(p!.salary).toMatchObject({ min: 120000, max: 140000 });
    expect(p!.title).toBe('Dispatch Engineer');
  });
});

describe('feed postings through the merge', () => {
  const fields = { externalId: '7', title: 'Platform Engineer', company: 'Quayside Ferries', description: DESC };

  it('are validated: the feed\'s values win, the description fills the rest', () => {
    const p = feedPosting('lever:quayside', { ...fields, locations: ['Halifax, NS'], workMode: 'hybrid', salaries: [feedSalary(90000, 110000, 'CAD', 'year', 'CAD 90k–110k')!] });
    expect(Posting.safeParse(p).success).toBe(true);
    expect(p).toMatchObject({ title: 'Platform Engineer', company: 'Quayside Ferries', locations: ['Halifax, NS'], workMode: 'hybrid', source: { file: 'lever:quayside', board: 'lever' } });
    expect(p.salaries).toHaveLength(1);
    expect(p.yearsExperience).toEqual({ min: 3, max: null });
    expect(codes(p)).not.toContain('no-location');
  });

  it('report bad values instead of crashing or passing them on', () => {
    const bad = { min: 200000, max: 100000, currency: 'CAD', period: 'year', text: 'odd', estimated: false, periodInferred: false };
    const p = feedPosting('lever:quayside', { ...fields, title: '   ', workMode: 'sometimes' as never, locations: [42 as never], salaries: [bad as never], postedAt: 'yesterday-ish' });
    expect(Posting.safeParse(p).success).toBe(true);
    const invalid = p.problems.filter((x) => x.code === 'invalid-field').map((x) => x.message);
    expect(invalid).toEqual(expect.arrayContaining([
      expect.stringMatching(/^the feed gave title "   ", left out: it is empty/),
      expect.stringMatching(/^the feed gave work mode "sometimes", left out/),
      expect.stringMatching(/^the feed gave locations \[42\], left out/),
      expect.stringMatching(/^the feed gave salary .*, left out: min must not exceed max/),
      expect.stringMatching(/^the feed gave date posted "yesterday-ish", left out/),
    ]));
    expect(p.salary).toMatchObject({ min: 120000, max: 140000 });
    expect(p.postedAt).toBeNull();
  });

  it('the merge itself never throws, whatever the values', () => {
    const base = parsePostings('Line Cook\nBistro Vela\nLisbon, Portugal\n')[0]!;
    const weird = [null, undefined, 0, -1, NaN, '', [], {}, [[]], { min: 'x' }, 'x'.repeat(10_000), Symbol('s') as never, () => 1];
    for (const v of weird) {
      const p = mergePosting(base, { title: v, company: v, team: v, seniority: v, locations: v, workMode: v, remoteRegions: v, salaries: v, yearsExperience: v, skills: v, education: v, employmentType: v, postedAt: v, validThrough: v }, 'the test');
      expect(Posting.safeParse(p).success).toBe(true);
    }
  });
});
