// `openroles digest`: the digest that would be posted now, as text; the database is only read.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { silentLogger } from '../log.ts';
import { RoleIndex } from '../search/index.ts';
import { Catalog } from '../sources/catalog.ts';
import { openDatabase } from '../store/db.ts';
import { DigestStore } from '../store/state.ts';
import { diff, shape, type DigestContent } from './diff.ts';
import { roleName } from '../answers/cards.ts';

export function digestText(content: DigestContent): string {
  const out: string[] = [];
  const s = content.summary;
  if (s) {
    out.push(content.first ? `${s.total} roles open at ${s.companies} companies (a first digest counts them instead of listing them):` : `New (${s.total}, counted instead of listed):`);
    out.push(...s.byCompany.map((c) => `  • ${c.name}: ${c.count}`), `  Work mode: ${s.byWorkMode.map((m) => `${m.mode} ${m.count}`).join(', ')}`);
    if (s.searches.length) out.push(`  Search: ${s.searches.join(' · ')}`);
  } else if (content.added.length) out.push(`New (${content.added.length}):`, ...content.added.map((p) => `  • ${roleName(p)}`));
  if (content.changed.length) out.push(`Changed (${content.changed.length}):`, ...content.changed.map((c) => `  • ${roleName(c.posting)} — ${c.what.join(', ')}`));
  if (content.gone.length) out.push(`Gone (${content.gone.length}):`, ...content.gone.map((g) => `  • ${g.title}`));
  return out.length ? out.join('\n') : 'No changes since the last digest.';
}

export async function dryRunDigest(postingsDir: string, dataDir = process.env.DATA_DIR || 'data'): Promise<string> {
  const index = RoleIndex.from([]);
  await new Catalog(resolve(postingsDir), index, silentLogger()).load();
  const file = join(dataDir, 'openroles.db');
  const store = existsSync(file) ? new DigestStore(openDatabase(file)) : null;
  const channels = store?.channels() ?? [];
  if (!channels.length) return `No channel is subscribed; a newly subscribed channel would get:\n${digestText(shape(diff(index.all(), new Map()), true))}`;
  return channels
    .map((c) => {
      const sent = store!.sent(c.channelId);
      return `#${c.channelId}:\n${digestText(shape(diff(index.all(), sent), sent.size === 0 && store!.lastDone(c.channelId) === null))}`;
    })
    .join('\n\n');
}
