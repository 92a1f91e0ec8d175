// Answers as the plain text a person reads: the console, the CLI and every Slack message's fallback.
import type { Answer, Part, RoleCard } from './types.ts';

function card(c: RoleCard, i: number): string {
  const lines = [`${i + 1}. ${c.title} — ${c.company}`, `   ${c.location} · ${c.workMode} · ${c.pay}${c.payNote ? ` (${c.payNote})` : ''}`];
  for (const r of c.requirements) lines.push(`   - ${r}`);
  if (c.why) lines.push(`   why: ${c.why}`);
  if (c.posted) lines.push(`   ${c.posted}`);
  return lines.join('\n');
}

function part(p: Part): string {
  switch (p.type) {
    case 'text':
    case 'note':
      return p.text;
    case 'roles':
      return p.roles.map(card).join('\n\n');
    case 'list':
      return [`${p.title}:`, ...p.items.map((x) => `  • ${x}`), ...(p.more ? [`  … and ${p.more} more`] : [])].join('\n');
    case 'facts':
      return [`${p.title}`, ...p.facts.map(([k, v]) => `  ${k}: ${v}`)].join('\n');
    case 'compare':
      return p.rows.length
        ? [`${' '.repeat(12)}${p.roles.map((r, i) => `[${i + 1}] ${r.title} — ${r.company}`).join('\n' + ' '.repeat(12))}`, ...p.rows.map((row) => `${row.label.padEnd(12)}${row.values.map((v, i) => `[${i + 1}] ${v}`).join('  ')}`)].join('\n')
        : '';
  }
}

/** The whole answer as plain text. */
export function renderText(a: Answer): string {
  const out = [a.heading, '', ...a.parts.map(part).flatMap((s) => [s, ''])];
  if (a.paging && a.paging.offset + a.paging.limit < a.paging.total) out.push(`(${a.paging.total - a.paging.offset - a.paging.limit} more — ask for more)`);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
