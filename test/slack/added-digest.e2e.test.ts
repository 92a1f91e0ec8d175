// A posting added from Slack goes out in the channel digest like any other new role.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { submitView, waitUntil } from '../support/interact.ts';

let t: TestApp;
beforeAll(async () => {
  // Every second, so the test does not wait for a weekday morning.
  t = await startTestApp({ DIGEST_CRON: '* * * * * *' });
});
afterAll(async () => {
  await t.close();
});

it('an added posting is in the next digest', async () => {
  // The command is acknowledged at once; its answer comes through response_url. A channel's first digest only
  // summarises what is open, so the posting is added after it and shows in the one after.
  await t.command('digest on', { channel_id: 'CDIG', channel_name: 'roles' });
  await waitUntil(() => t.slack.calls.some((c) => c.method.startsWith('response/') && /digest/i.test(JSON.stringify(c.args))), 8000);
  await waitUntil(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'CDIG'), 8000);
  await t.command('add');
  const [open] = await t.slack.waitFor('views.open');
  const read = await submitView(t, open!.args.view as Record<string, any>, { text: 'Kiln Operations Lead\nEmberline Ceramics\nPortland, OR (On-site)\n$72,000 – $84,000 a year\nRequirements:\n- 3+ years running production kilns' });
  expect((await submitView(t, read.body!.view, {})).body).toEqual({ response_action: 'clear' });
  await waitUntil(() => t.slack.of('chat.postMessage').some((c) => c.args.channel === 'CDIG' && JSON.stringify(c.args).includes('Kiln Operations Lead')), 8000);
});
