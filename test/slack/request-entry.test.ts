// Issue 14: request entry points. Signed requests with `null`, arrays, numbers and wrongly typed fields get a 400 and
// the process keeps serving; timestamps far in the future are refused like stale ones.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, startTestApp, type TestApp } from '../support/app.ts';
import { sign } from '../support/fake-slack.ts';
import { actionBody, commandFields, eventBody, viewBody } from '../support/payload-arbitraries.ts';

let t: TestApp;
const crashes: unknown[] = [];
const onCrash = (err: unknown): void => void crashes.push(err);
beforeAll(async () => {
  t = await startTestApp();
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
});
afterAll(async () => {
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  await t.close();
});

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const formPayload = (payload: string) => t.post('/slack/events', new URLSearchParams({ payload }).toString(), FORM);

async function stillServing(): Promise<void> {
  const r = await t.command('remote ranking');
  expect(r.status).toBe(200);
  expect(((await r.json()) as { blocks: unknown[] }).blocks.length).toBeGreaterThan(0);
}

describe('bodies no listener can handle', () => {
  it.each([
    ['payload=null', 'payload=null', FORM],
    ['JSON null', 'null', JSON_TYPE],
    ['JSON array', '[{"type":"event_callback"}]', JSON_TYPE],
    ['JSON number', '42', JSON_TYPE],
    ['JSON string', '"event_callback"', JSON_TYPE],
    ['payload=[]', 'payload=%5B%5D', FORM],
    ['payload=7', 'payload=7', FORM],
    ['payload not JSON', 'payload=%7Bnope', FORM],
    ['event null', '{"type":"event_callback","event":null}', JSON_TYPE],
    ['reaction with channel false', '{"type":"event_callback","event":{"type":"reaction_added","text":0,"channel":false,"user":0,"ts":"1.1","thread_ts":false,"subtype":false}}', JSON_TYPE],
    ['event text a number', '{"type":"event_callback","event":{"type":"app_mention","text":5,"channel":"C1","ts":"1.1"}}', JSON_TYPE],
    ['actions null', `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"},"actions":null}')}`, FORM],
    ['user a string', `payload=${encodeURIComponent('{"type":"block_actions","user":"U1","actions":[{"action_id":"role_details"}]}')}`, FORM],
    ['view null', `payload=${encodeURIComponent('{"type":"view_submission","user":{"id":"U1"},"view":null}')}`, FORM],
    ['unknown type', '{"type":"surprise"}', JSON_TYPE],
    ['command without user', 'command=%2Fjobs&text=x&channel_id=C1', FORM],
  ])('%s → 400, and the app keeps serving', async (_name, body, type) => {
    const r = await t.post('/slack/events', body, type);
    expect(r.status).toBe(400);
    await stillServing();
  });

  it('a retried null (as Slack retries after an error) is refused again without harm', async () => {
    for (let i = 0; i < 3; i++) expect((await t.post('/slack/events', 'payload=null', FORM, { 'x-slack-retry-num': String(i + 1), 'x-slack-retry-reason': 'http_error' })).status).toBe(400);
    await stillServing();
  });

  it('unsigned garbage is refused as unsigned (401), not parsed', async () => {
    const r = await fetch(`${t.base}/slack/events`, { method: 'POST', body: 'null', headers: { 'content-type': JSON_TYPE, 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=00' } });
    expect(r.status).toBe(401);
  });
});

describe('request timestamps', () => {
  const body = new URLSearchParams({ command: '/jobs', text: 'python', user_id: 'U1', channel_id: 'C1', team_id: 'T1' }).toString();
  const at = (offsetS: number) => fetch(`${t.base}/slack/events`, { method: 'POST', body, headers: { 'content-type': FORM, ...sign(SECRET, body, Math.floor(Date.now() / 1000) + offsetS) } });
  it.each([
    ['10 minutes ahead', 10 * 60],
    ['a year ahead', 365 * 24 * 3600],
    ['10 minutes ago', -10 * 60],
  ])('%s is refused', async (_name, offset) => {
    expect((await at(offset)).status).toBe(401);
  });
  it('a small clock difference either way is accepted', async () => {
    expect((await at(60)).status).toBe(200);
    expect((await at(-60)).status).toBe(200);
  });
  it('a missing or non-numeric timestamp is refused', async () => {
    const sig = sign(SECRET, body);
    expect((await fetch(`${t.base}/slack/events`, { method: 'POST', body, headers: { 'content-type': FORM, 'x-slack-signature': sig['x-slack-signature']! } })).status).toBe(401);
    expect((await fetch(`${t.base}/slack/events`, { method: 'POST', body, headers: { 'content-type': FORM, ...sig, 'x-slack-request-timestamp': 'soon' } })).status).toBe(401);
  });
});

describe('fuzzing the request entry points', () => {
  it('any payload shape, as a form payload or a JSON body, gets 200 or 400 and the process keeps serving', async () => {
    const shapes = fc.oneof(fc.jsonValue({ maxDepth: 3 }), eventBody, actionBody, viewBody);
    await fc.assert(
      fc.asyncProperty(shapes, fc.boolean(), async (shape, asForm) => {
        const json = JSON.stringify(shape) ?? 'null';
        const r = asForm ? await formPayload(json) : await t.post('/slack/events', json, JSON_TYPE);
        expect([200, 400]).toContain(r.status);
        if (shape === null || typeof shape !== 'object' || Array.isArray(shape)) expect(r.status).toBe(400);
      }),
      { numRuns: 150 },
    );
    await stillServing();
    expect(crashes).toEqual([]);
  }, 60_000);

  it('slash command forms with fields of any type get 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(commandFields, async (fields) => {
        // Form values are strings; a JSON body can carry anything.
        const r = await t.post('/slack/events', JSON.stringify(fields), JSON_TYPE);
        expect([200, 400]).toContain(r.status);
        const form = new URLSearchParams(Object.entries(fields).filter(([, v]) => typeof v === 'string') as Array<[string, string]>).toString();
        const f = await t.post('/slack/events', form, FORM);
        expect([200, 400]).toContain(f.status);
      }),
      { numRuns: 80 },
    );
    await stillServing();
    expect(crashes).toEqual([]);
  }, 60_000);
});
