// `/jobs refresh` over a feed with unexpected types answers in plain sentences: what was read, what was skipped and
// why, never a JavaScript error.
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { useTestWeb } from '../support/web.ts';

const web = useTestWeb();

describe('/jobs refresh', () => {
  it('reads the good jobs of a feed with a null job and odd types, and names what it skipped', async () => {
    web.json('/v1/boards/acme/jobs', { jobs: [null, { id: 7, title: 'Platform Engineer', location: null, departments: 'Infra', pay_input_ranges: null, content: 12 }] });
    web.json('/posting-api/job-board/initech', { jobs: 'none today' });
    const t = await startTestApp({ SOURCES: 'greenhouse:acme,ashby:initech', GREENHOUSE_API_URL: web.url, ASHBY_API_URL: web.url });
    await t.running.firstRefresh;
    await t.command('refresh');
    const [reply] = await t.slack.waitFor('response/1', 1, 20_000);
    const text = JSON.stringify(reply!.args);
    expect(text).toMatch(/0 new, 0 changed, 0 gone\. 1 role open\./);
    expect(text).toMatch(/Failed, last good postings kept: ashby:initech \(the answer has no \\"jobs\\" list\)/);
    expect(text).toMatch(/greenhouse:acme: 1 entry skipped \(#1: it is null, not a job\)/);
    expect(text).not.toMatch(/Cannot read|TypeError|undefined|null \(reading/);
    expect(t.running.index.all().map((p) => p.title)).toEqual(['Platform Engineer']);
    await t.close();
  }, 30_000);
});
