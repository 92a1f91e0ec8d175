// What a test file sets up once and takes down after its tests: a temporary folder, a fake Slack Web API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { FakeSlack } from './fake-slack.ts';

/** A fresh folder for this test file, removed after its tests. */
export function useTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fake Web API listening during this file's tests (its `url` is set once they start). */
export function useFakeSlack(): FakeSlack {
  const slack = new FakeSlack();
  beforeAll(async () => {
    await slack.start();
  });
  afterAll(() => slack.stop());
  return slack;
}
