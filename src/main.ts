// Start-up: check the configuration, serve the postings at hand (folders, the feeds' last snapshots), listen, then
// refresh feeds in the background; run in Slack (Socket Mode or HTTP) or the local console.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { textAnswer, type Answer, type AskContext } from './answers/index.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { runConsole } from './console/console.ts';
import { createLogger, type Logger } from './log.ts';
import { listenProblem, oneLine, OperatorError, slackAuthProblem, storeProblem } from './operator-errors.ts';
import { redact } from './redact.ts';
import type { RoleIndex } from './search/index.ts';
import type { Catalog } from './sources/catalog.ts';
import { skippedSentence } from './sources/feeds/entries.ts';
import { feedsOf } from './sources/spec.ts';
import { openDatabase, type DB } from './store/db.ts';
import { SqliteSnapshots } from './store/snapshots.ts';
import { AddedPostings, ADDED_SOURCE } from './sources/added.ts';
import { boardLink, readBoardLink } from './sources/links.ts';
import { PAGE_LIMITS } from './sources/page.ts';
import { SqliteAddedPostings } from './store/added-postings.ts';
import { SqliteParseCache } from './store/parse-cache.ts';
import { SavedIndexFile } from './store/saved-index.ts';
import { openCatalog } from './warm-start.ts';
import { ThreadStore } from './store/threads.ts';

/** Shutdown gives each step this long, and the whole stop this long, whatever a peer does. */
export const SHUTDOWN = { stepMs: 3_000, totalMs: 8_000 };

export interface Running {
  config: Config;
  index: RoleIndex;
  catalog: Catalog;
  port: number | null;
  /** The background refresh of feeds started at start-up (resolves when it is done, never rejects). */
  firstRefresh: Promise<void>;
  stop(): Promise<void>;
}

/** Builds and starts everything for a configuration; the console mode runs until its input ends. */
export async function start(config: Config, log: Logger, io?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; interactive: boolean }): Promise<Running> {
  // Slack's modules are many: their loading starts now, beside the reading of the saved index.
  const slackModules = config.mode === 'console' ? null : Promise.all([import('./slack/app.ts'), import('./digest/service.ts'), import('./slack/digest-poster.ts')]);
  slackModules?.catch(() => undefined);
  const feeds = feedsOf(
    config.sources,
    { greenhouse: config.GREENHOUSE_API_URL, lever: config.LEVER_API_URL, ashby: config.ASHBY_API_URL },
    { limits: { timeoutMs: config.SOURCES_TIMEOUT, maxBytes: config.SOURCES_MAX_SIZE }, log },
  );
  // The database holds digest state, feed snapshots and the parse cache. The plain console over folders only gains
  // speed from it, so there a DATA_DIR that cannot be opened (read-only, missing and not creatable) means parsing.
  const dbFile = join(config.DATA_DIR, 'openroles.db');
  const db = feeds.length || config.mode !== 'console' ? openStore(dbFile) : tryStore(dbFile, log);
  const dirs = config.sources.filter((s) => s.kind === 'dir').map((s) => resolve(s.target));
  for (const dir of dirs) {
    if (!existsSync(dir)) log.warn({ dir }, `the postings folder ${dir} does not exist; create it or set ${config.SOURCES ? 'SOURCES' : 'POSTINGS_DIR'} to the folder that holds the postings`);
  }
  const snapshots = db ? new SqliteSnapshots(db, (err, feed) => log.warn({ source: feed, problem: storeProblem(err, dbFile) ?? (err as Error).message }, 'feed snapshot not read or saved; the feed keeps serving from memory')) : undefined;
  // Parsed files are kept by content hash and parser version, so a restart with unchanged files parses nothing.
  const parseCache = db ? new SqliteParseCache(db) : undefined;
  // The index saved at the last run answers at once; the folders are scanned behind it for what changed meanwhile.
  const saved = db ? new SavedIndexFile(join(config.DATA_DIR, 'index.saved')) : null;
  const { index, catalog, restored, saver } = openCatalog(dirs, log, { feeds, snapshots, parseCache, saved });
  // Folders and saved snapshots only: a slow feed must not keep the app from answering.
  const loading = catalog.load({ fetchFeeds: false, emit: restored }).then((first) => {
    saver?.loaded(first, restored);
    log.info({ sources: config.sources.map((s) => `${s.kind}:${s.target}`), roles: index.size, broken: first.broken.length, mode: config.mode, restored }, 'postings loaded');
  });
  // Without a saved index there is nothing to answer from until the postings are read.
  if (!restored) await loading;
  else {
    log.info({ roles: index.size }, 'answering from the saved index while the folders are scanned for changes');
    void loading.catch((err) => log.error({ err }, 'postings not reloaded; the saved index keeps serving'));
  }
  // Postings added from Slack: one more source of the catalog, kept in the database. Links people share or add are
  // read through the same board APIs as the feeds, with a shorter time limit (Slack is waiting).
  const bases = { greenhouse: config.GREENHOUSE_API_URL, lever: config.LEVER_API_URL, ashby: config.ASHBY_API_URL };
  const limits = { ...PAGE_LIMITS, timeoutMs: config.LINK_TIMEOUT_MS };
  const added = db ? new AddedPostings(new SqliteAddedPostings(db), (postings) => catalog.put(ADDED_SOURCE, postings), { bases, limits, privateHosts: config.LINK_PRIVATE_HOSTS, admins: config.ADMIN_USERS }) : null;
  added?.load();
  // A stop during the first scan lets it finish (bounded like every step), so what it read is saved.
  const closers: Array<[string, () => Promise<void> | void]> = [['first load', () => loading.catch(() => undefined)], ['sources', () => catalog.close()], ['saved index', () => saver?.close()], ['parse cache', () => parseCache?.close()], ['database', () => db?.close()]];
  // Folders are watched once the first scan is done (a second scan beside it would read the same files twice).
  const watch = (): void => void loading.then(() => catalog.watch({ refreshMs: config.SOURCES_REFRESH }), () => catalog.watch({ refreshMs: config.SOURCES_REFRESH }));
  const refreshNow = (force: boolean): Promise<void> =>
    catalog.refresh(force).then(
      (c) => void (c.added.length + c.changed.length + c.removed.length && log.info({ roles: index.size }, 'feeds refreshed')),
      (err) => log.error({ err }, 'feed refresh failed'),
    );
  let firstRefresh: Promise<void> = Promise.resolve();
  const ctx = (): AskContext => ({ index });
  let port: number | null = null;
  const refresh = async (userId: string): Promise<Answer> => {
    if (config.ADMIN_USERS.length && !config.ADMIN_USERS.includes(userId)) return textAnswer('Only admins can refresh', 'Ask one of the people listed in ADMIN_USERS.');
    if (!feeds.length) return textAnswer('Nothing to refresh', 'Only posting folders are configured; they reload on their own when files change.');
    try {
      const c = await catalog.refresh(true);
      const failed = c.broken.map((b) => redact(`${b.file} (${b.error})`));
      const skipped = feeds.flatMap((f) => (f.skipped?.().length ? [redact(skippedSentence(f.name, f.skipped()))] : []));
      return textAnswer('Sources refreshed', `${c.added.length} new, ${c.changed.length} changed, ${c.removed.length} gone. ${index.size} ${index.size === 1 ? 'role' : 'roles'} open.${failed.length ? ` Failed, last good postings kept: ${failed.join('; ')}.` : ''}${skipped.length ? ` ${skipped.join('. ')}.` : ''}`);
    } catch (err) {
      log.error({ err }, '/jobs refresh failed');
      return textAnswer('Refresh failed', 'The sources could not be refreshed just now; the roles already loaded keep serving. Try again in a minute.');
    }
  };


  if (config.mode === 'console') {
    // The console answers one question at a time, so it asks the feeds first (each fetch is bounded).
    if (feeds.length) await (firstRefresh = refreshNow(false));
    watch();
    await runConsole(ctx, io ?? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) }, { refresh: feeds.length ? refresh : undefined });
  } else {
    const [{ createSlackApp }, { openDigest }, { createDigestPoster }] = await slackModules!;
    const digest = openDigest(config, index, catalog, log, db!);
    closers.unshift(['digest', () => digest.close()]);
    const threads = new ThreadStore(db!, { log });
    const slack = createSlackApp(config, {
      ctx,
      log,
      digest,
      status: () => sourceProblems(catalog, feeds),
      refresh,
      threads: (key) => threads.thread(key),
      added: added ?? undefined,
      readBoardLink: async (url) => {
        const link = boardLink(url);
        return link ? readBoardLink(link, bases, limits) : null;
      },
    });
    try {
      port = await slack.start();
    } catch (err) {
      await Promise.resolve(db?.close()).catch(() => undefined);
      catalog.close();
      throw new OperatorError(listenProblem(err, { port: config.PORT, host: config.HOST }) ?? slackAuthProblem(err) ?? oneLine(err));
    }
    closers.unshift(['slack', () => slack.stop()]);
    log.info({ mode: config.mode, port, roles: index.size }, 'openroles is listening');
    // Feeds are fetched after the app answers; until then the saved snapshots serve.
    watch();
    if (feeds.length) firstRefresh = refreshNow(false);
    await digest.start(createDigestPoster({ token: config.SLACK_BOT_TOKEN!, slackApiUrl: slack.apiUrl, timeoutMs: config.SLACK_API_TIMEOUT, log }));
    log.info({ mode: config.mode, port }, 'openroles is running');
  }
  let stopped: Promise<void> | null = null;
  return {
    config, index, catalog, port, firstRefresh,
    stop() {
      stopped ??= stopAll(closers, log);
      return stopped;
    },
  };
}

/** Runs each step of the stop with a time limit, so a peer that never answers cannot hold the process. */
async function stopAll(closers: Array<[string, () => Promise<void> | void]>, log: Logger): Promise<void> {
  const until = Date.now() + SHUTDOWN.totalMs;
  for (const [name, close] of closers) {
    const ms = Math.max(100, Math.min(SHUTDOWN.stepMs, until - Date.now()));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), ms)));
    try {
      const how = await Promise.race([Promise.resolve().then(close).then(() => 'done' as const), late]);
      if (how === 'late') log.warn({ step: name, ms }, 'shutdown step did not finish in time; going on');
    } catch (err) {
      log.warn({ step: name, err }, 'shutdown step failed; going on');
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Failing sources and skipped feed entries, for App Home: plain sentences, secrets redacted. */
function sourceProblems(catalog: Catalog, feeds: ReturnType<typeof feedsOf>): string[] {
  const broken = [...catalog.broken].map(([file, error]) => `${file}: ${error}`);
  const skipped = feeds.flatMap((f) => (f.skipped?.().length ? [skippedSentence(f.name, f.skipped())] : []));
  return [...broken, ...skipped].map(redact);
}

/** Opens the database, or stops with one line naming DATA_DIR and the fix. */
function openStore(file: string): DB {
  try {
    return openDatabase(file);
  } catch (err) {
    throw new OperatorError(storeProblem(err, file) ?? `cannot open ${file}: ${oneLine(err).replace(/^could not start: /, '')}; check DATA_DIR`);
  }
}

/** The database when it opens, or null (said once in the log): the console then parses every file at each start. */
function tryStore(file: string, log: Logger): DB | null {
  try {
    return openDatabase(file);
  } catch (err) {
    log.info({ problem: storeProblem(err, file) ?? oneLine(err) }, 'no parse cache: postings are parsed at each start');
    return null;
  }
}

/** Prints one line for the operator and exits: no stack trace. */
function fail(err: unknown): never {
  const line = err instanceof ConfigError || err instanceof OperatorError ? err.message : oneLine(err);
  process.stderr.write(`openroles: ${line}\n`);
  process.exit(1);
}

/**
 * Runs the app as `npm start` does (scripts/start.mjs calls it, from the bundle or the sources) until the console's
 * input ends or a signal stops it; a failure to start ends the process with one line.
 */
export function run(): Promise<void> {
  return runApp().catch(fail);
}

async function runApp(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err);
  }
  const log = createLogger({ level: config.LOG_LEVEL, pretty: config.mode === 'console' });
  // A promise nothing awaited must not end a serving process; it is logged (redacted) for the operator instead.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection; openroles keeps running'));
  let running: Running | null = null;
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // The last resort: whatever is still pending after the budget, the process ends.
    setTimeout(() => {
      log.error({ ms: SHUTDOWN.totalMs + 1000 }, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN.totalMs + 1000).unref();
    const stop = (r: Running): void => void r.stop().then(() => process.exit(0), (err) => {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
    // A signal during start-up stops the app as soon as it is up (or the budget ends the process).
    if (running) stop(running);
    else started.then(stop, () => process.exit(1));
  };
  if (config.mode !== 'console') {
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  }
  const started = start(config, log);
  running = await started.catch(fail);
  if (config.mode === 'console') await running.stop();
}

// Started directly (`tsx src/main.ts`); imported, it waits for run().
if (process.argv[1]?.endsWith('main.ts')) void run();
