// Starts the real app in HTTP mode on 127.0.0.1 with its Web API pointed at a fake, over temp folders.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { start, type Running } from '../../src/main.ts';
import { FIXTURES_DIR, SEEDS_DIR } from '../helpers.ts';
import { FakeSlack, sign } from './fake-slack.ts';

export const SECRET = 'test-signing-secret-0123456789';

export interface TestApp {
  running: Running;
  slack: FakeSlack;
  base: string;
  logs: string[];
  dirs: { postings: string; data: string };
  post(path: string, body: string, type: string, headers?: Record<string, string>): Promise<Response>;
  command(text: string, extra?: Record<string, string>): Promise<Response>;
  event(event: Record<string, unknown>, eventId?: string, headers?: Record<string, string>): Promise<Response>;
  action(actionId: string, value: string, extra?: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

/** Temp folders with the seeds and fixtures as postings, and a logger whose JSON lines are kept in `logs`. */
export function testWorkspace(): { root: string; postings: string; data: string; logs: string[]; log: ReturnType<typeof createLogger> } {
  const root = mkdtempSync(join(tmpdir(), 'openroles-'));
  const postings = join(root, 'postings');
  const data = join(root, 'data');
  cpSync(SEEDS_DIR, postings, { recursive: true });
  cpSync(FIXTURES_DIR, postings, { recursive: true });
  const logs: string[] = [];
  const log = createLogger({ level: 'info', destination: new Writable({ write(chunk, _e, cb) { logs.push(String(chunk)); cb(); } }) as never });
  return { root, postings, data, logs, log };
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const slack = await new FakeSlack().start();
  const { root, postings, data, logs, log } = testWorkspace();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, PORT: '0', HOST: '127.0.0.1',
    POSTINGS_DIR: postings, DATA_DIR: data, ...env,
  });
  const running = await start(config, log);
  const base = `http://127.0.0.1:${running.port}`;
  const post = (path: string, body: string, type: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': type, ...sign(SECRET, body), ...headers } });
  let n = 0;
  return {
    running, slack, base, logs, dirs: { postings, data }, post,
    command(text, extra = {}) {
      const body = new URLSearchParams({
        token: 'x', team_id: 'T1', team_domain: 'acme', channel_id: 'C1', channel_name: 'jobs', user_id: 'U1', user_name: 'ada',
        command: '/jobs', text, api_app_id: 'A1', response_url: `${slack.url}/response/${++n}`, trigger_id: `trig-${n}`, ...extra,
      }).toString();
      return post('/slack/events', body, 'application/x-www-form-urlencoded');
    },
    event(event, eventId = `Ev${++n}`, headers = {}) {
      const body = JSON.stringify({ token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }] });
      return post('/slack/events', body, 'application/json', headers);
    },
    action(actionId, value, extra = {}) {
      const payload = {
        type: 'block_actions', team: { id: 'T1' }, user: { id: 'U1', name: 'ada' }, api_app_id: 'A1', token: 'x', trigger_id: `trig-${++n}`,
        channel: { id: 'C1', name: 'jobs' }, container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
        response_url: `${slack.url}/response/${n}`, actions: [{ action_id: actionId, block_id: 'b1', type: 'button', value, action_ts: '1.2' }], ...extra,
      };
      return post('/slack/events', new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    },
    async close() {
      await running.stop();
      await slack.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
