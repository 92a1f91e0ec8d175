// The App Home tab: what is open now, the newest roles, and how to ask.
import { countBy, examples, newest, type AskContext } from '../answers/index.ts';
import { toCard } from '../answers/cards.ts';
import { escapeMrkdwn, roleBlocks, bulletList, LIMITS, type Block } from './blocks.ts';

const MODES: Record<string, string> = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site' };

/** The home view for a user. */
export function homeView(ctx: AskContext, problems: string[] = []): { type: 'home'; blocks: Block[] } {
  const all = ctx.index.all();
  const byCompany = countBy(all.map((p) => p.company ?? 'Company not stated'));
  const byMode = countBy(all.map((p) => MODES[p.workMode ?? ''] ?? 'Not stated'));
  const latest = newest(all, 5);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: `${all.length} open roles at ${byCompany.length} companies`, emoji: true } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*By company*\n${bulletList(byCompany.map(([c, n]) => `${c}: ${n}`), 1900)}` },
        { type: 'mrkdwn', text: `*By work mode*\n${bulletList(byMode.map(([m, n]) => `${m}: ${n}`), 1900)}` },
      ],
    },
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Newest roles', emoji: true } },
    ...latest.flatMap((p) => roleBlocks(toCard(p, { now: ctx.now }))),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `*How to ask*\nType \`/jobs\` with words and filters, or mention me in a channel:\n${bulletList(examples(ctx), 1500)}` } },
  ];
  if (problems.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(`Needs a look: ${problems.slice(0, 5).join('; ')}`).slice(0, LIMITS.contextText) }] });
  return { type: 'home', blocks: blocks.slice(0, LIMITS.modalBlocks) };
}
