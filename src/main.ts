// Start-up: check the configuration, load the postings, then run in Slack (Socket Mode or HTTP) or the local console.
import { join, resolve } from 'node:path';
import { textAnswer, type AskContext } from './answers/index.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { runConsole } from './console/console.ts';
import { createLogger, type Logger } from './log.ts';
import { RoleIndex } from './search/index.ts';
import { Catalog } from './sources/catalog.ts';
import { feedsOf } from './sources/spec.ts';
import { openDatabase } from './store/db.ts';
import { SqliteSnapshots } from './store/snapshots.ts';
import { SqliteParseCache } from './store/parse-cache.ts';

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
  const feeds = feedsOf(config.sources, { greenhouse: config.GREENHOUSE_API_URL, lever: config.LEVER_API_URL, ashby: config.ASHBY_API_URL });
  // The database holds digest state and feed snapshots; the plain console over folders needs neither.
  const db = feeds.length || config.mode !== 'console' ? openDatabase(join(config.DATA_DIR, 'openroles.db')) : null;
  const dirs = config.sources.filter((s) => s.kind === 'dir').map((s) => resolve(s.target));
  // Parsed files are kept by content hash and parser version, so a restart with unchanged files parses nothing.
  const parseCache = db ? new SqliteParseCache(db) : undefined;
  const catalog = new Catalog(dirs, index, log, { feeds, snapshots: db ? new SqliteSnapshots(db) : undefined, parseCache });
  const first = await catalog.load();
  log.info({ sources: config.sources.map((s) => `${s.kind}:${s.target}`), roles: index.size, broken: first.broken.length, mode: config.mode }, 'postings loaded');
  catalog.watch({ refreshMs: config.SOURCES_REFRESH });
  const ctx = (): AskContext => ({ index });
  const closers: Array<() => Promise<void> | void> = [() => catalog.close(), () => parseCache?.close(), () => db?.close()];
  let port: number | null = null;

  if (config.mode === 'console') {
    await runConsole(ctx, io ?? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  } else {
    const { createSlackApp } = await import('./slack/app.ts');
    const { openDigest } = await import('./digest/service.ts');
    const digest = openDigest(config, index, catalog, log, db!);
    closers.unshift(() => digest.close());
    const slack = createSlackApp(config, {
      ctx,
      log,
      digest,
      status: () => [...catalog.broken].map(([file, error]) => `${file}: ${error}`),
      refresh: async (userId) => {
        if (config.ADMIN_USERS.length && !config.ADMIN_USERS.includes(userId)) return textAnswer('Only admins can refresh', 'Ask one of the people listed in ADMIN_USERS.');
        if (!feeds.length) return textAnswer('Nothing to refresh', 'Only posting folders are configured; they reload on their own when files change.');
        const c = await catalog.refresh(true);
        const failed = c.broken.map((b) => `${b.file} (${b.error})`);
        return textAnswer('Sources refreshed', `${c.added.length} new, ${c.changed.length} changed, ${c.removed.length} gone. ${index.size} roles open.${failed.length ? ` Failed, last good postings kept: ${failed.join('; ')}.` : ''}`);
      },
    });
    const { createDigestPoster } = await import('./slack/digest-poster.ts');
    port = await slack.start();
    closers.unshift(() => slack.stop());
    await digest.start(createDigestPoster({ token: config.SLACK_BOT_TOKEN!, slackApiUrl: slack.apiUrl, log }));
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
