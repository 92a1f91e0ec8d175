// Stopping the app finishes what is in flight, stops listening, and closes the database.
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';

describe('graceful shutdown', () => {
  it('answers a request that is in flight, then stops listening', async () => {
    const t = await startTestApp();
    const inFlight = t.command('remote ranking');
    await new Promise((r) => setTimeout(r, 5));
    const stopping = t.running.stop();
    const r = await inFlight;
    expect(r.status).toBe(200);
    await stopping;
    await expect(fetch(`${t.base}/healthz`)).rejects.toThrow();
    await t.slack.stop();
  });
});
