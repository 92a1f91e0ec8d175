// The parser never throws and always returns schema-valid Postings, whatever it is fed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostings, Posting } from '../../src/postings/index.ts';
import { corpus } from '../helpers.ts';

const valid = (text: unknown) => {
  const out = parsePostings(text, { file: 'x.txt' });
  expect(out.length).toBeGreaterThan(0);
  for (const p of out) expect(Posting.safeParse(p).success).toBe(true);
  return out;
};

describe('bad input', () => {
  it('empty text gives a posting with problems', () => {
    expect(valid('')[0]!.problems).toEqual([{ code: 'empty', message: 'the text is empty' }]);
    expect(valid('   \n\n ')[0]!.problems.map((x) => x.code)).toEqual(['empty']);
  });
  it('binary is reported, not parsed', () => {
    const bin = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)).toString('latin1').replace(/[\n]/g, '\0');
    expect(valid(bin)[0]!.problems[0]!.code).toBe('not-text');
  });
  it('10 MB of text is cut and said so', () => {
    const big = 'Senior Engineer\nAcme\n' + 'Requirements:\n- Python experience\n'.repeat(300_000);
    const [p] = valid(big);
    expect(p!.problems[0]!.code).toBe('text-truncated');
  });
  it('non-strings do not throw', () => {
    valid(undefined);
    valid(42);
  });
});

const samples = corpus().map((p) => [p.title, p.company, ...p.requirements, ...p.responsibilities].filter(Boolean).join('\n'));

describe('property: never throws, always schema-valid', () => {
  it('random unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (s) => void valid(s)), { numRuns: 300 });
  });
  it('mutated real postings (cut, repeated, shuffled lines, injected markup and money)', () => {
    const noise = fc.constantFrom('$', '€', '<li>', '</p>', '**', '#', 'Requirements:', '•', '\n', '<!channel>', '$10M ARR', '50-60k', '&amp;', '\u0000', '(m/w/d)', ' | ');
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), noise), { maxLength: 20 }), fc.boolean(), (base, edits, shuffle) => {
        let s = base;
        for (const [at, piece] of edits) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + piece + s.slice(i);
        }
        if (shuffle) s = s.split('\n').reverse().join('\n');
        valid(s);
      }),
      { numRuns: 200 },
    );
  });
});
