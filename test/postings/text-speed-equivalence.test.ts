// The line reader's shortcuts (plain scans before unicode-aware patterns, a phrase automaton before a pattern of many
// phrases, passes skipped when a plain search finds nothing for them) must give what the plain passes give.
// Each shortcut is checked against the straightforward form it stands for, on built and random texts.
import { describe, expect, it } from 'vitest';
import { detectBoard, isChrome } from '../../src/postings/chrome.ts';
import { splitRoles } from '../../src/postings/split.ts';
import { fold, PhraseGate, sentences, stripBullet, toLines, unglue } from '../../src/postings/text.ts';

/** A random string over the given pieces (a fixed seed, so a failure can be replayed). */
function randomTexts(pieces: readonly string[], count: number, maxPieces: number, seed = 7): string[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: the low ones of this generator repeat with a short period.
    return Math.floor((state / 2 ** 31) * n);
  };
  return Array.from({ length: count }, () => Array.from({ length: next(maxPieces) }, () => pieces[next(pieces.length)]!).join(''));
}

// The passes as they read without shortcuts.
const plainSentences = (text: string): string[] =>
  text
    .replace(/\b(e\.g|i\.e|etc|vs|approx|incl|Inc|Ltd|Co|Dr|Mr|Ms|Sr|Jr|St)\./g, '$1\u0001')
    .replace(/([.!?])\s+(?=[\p{Lu}\d"“(])/gu, '$1\u0002')
    .split('\u0002')
    .map((x) => x.replace(/\u0001/g, '.').trim())
    .filter(Boolean);

const plainFold = (s: string): string =>
  s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—―]/g, '-').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

// unglue and the names a text repeats, as they read without shortcuts. Built for texts of letters that spell no
// camel-cased product name (a, b, q, x, z), so that the product-name list has no say.
const isLetterOrDigit = (c: string | undefined): boolean => /[\p{L}\d]/u.test(c ?? '');

function plainWordAt(whole: string, offset: number): string {
  let start = offset;
  while (start > 0 && offset - start <= 40 && isLetterOrDigit(whole[start - 1])) start--;
  let end = offset;
  while (end < whole.length && end - offset <= 40 && isLetterOrDigit(whole[end])) end++;
  return offset - start > 40 || end - offset > 40 ? '' : whole.slice(start, end);
}

function plainUnglue(line: string, names: ReadonlySet<string>): string {
  let s = line.replace(/(?<=\p{Ll}['’]?\p{Ll})(?=\p{Lu}\p{Ll})/gu, (_m, offset: number, whole: string) => {
    if (names.has(plainWordAt(whole, offset))) return '';
    let start = offset;
    while (start > 0 && offset - start <= 3 && isLetterOrDigit(whole[start - 1])) start--;
    if (/^\p{Lu}/u.test(whole[start] ?? '') && offset - start <= 2 && !isLetterOrDigit(whole[start - 1])) return '';
    return '\n';
  });
  s = s.replace(/(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll}{2})/gu, '\n');
  s = s.replace(/([\p{Ll}\d)%][.!?])([\p{Lu}])/gu, '$1\n$2');
  s = s.replace(/\)(\p{Lu}\p{Ll})/gu, ')\n$1');
  s = s.replace(/(?<=\p{Lu}{2}s)(?=\p{Lu}\p{Ll})/gu, '\n');
  s = s.replace(/(?<![\p{L}/])([HFMWD]\/[HFMWD](?:\/[HFMWD])?)(\p{Lu}\p{Ll})/gu, '$1\n$2');
  return s.replace(/([\p{L})])[:：](\p{Lu}\p{Ll})/gu, '$1:\n$2');
}

function plainRepeatedNames(text: string): Set<string> {
  const seen = new Set<string>();
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\d])\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}*)+(?![\p{L}\d])/gu)) {
    if (seen.has(m[0])) names.add(m[0]);
    else seen.add(m[0]);
  }
  return names;
}

/** toLines for a text of plain lines (no markup, tabs or odd characters), as the plain passes read it. */
function plainLines(text: string): string[] {
  const lines = text.split('\n');
  const runTogether = lines.filter((l) => l.trim()).length <= 2;
  const names = plainRepeatedNames(text);
  return lines.flatMap((raw) => {
    const line = raw.replace(/ {2,}/g, ' ').trim();
    const glued = (line.length > 200 || (runTogether && line.length > 80)) && /[a-z\u00df-\u00ff][A-Z]|[a-z)%][.!?:)][A-Z]|[A-Z]{3}[a-z]/.test(line);
    return glued ? plainUnglue(line, names).split('\n').map((p) => p.trim()) : [line];
  });
}

const GLUE_PIECES = ['a', 'b', 'x', 'q', 'z', 'A', 'B', 'X', 'Q', 'Z', 'é', 'É', 'ß', '𝐀', '𝐚', '\u0301', '’', "'", '.', '?', ')', '%', ':', '/', 'H/F', '1', ' ', 'Xab', 'Ba', ' XabBa ', ' QzzAz.', 'sQ'];

describe('unglue', () => {
  it('breaks a glued line where the whole-line passes break it', () => {
    const names = new Set(['XabBa', 'QzzAz']);
    for (const line of randomTexts(GLUE_PIECES, 3000, 60)) expect(unglue(line, names)).toBe(plainUnglue(line, names));
  });

  it('keeps the camel-cased names a text repeats, asked about one by one or many at once', () => {
    // Lines of many glued words ask about many names: past a few, the whole text is scanned once.
    for (const [k, line] of randomTexts(GLUE_PIECES, 2000, 120, 11).entries()) {
      const text = `${line}\n${k % 2 ? 'XabBa and QzzAz' : 'Xabba'}`;
      expect(toLines(text)).toEqual(plainLines(text));
    }
  });

  it('keeps repeated names when a line asks about more of them than are counted one by one', () => {
    const names = ['Xab', 'Qab', 'Zab', 'Bab', 'Aab', 'Xaa'].flatMap((a) => ['Qzz', 'Xzz'].map((b) => a + b));
    const line = names.map((n) => `a ${n} b`).join(' ');
    for (const repeated of [names, names.slice(0, 3), names.slice(-3)]) {
      const text = `${line}\n${repeated.join(' ')}`;
      expect(toLines(text)).toEqual(plainLines(text));
    }
  });

  it('keeps camel-cased product names and short capitalised prefixes', () => {
    const glued = 'Built our pipelines in JavaScript and PyTorch with McKinsey teams using FusionAuth for loginDeep experience with FusionAuth and productionReady systemsOwn the roadmap';
    expect(toLines(glued)).toEqual([
      'Built our pipelines in JavaScript and PyTorch with McKinsey teams using FusionAuth for login',
      'Deep experience with FusionAuth and production',
      'Ready systems',
      'Own the roadmap',
    ]);
  });

  it('reads a run-together posting into its lines', () => {
    const text = 'Senior Data EngineerAcme Corp is hiring.Responsibilities:Build pipelines in SQLDesign models for analyticsRequirements:5+ years of PythonExperience with Airflow(Neo4j)Experience a plus';
    expect(toLines(text)).toEqual([
      'Senior Data Engineer',
      'Acme Corp is hiring.',
      'Responsibilities:',
      'Build pipelines in SQL',
      'Design models for analytics',
      'Requirements:5+ years of Python',
      'Experience with Airflow(Neo4j)',
      'Experience a plus',
    ]);
  });
});

const plainMarkdown = (line: string): string =>
  line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]+)\]\([^()]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+?)[*_](?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*([-*_])\1{2,}\s*$/, '');

describe('line reader', () => {
  it('strips markdown and folds spaces as the per-line passes do', () => {
    // Lowercase words only, and more than two lines: nothing here is read as glued.
    const pieces = ['#', '## ', '**', '__', '*', '_', '`', '[', ']', '(', ')', '![', '](', 'x', 'yz', ' ', '  ', '\t', '>', '-', '---', '***', '___', '\n', '.', '!'];
    // Without runs of spaces or tabs in the text, those left by stripped marks ("a ` ` b") are folded all the same.
    const single = pieces.filter((p) => p !== '  ' && p !== '\t');
    for (const body of [...randomTexts(pieces, 4000, 50), ...randomTexts(single, 4000, 50, 3)]) {
      const text = `${body}\na\nb\nc`;
      expect(toLines(text)).toEqual(text.split('\n').map((l) => plainMarkdown(l).replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim()));
    }
  });


  it('strips markdown, folds spaces and tabs, drops invisible characters', () => {
    const text = '# Backend Engineer\r\n**Acme**\u00a0Corp\r\n\r\n* Ship  _fast_ code\twith `Go`\n> quoted [link](https://x.y) and ![img](a.png)\n---\na ` ` b\nzero\u200bwidth &amp; more';
    expect(toLines(text)).toEqual(['Backend Engineer', 'Acme Corp', '', '* Ship fast code with Go', 'quoted link and img', '', 'a b', 'zerowidth & more']);
  });
});

describe('sentences', () => {
  it('splits as the marked passes do', () => {
    const pieces = ['Word', 'word', ' ', '  ', '. ', '! ', '? ', 'e.g. ', 'i.e.', 'Inc. ', 'etc.', '3', '"', '(', 'É', 'é', '\u0001', '\u0002', '\n', '.'];
    for (const text of randomTexts(pieces, 5000, 30)) expect(sentences(text)).toEqual(plainSentences(text));
  });
});

describe('fold', () => {
  it('folds as the full pass does', () => {
    const pieces = ['Abc', 'É', 'é', 'Ñ', '’', '‘', '`', '´', '–', '—', '•', '…', '€', '\u00a0', '\u2000', '\u2001', 'İ', 'ß', 'Ω', '\u0301', 'ﬁ', '𝐀', '📍', 'x'];
    for (const s of randomTexts(pieces, 5000, 12)) expect(fold(s)).toBe(plainFold(s));
  });
});

describe('phrase gate', () => {
  it('says yes whenever the phrases pattern (case-insensitive) matches, and no when it does not', () => {
    const phrases = ['lever.co', 'jobs.lever.co', 'easy apply', 'workday', 'myworkdayjobs', 'he', 'she', 'hers', 'ab'];
    const pattern = new RegExp(phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
    const gate = new PhraseGate(phrases);
    const pieces = ['a', 'b', 'A', 'B', 'h', 'H', 'e', 's', 'r', 'S', '.', 'co', 'Lever', 'jobs', 'work', 'DAY', 'easy', ' ', 'apply', 'é', 'K', '\u212a'];
    for (const text of randomTexts(pieces, 5000, 20)) expect(gate.mayHold(text)).toBe(pattern.test(text));
  });

  it('lets every text through for phrases beyond ASCII', () => {
    expect(new PhraseGate(['está']).mayHold('nothing here')).toBe(true);
  });
});

describe('chrome, boards, bullets and roles', () => {
  it('tells chrome lines from posting lines', () => {
    const chrome = ['Apply now', '  • Apply now!', '© 2024 Acme Inc.', 'Privacy Policy', '3 applicants', 'Posted 2 days ago', 'We’ll auto‑apply on your behalf'];
    const posting = ['Senior Backend Engineer', 'You will design and run our payment systems, applying care to every release and review', ''];
    expect(chrome.map(isChrome)).toEqual(chrome.map(() => true));
    expect(posting.map(isChrome)).toEqual(posting.map(() => false));
  });

  it('finds the board from its marks only', () => {
    expect(detectBoard('Backend Engineer\nApply at https://jobs.lever.co/acme/123')).toBe('Lever');
    expect(detectBoard('Posted on LinkedIn. Easy Apply')).toBe('LinkedIn');
    expect(detectBoard('We ship clever code.\nA cleverly designed co-op.')).toBeNull();
    expect(detectBoard('Our Workday rollout')).toBe('Workday');
  });

  it('strips bullets and numbers, not capitalised words', () => {
    expect(stripBullet('• Ship code')).toEqual({ text: 'Ship code', bulleted: true });
    expect(stripBullet('a) First')).toEqual({ text: 'First', bulleted: true });
    expect(stripBullet('A) First')).toEqual({ text: 'A) First', bulleted: false });
  });

  it('splits a pipe header that lists roles, and keeps a single role whole', () => {
    expect(splitRoles('Acme | Backend Engineer, Frontend Engineer | Remote\nWe build tools.')).toHaveLength(2);
    expect(splitRoles('Backend Engineer\nAcme\n\nWe build tools.')).toEqual(['Backend Engineer\nAcme\n\nWe build tools.']);
  });
});
