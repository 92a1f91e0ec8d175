// Markup, lists and spacing built to make patterns rescan the text: each is read in one pass, with sane results.
// The bound is generous (seconds, where a rescanning pattern takes tens of seconds): this checks behaviour, not speed.
import { describe, expect, it } from 'vitest';
import { YEARS_LINE } from '../../src/answers/cards.ts';
import { ask } from '../../src/answers/index.ts';
import { cleanCompany } from '../../src/postings/header.ts';
import { parsePostings } from '../../src/postings/index.ts';
import { htmlToText } from '../../src/postings/text.ts';
import { RoleIndex } from '../../src/search/index.ts';

const LIMIT_MS = 3000;
const fill = (unit: string, length = 200_000): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const finishes = <T>(f: () => T): T => {
  const t0 = Date.now();
  const out = f();
  expect(Date.now() - t0).toBeLessThan(LIMIT_MS);
  return out;
};

describe('markup that never closes', () => {
  for (const [name, unit] of [['brackets', '['], ['tag openings', '<p '], ['image links', '![a]('], ['links', '[a]('], ['scripts', '<script>'], ['comments', '<!--'], ['list items', '<li class=x']] as const) {
    it(name, () => {
      const [p] = finishes(() => parsePostings(`Welder\nAcme Metal\n\n${fill(unit)}`));
      expect(p!.title).toBe('Welder');
    });
  }

  it('still drops scripts, styles and comments and keeps the words', () => {
    const text = htmlToText('<head><title>x</title></head><script>var a = "<p>";</script><!-- note --><h1>Welder</h1><p>Acme <b>Metal</b></p><ul><li>3+ years welding</li></ul><style>p{}</style>');
    expect(text).not.toMatch(/var a|note|p\{\}|<|>/);
    expect(text).toMatch(/Welder\s+Acme Metal\s+• 3\+ years welding/);
  });
});

describe('long runs of spaces and digits', () => {
  it('a JSON-LD skills list with a long run of spaces', () => {
    const [p] = finishes(() => parsePostings(JSON.stringify({ '@type': 'JobPosting', title: 'Welder', skills: `TIG${' '.repeat(80_000)}, MIG` })));
    expect(p!.title).toBe('Welder');
  });

  it('a company with a long run of wide spaces', () => {
    expect(finishes(() => cleanCompany(`Acme${'\u2003'.repeat(40_000)}Metal`))).toBe('Acme Metal');
  });

  it('the years pattern over long digit and space runs', () => {
    finishes(() => YEARS_LINE.test(`${'1'.repeat(5000)}x`));
    finishes(() => YEARS_LINE.test(`1${' '.repeat(50_000)}x`));
    expect(['5+ years of Go', '3 - 5 years', '3–5 yrs', '10+ Jahre', '2 ans'].every((s) => YEARS_LINE.test(s))).toBe(true);
    expect(YEARS_LINE.test('founded 2025 years ago')).toBe(false);
  });

  it('a comparison question with a long run of spaces', () => {
    const index = RoleIndex.from(parsePostings('Welder\nAcme Metal\nDenver, CO\n\nRequirements:\n- 3+ years welding'));
    finishes(() => ask(`compare acme${' '.repeat(30_000)}and welder`, { index }));
  });
});

// The shapes the plain-look shortcuts stop at: glued words, stops before capitals, acronyms, figures and year words,
// non-Latin text and surrogate pairs, each over a whole 200k-character posting.
describe('long runs of the shapes the shortcuts look for', () => {
  for (const [name, unit] of [
    ['glued words', 'fooBarBazQux'], ['stops before capitals', 'a.B'], ['acronyms before words', 'ABCd'], ['figures', '1 000 '],
    ['pay ranges', '$1,000 - '], ['year words', '3 ans '], ['work-mode words', 'remote hybrid '], ['CJK', '漢字'], ['surrogate pairs', '𝐀𝐚'],
    ['hiring words', 'hiring for '], ['team phrases', 'the A team '],
  ] as const) {
    it(name, () => {
      const [p] = finishes(() => parsePostings(`Welder\nAcme Metal\n\n${fill(unit)}`));
      expect(p!.title).toBe('Welder');
    });
  }
});
