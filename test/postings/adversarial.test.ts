// Long hostile texts must finish (no pattern may backtrack on them) and still give sane answers. The bound is
// generous on purpose: a backtracking pattern takes minutes on these, a linear one milliseconds.
import { describe, expect, it } from 'vitest';
import { parsePostings } from '../../src/postings/index.ts';

const BOUND_MS = 5_000;

function parsed(text: string): ReturnType<typeof parsePostings> {
  const started = Date.now();
  const postings = parsePostings(text);
  expect(Date.now() - started).toBeLessThan(BOUND_MS);
  expect(postings.length).toBeGreaterThan(0);
  return postings;
}

const head = 'Senior Data Engineer\nAcme Corp\nBerlin, Germany\n\n';
const long = (unit: string, length = 200_000): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

describe('adversarial texts finish with sane results', () => {
  it.each([
    ['one 200k-character line of words', long('We build data pipelines and models for our customers ')],
    ['a run of digits', long('1234567890')],
    ['a run of spaces between two words', `start${long(' ')}end`],
    ['a run of dashes', long('-')],
    ['a run of currency signs', long('$€£¥₹')],
    ['amounts glued together', long('$1,000,000.00-')],
    ['thousands groups without end', `Salary: $${long('000,')}`],
    ['a run of bullets', long('• ')],
    ['nested parentheses', `${long('(', 100_000)}${long(')', 100_000)}`],
    ['one huge word', long('Supercalifragilistic')],
    ['capitalised words without spaces', long('EngineerDataScienceLead')],
    ['"years" phrases over and over', long('5+ years of experience, 3-5 years, at least two years, ')],
    ['remote words over and over', long('remote hybrid on-site Homeoffice télétravail remoto | ')],
    ['pipes and field separators', long('| Remote (US) | ')],
    ['dots and digits', long('1.2.3.4.5.')],
    ['colons after words', long('Requirements: Salary: Location: ')],
    ['unclosed markup', long('<div><b>')],
    ['entities', long('&amp;&#x2F;&#39;')],
  ])('%s', (_name, body) => {
    const [p] = parsed(head + body);
    expect(p!.title).toBe('Senior Data Engineer');
    // Whatever it reads, it reads something a schema accepts, and pay is never an absurd figure.
    for (const s of p!.salaries) expect(Math.max(s.min ?? 0, s.max ?? 0)).toBeLessThan(1e7);
    if (p!.yearsExperience) expect(p!.yearsExperience.min).toBeLessThanOrEqual(25);
  });

  it('many short lines', () => {
    const [p] = parsed(head + long('Salary: $120,000 - $150,000 per year\nRemote (US)\n5+ years of Python\n'));
    expect(p!.salary).toMatchObject({ min: 120_000, max: 150_000, currency: 'USD', period: 'year' });
    expect(p!.workMode).toBe('remote');
    expect(p!.yearsExperience?.min).toBe(5);
  });

  it('a text over the size limit is cut and says so', () => {
    const [p] = parsed(head + long('Build things. ', 400_000));
    expect(p!.problems.some((x) => x.code === 'text-truncated')).toBe(true);
  });
});
