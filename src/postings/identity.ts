// Who is hiring for what: title, company, team, seniority, employment type, education.
import type { EmploymentType, Seniority } from './schema.ts';
import { fold } from './text.ts';
import { byFirstLetter } from './lexicon/pattern.ts';
import { workModeOf } from './lexicon/workmodes.ts';

const ROLE_NOUN = String.raw`(?:Engineer|Engineers|Developer|Scientist|Researcher|Manager|Designer|Analyst|Architect|Director|Lead|Specialist|Consultant|Intern|Administrator|Recruiter|Writer|Accountant|Technician|Coordinator|Representative|Officer|Associate|Strategist|Editor|Producer|Marketer|Programmer|Owner|Partner|Advocate|Executive|Head of [A-Z][\w&]*(?: [A-Z][\w&]*){0,2}|VP(?: of)? [A-Z][\w&]*(?: [A-Z][\w&]*){0,2}|SRE|SWE|Entwickler(?:in)?|Ingenieur(?:in)?|Ingénieur(?:e)?|Développeur(?:se)?|Desarrollador(?:a)?|Ingeniero|Ingeniera|Desenvolvedor(?:a)?|Engenheiro|Engenheira|Analista|Gerente|Cientista|Científico|Chef de projet|Werkstudent(?:in)?|Praktikant(?:in)?|Stagiaire|Estagiário|Pasante|Becario)`;

/** A role noun ends the phrase: "Senior Machine Learning Engineer", "Head of Data", "Entwickler (m/w/d)". */
export const ROLE_PHRASE = new RegExp(
  String.raw`((?:(?:Sr\.?|Jr\.?|Senior|Staff|Principal|Lead|Junior|Mid[- ]level|Founding|Distinguished|Associate|Chief|Head|Full[- ]Stack|Front[- ]?End|Back[- ]?End|[A-Z][\w+#/.&-]*|[a-zß-ü]{2,4}|de|of|and|&|\/)\s+){0,7}${ROLE_NOUN})\b(?:\s*\((?:m\/w\/d|w\/m\/d|m\/f\/d|f\/m\/d|h\/f|f\/h|m\/f)\))?`,
);
const ROLE_NOUN_RE = new RegExp(String.raw`\b${ROLE_NOUN}\b`);

/** True when a short line reads as a job title. */
export function looksLikeTitle(line: string): boolean {
  if (line.length > 110 || line.length < 4) return false;
  if (/[.!?]$/.test(line) && !/\b(Sr|Jr)\.$/.test(line)) return false;
  if (line.split(/\s+/).length > 14) return false;
  return ROLE_NOUN_RE.test(line) && /^[\p{Lu}\d(]/u.test(line);
}

/** Title from a sentence: "seeking a Senior ML Engineer to", "The Staff ML Engineer will", "X in Relevance to define". */
export function titleFromProse(text: string): { title: string; team: string | null } | null {
  const patterns = [
    new RegExp(String.raw`(?:seeking|hiring|looking for|recruiting|searching for)\s+(?:a|an|our|the)?\s*(?:motivated|talented|experienced|passionate|skilled|exceptional)?\s*${ROLE_PHRASE.source}`),
    new RegExp(String.raw`(?:^|[.!?]\s+|\n)(?:The|As a|As an|As the|Our)\s+${ROLE_PHRASE.source}`),
    new RegExp(String.raw`(?:^|\n)${ROLE_PHRASE.source}\s+(?:in|on|for)\s+([A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3})\s+to\b`),
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return { title: cleanTitle(m[1]!), team: m[2] ? m[2].trim() : null };
  }
  return null;
}

export function cleanTitle(t: string): string {
  return t.replace(/\s*https?:\/\/\S+/g, '').replace(/^(?:a|an|the|our)\s+/i, '').replace(/\s+/g, ' ').replace(/[\s,;:–—-]+$/, '').trim();
}

/** "Senior ML Engineer, Relevance" / "Engineer - Payments" / "Engineer (Search)" → team. */
export function teamFromTitle(title: string): string | null {
  const m = /^(.*\b(?:Engineer|Developer|Scientist|Manager|Designer|Analyst|Architect|Researcher|Lead|Specialist))\s*(?:,|\s[-–—|]\s|\s\()\s*([A-Z][\w&/ ]{1,40}?)\)?$/.exec(title);
  if (!m) return null;
  const team = m[2]!.trim();
  if (/^(?:m\/w\/d|w\/m\/d|h\/f|f\/h)$/i.test(team) || workModeOf(team) || EMPLOYMENT_WORD_ONLY.test(team)) return null;
  return team;
}

const TEAM_NAMED = String.raw`(?:the|our)\s+((?:[A-Z][\w&]*\s+){1,4})team`;
const TEAM_PROSE = new RegExp(String.raw`\b(?:join|joining|within|part of|sits (?:within|in|on)|on|in)\s+${TEAM_NAMED}\b`);
// The named team looked for backwards from each "team": few texts have one, and the full pattern, whose opening words
// are tried at every word of the text, then runs on those few only.
const TEAM_NAMED_HINT = new RegExp(String.raw`team\b(?<=${TEAM_NAMED})`);

/** "join the Relevance team", "within the Feed Relevance team", "part of our Payments team". */
export function teamFromProse(text: string): string | null {
  const m = TEAM_NAMED_HINT.test(text) ? TEAM_PROSE.exec(text) : null;
  return m ? m[1]!.trim() : null;
}

const SENIORITY_RULES: Array<[Seniority, RegExp]> = [
  ['intern', /\b(intern|internship|werkstudent(in)?|praktikant(in)?|praktikum|stagiaire|stage|becari[oa]|pasante|estagi[aá]ri[oa]|est[aá]gio|trainee|apprentice)\b/i],
  ['senior-staff', /\b(senior|sr\.?)\s+staff\b/i],
  ['director', /\b(director|head of|vp|vice president|chief|directeur|directora?|diretor)\b/i],
  ['principal', /\b(principal|distinguished)\b/i],
  ['staff', /\bstaff\b/i],
  ['manager', /\b(manager|gerente|leiter(in)?|responsable)\b/i],
  ['lead', /\b(lead|tech lead|team lead|leader)\b/i],
  ['senior', /\b(senior|sr\.?|s[eê]nior|expert)\b/i],
  ['senior', /\b(III|IV)\b/],
  ['mid', /\b(II)\b/],
  ['junior', /\b(I)$|\b(junior|jr\.?|j[uú]nior|entry[- ]level|graduate|new grad|d[ée]butant)\b/i],
  ['mid', /\b(mid[- ]?level|mid|intermediate|pleno|confirm[ée])\b/i],
];

/** Seniority as the title states it. */
export function seniorityOf(title: string | null): Seniority | null {
  if (!title) return null;
  for (const [level, re] of SENIORITY_RULES) if (re.test(title)) return level;
  return null;
}

const EMPLOYMENT: Array<[EmploymentType, RegExp]> = [
  ['internship', /\b(internship|intern|praktikum|werkstudent|stage|prácticas|est[aá]gio)\b/i],
  ['contract', /\b(contract|contractor|freelance|freiberuflich|cdd|fixed[- ]term|befristet|temporary|temporal|pj)\b/i],
  ['part-time', /\b(part[- ]time|teilzeit|temps partiel|medio tiempo|media jornada|meio per[ií]odo)\b/i],
  ['full-time', /\b(full[- ]time|fulltime|vollzeit|temps plein|cdi|tiempo completo|jornada completa|tempo integral|clt|permanent)\b/i],
];

/** Employment type from labelled facts, the chips near the top, then the whole text. */
export function employmentTypeOf(...texts: Array<string | undefined>): EmploymentType | null {
  for (const t of texts) {
    if (!t) continue;
    // One pass finds every mention; the strongest type wins (an internship that is full-time is an internship).
    const found = new Set<EmploymentType>();
    ANY_EMPLOYMENT.lastIndex = 0;
    for (let m = ANY_EMPLOYMENT.exec(t); m; m = ANY_EMPLOYMENT.exec(t)) {
      for (const [type, re] of EMPLOYMENT) if (re.test(m[0])) found.add(type);
    }
    for (const [type] of EMPLOYMENT) if (found.has(type)) return type;
  }
  return null;
}

// One word boundary around one list of words: the same matches as the four patterns side by side, at about half the
// cost, as the engine no longer tries each pattern's boundary at every position. The words are bucketed by their
// first letter ("c(?:ontract|ontractor|dd|…)|f(?:…)"), so each place tries a dozen letters, not every word; words
// with different first letters cannot match at the same place, and a bucket keeps the list's order.
const EMPLOYMENT_WORDS = EMPLOYMENT.flatMap(([, re]) => re.source.slice(3, -3).split('|'));
const ANY_EMPLOYMENT = new RegExp(String.raw`\b(?:${byFirstLetter(EMPLOYMENT_WORDS)})\b`, 'gi');
/** A line or field that is nothing but an employment word ("Full-time", "Contract", "Praktikum"): no name or team. */
export const EMPLOYMENT_WORD_ONLY = new RegExp(String.raw`^(?:${EMPLOYMENT_WORDS.join('|')})$`, 'i');

const DEGREE = /\b(bachelor'?s?|master'?s?|ph\.?d|doctorate|b\.?s\.?c?|m\.?s\.?c?|b\.?a\.?|m\.?b\.?a|b\.?tech|m\.?tech|degree|diplom|hochschulabschluss|studium|licence|licenciatura|grado|graduação|bacharelado|ingeniería|formation bac ?\+ ?\d)\b/i;

const DEGREE_NAMED = /\b(BS|BA|MS|PhD|Bachelor|Master|degree|Diplom|Studium|licence|grado|graduação|bac ?\+)/i;

/** The requirement line that states education, trimmed to its sentence. */
export function educationOf(lines: string[]): string | null {
  for (const line of lines) {
    // The plain test first: it rules out most lines before the line is folded for the other.
    if (!DEGREE_NAMED.test(line) || !DEGREE.test(fold(line))) continue;
    return line.length > 200 ? line.slice(0, 197) + '…' : line;
  }
  return null;
}
