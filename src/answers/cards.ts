// Postings to role cards and pay lines, in the words answers use.
import { annualEquivalent, formatRange, YEAR_WORDS_SOURCE, type Posting } from '../postings/index.ts';
import type { Hit } from '../search/index.ts';
import type { RoleCard } from './types.ts';

const MODE: Record<string, string> = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site' };

export function workModeLine(p: Posting): string {
  if (!p.workMode) return 'Not stated';
  return p.workMode === 'remote' && p.remoteRegions.length ? `Remote (${p.remoteRegions.join(', ')})` : MODE[p.workMode]!;
}

export function locationLine(p: Posting): string {
  return p.locations.length ? p.locations.join(' · ') : p.workMode === 'remote' ? 'Anywhere' : 'Not stated';
}

/** The pay as stated, every range, or "Not listed". */
export function payLine(p: Posting): string {
  if (!p.salaries.length) return 'Not listed';
  return p.salaries.map(formatRange).join('; ');
}

export function payNote(p: Posting): string | null {
  const notes: string[] = [];
  if (p.salaries.length > 1) notes.push(`the posting states ${p.salaries.length} different ranges`);
  const eq = p.salary ? annualEquivalent(p.salary) : null;
  if (eq) notes.push(eq);
  return notes.length ? notes.join('; ') : null;
}

const LEVEL: Record<string, string> = { 'senior-staff': 'Senior staff', mid: 'Mid-level' };

/** "senior-staff" → "Senior staff". */
export function seniorityLabel(s: string | null): string {
  if (!s) return 'Not stated';
  return LEVEL[s] ?? s[0]!.toUpperCase() + s.slice(1);
}

export function roleName(p: Posting): string {
  return `${p.title ?? 'Untitled role'}${p.company ? ` at ${p.company}` : ''}`;
}

/** "posted 3 days ago", from postedAt and the clock. */
export function postedAgo(p: Posting, now: Date): string | null {
  if (!p.postedAt) return null;
  const t = Date.parse(p.postedAt);
  if (Number.isNaN(t)) return null;
  const days = Math.floor((now.getTime() - t) / 86_400_000);
  if (days <= 0) return 'posted today';
  if (days === 1) return 'posted yesterday';
  if (days < 60) return `posted ${days} days ago`;
  return `posted ${Math.round(days / 30)} months ago`;
}

/**
 * A line that states years of experience: "5+ years", "3-5 yrs", "2 ans", "3 años", "5 Jahre". Every part is bounded
 * (one or two digits, single spaces) so a long run of digits or spaces cannot make it backtrack.
 */
export const YEARS_LINE = new RegExp(String.raw`(?<!\d)\d{1,2} ?\+? ?(?:(?:-|–|to) ?\d{1,2} ?\+? ?)?(?:${YEAR_WORDS_SOURCE})(?!\p{L})`, 'iu');

/** Two or three requirements that say most: years first, then the lines naming skills. */
export function keyRequirements(p: Posting, n = 3, prefer: string[] = []): string[] {
  const short = (s: string): string => (s.length > 160 ? `${s.slice(0, 157).trimEnd()}…` : s);
  const scored = p.requirements.map((r, i) => {
    let score = -i * 0.01;
    if (YEARS_LINE.test(r)) score += 3;
    if (prefer.some((s) => r.toLowerCase().includes(s.toLowerCase()))) score += 5;
    score += p.skills.filter((s) => r.includes(s)).length * 0.5;
    return { r, score };
  });
  return scored.sort((a, b) => b.score - a.score).slice(0, n).map((x) => short(x.r));
}

export function whyLine(hit: Hit | null, filters: string[]): string | null {
  const parts: string[] = [];
  if (hit && hit.terms.length) parts.push(`matched ${hit.terms.slice(0, 4).map((t) => `“${t}”`).join(', ')} in ${hit.fields.join(', ')}`);
  if (filters.length) parts.push(filters.join(', '));
  return parts.length ? parts.join('; ') : null;
}

export function toCard(p: Posting, opts: { hit?: Hit | null; filters?: string[]; now?: Date; prefer?: string[] } = {}): RoleCard {
  return {
    id: p.id,
    title: p.title ?? 'Untitled role',
    company: p.company ?? 'Company not stated',
    location: p.locations.length || p.workMode === 'remote' ? locationLine(p) : 'Location not stated',
    workMode: p.workMode ? workModeLine(p) : 'Work mode not stated',
    pay: payLine(p),
    payNote: payNote(p),
    requirements: keyRequirements(p, 3, opts.prefer),
    why: whyLine(opts.hit ?? null, opts.filters ?? []),
    posted: postedAgo(p, opts.now ?? new Date()),
  };
}
