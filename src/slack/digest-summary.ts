// Block Kit for a digest that counts roles instead of listing them: a channel's first digest, or very many new roles.
import type { RoleSummary } from '../digest/summary.ts';
import { clip, escapeMrkdwn, LIMITS, type Block } from './blocks.ts';

const n = (x: number): string => x.toLocaleString('en-US');

/** The blocks that stand in for one card per new role. */
export function summaryBlocks(s: RoleSummary, first: boolean): Block[] {
  const intro = first
    ? `*${n(s.total)} ${s.total === 1 ? 'role is' : 'roles are'} open* at ${n(s.companies)} ${s.companies === 1 ? 'company' : 'companies'}. From now on this channel gets the roles that are new, changed or gone since the last digest.`
    : `*${n(s.total)} new roles* at ${n(s.companies)} ${s.companies === 1 ? 'company' : 'companies'}, too many to list one by one here.`;
  const companies = s.byCompany.map((c) => `• ${escapeMrkdwn(clip(c.name, 80))} — ${n(c.count)}`);
  const more = s.companies - s.byCompany.length;
  if (more > 0) companies.push(`…and ${n(more)} more ${more === 1 ? 'company' : 'companies'}`);
  const modes = s.byWorkMode.map((m) => `${escapeMrkdwn(m.mode)} ${n(m.count)}`).join(' · ');
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(intro, LIMITS.sectionText) } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*Most roles*\n${companies.join('\n')}`, LIMITS.sectionText) } },
    { type: 'section', text: { type: 'mrkdwn', text: clip(`*Work mode*: ${modes}`, LIMITS.sectionText) } },
  ];
  if (s.searches.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(`Search them: ${s.searches.map((q) => `\`${escapeMrkdwn(q).replace(/`/g, "'")}\``).join(' · ')}`, LIMITS.contextText) }] });
  return blocks;
}
