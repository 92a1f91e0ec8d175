// Every Web API client the app makes, and Bolt's response_url posts, end within a time limit and a retry budget.
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { webApiOptions } from '../../src/slack/web-api-options.ts';
import { useTestWeb } from '../support/web.ts';

let calls = 0;
let mode: 'hang' | 'limit' = 'hang';
const server = useTestWeb().otherwise((_req, res) => {
  calls++;
  if (mode === 'limit') res.writeHead(429, { 'retry-after': '3600', 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
});
const apiUrl = (): string => `${server.url}/api/`;

describe('Web API limits', () => {
  it('a call that never answers fails after its attempts, each with a time limit', async () => {
    mode = 'hang';
    calls = 0;
    const options = webApiOptions({ timeoutMs: 100, retries: 1, budgetMs: 5_000 });
    let attempts = 0;
    const client = new WebClient('xoxb-test', { slackApiUrl: apiUrl(), ...options, fetch: (input, init) => (attempts++, options.fetch!(input, init)) });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({ code: 'slack_webapi_request_error' });
    expect(attempts).toBe(2);
  });

  it('a rate limit longer than the cap fails at once instead of holding every call for an hour', async () => {
    mode = 'limit';
    calls = 0;
    const client = new WebClient('xoxb-test', { slackApiUrl: apiUrl(), ...webApiOptions({ timeoutMs: 1_000, maxRetryAfterMs: 60_000 }) });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toThrow(/Retry header did not contain a valid timeout/);
    expect(calls).toBe(1);
  });

  it('a response_url post (no signal of its own) gets the time limit too', async () => {
    mode = 'hang';
    const { fetch: bounded } = webApiOptions({ timeoutMs: 100 });
    await expect(bounded!(`${apiUrl()}response/1`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
