// Starts the real app in Socket Mode: apps.connections.open on the fake Web API hands out the fake socket server's
// ws:// URL, and envelopes go over real WebSocket connections.
import { rmSync } from 'node:fs';
import { loadConfig } from '../../src/config.ts';
import { start, type Running } from '../../src/main.ts';
import { testWorkspace } from './app.ts';
import { FakeSlack } from './fake-slack.ts';
import { FakeSocketServer } from './fake-socket.ts';

export interface SocketTestApp {
  running: Running;
  slack: FakeSlack;
  socket: FakeSocketServer;
  logs: string[];
  dirs: { postings: string; data: string };
  /** A slash command envelope; resolves with the ack's payload (the answer, when it rides in the ack). */
  command(text: string, extra?: Record<string, string>): Promise<{ payload?: Record<string, any>; responseUrl: string }>;
  /** An Events API envelope around `event` (a redelivery when `eventId` repeats one); resolves with the ack. */
  event(event: Record<string, unknown>, eventId?: string): Promise<Record<string, unknown>>;
  /** An interactive envelope (clicks, shortcuts, view submissions); resolves with the ack's payload, if any. */
  interact(payload: Record<string, unknown>): Promise<Record<string, any> | undefined>;
  close(): Promise<void>;
}

export async function startSocketApp(env: Record<string, string> = {}): Promise<SocketTestApp> {
  const slack = await new FakeSlack().start();
  const socket = await new FakeSocketServer().start();
  slack.respondWith('apps.connections.open', { ok: true, url: socket.url });
  const { root, postings, data, logs, log } = testWorkspace();
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: `${slack.url}/api/`, POSTINGS_DIR: postings, DATA_DIR: data, ...env });
  const running = await start(config, log);
  let n = 0;
  return {
    running, slack, socket, logs, dirs: { postings, data },
    async command(text, extra = {}) {
      const responseUrl = `${slack.url}/response/sock-${++n}`;
      const body = { token: 'x', team_id: 'T1', team_domain: 'acme', channel_id: 'C1', channel_name: 'jobs', user_id: 'U1', user_name: 'ada', command: '/jobs', text, api_app_id: 'A1', is_enterprise_install: 'false', response_url: responseUrl, trigger_id: `trig-s${n}`, ...extra };
      const { ack } = await socket.deliver('slash_commands', body);
      return { payload: ack.payload as Record<string, any> | undefined, responseUrl };
    },
    async event(event, eventId = `EvSock${++n}`) {
      const body = { token: 'x', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }], is_ext_shared_channel: false };
      return (await socket.deliver('events_api', body)).ack;
    },
    async interact(payload) {
      const { ack } = await socket.deliver('interactive', payload);
      return ack.payload as Record<string, any> | undefined;
    },
    async close() {
      await running.stop();
      await socket.stop();
      await slack.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
