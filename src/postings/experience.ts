// Years of experience: "5+ years", "3-5 years", "at least 4 years", "mindestens 3 Jahre", "5 ans d'expérience".
import type { YearsExperience } from './schema.ts';

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15,
  zwei: 2, drei: 3, vier: 4, fünf: 5, deux: 2, trois: 3, quatre: 4, cinq: 5, dos: 2, tres: 3, cuatro: 4, cinco: 5, três: 3, quatro: 4,
};
const N = String.raw`(\d{1,2}|${Object.keys(WORDS).join('|')})`;
const YEARS = String.raw`(?:years?|yrs?|jahre?n?|ans|años|anos)`;
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => YearsExperience | null]> = [
  [new RegExp(String.raw`${N}\s*(?:-|–|—|to|bis|à|a|y|e)\s*${N}\s*\+?\s*${YEARS}`, 'i'), (m) => range(m[1]!, m[2]!)],
  [new RegExp(String.raw`${N}\s*\+\s*${YEARS}|${N}\s*${YEARS}\s*\+|${N}\s+or more\s+${YEARS}|(?:at least|minimum(?: of)?|min\.?|mindestens|au moins|al menos|pelo menos|mínimo de)\s+${N}\s*\+?\s*${YEARS}`, 'i'), (m) => atLeast(m[1] ?? m[2] ?? m[3] ?? m[4]!)],
  [new RegExp(String.raw`(?<![\d.,$€£])${N}\s*${YEARS}(?:\s+of|\s+de|\s+d'|\s+in|\s+building|\s+experience|\s+professional|\s+(?:berufs)?erfahrung|\s+experi)`, 'i'), (m) => exact(m[1]!)],
];

function num(s: string): number {
  return WORDS[s.toLowerCase()] ?? Number(s);
}
function range(a: string, b: string): YearsExperience | null {
  const lo = num(a);
  const hi = num(b);
  return lo <= hi && hi <= 40 ? { min: lo, max: hi } : null;
}
function atLeast(a: string): YearsExperience | null {
  const n = num(a);
  return n <= 40 ? { min: n, max: null } : null;
}
function exact(a: string): YearsExperience | null {
  const lost = lostDash(a);
  if (lost) return { min: lost[0], max: lost[1] };
  const n = num(a);
  return n <= 40 ? { min: n, max: n } : null;
}

/** "47" before "years", where scraping lost a dash, means 4–7: no posting asks for 47 years. */
function lostDash(a: string): [number, number] | null {
  if (!/^\d\d$/.test(a) || Number(a) <= 20 || Number(a[0]) >= Number(a[1])) return null;
  return [Number(a[0]), Number(a[1])];
}

const LOST_DASH = new RegExp(String.raw`(?<![\d.,$€£–-])(\d\d)(?=\s*${YEARS}\b)`, 'gi');

/** Puts back the dash scraping lost in "47 years", so the line reads as the posting meant: "4–7 years". */
export function restoreYearsDash(line: string): string {
  return line.replace(LOST_DASH, (m, a: string) => {
    const lost = lostDash(a);
    return lost ? `${lost[0]}–${lost[1]}` : m;
  });
}

const YEARS_WORD = new RegExp(YEARS, 'i');
const EXPERIENCE_WORD = /experi|erfahrung|expérience|experiencia|experiência|building|working|professional|industry/i;

/** The first stated experience requirement; lines from requirement sections are searched first. */
export function findYears(preferred: string[], rest: string[]): YearsExperience | null {
  for (const group of [preferred, rest]) {
    for (const line of group) {
      if (!YEARS_WORD.test(line)) continue;
      for (const [re, make] of PATTERNS) {
        const m = re.exec(line);
        if (!m) continue;
        if (group === rest && !EXPERIENCE_WORD.test(line)) continue;
        const y = make(m);
        if (y) return y;
      }
    }
  }
  return null;
}
