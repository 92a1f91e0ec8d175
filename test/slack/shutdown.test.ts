// Stopping the app finishes what is in flight, stops listening, and closes the database.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SECRET, startTestApp } from '../support/app.ts';
import { sign } from '../support/fake-slack.ts';

describe('graceful shutdown', () => {
  it('answers a request that is in flight, then stops listening', async () => {
    const t = await startTestApp();
    const body = new URLSearchParams({ command: '/jobs', text: 'remote ranking', user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: `${t.slack.url}/response/1`, trigger_id: 't' }).toString();
    // Half a request on an open connection: it is in flight when the stop begins.
    const req = request(`${t.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...sign(SECRET, body) } });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    await new Promise((r) => req.on('socket', (s) => s.on('connect', r)));
    await new Promise((r) => setTimeout(r, 100));
    const stopping = t.running.stop();
    req.end(body.slice(10));
    expect(await answered).toBe(200);
    await stopping;
    await expect(fetch(`${t.base}/healthz`)).rejects.toThrow();
    await t.slack.stop();
  });
});
