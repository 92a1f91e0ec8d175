// Start-up serves the last saved feed snapshots and listens at once; feeds are fetched in the background, so a feed
// that never answers keeps nobody waiting.
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { useTempDir } from '../support/lifecycle.ts';
import { useTestWeb } from '../support/web.ts';

const LIST = '/v1/boards/acme/jobs';
const job = (id: number, title: string) => ({ id, title, location: { name: 'Berlin' }, content: '<p>Build the search.</p><h3>Requirements</h3><ul><li>Python</li></ul>', pay_input_ranges: [] });

const web = useTestWeb();
const data = useTempDir('openroles-startup-');

describe('start-up with a slow feed', () => {
  it('listens within 1 s serving the saved snapshot, and refreshes the feed in the background', async () => {
    const env = { SOURCES: 'greenhouse:acme', GREENHOUSE_API_URL: web.url, DATA_DIR: data, SOURCES_TIMEOUT: '2s' };
    web.json(LIST, { jobs: [job(1, 'Search Engineer'), job(2, 'Data Engineer')] });
    const first = await startTestApp(env);
    await first.running.firstRefresh;
    expect(first.running.index.size).toBe(2);
    await first.close();

    // The feed now never answers: the app must not wait for it.
    web.hang(LIST);
    const began = Date.now();
    const t = await startTestApp(env);
    const health = (await (await fetch(`${t.base}/healthz`)).json()) as { ok: boolean; roles: number };
    const elapsed = Date.now() - began;
    expect(health).toEqual({ ok: true, roles: 2 });
    expect(elapsed).toBeLessThan(1000);
    // The feed request is still pending while the app answers.
    expect(web.hits.filter((h) => h.path.startsWith(LIST)).length).toBeGreaterThanOrEqual(2);
    expect(await Promise.race([t.running.firstRefresh.then(() => 'done'), new Promise((r) => setTimeout(() => r('pending'), 50))])).toBe('pending');

    // The answer comes in the acknowledgement or through response_url.
    const res = await t.command('data engineer');
    expect(res.status).toBe(200);
    const acked = await res.text();
    if (!/Data Engineer/.test(acked)) expect(JSON.stringify((await t.slack.waitFor('response/1'))[0]!.args)).toMatch(/Data Engineer/);

    // When the feed times out, the snapshot keeps serving and the failure is shown.
    await t.running.firstRefresh;
    expect(t.running.index.size).toBe(2);
    expect(t.running.catalog.broken.get('greenhouse:acme')).toMatch(/no answer from .* within 2000 ms/);
    await t.close();
  }, 30_000);
});
