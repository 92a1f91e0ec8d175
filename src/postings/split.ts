// Several roles in one post ("who is hiring" comments, "we're hiring for:" lists) become one block per role.
import { isTitleLine, readHeader } from './header.ts';
import { looksLikePlace } from './places.ts';
import { looksLikeTitle } from './identity.ts';
import { stripBullet, toLines } from './text.ts';
import { byFirstLetter } from './lexicon/pattern.ts';

// Words a post uses when it lists several roles, in the five languages.
const HIRING_WORDS = [
  "we'?re hiring", 'we are hiring', 'hiring for', 'open (?:roles|positions)', 'positions?:', 'roles?:', 'who is hiring', 'several roles',
  'multiple roles', 'stellt ein', 'offene stellen', 'wir suchen', 'nous recrutons', 'recrute', 'postes ouverts', 'estamos contratando',
  'está contratando', 'vacantes', 'vagas abertas',
];
// Plain /i, not /iu, and grouped by first letter: it runs over every posting's whole text.
const HIRING = new RegExp(String.raw`\b(?:${byFirstLetter(HIRING_WORDS)})(?![a-zà-ÿ])`, 'i');

/**
 * Returns the text split into one block per role, each keeping the shared lines (company, location, how to apply).
 * A normal posting comes back whole.
 */
export function splitRoles(text: string): string[] {
  // Most postings are one role: decide that from the raw text before normalising it.
  const pipes = pipesInHead(text);
  const hiring = !pipes && HIRING.test(text);
  if (!pipes && !hiring) return [text];
  const lines = toLines(text);
  // "Acme | Senior Backend Engineer, Frontend Engineer | Remote (US) | $150k": roles listed in one pipe field.
  const pipe = lines.findIndex((l) => (l.match(/\|/g) ?? []).length >= 2);
  if (pipe >= 0 && pipe < 3) {
    const fields = lines[pipe]!.split('|').map((f) => f.trim());
    const roleField = fields.findIndex((f) => looksLikeTitle(f.replace(/\s+/g, ' ').split(/ ?(?:,|;| and | & ) ?/)[0] ?? ''));
    if (roleField >= 0) {
      const roles = fields[roleField]!.replace(/\s+/g, ' ').split(/ ?(?:,|;|\band\b|&) ?/).filter((r) => looksLikeTitle(r));
      if (roles.length >= 2) {
        return roles.map((role) => {
          const f = [...fields];
          f[roleField] = role;
          return [f.join(' | '), ...lines.filter((_, i) => i !== pipe)].join('\n');
        });
      }
    }
  }
  if (!hiring && !HIRING.test(text)) return [text];
  // A board page (title over its company or place) is one role, whatever its text says of other openings.
  const header = readHeader(lines);
  if (header && (header.company || header.location)) return [text];
  // Role headings: short title lines, each followed by its own lines until the next.
  const starts: number[] = [];
  lines.forEach((l, i) => {
    const { text: t, bulleted } = stripBullet(l);
    const head = t.split(/\s+[—–-]\s+|\s*\(|:\s/)[0] ?? t;
    if (head.length > 80 || !(i === 0 || !lines[i - 1] || bulleted)) return;
    // A role heading in any trade or language, without a role word: a short title whose parentheses give its place
    // or pay ("Diseñadora UX (Barcelona, 35.000–45.000 €)"), with its own prose under it.
    const next = lines[i + 1] ?? '';
    const facts = /\(([^()]{2,80})\)\s*$/.exec(t)?.[1] ?? '';
    const heading = !!facts && (looksLikePlace(facts.replace(/\s+/g, ' ').split(/ ?[,;] ?/)[0]!) || /[$€£]\s?\d|\d\s?(?:€|k\b)|R\$/.test(facts))
      && isTitleLine(head) && head.split(/\s+/).length <= 6 && /^[\p{Lu}\d]/u.test(head) && !!next && !stripBullet(next).bulleted;
    if (looksLikeTitle(head) || heading) starts.push(i);
  });
  const titles = new Set(starts.map((i) => stripBullet(lines[i]!).text.toLowerCase()));
  if (starts.length < 2 || titles.size < 2) return [text];
  const preamble = lines.slice(0, starts[0]).join('\n');
  return starts.map((s, k) => {
    const body = lines.slice(s, starts[k + 1] ?? lines.length);
    body[0] = stripBullet(body[0]!).text;
    // "AI Engineer: agentic systems, evals": the title, then what the role covers.
    const colon = /^([^:]{2,80}):\s+(\S.*)$/.exec(body[0]);
    if (colon && looksLikeTitle(colon[1]!)) body.splice(0, 1, colon[1]!, colon[2]!);
    return `${body[0]}\n${preamble}\n${body.slice(1).join('\n')}`;
  });
}

/** Whether one of the first four lines (within the first 2,000 characters) holds two pipes. */
function pipesInHead(text: string): boolean {
  const limit = Math.min(text.length, 2000);
  // Where the fourth line ends: no list of lines is built for the test.
  let end = -1;
  for (let n = 0; n < 4; n++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0 || end >= limit) {
      end = limit;
      break;
    }
  }
  const head = text.slice(0, end);
  return head.includes('|') && /\|.*\|/.test(head);
}
