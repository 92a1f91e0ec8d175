// A digest process for crash tests: a real SQLite file, the real poster against the fake Web API, one slot's digest.
// Env: DB (file), SLACK_API_URL, ROLES (how many of a fixed generated corpus are open), SLOT (ISO time), CHANNEL.
import { silentLogger } from '../../src/log.ts';
import { DigestService } from '../../src/digest/service.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { createDigestPoster } from '../../src/slack/digest-poster.ts';
import { openDatabase } from '../../src/store/db.ts';
import { DigestStore } from '../../src/store/state.ts';
import { generatePostings } from '../../bench/corpus.ts';

const env = (k: string): string => {
  const v = process.env[k];
  if (!v) throw new Error(`digest-child: ${k} is not set`);
  return v;
};

const db = openDatabase(env('DB'));
const index = RoleIndex.from(generatePostings(1000, 7).slice(0, Number(env('ROLES'))));
const svc = new DigestService(new DigestStore(db), index, silentLogger(), {
  // A schedule that never fires here: the slot is run explicitly.
  cron: '0 0 1 1 *', timezone: 'UTC', emptyPolicy: 'skip', configChannels: [env('CHANNEL')], listLimit: 1000, alertGapMs: 0,
});
const poster = createDigestPoster({ token: 'xoxb-test', slackApiUrl: env('SLACK_API_URL'), retries: 1, backoffMs: 10, log: silentLogger() });
await svc.start(poster);
await svc.tick(new Date(env('SLOT')));
await svc.close();
db.close();
process.stdout.write('done\n');
