// Raw posting text → validated Postings. Never throws: what it cannot find becomes null plus a problem.
import crypto, { createHash } from 'node:crypto';
import { isChrome, detectBoard } from './chrome.ts';
import { findYears, restoreYearsDash } from './experience.ts';
import {
  cleanTitle, educationOf, employmentTypeOf, looksLikeTitle, ROLE_PHRASE, seniorityOf, teamFromProse, teamFromTitle, titleFromProse,
} from './identity.ts';
import { extractLabels, hasColonWithin, labelKey, type Labelled } from './labels.ts';
import { findPlace, looksLikePlace, placeFromLine, placesFromLine } from './places.ts';
import { cleanCompany, gluedCompany, isTitleLine, notCompany, readHeader } from './header.ts';
import { findSalaries } from './salary.ts';
import { currencyOfCountry } from './lexicon/currencies.ts';
import { WORK_MODE_CHIP_START } from './lexicon/workmodes.ts';
import { formatRange } from './pay.ts';
import { Posting, type Seniority } from './schema.ts';
import { problem, type Problem } from './problems.ts';
import { asHeader, headerKind, type SectionKind } from './sections.ts';
import { findSkills } from './skills.ts';
import { foldKey, looksLikeHtml, sentences, stripBullet, toLines } from './text.ts';
import { workplace } from './workmode.ts';
import { parseJsonPostings } from './jsonld.ts';
import { splitRoles } from './split.ts';

export interface ParseOptions {
  /** Where the text came from; with `index`, it makes the id stable across runs. */
  file?: string | null;
  /** Overrides the board guessed from the text. */
  board?: string | null;
}

const MAX_TEXT = 200_000;

/** Parses one source (a file's text) into its Postings: usually one, several for a multi-role post. */
export function parsePostings(raw: unknown, opts: ParseOptions = {}): Posting[] {
  const file = opts.file ?? null;
  const problems: Problem[] = [];
  let text = typeof raw === 'string' ? raw : Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  if (isBinary(text)) return [emptyPosting(file, [problem('not-text', 'the file is not text (it looks binary)')])];
  if (text.length > MAX_TEXT) {
    problems.push(problem('text-truncated', `the text is very long (${text.length} characters); only the first ${MAX_TEXT} were read`));
    text = text.slice(0, MAX_TEXT);
  }
  if (!text.trim()) return [emptyPosting(file, [problem('empty', 'the text is empty')])];
  try {
    const fromJson = parseJsonPostings(text, opts, (desc) => parseText(desc, opts, []));
    if (fromJson) return fromJson;
    const blocks = splitRoles(text);
    return blocks.map((block, index) => parseText(block, { ...opts, file }, problems, blocks.length > 1 ? index : 0));
  } catch (err) {
    return [emptyPosting(file, [...problems, problem('unreadable', `the text could not be read: ${(err as Error).message}`)])];
  }
}

const BINARY_CHAR = /[\u0000-\u0008\u000E-\u001F\uFFFD]/;

function isBinary(s: string): boolean {
  const sample = s.slice(0, 4096);
  if (!sample) return false;
  // Text seldom holds a single such character: one test settles it before they are counted.
  if (!BINARY_CHAR.test(sample)) return false;
  const bad = sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  return bad / sample.length > 0.1;
}

/** A stable id: the same file (and role within it) gets the same id on every run. */
export function postingId(file: string | null, index: number, text: string): string {
  const basis = file ? `${file.replace(/\\/g, '/')}#${index}` : `text:${text}`;
  return sha1Hex(basis).slice(0, 12);
}

// The one-shot digest (Node 20.12 and later) skips building a hash object for each posting's short id.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha1Hex = (s: string): string => (oneShot ? oneShot('sha1', s, 'hex') : createHash('sha1').update(s).digest('hex'));

function emptyPosting(file: string | null, problems: Problem[]): Posting {
  return Posting.parse({
    id: postingId(file, 0, problems.map((p) => p.message).join()),
    title: null, company: null, team: null, seniority: null, locations: [], workMode: null, remoteRegions: [],
    salary: null, salaries: [], yearsExperience: null, requirements: [], responsibilities: [], niceToHave: [],
    skills: [], benefits: [], education: null, employmentType: null, summary: '', postedAt: null, validThrough: null,
    source: { file, board: null }, problems,
  });
}

interface Line {
  text: string;
  bulleted: boolean;
}

type Sections = Record<SectionKind | 'intro', Line[]>;

/**
 * Splits "Requirements: 5+ years of Python" into a header and its first item, and a header glued to its text
 * ("Company DescriptionArcticom LLC builds…", "About UsWe are…") into the two.
 */
const GLUE_PAIR = /[a-z][A-Z]|[^\x00-\x7f]/;

function splitInlineHeaders(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    // The pattern needs a lowercase letter before a capital within its first 42 characters: a plain look for such a
    // pair (or any non-ASCII character) passes most lines over first.
    const glued = GLUE_PAIR.test(line.slice(0, 42)) ? /^(\p{L}[\p{L} ]{2,38}?\p{Ll})(?=\p{Lu}\p{Ll})/u.exec(line) : null;
    const gluedKind = glued ? headerKind(glued[1]!) : null;
    if (glued && gluedKind && gluedKind !== 'other' && asHeader(glued[1]!)) {
      out.push(glued[1]!, line.slice(glued[1]!.length));
      continue;
    }
    const m = hasColonWithin(line, 61) ? /^([^:：]{3,60})[:：]\s*(\S.*)$/.exec(line) : null;
    const kind = m ? headerKind(m[1]!) : null;
    if (m && kind && !/[.;]/.test(m[1]!) && m[1]!.split(/\s+/).length <= 8) {
      out.push(`${m[1]!.trim()}:`, m[2]!);
    } else out.push(line);
  }
  return out;
}

function sectionize(lines: string[]): { sections: Sections; headerCount: number } {
  const sections: Sections = { intro: [], requirements: [], niceToHave: [], responsibilities: [], benefits: [], about: [], role: [], other: [] };
  let current: SectionKind | 'intro' = 'intro';
  let headerCount = 0;
  for (const line of lines) {
    if (!line) continue;
    const kind = asHeader(line);
    if (kind) {
      // An unknown colon header inside a list section is a sub-heading ("Ad Network Optimization:"); stay in the list.
      if (kind === 'other' && headerKind(line) === null && ['requirements', 'responsibilities', 'niceToHave', 'benefits'].includes(current)) continue;
      current = kind;
      headerCount++;
      continue;
    }
    const { text, bulleted } = stripBullet(line);
    if (text) sections[current].push({ text, bulleted });
  }
  return { sections, headerCount };
}

// Whitespace that is not a single space: lines are mostly clean already, and need no rewriting then.
const ODD_SPACE = /[^\S ]| {2}/;
// "Ad Network Optimization": capitalised words alone on a line.
const SUB_HEADING = /^\p{Lu}[\p{L}&/-]*(?:\s+\p{Lu}[\p{L}&/-]*)*\s*:?$/u;

/** One-line items; prose paragraphs in a list without bullets become sentences, sub-headings are dropped. */
function items(lines: Line[], kind: SectionKind): string[] {
  const anyBullets = lines.some((l) => l.bulleted);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const l of lines) {
    let t = ODD_SPACE.test(l.text) ? l.text.replace(/\s+/g, ' ').trim() : l.text.trim();
    if (!t || isPayLine(t)) continue;
    if (anyBullets && !l.bulleted && t.length > 160) continue; // prose around a list is description, not an item
    // "Ad Network Optimization" between items is a sub-heading.
    if (kind !== 'benefits' && !l.bulleted && SUB_HEADING.test(t) && t.split(' ').length <= 4) continue;
    t = restoreYearsDash(t.replace(/[:：]$/, ''));
    const parts = !l.bulleted && t.length > 220 ? sentences(t) : [t];
    for (const p of parts) {
      if (p.length < 3 || seen.has(p)) continue;
      seen.add(p);
      out.push(p);
    }
  }
  return out;
}

/** "Salary: $100k", "CTC: ₹25 LPA", "Rate: $55/hr": pay is read from the whole text, not listed as an item. */
function isPayLine(t: string): boolean {
  const m = hasColonWithin(t, 31) ? /^([^:：]{2,30})[:：]/.exec(t) : null;
  return !!m && labelKey(m[1]!) === 'salary' || (/^(ctc|rate|compensation|pay|salary)\b/i.test(t) && findSalaries(t, { currency: 'USD' }).length > 0);
}

const REQUIREMENT_SENTENCE = /\b(\d+\+? years|experience (with|in)|proficien|familiar|knowledge of|understanding of|degree|you have|you bring|must have|strong (skills|background)|ability to|expertise in)\b/i;

function parseText(block: string, opts: ParseOptions, shared: Problem[], index = 0): Posting {
  const file = opts.file ?? null;
  const problems = [...shared];
  const board = opts.board ?? detectBoard(block);
  const rawLines = splitInlineHeaders(toLines(block));
  const { labelled, rest } = extractLabels(rawLines.filter((l) => !isChrome(l)));
  readPipeHeader(rest, labelled);
  // The board's header block comes first; a footer line is looked for only below it.
  const header = readHeader(rest, looksLikeHtml(block));
  const footer = findFooter(rest, header?.end ?? 0);
  const lines = footer ? rest.filter((_, i) => i !== footer.index) : rest;
  const { sections } = sectionize(lines);

  const proseLines = [...sections.intro, ...sections.role, ...sections.about].map((l) => l.text);
  const allText = lines.join('\n');
  const headEnd = headLength(lines);

  // Title and company, from the strongest evidence down: the board's header block, labelled facts, a question, a footer.
  const question = /for the (.{4,100}?) (?:position|role|job|opening) at ([^?\n]{2,60})\?/i.exec(allText);
  let title: string | null = header?.title ?? labelled.title ?? question?.[1] ?? footer?.title ?? null;
  let team: string | null = null;
  let titleLine = header ? header.start : -1;
  if (!title) {
    titleLine = lines.slice(0, headEnd).findIndex(looksLikeTitle);
    if (titleLine >= 0) title = lines[titleLine]!;
  }
  if (!title) {
    const prose = titleFromProse(allText);
    if (prose) {
      title = prose.title;
      team = prose.team;
    }
  }
  if (title && header?.title !== title) title = cleanTitle(title.replace(/\s+at\s+[A-Z][\w&.' -]+$/, ''));
  else if (title) title = title.replace(/\s+/g, ' ').trim();
  team = labelled.team && !/^(engineering|general)$/i.test(labelled.team) ? labelled.team : team ?? (title ? teamFromTitle(title) : null) ?? teamFromProse(allText);

  let company: string | null = header?.company ?? labelled.company ?? question?.[2]?.trim() ?? footer?.company ?? null;
  // A header block of two or more lines has already said which of its lines is the company, if any is.
  if (!header || header.end - header.start < 2) company ??= plausibleCompany(companyFromHead(lines, titleLine >= 0 ? titleLine : null, headEnd));
  company ??= plausibleCompany(hiringCompany(allText.slice(0, 2000)));
  company ??= plausibleCompany(companyFromProse(proseLines.join('\n') || allText));
  if (company) company = cleanCompany(company) || null;
  // A name has a letter or a digit in it: "; |" left by a broken pipe header is no company.
  if (company && !/[\p{L}\p{N}]/u.test(company)) company = null;

  // Work arrangement and places.
  const place = workplace(lines, { workMode: labelled.workMode, location: labelled.location ?? header?.locationLine ?? footer?.location ?? undefined }, headEnd, allText);
  // The board's location line is the posting's place; places the text merely mentions do not add to it.
  // A labelled place wins over one read off the title only when it says more of the same place ("Paris, France").
  const labelledMore = !!labelled.location && !!header?.location && saysMoreOf(labelled.location, header.location);
  if (header?.location && !(header.placeInTitle && labelledMore)) place.locations = header.locationLine ? placesFromLine(header.locationLine) : [header.location];
  // "ONSITE", "HYBRID", "(no Remote jobs available)" say how one works, not where.
  else place.locations = [...new Set(place.locations.map(placeFromLine).filter((l): l is string => !!l))];

  // Lists.
  const requirements = items(sections.requirements, 'requirements');
  const responsibilities = items(sections.responsibilities, 'responsibilities');
  const niceToHave = items(sections.niceToHave, 'niceToHave');
  const benefits = items(sections.benefits, 'benefits');
  if (!requirements.length) {
    for (const s of sentences(proseLines.join(' '))) if (REQUIREMENT_SENTENCE.test(s) && s.length < 300) requirements.push(s);
  }

  const currencyHint = currencyFromPlaces(place.locations) ?? currencyFromLanguage(allText);
  // Labelled salary lines stay in the text (see extractLabels), so one pass finds every range in order.
  const salaries = findSalaries(allText, { currency: currencyHint });
  const yearsExperience = findYears(
    [labelled.experience ?? '', ...requirements].filter(Boolean),
    lines,
  );
  // Skills come from the role's own text; the company story and benefits name tools the role may never touch.
  const roleText = [...sections.intro, ...sections.role, ...sections.requirements, ...sections.responsibilities, ...sections.niceToHave].map((l) => l.text);
  const skills = findSkills(`${title ?? ''}\n${roleText.join('\n')}`);
  const seniority: Seniority | null = seniorityOf(labelled.seniority ?? null) ?? seniorityOf(title);
  // The head is where allText starts, and is read first: the rest of the text is read only after it, from where it ends.
  const headText = lines.slice(0, headEnd).join('\n');
  const employmentType = employmentTypeOf(labelled.employmentType, headText, title ?? '', allText.slice(headText.length, 3000));
  const education = educationOf([...requirements, ...niceToHave]);

  if (!title) problems.push(problem('no-title', 'no job title found'));
  if (!company) problems.push(problem('no-company', 'no company name found'));
  if (!place.workMode) problems.push(problem('no-work-mode', 'the posting does not say whether the role is remote, hybrid or on-site'));
  if (!place.locations.length && place.workMode !== 'remote') problems.push(problem('no-location', 'no location found'));
  if (!salaries.length) problems.push(problem('no-salary', 'no salary stated'));
  if (!requirements.length) problems.push(problem('no-requirements', 'no requirements found'));
  if (!responsibilities.length) problems.push(problem('no-responsibilities', 'no responsibilities found'));
  if (!yearsExperience) problems.push(problem('no-years', 'years of experience not stated'));

  const posting = {
    id: postingId(file, index, block),
    title,
    company,
    team,
    seniority,
    locations: place.locations,
    workMode: place.workMode,
    remoteRegions: place.remoteRegions,
    salary: salaries[0] ?? null,
    salaries,
    yearsExperience,
    requirements,
    responsibilities,
    niceToHave,
    skills,
    benefits,
    education,
    employmentType,
    summary: '',
    // The role's prose that no list holds; with no recognised section it is the whole text, so search finds every
    // word. The company story and boilerplate sections stay out, as they do for skills.
    description: [...sections.intro, ...sections.role].map((l) => l.text).join('\n'),
    postedAt: null,
    validThrough: null,
    source: { file, board },
    problems,
  };
  posting.summary = summarize(posting, proseLines);
  return Posting.parse(posting);
}

/** "Paris, France" says more of "Paris"; "Chicago IL, Philadelphia PA" names another place besides "Chicago, IL". */
function saysMoreOf(labelled: string, place: string): boolean {
  const l = foldKey(labelled);
  const p = foldKey(place);
  if (!l.startsWith(p) || l === p) return false;
  const kind = findPlace(l.slice(p.length).trim())?.kind;
  return kind === 'country' || kind === 'state' || kind === 'region';
}

/** "Acme | Senior Engineer | Remote (US) | Full-time | $150k": the fields of a "who is hiring" first line. */
function readPipeHeader(lines: string[], labelled: Labelled): void {
  // A role split out of a multi-role post starts with its own title; the shared pipe line follows it.
  const first = lines.slice(0, 12).filter((l) => l.trim()).slice(0, 3).find((l) => (l.match(/\|/g) ?? []).length >= 2);
  if (!first) return;
  let role: string | null = null;
  // A header has a handful of fields; the rest of an overlong line is not read field by field.
  first.split('|', 12).map(cleanCompany).forEach((field, k) => {
    if (!field) return;
    // The first field is the company by the convention of these posts ("Marketer.com | …"), unless it is plainly a role.
    const firstIsCompany = k === 0 && (DOMAIN.test(field) || !looksLikeTitle(field)) && !findPlace(field) && !WORK_MODE_CHIP_START.test(field);
    if (firstIsCompany && !labelled.company) labelled.company = field;
    else if (!labelled.title && looksLikeTitle(field)) labelled.title = field;
    else if (WORK_MODE_CHIP_START.test(field) || findPlace(field.split(/[,(]/)[0]!.trim()) || looksLikePlace(field)) labelled.location ??= field;
    else if (/\b(?:(?:full|part)[- ]time|contract|intern|internship)\b/i.test(field)) labelled.employmentType ??= field;
    else if (/^(?:https?:|www\.)|^(?:multiple|several|various|many)\b/i.test(field)) return;
    else if (!labelled.company && (k === 0 || (!/\d/.test(field) && field.split(/\s+/).length <= 4 && !DOMAIN.test(field)))) labelled.company = field;
    // The role comes next by the same convention, in any trade: "Sweetgreen | Line Cook | NYC".
    else if (!role && k >= 1 && isTitleLine(field) && field.split(/\s+/).length <= 8 && !/[$€£¥₹]|\d\s?k\b/i.test(field) && !DOMAIN.test(field) && !PIPE_CHIP.test(field)) role = field;
  });
  if (!labelled.title && role) labelled.title = role;
}

const DOMAIN = /^[\w-]+\.(?:com|io|ai|co|org|net|dev|app|tech|so|xyz)\b/i;
// Pipe fields that are neither company nor role: visas, relocation, equity, funding rounds, interview notes.
const PIPE_CHIP = /\b(?:visa|relocation|sponsorship|equity|series [a-e]|seed|funded|onsite|remote|hybrid|in[- ]office|yc|apply|email|interns?|salary|benefits)\b/i;

/** The first lines before any section: where boards print title, company and chips. */
function headLength(lines: string[]): number {
  let n = 0;
  for (const line of lines) {
    if (n >= 12) break;
    if (line && asHeader(line) && headerKind(line) !== null) break;
    n++;
  }
  return Math.max(n, Math.min(lines.length, 3));
}

const FOOTER_JOIN = /\s(?:at|@|bei|chez|en|na|em)\s/;

/** "Senior Engineer at Acme — Remote" or "Senior Engineer @ Acme", a line boards repeat at the foot. */
function findFooter(lines: string[], from: number): { index: number; title: string; company: string; location: string | null } | null {
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i]!;
    // A plain look for the joining word first: the pattern below tries every split of the line.
    if (line.length > 140 || !FOOTER_JOIN.test(line)) continue;
    const m = /^(.{4,100}?)\s+(?:at|@|bei|chez|en|na|em)\s+([\p{Lu}\d][\w&.'’ -]{0,40}?)(?:\s*[—–|·]\s*(.{2,60}))?$/u.exec(line);
    if (m && looksLikeTitle(m[1]!) && !/[.!?]$/.test(m[2]!)) return { index: i, title: m[1]!, company: m[2]!.trim(), location: m[3]?.trim() ?? null };
  }
  return null;
}

/** A short line before the title ("Reddit"), or the text glued before a place ("PatreonNew York, NY"). */
function companyFromHead(lines: string[], titleLine: number | null, headEnd: number): string | null {
  const head = lines.slice(0, headEnd);
  if (titleLine !== null) {
    for (let i = titleLine - 1; i >= 0; i--) {
      const l = head[i]!.trim();
      if (l && l.split(/\s+/).length <= 4 && l.length <= 40 && !looksLikeTitle(l) && !notCompany(l) && !findPlace(l)) return l;
    }
    for (let i = titleLine + 1; i < head.length; i++) {
      const l = head[i]!.trim();
      if (asHeader(l)) break;
      const glued = gluedCompany(l);
      if (glued) return glued;
      if (l && l.split(/\s+/).length <= 3 && l.length <= 30 && !looksLikeTitle(l) && !notCompany(l) && !findPlace(l) && /^[\p{Lu}\d]/u.test(l) && !/\d{2}/.test(l)) {
        if (!WORK_MODE_CHIP_START.test(l) && !/,/.test(l)) return l;
      }
    }
  }
  return null;
}

// Capitalised words prose puts where a name could stand ("Bachelor's degree", "Home is where…"): never a company.
const COMMON_WORD = /^(?:bachelor|master|associate|doctor|home|children|people|women|men|today|tomorrow|year|week|month|nation|state|country|city|employer|team|duration|location|salary|benefits?|experience|education|summary|overview)$/i;

/** A name guessed from the head or the prose, or null when it is a place, a label, a sentence or a common word. */
function plausibleCompany(name: string | null): string | null {
  if (!name) return null;
  const n = name.trim();
  if (!n || /[:;]|https?:|\p{Ll}{3,}[.!?](?:\s|$)/u.test(n) || n.split(/\s+/).length > 8) return null;
  if (COMMON_WORD.test(n) || CLIENT.test(n) || findPlace(n)) return null;
  return n;
}

// A recruiter's unnamed client ("Our client is a leading…", "Notre client", "Unser Kunde"): no company name at all.
const CLIENT = /\b(?:client|clients|cliente|clientes|kunde|kundin|auftraggeber)\b/i;

/** "Kestrel Labs is hiring", "Nordlicht sucht", "Atelier recrute": the line that opens a post listing roles. */
function hiringCompany(text: string): string | null {
  const m = /(?:^|\n)((?:[\p{Lu}][\p{L}\d&.'’-]*)(?: [\p{Lu}][\p{L}\d&.'’-]*){0,3}) (?:is hiring|are hiring|is looking for|sucht|stellt ein|recrute|contrata|busca|está contratando|está buscando)(?![\p{L}])/u.exec(text);
  return m && !/^(we|our|the|this|unser|notre|nuestr|nosso)\b/i.test(m[1]!) && !CLIENT.test(m[1]!) ? m[1]! : null;
}

/** "Reddit is a community…", "beehiiv is the…", "Why Acme?", "About Acme", "join Acme", possessives. */
function companyFromProse(text: string): string | null {
  const is = /(?:^|\n|[.!?]\s+)((?:[\p{Lu}][\p{L}\d_&.'’-]*|[a-z][a-z0-9]+[A-Z]?[\w]*)(?: [\p{Lu}][\p{L}\d_&.'’-]*){0,2}) (?:is|are|ist|est|es|é)\s+(?:a|an|the|one of|ein|eine|une?|una|la|le|el|uma?|o)(?![\p{L}])/u.exec(text);
  if (is && !/^(this|the|our|it|we|you|there|here|that|which|he|she|they|role|position|job)$/i.test(is[1]!) && !ROLE_PHRASE.test(is[1]!) && !CLIENT.test(is[1]!)) return is[1]!;
  const why = /(?:^|\n)(?:Why|About|Über|À propos de|Sobre)\s+([\p{L}][\w&.'’-]*(?:\s[\p{Lu}][\w&.'’-]*){0,2})\??\s*(?:\n|$)/u.exec(text);
  if (why && !/^(the|us|you|this|our|role|position|job|team)\b/i.test(why[1]!)) return why[1]!;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\b([\p{Lu}][\w&-]+)[’']s\b/gu)) {
    const w = m[1]!;
    if (/^(It|That|What|Here|There|Today|Let|Who|He|She|World|Company)$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

function currencyFromPlaces(locations: string[]): string | null {
  for (const l of locations) {
    const p = findPlace(l) ?? findPlace(l.split(',').pop() ?? '');
    if (!p) continue;
    const country = p.kind === 'country' || p.kind === 'region' ? p.name : p.within[0]!;
    const code = currencyOfCountry(country);
    if (code) return code;
  }
  return null;
}

// Portuguese words (Brazilian pay), then German, French and Spanish ones (euros): one pass finds whether any is there.
const BRAZIL_WORDS = String.raw`você|vaga|salário|benefícios|requisitos e qualificações`;
const EURO_WORDS = String.raw`wir|und|sie|ihre|deine|aufgaben|nous|vous|poste|avec|les|somos|buscamos|empresa|nuestro|ofrecemos`;
const LANGUAGE_WORD = new RegExp(String.raw`\b(?:(${BRAZIL_WORDS})|${EURO_WORDS})\b`);
const BRAZIL_WORD = new RegExp(String.raw`\b(?:${BRAZIL_WORDS})\b`);

function currencyFromLanguage(text: string): string | null {
  const sample = text.slice(0, 3000).toLowerCase();
  const m = LANGUAGE_WORD.exec(sample);
  if (!m) return null;
  // A Portuguese word anywhere wins over a European one that comes first.
  return m[1] || BRAZIL_WORD.test(sample.slice(m.index)) ? 'BRL' : 'EUR';
}

const ABOUT_ROLE = /\b(you('| wi)ll|this role|the role|we are (seeking|looking)|as an? |will (build|design|lead|own|work))/i;

/** One or two plain sentences: what the role is, then the posting's own first line about it. */
export function summarize(p: Omit<Posting, 'summary'> & { summary: string }, prose: string[]): string {
  const what = p.title ?? 'A role';
  const where = p.workMode === 'remote'
    ? `remote${p.remoteRegions.length ? ` (${p.remoteRegions.join(', ')})` : ''}`
    : [p.workMode, p.locations.length ? `in ${p.locations.slice(0, 2).join(' or ')}` : null].filter(Boolean).join(' ');
  const pay = p.salary ? `, paying ${formatRange(p.salary)}` : '';
  let first = `${what}${p.company ? ` at ${p.company}` : ''}${p.team ? ` (${p.team} team)` : ''}${where ? `, ${where}` : ''}${pay}.`;
  // The first few prose lines say what the role is; the rest is company story.
  let about: string | undefined;
  let read = 0;
  for (const l of prose) {
    if (read >= 4 || about) break;
    if (l.split(/\s+/, 8).length < 8) continue;
    read++;
    const text = l.slice(0, 1500);
    // A sentence that says what the role is holds the wording in the line too: most lines are passed over unsplit.
    if (ABOUT_ROLE.test(text)) about = sentences(text).find((s) => ABOUT_ROLE.test(s) && s.length <= 260);
  }
  if (about) first += ` ${about}`;
  return ODD_SPACE.test(first) ? first.replace(/\s+/g, ' ').trim() : first.trim();
}

