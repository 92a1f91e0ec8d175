// What the digest tests share: a fake Web API for the file, a fresh data folder per test, and a service over both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { DigestService, type DigestOptions } from '../../src/digest/service.ts';
import { silentLogger } from '../../src/log.ts';
import type { Posting } from '../../src/postings/index.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { createDigestPoster } from '../../src/slack/digest-poster.ts';
import { openDatabase } from '../../src/store/db.ts';
import { DigestStore } from '../../src/store/state.ts';
import { corpus } from '../helpers.ts';
import { FakeSlack } from './fake-slack.ts';

export interface DigestEnv {
  slack: FakeSlack;
  dir: string;
  /** The database file of the current test. */
  file(): string;
}

/** Registers the hooks: one fake Web API for the file, emptied before each test, and a data folder per test. */
export function digestEnv(): DigestEnv {
  const env: DigestEnv = { slack: null as unknown as FakeSlack, dir: '', file: () => join(env.dir, 'openroles.db') };
  beforeAll(async () => {
    env.slack = await new FakeSlack().start();
  });
  afterAll(async () => {
    await env.slack.stop();
  });
  beforeEach(() => {
    env.dir = mkdtempSync(join(tmpdir(), 'openroles-digest-'));
    env.slack.calls.length = 0;
    env.slack.history.clear();
    env.slack.beforeRespond = null;
  });
  afterEach(() => rmSync(env.dir, { recursive: true, force: true }));
  return env;
}

export type ServiceOptions = Partial<Omit<DigestOptions, 'emptyPolicy' | 'configChannels'>> & { postings?: Posting[]; empty?: 'skip' | 'post'; channels?: string[]; retries?: number };

/** A digest service over the test's database file, posting to the fake; retries and pauses kept short. */
export function digestService(env: DigestEnv, opts: ServiceOptions = {}) {
  const { postings, empty, channels, retries, ...rest } = opts;
  const db = openDatabase(env.file());
  const index = RoleIndex.from(postings ?? corpus());
  const svc = new DigestService(new DigestStore(db), index, silentLogger(), {
    cron: '0 9 * * 1-5', timezone: 'UTC', emptyPolicy: empty ?? 'skip', configChannels: channels ?? [], retryMs: 20, alertGapMs: 0, ...rest,
  });
  const poster = createDigestPoster({ token: 'xoxb-test', slackApiUrl: `${env.slack.url}/api/`, retries: retries ?? 1, backoffMs: 10, log: silentLogger() });
  return { svc, index, poster, db };
}

/** Messages posted to a conversation (all when none is named). */
export const postsTo = (slack: FakeSlack, channel?: string) => slack.of('chat.postMessage').filter((c) => !channel || c.args.channel === channel);

/** Role ids shown as cards (their Details buttons) in the messages posted to a channel. */
export const cardIds = (slack: FakeSlack, channel: string): string[] =>
  postsTo(slack, channel).flatMap((m) => (m.args.blocks as Array<{ accessory?: { value?: string } }>).map((b) => b.accessory?.value).filter((v): v is string => !!v));

/** Waits until a condition holds (or fails after `ms`). */
export async function until(ok: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
