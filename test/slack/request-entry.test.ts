// Issue 14: request entry points. Signed requests with `null`, arrays, numbers and wrongly typed fields get a 400 and
// the process keeps serving; timestamps far in the future are refused like stale ones.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, startTestApp, type TestApp } from '../support/app.ts';
import { sign } from '../support/fake-slack.ts';

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

// Values of every JSON type, to put where a field's value goes.
const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true }), fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyValue, fc.constant(undefined));
// Ids that route a request: ours, or not a string at all. (A well-formed id no listener knows is left to Bolt's own
// routing, which answers 404 after Slack's 3 s.)
const notString = anyValue.filter((v) => typeof v !== 'string');
const routeId = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, notString, fc.constant(undefined));

// Near-misses of each request kind the app handles: right keys, values of any type.
const eventBody = fc.record({
  type: fc.oneof(fc.constant('event_callback'), anyValue),
  event_id: maybe(fc.string({ maxLength: 10 })),
  event: maybe(fc.record({ type: maybe(fc.constantFrom('app_mention', 'message', 'app_home_opened', 'reaction_added')), text: maybe(fc.string({ maxLength: 40 })), channel: maybe(fc.constantFrom('C1', 'D1')), channel_type: maybe(fc.constantFrom('im', 'channel')), user: maybe(fc.constant('U1')), ts: maybe(fc.constant('1.1')), thread_ts: maybe(fc.constant('1.0')), subtype: maybe(fc.constantFrom('file_share', 'thread_broadcast', 'message_changed')), tab: maybe(fc.constant('home')) })),
});
const actionBody = fc.record({
  type: fc.oneof(fc.constant('block_actions'), anyValue),
  user: maybe(fc.record({ id: maybe(fc.constant('U1')) })),
  trigger_id: maybe(fc.constant('trig-fuzz')),
  container: maybe(fc.record({ type: maybe(fc.constantFrom('message', 'view')), is_ephemeral: maybe(fc.boolean()), channel_id: maybe(fc.constant('C1')) })),
  actions: maybe(fc.array(fc.record({ action_id: routeId(fc.constantFrom('role_details', 'role_share', 'results_more')), value: maybe(fc.string({ maxLength: 30 })) }), { maxLength: 2 })),
});
const viewBody = fc.record({
  type: fc.oneof(fc.constant('view_submission'), anyValue),
  user: maybe(fc.record({ id: maybe(fc.constant('U1')) })),
  view: maybe(fc.record({ callback_id: routeId(fc.constant('role_share_to')), private_metadata: maybe(fc.string({ maxLength: 10 })), state: maybe(fc.constant({ values: {} })) })),
  response_urls: maybe(fc.array(fc.record({ channel_id: maybe(fc.constant('C1')), response_url: maybe(fc.constant('not a url')) }), { maxLength: 1 })),
});
const commandFields = fc.record({ command: routeId(fc.constant('/jobs')), text: maybe(fc.string({ maxLength: 30 })), user_id: maybe(fc.constant('U1')), channel_id: maybe(fc.constant('C1')) });

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
