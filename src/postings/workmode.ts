// Work mode, remote eligibility and locations, read only from what the posting states.
import type { WorkMode } from './schema.ts';
import { findPlace, placesIn, type Place } from './places.ts';
import { fold } from './text.ts';
import { PHRASE_TAG_MARK, WORK_MODE_FIELDS, WORK_MODE_LABELS, WORK_MODE_PHRASES, workModeOf } from './lexicon/workmodes.ts';
import { trieSource, wordsSource } from './lexicon/pattern.ts';

export interface WorkplaceFacts {
  workMode: WorkMode | null;
  remoteRegions: string[];
  locations: string[];
}

// Each says the role's own arrangement; "a remote, cross-functional team" says nothing of the kind.
// Whole words; a digit may follow, glued by scraping ("Fully Remote6 months contract").
const phrases = (k: keyof typeof WORK_MODE_PHRASES): RegExp => new RegExp(String.raw`(?<![\p{L}\d])(?:${WORK_MODE_PHRASES[k].join('|')})(?![\p{L}])`, 'iu');
const FULLY_REMOTE = phrases('fullyRemote');
// Every mode's phrases, read where they start; which were said is then ranked: fully remote, hybrid, remote, on-site.
const PHRASE_ORDER = ['fullyRemote', 'hybrid', 'remote', 'onsite'] as const;
const PHRASE_AT = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${PHRASE_ORDER.map((k) => `(?<${k}>${WORK_MODE_PHRASES[k].join('|')})`).join('|')})(?![\p{L}])`,
  'iuy',
);
// Where a phrase may start, found in one scan: the same phrases without the look back of a tag's mark, and looking back
// only for an ASCII letter or digit. Both only widen the pattern, and each look back at every character costs far more
// than reading the few places found with the whole pattern (PHRASE_AT).
const PHRASE_FINDER = new RegExp(
  String.raw`(?<![a-zA-Z\d])(?:${PHRASE_ORDER.flatMap((k) => WORK_MODE_PHRASES[k]).map((p) => p.replaceAll(PHRASE_TAG_MARK, '')).join('|')})(?![\p{L}])`,
  'giu',
);

// Every phrase above holds one of these stems within a few dozen characters, so only the stretches around them are
// read: a plain scan for the stems is much cheaper than the unicode-aware phrases at every character.
const PHRASE_STEMS: readonly string[] = ['remot', 'hybr', 'hibr', 'híbr', 'travail', 'teletrab', 'trabajo', 'trabalho', 'office', 'home', 'mobil', 'presen', 'sentiel', 'site', 'person', 'location', 'anywhere', 'wfh', 'vor ort'];
const PHRASE_REACH = 80;

// "based in San Francisco or New York", "located in Berlin", "office in London": the places a posting is based in.
const BASE_WORDS: readonly string[] = ['based in', 'based out of', 'located in', 'office in', 'offices in', 'position in', 'role in', 'work from our', 'ansässig in', 'mit sitz in', 'basé à', 'basado en', 'localizado em', 'situada en', 'baseado em'];
const BASED_AT = new RegExp(String.raw`\b${trieSource(BASE_WORDS)}\s+([^.\n;:]{2,80})`, 'iy');
// A board's field labels, without which no field pattern (FIELD) can match.
const FIELD_LABELS: readonly string[] = ['location:', 'remotely:'];

// The words of the three lists above, found in one scan of the text: one scan for all of them costs about what one
// scan for any of them does. Every start is visited, since one word may start inside another ("office" in "offices in").
const ANCHOR = new RegExp(trieSource([...PHRASE_STEMS, ...BASE_WORDS, ...FIELD_LABELS]), 'gi');
// With the work mode known from the head, only the base words are wanted.
const BASE_ANCHOR = new RegExp(trieSource(BASE_WORDS), 'gi');

/** What a found word (the longest at its place) says: the stem it starts with, and whether a base word or label does. */
interface AnchorKind {
  stem: number;
  base: boolean;
  label: boolean;
}

function anchorKind(word: string): AnchorKind {
  // The first stem in list order, as the alternation of the stems alone would have chosen it.
  const stem = PHRASE_STEMS.find((s) => word.startsWith(s));
  return { stem: stem?.length ?? 0, base: BASE_WORDS.some((b) => word.startsWith(b)), label: FIELD_LABELS.some((l) => word.startsWith(l)) };
}
const ANCHOR_KINDS = new Map([...PHRASE_STEMS, ...BASE_WORDS, ...FIELD_LABELS].map((w) => [w, anchorKind(w)]));

interface Anchors {
  /** Start and length of each stem, left to right and not overlapping, as a global scan for the stems finds them. */
  stems: number[];
  /** Every place a base word starts. */
  bases: number[];
  /** Every place a field label starts. */
  labels: number[];
}

/** The anchors in the text; with `all` false, the base words alone (stems and labels are then left empty). */
function findAnchors(text: string, all: boolean): Anchors {
  const anchor = all ? ANCHOR : BASE_ANCHOR;
  const out: Anchors = { stems: [], bases: [], labels: [] };
  let stemEnd = 0;
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    const word = m[0].toLowerCase();
    const kind = ANCHOR_KINDS.get(word) ?? anchorKind(word);
    if (all && kind.stem && m.index >= stemEnd) {
      out.stems.push(m.index, kind.stem);
      stemEnd = m.index + kind.stem;
    }
    if (kind.base) out.bases.push(m.index);
    if (all && kind.label) out.labels.push(m.index);
    anchor.lastIndex = m.index + 1;
  }
  return out;
}

function nearStems(text: string, stems: number[]): string {
  const parts: string[] = [];
  let end = 0;
  for (let k = 0; k < stems.length; k += 2) {
    const at = stems[k]!;
    const from = Math.max(end, at - PHRASE_REACH);
    const to = Math.min(text.length, at + stems[k + 1]! + PHRASE_REACH);
    if (from > end && parts.length) parts.push('\n¦\n');
    parts.push(text.slice(from, to));
    end = to;
  }
  return parts.join('');
}

function modeFromPhrases(full: string, stems: number[]): WorkMode | null {
  const text = nearStems(full, stems);
  const said = new Set<string>();
  // A scan with the whole pattern, left to right and not overlapping: each place found is read with it, and the scan
  // goes on after its match, or from the next character when there is none.
  PHRASE_FINDER.lastIndex = 0;
  for (let found = PHRASE_FINDER.exec(text); found; found = PHRASE_FINDER.exec(text)) {
    PHRASE_AT.lastIndex = found.index;
    const m = PHRASE_AT.exec(text);
    PHRASE_FINDER.lastIndex = found.index + (m ? m[0].length : 1);
    if (!m) continue;
    const k = PHRASE_ORDER.find((key) => m!.groups?.[key] !== undefined);
    if (k === 'fullyRemote') return 'remote';
    if (k) said.add(k);
  }
  return said.has('hybrid') ? 'hybrid' : said.has('remote') ? 'remote' : said.has('onsite') ? 'onsite' : null;
}
const FIELD: Array<[WorkMode, RegExp]> = (['remote', 'hybrid', 'onsite'] as const).map((m) => [m, new RegExp(String.raw`(?:${WORK_MODE_FIELDS[m].join('|')})(?![\p{L}\d])`, 'iu')]);
// Fields of plain words, spaces and such marks cannot match across a line break, and each holds a label: then only the
// lines with a label are read. A field with any other sign (a class, an escape) has the whole text read.
const FIELD_ONE_LINE = Object.values(WORK_MODE_FIELDS).flat().every((f) => /^[\w :%()?|[\]-]*$/.test(f));

/** The board's field that names the mode ("Work Location: In person"), read where a label stands. */
function modeFromField(text: string, labels: number[]): WorkMode | null {
  if (!labels.length) return null;
  const read = FIELD_ONE_LINE ? labelLines(text, labels) : [text];
  return FIELD.find(([, re]) => read.some((line) => re.test(line)))?.[0] ?? null;
}

function labelLines(text: string, labels: number[]): string[] {
  const out: string[] = [];
  let end = -1;
  for (const at of labels) {
    if (at < end) continue;
    const start = text.lastIndexOf('\n', at) + 1;
    const next = text.indexOf('\n', at);
    end = next < 0 ? text.length : next;
    out.push(text.slice(start, end));
  }
  return out;
}

// A chip or label that starts with a mode word: "Hybrid", "Remote - United States", "Présentiel", "Remoto".
const MODE_WORDS = (mode: WorkMode): string[] => WORK_MODE_LABELS[mode].filter((w) => w !== 'office');
const modeWordPattern = (words: string[]): RegExp => new RegExp(String.raw`^(?:${wordsSource(words)})(?![\p{L}\d])`, 'iu');
const MODE_WORD: Array<[WorkMode, RegExp]> = (['hybrid', 'remote', 'onsite'] as const).map((mode) => [mode, modeWordPattern(MODE_WORDS(mode))]);
// Any mode's word: one look rules out most lines before each mode is tried in its order.
const ANY_MODE_WORD = modeWordPattern(MODE_WORD.flatMap(([mode]) => MODE_WORDS(mode)));

function fromWord(s: string): WorkMode | null {
  const t = s.trim();
  if (!ANY_MODE_WORD.test(t)) return null;
  for (const [mode, re] of MODE_WORD) if (re.test(t)) return mode;
  return null;
}

// A mode word anywhere in a short field: "NYC ONSITE", "SF (5 days onsite)", "Italy / Remote", "Remote EU Hours".
// "Remote or Onsite" offers remote work: remote is looked for before on-site.
const FIELD_WORDS = (mode: WorkMode): string[] => WORK_MODE_LABELS[mode].filter((w) => w !== 'office' && w !== 'anywhere');
const fieldWordPattern = (words: string[]): RegExp => new RegExp(String.raw`(?<![\p{L}\d])(?:${wordsSource(words)})(?![\p{L}\d])`, 'iu');
const FIELD_WORD: Array<[WorkMode, RegExp]> = (['hybrid', 'remote', 'onsite'] as const).map((mode) => [mode, fieldWordPattern(FIELD_WORDS(mode))]);
// Any mode's word: one look rules out most fields before each mode is tried in its order.
const ANY_FIELD_WORD = fieldWordPattern(FIELD_WORD.flatMap(([mode]) => FIELD_WORDS(mode)));
const TAG_SPLIT = /\s*(?:\(|\)|\s[-–—]\s)\s*/;
const FIELD_SPLIT = /\s*(?:\||\(|\)|\s[-–—/·]\s|,|;)\s*/;

/** The mode a header field or a title's tag names; a field is short, so "remote" in it is about the role. */
// Stems of every label, for a cheap look before splitting a line into fields.
const FIELD_STEMS = ['remot', 'hybr', 'hibr', 'híbr', 'site', 'person', 'presen', 'vor ort', 'home', 'teletra', 'telétra', 'téletra', 'télétra', 'mobil', 'wfh', 'anywhere', 'office', 'präsenz', 'prasenz', '#li'];
const FIELD_HINT = new RegExp(trieSource(FIELD_STEMS), 'i');

/** A board's chip or a header line, not a sentence: "Remote - United States", not "Process remote sensing data." */
function isChip(line: string): boolean {
  return line.length < 50 && !/[.!?]$/.test(line.trim()) && line.split(/\s+/).length <= 6;
}

function modeInFields(line: string): WorkMode | null {
  if (!/[|(,;–—-]/.test(line)) return null;
  // A sentence is no header ("Set up in-person, virtual and hybrid meetings."); in a long title only its tags count.
  // Both plain looks come before the stems are looked for.
  const piped = line.includes('|');
  if (!piped && /[.!?]$/.test(line.trim())) return null;
  if (!FIELD_HINT.test(line)) return null;
  const long = !piped && line.split(/\s+/).length > 12;
  const fields = line.split(long ? TAG_SPLIT : FIELD_SPLIT).map((f) => f.trim()).filter(Boolean);
  if (fields.length < 2) return null;
  // "Onsite (Stockholm) or Remote", "ONSITE or HYBRID": the most flexible mode offered is the role's.
  let found: WorkMode | null = null;
  for (const f of fields) {
    if (f.length > 40) continue;
    const mode = workModeOf(f) ?? fieldMode(f);
    if (mode && (!found || FLEXIBILITY[mode] > FLEXIBILITY[found])) found = mode;
  }
  return found;
}
const FLEXIBILITY: Record<WorkMode, number> = { onsite: 0, hybrid: 1, remote: 2 };

function fieldMode(f: string): WorkMode | null {
  if (f.split(/\s+/).length > 5 || !ANY_FIELD_WORD.test(f)) return null;
  for (const [mode, re] of FIELD_WORD) if (re.test(f)) return mode;
  return null;
}

/** "Remote - United States", "Remote (US/Canada)", "Remote, EMEA" → the regions; "Remote" alone → []. */
export function regionsAfterRemote(s: string): string[] {
  const m = /\bremote\b\s*(?:[-–—:,|]|\bin\b|\bwithin\b|\()\s*([^)\n]{2,60})/i.exec(s);
  if (!m) return [];
  return regionList(m[1]!);
}

function regionList(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(/\s*(?:,|\/|\bor\b|\band\b|&|\+|;)\s*/i)) {
    const clean = part.replace(/\b(only|based|time ?zones?|hours|residents?|applicants?)\b/gi, '').replace(/[()]/g, '').trim();
    const p = findPlace(clean);
    if (p && p.name !== 'Worldwide' && !out.includes(p.name)) out.push(p.name);
  }
  return out;
}

// "full-timeRemote": a mode word glued to the chip before it; the plain words are looked for before the unicode pattern.
const GLUED_WORDS = ['Remote', 'Hybrid', 'On-site', 'Onsite'];
const GLUED_MODE = new RegExp(String.raw`(\p{Ll})(${GLUED_WORDS.join('|')})\b`, 'gu');
const unglueModes = (l: string): string => (GLUED_WORDS.some((w) => l.includes(w)) ? l.replace(GLUED_MODE, '$1 $2') : l);
const HEAD_READ = 300;
// Spacing a glued word before HEAD_READ looks at most a few characters past it (a letter, the word, the boundary).
const HEAD_SPACED = HEAD_READ + 16;
const REMOTE_WORD = /\bremote\b/i;
const CITY_STATE = /([A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+){0,3}),\s?([A-Z]{2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b/g;

/** Work mode, where remote applicants may live, and the places named, from labelled facts first, then the text. */
export function workplace(lines: string[], labelled: { workMode?: string; location?: string }, headEnd: number, text = lines.join('\n')): WorkplaceFacts {
  let workMode: WorkMode | null = null;
  let remoteRegions: string[] = [];
  const locations: string[] = [];
  // Each location folded once, beside it, rather than every location again on every add.
  const keys: string[] = [];
  const addLoc = (l: string): void => {
    const t = l.trim().replace(/[.;]$/, '');
    if (!t || t.length > 60) return;
    const key = fold(t);
    if (keys.some((x) => x === key || x.startsWith(key + ','))) return;
    // "New York" after "New York, NY" adds nothing.
    const idx = keys.findIndex((x) => key.startsWith(x + ','));
    if (idx >= 0) {
      locations[idx] = t;
      keys[idx] = key;
    } else {
      locations.push(t);
      keys.push(key);
    }
  };

  if (labelled.workMode) workMode = fromWord(labelled.workMode);

  // Chips run together by scraping: "full-timeRemote - United States". A head line is read only as far as its first
  // HEAD_READ characters (a long one only for its fields), so only those are spaced.
  const head = lines.slice(0, headEnd).map((l) => unglueModes(l.length > HEAD_SPACED ? l.slice(0, HEAD_SPACED) : l));
  // Short lines near the top are the board's chips: "Hybrid", "Remote - United States", "New York, NY".
  for (const line of head) {
    // A short line naming "remote" is looked at twice below; the word is looked for once.
    const shortRemote = line.length <= 80 && REMOTE_WORD.test(line);
    const mode = line.length <= 80 ? fromWord(line) ?? (shortRemote && isChip(line) ? 'remote' : null) : null;
    if (mode && !workMode) workMode = mode;
    // A header's fields and a title's tag: "Acme | Engineer | NYC or Remote (US)", "Analyst (On-site)", "Dev - Presencial".
    workMode ??= modeInFields(line.slice(0, HEAD_READ));
    if (shortRemote) remoteRegions = remoteRegions.length ? remoteRegions : regionsAfterRemote(line);
  }
  if (labelled.location) {
    workMode ??= FULLY_REMOTE.test(labelled.location) ? 'remote' : modeInFields(labelled.location);
    const inParens = /\(\s*(remote|hybrid|on-?site|in[- ]office)\s*\)/i.exec(labelled.location);
    if (inParens) workMode ??= fromWord(inParens[1]!);
    for (const part of labelled.location.replace(/\(\s*(hybrid|on-?site|in[- ]office)\s*\)/i, '').replace(/^(?:100 ?%|fully)\s+(?=remote\b)/i, '').trim().split(/\s*[;|]\s*|\s+or\s+/)) {
      if (/^remote\b/i.test(part)) {
        workMode ??= 'remote';
        if (!remoteRegions.length) remoteRegions = regionsAfterRemote(part);
        const rest = part.replace(/^remote\b\s*[-–—:,(]?\s*/i, '').replace(/\)$/, '');
        const regions = regionList(rest);
        if (regions.length) regions.forEach(addLoc);
        else if (rest) addLoc(rest);
      } else addLoc(part);
    }
  }

  // The stems and labels are wanted only while the work mode is unknown.
  const anchors = findAnchors(text, !workMode);
  if (!workMode) {
    workMode = modeFromField(text, anchors.labels) ?? modeFromPhrases(text, anchors.stems);
  }
  if (workMode === 'remote' && !remoteRegions.length) {
    const m = /\bremote\b[^.\n]{0,20}?\b(?:in|within|from)\s+(?:the\s+)?([A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})/.exec(text);
    if (m) remoteRegions = regionList(m[1]!);
    const based = /\b(?:must be|should be|candidates must be)\s+(?:located|based|residing)\s+in\s+(?:the\s+)?([^.\n]{2,60})/i.exec(text);
    if (!remoteRegions.length && based) remoteRegions = regionList(based[1]!);
    const usBased = /\b(US|U\.S\.|UK|EU|Canada)[- ]based\b/.exec(text);
    if (!remoteRegions.length && usBased) remoteRegions = regionList(usBased[1]!);
  }

  // Places in the chips: "PatreonNew York, NY" keeps "New York, NY".
  for (const line of head) {
    if (line.length > 80) continue;
    // exec, not matchAll, which copies the pattern for every line; no comma, no "City, ST".
    CITY_STATE.lastIndex = 0;
    for (let m = line.includes(',') ? CITY_STATE.exec(line) : null; m; m = CITY_STATE.exec(line)) {
      const whole = trimToPlace(m[0]);
      const second = findPlace(m[2]!);
      // The city is looked up once, and only when asked about.
      let first: Place | null | undefined;
      const city = (): Place | null => (first === undefined ? (first = findPlace(m![1]!)) : first);
      if (whole !== m[0] || (city() && (second || /^[A-Z]{2}$/.test(m[2]!)))) addLoc(whole);
      else if (second && /^[A-Z]{2}$/.test(m[2]!)) addLoc(m[0]);
      else if (second && second.kind !== 'state') addLoc(m[2]!);
      else if (!second && city()) addLoc(m[1]!);
    }
    const stripped = line.replace(/^(remote|hybrid|on-?site)\s*[-–—:,(]?\s*/i, '').replace(/\)$/, '');
    const p = findPlace(stripped);
    if (p) addLoc(stripped);
  }
  // "based in San Francisco or New York", "located in Berlin", "office in London": the pattern can only match where a
  // base word starts, so it is tried there alone, left to right and not overlapping, as a scan of the text would.
  let basedEnd = 0;
  for (const at of anchors.bases) {
    if (at < basedEnd) continue;
    BASED_AT.lastIndex = at;
    const m = BASED_AT.exec(text);
    if (!m) continue;
    basedEnd = at + m[0].length;
    for (const name of placesIn(m[1]!)) addLoc(name);
  }
  for (const r of remoteRegions) if (!locations.some((l) => findPlace(l)?.name === r)) addLoc(r);
  return { workMode, remoteRegions, locations };
}

/** "PatreonNew York, NY" → "New York, NY": drops a glued company name before the city. */
function trimToPlace(s: string): string {
  const [cityPart, rest] = s.split(/,\s?/, 2) as [string, string];
  const words = cityPart.split(/(?<=[a-z])(?=[A-Z])| /);
  for (let i = 0; i < words.length; i++) {
    const candidate = words.slice(i).join(' ');
    if (findPlace(candidate)) return i === 0 ? s : `${candidate}, ${rest}`;
  }
  return s;
}
