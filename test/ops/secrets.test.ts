// A feed URL's credentials (user:password, api_key, token) never reach a log line, App Home or a Slack reply, even
// when the feed fails and every message names it.
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { useTestWeb } from '../support/web.ts';

const SECRETS = ['hunter2', 'SECRETKEY123', 'gh-pass-77', 'tok-998877'];

const web = useTestWeb();

describe('secrets in feed URLs', () => {
  it('are redacted in every log line, the App Home view and the /jobs refresh reply', async () => {
    web.on('/job', (_req, res) => res.writeHead(401).end());
    web.on('/v1/boards/acme/jobs', (_req, res) => res.writeHead(503).end());
    const host = web.url.replace('http://', '');
    const t = await startTestApp({
      SOURCES: `jsonld:http://bob:hunter2@${host}/job?api_key=SECRETKEY123&page=1,greenhouse:acme,jsonld:http://${host}/missing?access_token=tok-998877`,
      GREENHOUSE_API_URL: `http://gh-user:gh-pass-77@${host}`,
      SOURCES_TIMEOUT: '1s',
      LOG_LEVEL: 'debug',
    });
    await t.running.firstRefresh;
    // The credentials were sent, as a header.
    expect(web.hits.find((h) => h.path.startsWith('/job'))!.headers.authorization).toMatch(/^Basic /);

    await t.command('refresh');
    await t.slack.waitFor('response/1', 1, 20_000);
    await t.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.1' });
    const [home] = await t.slack.waitFor('views.publish');
    const homeText = JSON.stringify(home!.args);
    // App Home still says which feeds fail, without their secrets.
    expect(homeText).toMatch(/jsonld:http:\/\/\[redacted\]@127\.0\.0\.1:\d+\/job\?api_key=\[redacted\]&amp;page=1/);
    expect(homeText).toMatch(/answered HTTP 401/);

    const everything = [...t.logs, JSON.stringify(t.slack.calls)].join('\n');
    for (const secret of SECRETS) expect(everything.split(secret).length - 1, secret).toBe(0);
    expect(t.logs.length).toBeGreaterThan(5);
    await t.close();
  }, 60_000);
});
