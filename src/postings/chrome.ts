// Job-board chrome: buttons, footers, notices and offers that are not part of the posting.
import { PhraseGate } from './text.ts';
import { splitTop } from './lexicon/pattern.ts';

const CHROME_LINE: RegExp[] = [
  /^(apply|apply now|apply here|apply today|easy apply|quick apply|apply for this (position|job|role)|apply on company site|apply on employer site|view job|save|save job|saved|share|share this job|share job|report( this)? job|report|follow|join waitlist|learn more|sign in|log in|sign up|show more|show less|see more|read more|back to (jobs|search|results)|view all jobs|similar jobs|more jobs|jetzt bewerben|postuler|candidatar-se|postularme|aplicar|candidatar)$/,
  /let us apply|autoapply|auto[- ]apply|apply on your behalf|we find roles like this/,
  /plans from [$€£]|cancel anytime|free trial|upgrade to premium|subscribe to (our|get)|get (job )?alerts|job alert/,
  /^©|^\(c\) ?\d{4}|all rights reserved|privacy policy|terms of (service|use)|cookie/,
  /this list contains only the countries|in the (french|english|german|spanish) version/,
  /^(posted|reposted|updated) \d+ (days?|hours?|weeks?|months?) ago$|^\d+ (applicants|applications)$|^be an early applicant$|^(actively )?(hiring|recruiting)$/,
  /^(skip to (main )?content|menu|home|jobs|companies|salaries|search|filters?|sort by.*)$/,
];

// The whole-line patterns are tried once, at the start; the phrases that may stand anywhere in a line, at every place.
// Together in one pattern, every alternative was tried at every place.
const alternatives = CHROME_LINE.flatMap((re) => splitTop(re.source));
const CHROME_WHOLE = new RegExp(`^(?:${alternatives.filter((a) => a.startsWith('^')).map((a) => a.slice(1)).join('|')})`);
const CHROME_ANYWHERE = new RegExp(alternatives.filter((a) => !a.startsWith('^')).join('|'));

const CHROME_HINT = /apply|applica|alert|plans from|cancel|free trial|premium|subscribe|©|\(c\)|rights reserved|privacy|terms of|cookie|list contains|version|roles like|sort by/i;

/**
 * A gate for patterns made only of plain phrases ("a\\.b|\\bc d": word boundaries are the patterns' to check), or null
 * when one of them is more than that.
 */
function gateOf(patterns: readonly RegExp[]): PhraseGate | null {
  const phrases: string[] = [];
  for (const re of patterns) {
    for (const alternative of splitTop(re.source)) {
      const phrase = plainPhrase(alternative);
      if (phrase === null) return null;
      phrases.push(phrase);
    }
  }
  return new PhraseGate(phrases);
}

/** The text a pattern alternative matches, when it is plain text with escaped marks and word boundaries. */
function plainPhrase(source: string): string | null {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[++i] ?? '';
      if (next === 'b') continue;
      if (!/^[^\w\s]$/.test(next)) return null;
      out += next;
    } else if ('[](){}*+?^$|.'.includes(c)) return null;
    else out += c;
  }
  return out;
}

/** True for a line that belongs to the board's interface rather than the posting. */
export function isChrome(line: string): boolean {
  if (!line || line.length > 300) return false;
  // A long line that starts and ends plainly stays long after folding, so no whole-line pattern fits it; only a phrase
  // can, and each holds one of these words. Most lines are such prose: they skip the folding and the patterns.
  if (line.length > 60 && /^[A-Za-z0-9]/.test(line) && !endsWithStop(line) && !CHROME_HINT.test(line)) return false;
  const f = foldLine(line);
  if (!f) return false;
  return CHROME_WHOLE.test(f) || CHROME_ANYWHERE.test(f);
}

/**
 * Lowercase with typographic marks folded (the patterns are plain ASCII words), without the marks and bullets before
 * the first word or the stops after the last. Each step runs only when a plain look finds something for it to do.
 */
function foldLine(line: string): string {
  let f = line.toLowerCase();
  if (TYPOGRAPHIC.test(f)) f = f.replace(/[’‘`´]/g, "'").replace(/[‐‑‒–—―]/g, '-');
  if (!/^[a-z0-9(]/.test(f)) f = f.replace(/^[^\p{L}\d©(]+/u, '');
  // The stops at the end, as /[.!]+$/ would take them, without a pattern tried from every place.
  let end = f.length;
  while (endsWithStop(f, end)) end--;
  return f.slice(0, end).trim();
}

/** Whether the text before `end` ends with "." or "!". */
function endsWithStop(s: string, end = s.length): boolean {
  const c = s.charCodeAt(end - 1);
  return c === 0x2e || c === 0x21;
}

// The quotes and dashes folded above.
const TYPOGRAPHIC = /[’‘`´‐‑‒–—―]/;

const BOARDS: Array<[string, RegExp]> = [
  ['LinkedIn', /linkedin\.com\/jobs|\beasy apply\b/i],
  ['Indeed', /indeed\.com/i],
  ['Greenhouse', /greenhouse\.io|boards\.greenhouse/i],
  ['Lever', /jobs\.lever\.co|\blever\.co\b/i],
  ['Ashby', /ashbyhq\.com/i],
  ['Workable', /workable\.com/i],
  ['Glassdoor', /glassdoor/i],
  ['Wellfound', /wellfound|angel\.co/i],
  ['Hacker News', /who is hiring|news\.ycombinator/i],
  ['Teal', /teal labs|tealhq/i],
  ['Welcome to the Jungle', /welcome to the jungle|welcometothejungle/i],
  ['StepStone', /stepstone/i],
  ['Xing', /\bxing\.com\b/i],
  ['Otta', /\botta\.com\b/i],
  ['Built In', /builtin\.com/i],
  ['Dice', /\bdice\.com\b/i],
  ['ZipRecruiter', /ziprecruiter/i],
  ['Remote OK', /remoteok/i],
  ['We Work Remotely', /weworkremotely/i],
  ['Workday', /myworkdayjobs|workday/i],
  ['SmartRecruiters', /smartrecruiters/i],
];

/** The job board a posting was copied from, when its text gives it away. */
export function detectBoard(text: string): string | null {
  // Boards leave their marks in the header and footer chrome.
  const ends = text.length > 8000 ? `${text.slice(0, 4000)}\n${text.slice(-4000)}` : text;
  if ((BOARD_GATE && !BOARD_GATE.mayHold(ends)) || !ANY_BOARD.test(ends)) return null;
  for (const [name, re] of BOARDS) if (re.test(ends)) return name;
  return null;
}

const ANY_BOARD = new RegExp(BOARDS.map(([, re]) => `(?:${re.source})`).join('|'), 'i');
// Most texts name no board: one walk through the boards' phrases tells so, where the pattern tries each at every place.
const BOARD_GATE = gateOf(BOARDS.map(([, re]) => re));
