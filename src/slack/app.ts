// The Bolt app in Socket Mode or HTTP mode; listeners are registered from their folders.
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger as BoltLogger } from '@slack/bolt';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { SlackDeps } from './deps.ts';
import { register as registerActions } from './listeners/actions/index.ts';
import { register as registerCommands } from './listeners/commands/index.ts';
import { register as registerEvents } from './listeners/events/index.ts';
import { gateRequests } from './request-gate.ts';
import { OverlappingSocketModeClient } from './socket-client.ts';
import { webApiOptions } from './web-api-options.ts';
import { register as registerAssistant } from './listeners/assistant/index.ts';
import { register as registerViews } from './listeners/views/index.ts';

/** Bolt logs through pino, so every line is JSON with secrets redacted. */
function boltLogger(log: Logger): BoltLogger {
  const l = log.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => l.debug(m.map(String).join(' ')),
    info: (...m: unknown[]) => l.info(m.map(String).join(' ')),
    warn: (...m: unknown[]) => l.warn(m.map(String).join(' ')),
    error: (...m: unknown[]) => l.error(m.map(String).join(' ')),
    setLevel: (v: LogLevel) => void (level = v),
    getLevel: () => level,
    setName: () => undefined,
  };
}

export interface SlackApp {
  app: App;
  /** The Web API base URL in use (with a trailing slash), when overridden. */
  apiUrl?: string;
  /** Starts listening; in HTTP mode, resolves to the bound port. */
  start(): Promise<number | null>;
  stop(): Promise<void>;
}

type SlackConfig = Pick<Config, 'mode' | 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL' | 'PORT' | 'HOST'> & Partial<Pick<Config, 'SLACK_API_TIMEOUT'>>;

type ClientOptions = ReturnType<typeof webApiOptions> & { slackApiUrl?: string };

/** Socket Mode through a client that opens the next connection before closing the old one. */
function socketApp(config: SlackConfig, deps: SlackDeps, logger: BoltLogger, clientOptions: ClientOptions): App {
  const receiver = new SocketModeReceiver({
    appToken: config.SLACK_APP_TOKEN!,
    logger,
    installerOptions: { clientOptions },
    // An envelope whose processing failed is still acknowledged: Slack's redelivery would only fail the same way.
    processEventErrorHandler: async ({ error }) => {
      deps.log.error({ err: error }, 'Socket Mode envelope failed; acknowledged so it is not redelivered');
      return true;
    },
  });
  const client = new OverlappingSocketModeClient({ appToken: config.SLACK_APP_TOKEN!, logger, clientOptions: { ...clientOptions }, log: deps.log });
  // The receiver listens on its client for envelopes; the same listener moves to ours.
  for (const listener of receiver.client.listeners('slack_event')) client.on('slack_event', listener);
  receiver.client.removeAllListeners();
  receiver.client = client as unknown as typeof receiver.client;
  return new App({ token: config.SLACK_BOT_TOKEN, receiver, logger, clientOptions });
}

/** HTTP mode: a gate checks timestamps, signatures and body shapes before Bolt routes a request. */
function httpApp(config: SlackConfig, deps: SlackDeps, logger: BoltLogger, clientOptions: ClientOptions): App {
  const receiver = new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET!,
    logger,
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ ok: true, roles: deps.ctx().index.size })); } }],
  });
  gateRequests(receiver, { signingSecret: config.SLACK_SIGNING_SECRET!, log: deps.log });
  return new App({ token: config.SLACK_BOT_TOKEN, receiver, logger, clientOptions });
}

export function createSlackApp(config: SlackConfig, deps: SlackDeps): SlackApp {
  const logger = boltLogger(deps.log);
  // Every Web API call and response_url post has a time limit and a retry budget (Bolt's default retries for 30 minutes).
  const clientOptions: ClientOptions = {
    ...webApiOptions({ timeoutMs: config.SLACK_API_TIMEOUT ?? 10_000 }),
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/` } : {}),
  };
  const app = config.mode === 'socket' ? socketApp(config, deps, logger, clientOptions) : httpApp(config, deps, logger, clientOptions);
  app.error(async (err) => {
    deps.log.error({ err }, 'unhandled error in a listener');
  });
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerAssistant(app, deps);
  let httpServer: Server | null = null;
  return {
    app,
    apiUrl: clientOptions.slackApiUrl,
    async start() {
      if (config.mode === 'socket') {
        await app.start();
        return null;
      }
      const server = (await app.start({ port: config.PORT, host: config.HOST } as never)) as unknown as Server;
      httpServer = server;
      const addr = server.address();
      return typeof addr === 'object' && addr ? addr.port : config.PORT;
    },
    async stop() {
      // Requests in flight finish; idle keep-alive connections are closed so the stop does not wait on them.
      const closing = app.stop();
      httpServer?.closeIdleConnections();
      await closing;
    },
  };
}
