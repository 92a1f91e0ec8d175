// SIGTERM ends the process within a bounded time even when the Slack Web API accepts requests and never answers.
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../helpers.ts';
import { sign } from '../support/fake-slack.ts';
import { useTempDir } from '../support/lifecycle.ts';
import { useTestWeb } from '../support/web.ts';
import { freePort, runMain, waitHealthy } from './child.ts';

const SECRET = 'test-signing-secret-0123456789';
// Accepts every Web API call and never answers.
const hung = useTestWeb().otherwise(() => undefined);
const data = useTempDir('openroles-shutdown-');
const received = (): string[] => hung.hits.map((h) => h.path);

describe('shutdown with a Web API that never answers', () => {
  it('finishes under 10 s after SIGTERM', async () => {
    const port = await freePort();
    const child = runMain({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${hung.url}/api/`, PORT: String(port), HOST: '127.0.0.1', POSTINGS_DIR: SEEDS_DIR, DATA_DIR: data, LOG_LEVEL: 'info', DIGEST_CHANNELS: 'C1', DIGEST_CRON: '* * * * * *' });
    try {
      await waitHealthy(port, child);
      // A digest every second and an event make the app call the Web API (chat.postMessage, auth.test), which hangs.
      const body = JSON.stringify({ token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev1', event_time: Math.floor(Date.now() / 1000), event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.1' }, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] });
      void fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...sign(SECRET, body) } }).catch(() => undefined);
      const until = Date.now() + 10_000;
      while (!received().length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      while (!received().some((u) => u.includes('chat.postMessage')) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(received().some((u) => u.includes('chat.postMessage'))).toBe(true);

      const sent = Date.now();
      child.proc.kill('SIGTERM');
      const exit = await child.exited;
      expect(exit.at - sent).toBeLessThan(10_000);
      expect(exit.signal).toBeNull();
      expect(child.stdout()).toMatch(/"msg":"shutting down"/);
    } finally {
      child.proc.kill('SIGKILL');
    }
  }, 60_000);
});
