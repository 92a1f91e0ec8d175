// Start-up: check the configuration, load the postings, then run in Slack (Socket Mode or HTTP) or the local console.
import { resolve } from 'node:path';
import type { AskContext } from './answers/index.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { runConsole } from './console/console.ts';
import { createLogger, type Logger } from './log.ts';
import { RoleIndex } from './search/index.ts';
import { Catalog } from './sources/catalog.ts';

export interface Running {
  config: Config;
  index: RoleIndex;
  catalog: Catalog;
  port: number | null;
  stop(): Promise<void>;
}

/** Builds and starts everything for a configuration; the console mode runs until its input ends. */
export async function start(config: Config, log: Logger, io?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; interactive: boolean }): Promise<Running> {
  const index = RoleIndex.from([]);
  const catalog = new Catalog(resolve(config.POSTINGS_DIR), index, log);
  const first = await catalog.load();
  log.info({ dir: config.POSTINGS_DIR, roles: index.size, broken: first.broken.length, mode: config.mode }, 'postings loaded');
  catalog.watch();
  const ctx = (): AskContext => ({ index });
  const closers: Array<() => Promise<void> | void> = [() => catalog.close()];
  let port: number | null = null;

  if (config.mode === 'console') {
    await runConsole(ctx, io ?? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  } else {
    const { createSlackApp } = await import('./slack/app.ts');
    const { openDigest } = await import('./digest/service.ts');
    const digest = await openDigest(config, index, catalog, log);
    closers.unshift(() => digest.close());
    const slack = createSlackApp(config, {
      ctx,
      log,
      digest,
      status: () => [...catalog.broken].map(([file, error]) => `${file}: ${error}`),
    });
    const { createDigestPoster } = await import('./slack/digest-poster.ts');
    port = await slack.start();
    await digest.start(createDigestPoster({ token: config.SLACK_BOT_TOKEN!, slackApiUrl: slack.apiUrl, log }));
    closers.unshift(() => slack.stop());
    log.info({ mode: config.mode, port }, 'openroles is running');
  }
  return {
    config, index, catalog, port,
    async stop() {
      for (const c of closers) await c();
    },
  };
}

async function run(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`openroles: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger({ level: config.LOG_LEVEL, pretty: config.mode === 'console' });
  const running = await start(config, log);
  if (config.mode === 'console') {
    await running.stop();
    return;
  }
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    running.stop().then(() => process.exit(0), (err) => {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1]?.endsWith('main.ts')) {
  run().catch((err) => {
    process.stderr.write(`openroles: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
