// Finds section headers in any of the wordings boards use, in English, German, French, Spanish and Portuguese.
import { BULLET_MARKS, fold, stripBullet } from './text.ts';

export type SectionKind = 'requirements' | 'niceToHave' | 'responsibilities' | 'benefits' | 'about' | 'role' | 'other';

// Order matters: the first kind whose pattern matches a header wins ("preferred qualifications" is nice-to-have).
const HEADER_PATTERNS: Array<[SectionKind, RegExp]> = [
  ['other', /^(compensation|salary|salary range|pay|pay range|base salary|remuneration|gehalt|vergutung|remuneracao|salario|sueldo|salaire|ctc|rate)$|\b(might not be for you|not for you|might be for you|why this role|equal (employment )?opportunit|eeo|how to apply|application process|interview process|our process|hiring process|disclaimer|accommodation|diversity|privacy|legal|salary transparency)\b/],
  ['niceToHave', /\b(nice[ -]?to[ -]?haves?|bonus( points)?|preferred( qualifications| skills| experience)?|pluses|plus points?|good to have|would be (a )?(plus|great)|it'?s a plus|extra credit|desirable|wunschenswert|von vorteil|pluspunkte|atouts?|un plus|serait un plus|deseables?|valorables?|se valorara|puntos extra|diferenciais|desejaveis?|sera um diferencial)\b/],
  ['benefits', /\b(benefits?|perks|what we offer|we offer|our offer|why join|why work|compensation( and| &) benefits|take care of you|what'?s in it for you|wir bieten|was wir bieten|unser angebot|deine vorteile|ihre vorteile|avantages|ce que nous offrons|nous offrons|nous vous offrons|beneficios|ofrecemos|que ofrecemos|beneficios|oferecemos|o que oferecemos|vantagens)\b/],
  ['responsibilities', /\b(responsibilit(y|ies)|what you'?ll do|what you will do|what you'?ll be doing|what you will be doing|you will|you'?ll|the work|day[ -]to[ -]day|duties|your role|in this role|role description|your mission|your impact|what you'?ll be responsible for|key accountabilities|tasks|aufgaben|deine aufgaben|ihre aufgaben|was dich erwartet|was sie erwartet|missions?|vos missions|tes missions|responsabilites|ce que vous ferez|funciones|responsabilidades|que haras|tus funciones|atividades|atribuicoes|o que voce vai fazer|suas responsabilidades)\b/],
  ['requirements', /\b(requirements?|qualifications?|what you'?ll need|what you need|what we'?re looking for|what we are looking for|what we look for|who you are|about you|you have|you bring|what you bring|ideally,? you have|you might be a fit|you'?re a fit|must[ -]haves?|required skills|skills( and| &) experience|your profile|your skills|experience required|anforderungen|ihr profil|dein profil|was du mitbringst|was sie mitbringen|qualifikationen|profil recherche|votre profil|ton profil|competences|exigences|requisitos|perfil|lo que buscamos|que buscamos|o que buscamos|qualificacoes)\b/],
  ['about', /\b(about us|about the company|who we are|our company|company description|the company|uber uns|wer wir sind|qui sommes[ -]nous|a propos|quienes somos|sobre nosotros|sobre nos|quem somos)\b|^about [^ ]+$|^why [^ ]+\??$/],
  ['role', /\b(about the (role|position|job|team|opportunity)|the (role|position|opportunity)|job description|overview|role overview|position summary|summary|description|der job|die stelle|le poste|descriptif du poste|el puesto|descripcion|a vaga|sobre a vaga)\b/],
];

/** Classifies a header line; null when it is not a known header. */
export function headerKind(header: string): SectionKind | null {
  const h = fold(header).replace(/[:：\s]+$/, '').trim();
  for (const [kind, re] of HEADER_PATTERNS) if (re.test(h)) return kind;
  return null;
}

/**
 * A line is a header when it is short, not a bullet, and either ends with a colon or is a known header on its own.
 * Returns the kind, "other" for an unknown colon header, or null for an ordinary line.
 */
export function asHeader(line: string): SectionKind | null {
  // Most lines are prose, far longer than any header: that is decided before any pattern runs.
  if (line.length > 70 && line.trim().replace(/^#+\s*/, '').length > 70) return null;
  // A line that ends a sentence is none either (see readAsHeader): most short lines are settled without a lookup.
  const last = line.charCodeAt(line.length - 1);
  if (last === 0x2e || last === 0x2c || last === 0x3b) return null;
  // So is a list item ("- Build…", "• Own…"), told by its first two characters.
  if (BULLET_MARKS.has(line[0]!) && (line[1] === ' ' || line[1] === '\t')) return null;
  // The parser asks about the same lines several times (head, sections, company); the answer is kept.
  const known = HEADER_MEMO.get(line);
  if (known !== undefined) return known;
  const kind = readAsHeader(line);
  if (HEADER_MEMO.size >= HEADER_MEMO_MAX) HEADER_MEMO.clear();
  HEADER_MEMO.set(line, kind);
  return kind;
}

const HEADER_MEMO = new Map<string, SectionKind | null>();
const HEADER_MEMO_MAX = 4096;

function readAsHeader(line: string): SectionKind | null {
  const { bulleted } = stripBullet(line);
  if (bulleted) return null;
  const trimmed = line.replace(/^#+\s*/, '').trim();
  if (trimmed.length === 0 || trimmed.length > 70) return null;
  const words = trimmed.split(/\s+/).length;
  if (words > 9) return null;
  const colon = /[:：]$/.test(trimmed);
  const body = trimmed.replace(/[:：]$/, '');
  // A sentence is not a header, unless it is a question header such as "Why beehiiv?".
  if (/[.;,]$/.test(body)) return null;
  const kind = headerKind(body);
  if (kind) {
    // Without a colon the known phrase must be most of the line ("Requirements", not "Requirements gathering with clients").
    if (!colon && !isWholeHeader(body)) return null;
    return kind;
  }
  return colon && words <= 6 ? 'other' : null;
}

function isWholeHeader(body: string): boolean {
  const words = body.split(/\s+/).length;
  if (words <= 5) return true;
  return /^(what|who|why|about|your|our|the|ce|o|lo|was|wir|nous)\b/i.test(body) && words <= 8;
}
