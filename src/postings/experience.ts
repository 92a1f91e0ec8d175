// Years of experience: "5+ years", "3-5 years", "at least three years", "0 to 1 years", "mindestens 2 Jahre",
// "au moins 3 ans", "mínimo de 2 años", "pelo menos 2 anos", "Two (2) years of experience", "Years of Experience: 2 - 4".
import type { YearsExperience } from './schema.ts';
import { YEAR_WORDS_SOURCE } from './lexicon/years.ts';

const WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15,
  ein: 1, eine: 1, einem: 1, einer: 1, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  um: 1, uma: 1, dois: 2, duas: 2, três: 3, quatro: 4, sete: 7, oito: 8, nove: 9, dez: 10,
};
// Fractions ("1.5 years") round down: the schema counts whole years, and 1.5 years asks for at least 1.
// Digits may be glued to a word before them by scraping ("Experience5+ years"); number words may not.
const DIGITS = String.raw`\d{1,2}(?:[.,]\d)?`;
const NUMBER_WORDS = Object.keys(WORDS).sort((a, b) => b.length - a.length).join('|');
const N = String.raw`(${DIGITS}|(?<![\p{L}])(?:${NUMBER_WORDS}))`;
const YEARS = String.raw`(?:${YEAR_WORDS_SOURCE})['’]?`;
const SEP_WORDS = String.raw`-|–|—|to|bis|à|au|a|y|e|até`;
const SEP = String.raw`\s*(?:${SEP_WORDS})\s*`;
const MORE = String.raw`(?:\+|plus|or more|or greater|ou plus|o más|ou mais|und mehr|oder mehr)`;
const LEAD = String.raw`(?:at least|atleast|a minimum of|minimum of|minimum|minimal of|min\.?|no less than|not less than|mindestens|au moins|minimum de|al menos|como mínimo|mínimo de|mínima de|mínimo|mínima|pelo menos|≥|>=)`;
// Not inside a larger number ("1.5", "$40"); a full stop glued before it is scraping ("related field.3+ years").
const B = String.raw`(?<!\d[.,]|[\d$€£])`;
const E = String.raw`(?![\p{L}])`;

type Make = (m: RegExpExecArray) => YearsExperience | null;
/** A pattern, written for a number pattern `n`, and how its match reads; `bare` is "N years" with nothing more. */
interface Reading {
  source: (n: string) => string;
  make: Make;
  bare?: boolean;
}
const READINGS: Reading[] = [
  // "Years of Experience: 2 - 4"
  { source: (n) => String.raw`years of experience:?\s*${n}(?:${SEP}${n})?${E}`, make: (m) => (m[2] ? range(m[1]!, m[2]) : atLeast(m[1]!)) },
  { source: (n) => String.raw`${B}${n}${SEP}${n}\s*\+?\s*${YEARS}${E}`, make: (m) => range(m[1]!, m[2]!) },
  { source: (n) => String.raw`${LEAD}\s*${n}\s*\+?\s*${YEARS}${E}`, make: (m) => atLeast(m[1]!) },
  { source: (n) => String.raw`${B}${n}\s*${MORE}\s*${YEARS}${E}|${B}${n}\s*${YEARS}\s*(?:\+|or more|minimum)`, make: (m) => atLeast(m[1] ?? m[2]!) },
  { source: (n) => String.raw`${B}${n}\s*${YEARS}${E}`, make: (m) => exact(m[1]!), bare: true },
];
const compile = (n: string): Array<[RegExp, Reading]> => READINGS.map((r) => [new RegExp(r.source(n), 'giu'), r]);
const PATTERNS = compile(N);
// The same patterns with figures in digits only. A number word costs the patterns most of their time at every
// position, and few lines have one where a figure could use it: a number word followed by what may follow a figure
// in the patterns (a non-letter, a range word, a year word, "plus" …). Where NUMBER_WORD_FIGURE finds none, no match
// of PATTERNS can read a number word, so DIGIT_PATTERNS find the same matches.
const DIGIT_PATTERNS = compile(`(${DIGITS})`);
const NUMBER_WORD_FIGURE = new RegExp(String.raw`(?<![\p{L}])(?:${NUMBER_WORDS})(?:${E}|${SEP_WORDS}|${YEAR_WORDS_SOURCE}|${MORE})`, 'iu');

function num(s: string): number {
  const w = WORDS[s.toLowerCase()];
  return w ?? Math.floor(Number(s.replace(',', '.')));
}
// No one asks for more than 25 years; larger figures are a company's history or an age.
const MAX_YEARS = 25;
function range(a: string, b: string): YearsExperience | null {
  const lo = num(a);
  const hi = num(b);
  return lo <= hi && hi <= MAX_YEARS ? { min: lo, max: hi } : null;
}
function atLeast(a: string): YearsExperience | null {
  const n = num(a);
  return n <= MAX_YEARS ? { min: n, max: null } : null;
}
function exact(a: string): YearsExperience | null {
  const lost = lostDash(a);
  if (lost) return { min: lost[0], max: lost[1] };
  const n = num(a);
  return n <= MAX_YEARS ? { min: n, max: n } : null;
}

/** "47" before "years", where scraping lost a dash, means 4–7: no posting asks for 47 years. */
function lostDash(a: string): [number, number] | null {
  if (!/^\d\d$/.test(a) || Number(a) <= 20 || Number(a[0]) >= Number(a[1])) return null;
  return [Number(a[0]), Number(a[1])];
}

const LOST_DASH = new RegExp(String.raw`(?<![\d.,$€£–-])(\d\d)(?=\s*${YEARS}\b)`, 'gi');

/** Puts back the dash scraping lost in "47 years", so the line reads as the posting meant: "4–7 years". */
export function restoreYearsDash(line: string): string {
  if (!/\d\d/.test(line)) return line;
  return line.replace(LOST_DASH, (m, a: string) => {
    const lost = lostDash(a);
    return lost ? `${lost[0]}–${lost[1]}` : m;
  });
}

// A cheap look for a year word, so the patterns run only on lines that have one ("an" alone is English, not French).
const YEARS_WORD = /\b(?:years?|yrs?|jahr\w*|ann[ée]es?|a[ñn]os?)\b|(?:\d|\bune?)\s*ans?\b/i;
// What any year word of YEARS_WORD holds, looked for without a word boundary tried at every position: most lines have
// none and are passed over at a third of the cost. "an" is judged by what stands before it, once it is found.
const YEARS_WORD_HINT = /yr|year|jahr|ann[ée]e|a[ñn]o|ans?\b(?<=(?:\d|\bune?)\s*ans?)/i;
const hasYearWord = (line: string): boolean => YEARS_WORD_HINT.test(line) && YEARS_WORD.test(line);
// Around a figure of years, what says it is experience asked of the candidate …
const EXPERIENCE_NEAR = /experi|erfahrung|praxis|expérience|experiencia|experiência|work|working|professional|industry|relevant|progressive|hands[- ]on|managing|leading|building|developing|programming|teaching|sales|background|\bin (?:a|an|the)\b|\bas an?\b|\bwith\b|:\s*$/i;
// … and what says it is not: an age, a degree's length, a company's history, a ceiling, a contract's term.
const NOT_AFTER = /^(?:\s*(?:of age|old|alt|d'âge|de edad|de idade|degree|college|university|program|appointment|warranty|ago)\b|[^.;\n]{0,12}?\b(?:track record|combined|history|anniversary|of (?:innovation|history|service|operation|excellence|serving|growth))\b)/i;
const NOT_BEFORE = /\b(?:ages?(?: from)?|aged|less than|fewer than|no more than|under|over the (?:past|last|next)|in the (?:past|last|next)|within|for over|founded|since|established|combined|after|every|each|up to|term of|contract of|period of)\s*$/i;

// The map of characters yearsIn has read, kept between lines and grown when a line is longer.
let TAKEN = new Uint8Array(1024);
function clearedTaken(length: number): Uint8Array {
  if (TAKEN.length < length) TAKEN = new Uint8Array(length);
  return TAKEN.fill(0, 0, length);
}
function isTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}

const OF_IN_AFTER = /^\s*(?:of|in)\s/i;
const saysExperience = (before: string, after: string): boolean =>
  EXPERIENCE_NEAR.test(after) || EXPERIENCE_NEAR.test(before) || OF_IN_AFTER.test(after);

/** Every figure of years a line asks for, each read once (the first pattern that covers a place wins). */
function yearsIn(line: string, needContext: boolean): YearsExperience[] {
  const text = normalise(nearYearWords(line));
  const out: YearsExperience[] = [];
  // Which characters an earlier pattern already read (a list of spans made a line of many figures quadratic): the
  // shared map, cleared at the first figure read, as most lines have none.
  let taken: Uint8Array | undefined;
  // exec, not matchAll: matchAll copies the pattern on every call, which cost more than most lines' matching.
  for (const [re, { make, bare }] of NUMBER_WORD_FIGURE.test(text) ? PATTERNS : DIGIT_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken && isTaken(taken, start, end)) continue;
      const before = text.slice(Math.max(0, start - 30), start);
      const after = text.slice(end, end + 70);
      if (NOT_AFTER.test(after) || NOT_BEFORE.test(before)) continue;
      if ((needContext || bare) && !saysExperience(before, after)) continue;
      const y = make(m);
      if (!y) continue;
      (taken ??= clearedTaken(text.length)).fill(1, start, end);
      out.push(y);
    }
  }
  return out;
}

const BARE = new RegExp(String.raw`^\s*${N}(?:${SEP}${N})?\s*(\+)?\s*$`, 'iu');

const YEAR_WORDS = new RegExp(YEARS_WORD.source, 'gi');
const REACH_BEFORE = 90;
const REACH_AFTER = 90;

/**
 * The stretches of a long line around its year words, joined by a break no pattern crosses: the patterns then read
 * a few hundred characters of a flattened posting instead of all of it.
 */
function nearYearWords(line: string): string {
  if (line.length <= 400) return line;
  const parts: string[] = [];
  let end = 0;
  for (const m of line.matchAll(YEAR_WORDS)) {
    const from = Math.max(end, (m.index ?? 0) - REACH_BEFORE);
    const to = Math.min(line.length, (m.index ?? 0) + m[0].length + REACH_AFTER);
    if (from > end && parts.length) parts.push(' ¦ ');
    parts.push(line.slice(from, to));
    end = to;
  }
  return parts.join('');
}

const OPEN_DIGIT = /\(\d/;

/** "Two (2) years" → "2 years"; "two to five (2-5) years" → "2-5 years". */
function normalise(line: string): string {
  // Both forms hold "(" and then a digit; the patterns, which try a word at every letter, run only on lines that do.
  if (!OPEN_DIGIT.test(line)) return line;
  return line
    .replace(/\b[\p{L}]+\s+(?:to|-)\s+[\p{L}]+\s*\((\d{1,2}\s*[-–]\s*\d{1,2})\)/gu, '$1')
    .replace(/\b[\p{L}]+\s*\((\d{1,2})\)/gu, (m, d: string) => (WORDS[m.split(/\s|\(/)[0]!.toLowerCase()] !== undefined ? d : m));
}

/**
 * The fewest years the posting asks for: the smallest figure in its requirement lines, else in lines that speak of
 * experience. "3+ years of Python … 5+ years overall" asks for at least 3.
 */
export function findYears(preferred: string[], rest: string[]): YearsExperience | null {
  for (const [group, needContext] of [[preferred, false], [rest, true]] as const) {
    let best: YearsExperience | null = null;
    for (const line of group) {
      // A labelled field gives the figure alone: "Years of Experience: 2 - 4", "Experience: 5+".
      const bare = needContext ? null : BARE.exec(line);
      if (bare) {
        const y = bare[2] ? range(bare[1]!, bare[2]) : bare[3] ? atLeast(bare[1]!) : exact(bare[1]!);
        if (y && (!best || y.min < best.min)) best = y;
        continue;
      }
      if (!hasYearWord(line)) continue;
      for (const y of yearsIn(line, needContext)) if (!best || y.min < best.min) best = y;
    }
    if (best) return best;
  }
  return null;
}
