// Problems are coded: callers branch on the code; the message is for people. Old sentences still load.
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, Posting, parsePostings, upgradeStored } from '../../src/postings/index.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { openDatabase } from '../../src/store/db.ts';
import { SqliteSnapshots } from '../../src/store/snapshots.ts';

const codes = (text: string | Buffer): string[] => parsePostings(text)[0]!.problems.map((p) => p.code);

describe('problem codes', () => {
  it('every problem the parser reports has a code from the list and a sentence', () => {
    const p = parsePostings('We are a friendly bakery in town and we like bread a lot.')[0]!;
    expect(p.problems.length).toBeGreaterThan(3);
    for (const x of p.problems) {
      expect(PROBLEM_CODES).toContain(x.code);
      expect(x.message.length).toBeGreaterThan(5);
    }
    expect(codes('We are a friendly bakery in town and we like bread a lot.')).toEqual(expect.arrayContaining(['no-title', 'no-salary', 'no-work-mode', 'no-location', 'no-years']));
  });

  it('names what the text lacks, and nothing it states', () => {
    const text = 'Senior Backend Engineer\nHarbor Freight Labs\nBerlin, Germany · Hybrid\n\nSalary: €80,000 – €95,000 per year\n\nRequirements:\n- 5+ years with Go\n\nResponsibilities:\n- Run the billing services\n';
    const c = codes(text);
    expect(c).not.toContain('no-title');
    expect(c).not.toContain('no-salary');
    expect(c).not.toContain('no-location');
    expect(c).not.toContain('no-work-mode');
    expect(c).not.toContain('no-years');
  });

  it('empty, binary and over-long texts have their own codes', () => {
    expect(codes('')).toEqual(['empty']);
    expect(codes(Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 32)))).toEqual(['not-text']);
    expect(codes(`Data Engineer\n${'word '.repeat(50_000)}`)).toContain('text-truncated');
  });
});

const OLD = {
  id: 'old1', title: 'Data Engineer', company: 'Fernweh Analytics', team: null, seniority: null, locations: ['Berlin'], workMode: null, remoteRegions: [],
  salary: null, salaries: [], yearsExperience: null, requirements: [], responsibilities: [], niceToHave: [], skills: [], benefits: [], education: null,
  employmentType: null, summary: 'Data Engineer at Fernweh Analytics.', postedAt: null, validThrough: null, source: { file: 'old.txt', board: null },
  problems: ['no salary stated', 'the posting does not say whether the role is remote, hybrid or on-site', 'something only an old version said'],
};

describe('postings saved with sentence problems', () => {
  it('are read with codes by the schema and by the cheap upgrade', () => {
    const want = [
      { code: 'no-salary', message: 'no salary stated' },
      { code: 'no-work-mode', message: 'the posting does not say whether the role is remote, hybrid or on-site' },
      { code: 'other', message: 'something only an old version said' },
    ];
    expect(Posting.parse(OLD).problems).toEqual(want);
    expect(upgradeStored(OLD).problems).toEqual(want);
  });

  it('load from a feed snapshot saved by an older version', () => {
    const db = openDatabase(':memory:');
    db.prepare('INSERT INTO source_snapshots (feed, postings, fetched_at) VALUES (?, ?, ?)').run('greenhouse:acme', JSON.stringify([OLD]), '2026-11-01T00:00:00Z');
    const [snap] = new SqliteSnapshots(db).load();
    expect(snap!.postings[0]!.problems.map((p) => p.code)).toEqual(['no-salary', 'no-work-mode', 'other']);
    db.close();
  });

  it('load from a saved index written by an older version', () => {
    const saved = RoleIndex.from([Posting.parse(OLD)]).toJSON();
    const old = JSON.parse(JSON.stringify({ ...saved, postings: [OLD] }));
    const index = RoleIndex.fromJSON(old);
    expect(index.get('old1')!.problems[0]).toEqual({ code: 'no-salary', message: 'no salary stated' });
    expect(index.search('fernweh').total).toBe(1);
  });
});
