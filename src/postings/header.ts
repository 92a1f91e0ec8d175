// A board page's header block: the title line, then company, rating, location and chip lines, before the description.
// Boards in every trade and language print it this way (Indeed, LinkedIn, Glassdoor, jobs.ch, Nerdin, …), so the title
// is found by its place on the page, not by a list of role words.
import { labelKey } from './labels.ts';
import { findPlace, looksLikePlace, placeFromLine, townCountyShape } from './places.ts';
import { findSalaries } from './salary.ts';
import { asHeader } from './sections.ts';
import { stripBullet } from './text.ts';
import { WORK_MODE_CHIP_START, WORK_MODE_CHIP_WORDS, workModeOf } from './lexicon/workmodes.ts';
import { wordsSource } from './lexicon/pattern.ts';
import { EMPLOYMENT_WORD_ONLY } from './identity.ts';

export interface Header {
  title: string;
  company: string | null;
  /** The location line as the board wrote it, chips removed; null when the header names no place. */
  location: string | null;
  /** The header's raw location line, work-mode chips included ("Zollikofen, mobiles Arbeiten"). */
  locationLine: string | null;
  /** True when the place was read off the end of the title line ("Data Scientist - Austin, TX"). */
  placeInTitle: boolean;
  /** Index of the title line and of the first line after the header. */
  start: number;
  end: number;
}

const MAX_LINES = 5;
const MAX_LINE = 150;
const RATING = /^\d(?:[.,]\d)?\s*(?:★|\/ ?5|stars?)?$/;
// Lines that only say how or when one works: "Remote", "HYBRID", "100% Remoto", "Full-time", "$20 - $21 an hour".
const CHIP = /^(?:\d+ ?%\s*)?(?:fully\s+)?(?:remote|remoto|remota|hybrid|hybride|h[ií]brido|on-?site|in[- ]person|presencial|full[- ]time|part[- ]time|contract|temporary|permanent|internship|vollzeit|teilzeit|cdi|cdd|clt|pj|tiempo completo)(?:\s*[,/|·•]\s*(?:remote|hybrid|on-?site|full[- ]time|part[- ]time|contract|temporary|permanent))*$|^\(?no \w+ jobs available\)?$|^[$€£]\s?\d|^(?:posted|reposted|updated)\b|^active\s+(?:\d|today|yesterday)/i;
// Words a sentence has and a title line does not, in the five languages.
const SENTENCE_WORD = /\b(?:we|we're|we are|our|you|you'll|your|is|are|will|this|wir|sind|ist|unser|nous|vous|sommes|est|notre|somos|estamos|buscamos|nuestro|nuestra|você|vocês|nossa|nosso|estamos)\b/i;
const SENTENCE_WORDS = new RegExp(SENTENCE_WORD.source, 'gi');
const LEGAL_FORM = /\b(?:inc|llc|l\.l\.c|ltd|limited|corp|corporation|co|company|gmbh|ag|kg|se|sa|s\.a|sas|sarl|srl|s\.r\.l|spa|bv|nv|plc|lp|llp|pty|ltda|eireli|group|gruppe|groupe|grupo|holding|holdings|partners|bank|university|universit[äa]t|université|universidad|universidade|hospital|spital|clinic|klinik|foundation|stiftung|fondation|fundación|associates|consulting|solutions|technologies|services|staffing|recruitment|recruiting|personnel|systems|labs?|studio|agency|department|departement|bundesamt|amt)\b\.?|&|\.(?:com|io|ai|co|org|net|de|ch)\b/i;

/** "JR.", "Sr.", "Inc.", "S.R.L.", "N.A.": a final full stop that ends a short form, not a sentence. */
function endsWithAbbreviation(line: string): boolean {
  const last = line.slice(line.lastIndexOf(' ') + 1).replace(/^\(/, '');
  return /^(?:\p{L}\.){1,4}$|^\p{Lu}\p{L}{0,4}\.$|^(?:inc|ltd|co|corp|llc|civ)\.$/u.test(last);
}

/** True when a line can be a title: short, no sentence, no label, no section header, no list item. */
export function isTitleLine(line: string, underIt = 0): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > (underIt > 0 ? 200 : 300)) return false;
  if (stripBullet(t).bulleted || /^https?:|@\S+\.\w|^\d+$/.test(t)) return false;
  // A pipe line over a company and a place is a board title ("Teacher | PT On-site | St. Xavier, MT"), not an HN header.
  if ((isPipeLine(t) && underIt < 2) || isSectionHeader(t)) return false;
  const colon = /^([^:：]{2,30})[:：]/.exec(t);
  if (colon && labelKey(colon[1]!)) return false;
  // Above a company or place line, the first line is the board's title however it reads ("Will Train!", "Myeloid.").
  // With two lines under it (company and place), it is the title even when it reads as a pitch ("Servers Needed! Our…").
  if (underIt > 1) return !/[:;,]$/.test(t);
  if (underIt > 0) return !/[:;,]$/.test(t) && !/\p{Ll}{2,}[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(t);
  if (/[?:;]$/.test(t) || (/!$/.test(t) && SENTENCE_WORD.test(t))) return false;
  // A final full stop ends a sentence, unless it ends an abbreviation ("JR.", "Sr.", "Dipl.").
  if (/\.$/.test(t) && !endsWithAbbreviation(t)) return false;
  const words = t.split(/\s+/).length;
  if (words > 16) return false;
  if (SENTENCE_WORD.test(t) && words > 4) return false;
  return true;
}

// How section headers begin; a company line that merely contains such a word ("Mission Bank") is no header.
const HEADER_START = /^(?:job|about|what|who|why|your|the|our|key|position|role|responsibilit|requirement|qualification|description|benefit|overview|summary|skills|experience|education|company|duties|tasks|perks|compensation|salary|we|ihre?|deine?|aufgaben|anforderungen|profil|wir|über|das bringst|vos|votre|tes|ton|nos|le poste|la mission|avantages|descrip|requisitos|responsabilidades|beneficios|benefícios|funciones|sobre|quem|o que|lo que|que|qué)/i;

// How section headers end; "Benefit Cosmetics" and "Mission Bank" begin like one and end like a name.
const HEADER_END = /(?:description|overview|summary|responsibilit(?:y|ies)|requirements?|qualifications?|benefits?|perks|us|role|company|position|job|team|opportunity|profile|profil|skills|experience|duties|tasks|aufgaben|anforderungen|bieten|uns|missions?|avantages|poste|nous|requisitos|responsabilidades|beneficios|benefícios|vaga|puesto|nosotros|somos|you|do|offer|need|are|for|bring|expect|looking for)\W*$/i;

/** A section header ("Job description", "Responsibilities:", "Ihre Aufgaben"), not a line that contains a header word. */
function isSectionHeader(l: string): boolean {
  const kind = asHeader(l);
  if (!kind || kind === 'other') return false;
  return /[:：]$/.test(l) || !/\s/.test(l.trim()) || l === l.toUpperCase()
    || (HEADER_START.test(l.replace(/^[#*\s]+/, '')) && HEADER_END.test(l));
}

/** "Acme | Engineer | Remote": a "who is hiring" header line, read elsewhere. */
function isPipeLine(l: string): boolean {
  // Three fields need two bars: most lines have none, and are not split.
  const bar = l.indexOf('|');
  if (bar < 0 || l.indexOf('|', bar + 1) < 0) return false;
  return l.split('|').filter((f) => f.trim()).length >= 3;
}

const SENTENCE_JOINT = /[.!?]\s/;

/** A line of the block under the title: a company, a place, a rating or a chip, never a sentence or a section header. */
function isHeaderLine(l: string): boolean {
  if (l.length > 100) return false;
  const words = l.split(/\s+/).length;
  if (words > 14 || isPipeLine(l)) return false;
  if (/[!?:;]$/.test(l) || (/\.$/.test(l) && !endsWithAbbreviation(l) && /\s/.test(l))) return false;
  // "The We Select Company AB" holds one such word; a sentence holds several.
  if (words > 3 && (l.match(SENTENCE_WORDS) ?? []).length >= 2) return false;
  // The plain look for a full stop before a space spares the unicode pattern most lines.
  if (SENTENCE_JOINT.test(l) && /\p{Ll}{4,}[.!?]\s+\p{Lu}/u.test(l)) return false;
  const colon = /^([^:：]{2,30})[:：]/.exec(l);
  if (colon && labelKey(colon[1]!)) return false;
  return !isSectionHeader(l);
}

/** "Senior Engineer @ Acme", "## Role @ Company", "Data Engineer at Acme": a title line that also names the company. */
function splitAt(title: string): { title: string; company: string } | null {
  const m = /^(.{2,100}?)\s+(?:@|at|bei|chez)\s+([\p{Lu}\d][^@]{0,60})$/u.exec(title);
  if (!m || /[()]/.test(m[2]!) || looksLikePlace(m[2]!)) return null;
  const company = m[2]!.trim();
  if (company.split(/\s+/).length > 6 || /^(?:home|least|most|all|the)\b/i.test(company)) return null;
  return { title: m[1]!.trim(), company };
}

/** "Lead Data Scientist - Portland, OR 97239": a title line that ends with the place. */
function splitPlace(title: string, html: boolean): { title: string; place: string; fromParentheses?: boolean } | null {
  const m = /^(.{2,300}?)\s+[-–—]\s+([^-–—]{2,60})$/.exec(title);
  if (!m) return null;
  const place = m[2]!.trim();
  // A page heading may end with "- Remote" where the place would stand.
  return (looksLikePlace(place) && !/^remote$/i.test(place)) || (html && /^remote$/i.test(place)) ? { title: m[1]!.trim(), place } : null;
}

/** A header line with its pay taken out ("Remote · CAD 95,000 – 115,000 a year" → "Remote"): pay is read elsewhere, and
 * its pieces are neither a company nor a place. */
function withoutPay(line: string): string {
  if (!/\d/.test(line)) return line;
  let out = line;
  for (const s of findSalaries(line)) if (s.text && out.includes(s.text)) out = out.replace(s.text, ' · ');
  return out === line ? line : out.split('·').map((p) => p.trim()).filter(Boolean).join(' · ');
}

/** "Acme · Berlin, Germany · Full-time" → its chips; "AGI – Aggrowth International", with no place or chip in it, stays whole. */
function chips(line: string): string[] {
  const parts = line.split(/\s+[·•|—–]\s+/);
  return parts.length > 1 && parts.some((p) => CHIP.test(p) || WORK_MODE_START.test(p) || looksLikePlace(p)) ? parts : [line];
}

const WORK_MODE_START = WORK_MODE_CHIP_START;

/** "Senior Backend Engineer (Berlin, €80k–€95k)": a role heading whose parentheses hold its place and pay. */
function splitParenthesis(title: string): { title: string; place: string; fromParentheses: boolean } | null {
  const m = /^(.{2,100}?)\s*\(([^()]{2,80})\)$/.exec(title);
  if (!m) return null;
  const first = m[2]!.split(/\s*[,;]\s*/)[0]!;
  if (first.length <= 2) return null;
  // "(Remote)" alone stays part of a board's title; "(Remote, $110k–$130k)" holds the heading's facts.
  if (!looksLikePlace(first) && !(WORK_MODE_START.test(first) && /,/.test(m[2]!))) return null;
  return { title: m[1]!.trim(), place: first, fromParentheses: true };
}

/** The company on the chip line that follows a lone title line after a blank line. */
function chipLineCompany(lines: string[], from: number): string | null {
  let k = from;
  while (k < lines.length && !lines[k]!.trim()) k++;
  const line = lines[k]?.trim() ?? '';
  if (!line || !isHeaderLine(line) || lines[k + 1]?.trim()) return null;
  const parts = chips(line);
  if (parts.length < 2) return null;
  const name = parts[0]!;
  return !CHIP.test(name) && !WORK_MODE_START.test(name) && !looksLikePlace(name) && name.split(/\s+/).length <= 5 ? name : null;
}

function companyEvidence(line: string, bodyOf: () => string): boolean {
  // "&" joins two names in a company ("Duran & Ruiz") and in a county ("Tyne & Wear").
  if (LEGAL_FORM.test(townCountyShape(line) ? line.replace(/&/g, '') : line)) return true;
  // "Acme is a …", "At Acme, we …", "Acme ist …": the description speaks of it as the employer.
  const body = bodyOf();
  const at = body.indexOf(line);
  if (at < 0) return false;
  const after = body.slice(at + line.length, at + line.length + 12);
  const before = body.slice(Math.max(0, at - 8), at);
  return /^\s*(?:is|are|ist|est|es|é|has|hat|was|se)\b|^['’]s\b/i.test(after) || /\b(?:at|bei|chez|join|joining)\s+$/i.test(before);
}

/** Evidence strong enough to outweigh the body speaking of the line as a subject ("Basingstoke is seeking…"). */
function strongPlaceEvidence(line: string, title: string): boolean {
  if (!/^[\p{Lu}\d]/u.test(line)) return false;
  if (townCountyShape(line) && !LEGAL_FORM.test(line.replace(/&/g, ''))) return true;
  // "Registered Home Manager Luton", "Care Worker: Ewell": boards end titles with the place, seldom with the employer.
  if (title.length > line.length && title.endsWith(line) && /[\s:,(–-]$/.test(title.slice(0, -line.length))) return true;
  // "Support Worker Job Telford" over "Telford & Wrekin", "Care Coordinator Croydon" over "CROYDON".
  const last = /(\p{L}{4,})$/u.exec(title)?.[1];
  return !!last && hasWord(line, last) && !LEGAL_FORM.test(line.replace(/&/g, ''));
}

/**
 * Whether `line` holds `word` (letters only) as a whole word, ignoring case. A plain search, not a pattern per word:
 * every posting's title ends in another word, and compiling a pattern for each cost more than the search.
 */
function hasWord(line: string, word: string): boolean {
  const hay = line.toLowerCase();
  const needle = word.toLowerCase();
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    if (!LETTER.test(hay[at - 1] ?? '') && !LETTER.test(hay[at + needle.length] ?? '')) return true;
  }
  return false;
}

const LETTER = /^\p{L}$/u;

function placeEvidence(line: string, bodyOf: () => string, title: string): boolean {
  if (!/^[\p{Lu}\d]/u.test(line)) return false;
  if (strongPlaceEvidence(line, title)) return true;
  const body = bodyOf();
  // "Sales Account Executive Basingstoke Salary…": the description repeats the title with its place after it.
  if (body.includes(`${title} ${line}`)) return true;
  let from = 0;
  // "a care home in Luton", "en la ciudad de Santa Cruz", "Base: Santa Cruz": the body places itself there.
  for (let n = 0; n < 5; n++) {
    const at = body.indexOf(line, from);
    if (at < 0) return false;
    const before = body.slice(Math.max(0, at - 22), at);
    if (/(?:\b(?:in|en|em|à|near|nach|around|based|located|ciudad de|cidade de|ville de|Stadt)\s+(?:the\s+|la\s+|el\s+|le\s+)?|\b(?:base|location|standort|ubicación|ubicacion|lieu|local|sede|ort)\s*[:：]\s*|📍\s*)$/i.test(before)) return true;
    from = at + line.length;
  }
  return false;
}

/**
 * Reads the header block at the top of a posting: the first paragraph of at most five short lines. Returns null when
 * the text does not start that way (a pipe header, a sentence, a long paragraph), so other readings take over.
 */
export function readHeader(lines: string[], html = false): Header | null {
  let i = 0;
  while (i < lines.length && !lines[i]!.trim()) i++;
  const block: string[] = [];
  let j = i;
  for (; j < lines.length && lines[j]!.trim() && block.length <= MAX_LINES; j++) {
    const l = lines[j]!.trim();
    // A tagline on the company line ("Care1st Health Plan - Yes, it's all about you.") is kept when a place follows.
    const taggedCompany = (): boolean => {
      const next = lines[j + 1]?.trim() ?? '';
      return block.length === 1 && l.length <= 100 && !isSectionHeader(l) && !!next && next.length <= 60 && looksLikePlace(next);
    };
    // A long place line ("Brooklyn, NY; Tucson, AZ; or Austin, TX preferred; …") still belongs to the header.
    const longPlace = (): boolean => l.length <= MAX_LINE && !/[.!?]$/.test(l) && looksLikePlace(l.split(/\s*;\s*/)[0]!);
    // The two exceptions are looked at only for a line that is no header line by itself.
    if (block.length && !isHeaderLine(l) && !taggedCompany() && !longPlace()) break;
    block.push(l);
  }
  if (!block.length || block.length > MAX_LINES) return null;
  // A logo's name above the name itself ("Reddit\nReddit"): the employer, then the header proper.
  if (block.length === 2 && block[0] === block[1] && block[0]!.split(/\s+/).length <= 4) {
    const rest = readHeader(lines.slice(j), html);
    return rest ? { ...rest, company: rest.company ?? block[0]!, start: rest.start + j, end: rest.end + j } : null;
  }
  // A saved page's heading may end with the board's name ("… - San Francisco, CA - Indeed.com").
  let title = html ? block[0]!.replace(/\s+[-–—|]\s+(?:Indeed(?:\.com)?|LinkedIn|Glassdoor|Dice(?:\.com)?|Monster)$/i, '') : block[0]!;
  if (!isTitleLine(title, block.length - 1)) return null;
  if (isPipeLine(title) && !(block.length >= 3 && looksLikePlace(block[block.length - 1]!))) return null;
  // The description's first lines, where it speaks of its employer and place; joined once, only when asked for.
  let bodyText: string | null = null;
  const body = (): string => (bodyText ??= lines.slice(j, j + 60).join('\n'));
  let company: string | null = null;
  let locationLine: string | null = null;
  const segments: string[] = [];
  // "Acme · Berlin, Germany · Full-time": chips on one line are read one by one.
  for (let k = 1; k < block.length; k++) {
    const unpaid = withoutPay(block[k]!);
    if (!unpaid) continue;
    for (const line of chips(unpaid)) if (!RATING.test(line) && !CHIP.test(line) && line.length <= MAX_LINE) segments.push(line);
  }
  // The shape of a place ("City, ST 12345", a known place) settles a line first; the company is what is left. Of two
  // such lines the later is the place: "City of Long Beach, CA" above "Long Beach, CA" is the employer.
  const placeLike = segments.map((l) => looksLikePlace(l) && !LEGAL_FORM.test(l.replace(/&/g, '')) && (/^[\p{Lu}\d]/u.test(l) || /,/.test(l)));
  const placeAt = placeLike.lastIndexOf(true);
  if (placeAt >= 0) {
    locationLine = segments[placeAt]!;
    const glued = placeAt === 0 && !company ? gluedCompany(locationLine) : null;
    if (glued && glued !== locationLine) {
      company = glued;
      locationLine = locationLine.slice(locationLine.indexOf(glued) + glued.length).replace(/^[\s·|•,–—-]+/, '');
    }
    segments.splice(placeAt, 1);
  }
  for (const line of segments) {
    // "Remote (EU time zones)" names a place only if a known one follows the work mode.
    if (WORK_MODE_START.test(line)) {
      const rest = placeFromLine(line);
      if (!locationLine && rest && looksLikePlace(rest)) locationLine = line;
      continue;
    }
    const place = segments.length === 1 && !locationLine && strongPlaceEvidence(line, title);
    if (!company && !place && (locationLine || segments.length > 1 || !placeEvidence(line, body, title) || companyEvidence(line, body))) company = line;
    else if (!locationLine && /^[\p{Lu}\d]/u.test(line)) locationLine = line;
  }
  // A title alone, then a line of chips after a blank line ("**Lumen Pay** · Remote · Full-time"): the company is there.
  if (block.length === 1 && !company) company = chipLineCompany(lines, j);
  // "## Senior Engineer @ Acme": with no company line, the title line may name the company.
  const at = company ? null : splitAt(title);
  if (at) ({ title, company } = at);
  let placeInTitle = false;
  if (!locationLine) {
    // Parentheses give the place of a role heading standing alone; under a board's header they are the title's own.
    const tail = splitPlace(title, html) ?? (block.length === 1 ? splitParenthesis(title) : null);
    if (tail) {
      placeInTitle = true;
      // A saved page's heading is the board's "title - place"; in typed text the place is part of the title as written.
      if (html || tail.fromParentheses) title = tail.title;
      locationLine = tail.place;
    }
  }
  const location = locationLine ? placeFromLine(locationLine) : null;
  return { title, company: company ? cleanCompany(company) || null : null, location, locationLine, placeInTitle, start: i, end: j };
}

// A board's buttons and tabs, written where a company line could stand.
const PAGE_WORD = /^(?:apply|about|new|featured|urgent|hiring|engineering|salary|job|jobs|careers?|home)$/i;

/** A line that is a work-mode chip, an employment word or a board's button: never the company. */
export function notCompany(line: string): boolean {
  return PAGE_WORD.test(line) || !!workModeOf(line) || WORK_MODE_WHOLE.test(line) || EMPLOYMENT_WORD_ONLY.test(line);
}
const WORK_MODE_WHOLE = new RegExp(`^(?:${wordsSource(WORK_MODE_CHIP_WORDS)})$`, 'iu');

const COMMA_CAPITAL = /, ?\p{Lu}/u;
const GLUED_PLACE = /([\p{Lu}][\p{Ll}]+(?: [\p{Lu}][\p{Ll}]+){0,2}), ?([\p{Lu}]{2}\b|[\p{Lu}][\p{Ll}]+)/gu;

/** "PatreonNew York, NY" or "Acme · Berlin, Germany" → the text before the place. */
export function gluedCompany(line: string): string | null {
  // The place is a "City, ST" or "City, Country": without a comma and a capital after it there is none to look for
  // (spacing the line below never touches a comma or the letter after it).
  if (!line.includes(',') || !COMMA_CAPITAL.test(line)) return null;
  const spaced = line.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  GLUED_PLACE.lastIndex = 0;
  for (let m = GLUED_PLACE.exec(spaced); m; m = GLUED_PLACE.exec(spaced)) {
    const words = m[1]!.split(' ');
    const i = words.findIndex((_, k) => findPlace(words.slice(k).join(' ')));
    if (i < 0) continue;
    const cut = spaced.indexOf(m[0]) + words.slice(0, i).join(' ').length;
    const prefix = spaced.slice(0, cut).replace(/[\s·|•,–—-]+$/, '').trim();
    if (!prefix || prefix.split(/\s+/).length > 4 || notCompany(prefix) || findPlace(prefix)) continue;
    // The spacing was only for finding the place; give the name back as written ("PatreonNew" → "Patreon").
    const original = line.slice(0, line.indexOf(words[i]!, Math.max(0, cut - prefix.length - 2)));
    // Only a name run into the place ("PatreonNew York") or set off by a chip mark; "North London" is one place.
    if (!/\S$|[·|•,–—-]\s*$/.test(original)) continue;
    return original.replace(/[\s·|•,–—-]+$/, '').trim() || prefix;
  }
  return null;
}


/**
 * A company name without its decoration: "# Moyai" → "Moyai", "Lago (YC S21)" → "Lago", "Join (https://join.build)" →
 * "Join", "Thunder Compute, YC S24" → "Thunder Compute". Other parentheses ("Stealth AI Startup (Funded)") stay.
 */
export function cleanCompany(name: string): string {
  // Spaces folded first: the patterns below start with \s*, which a long run of spaces would make quadratic.
  let s = name.replace(/\s+/g, ' ');
  // Each decoration is looked for plainly first: most names have none.
  if (s.includes('#')) s = s.replace(/^ ?#+ ?/, '');
  if (s.includes('http')) s = s.replace(/\s+https?:\/\/\S+/g, '');
  if (s.includes('(')) s = s.replace(/\s*\(([^()]{0,200})\)/g, (whole, inner: string) => (/\bYC(?:\s?[WSFX]\d{2})?\b|https?:|www\./i.test(inner) ? '' : whole));
  if (/yc/i.test(s)) s = s.replace(/,?\s*\bYC(?:\s+[WSF]\d{2})?\s*$/i, '');
  return s.replace(/\s+/g, ' ').trim();
}
