// Thread memory is a convenience: a locked, closed or damaged database costs the follow-up, never the answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/answers/index.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { openDatabase } from '../../src/store/db.ts';
import { ThreadStore } from '../../src/store/threads.ts';
import { corpus } from '../helpers.ts';

const index = RoleIndex.from(corpus());
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'openroles-threads-'));
  dirs.push(dir);
  const file = join(dir, 'openroles.db');
  const db = openDatabase(file);
  const warnings: Array<{ obj: object; msg: string }> = [];
  const store = new ThreadStore(db, { log: { warn: (obj, msg) => void warnings.push({ obj, msg }) } });
  return { file, db, store, warnings };
}

describe('thread memory when the database fails', () => {
  it('answers while another process holds the write lock, and says so once', () => {
    const { file, db, store, warnings } = setup();
    const other = new Database(file);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN EXCLUSIVE');
    try {
      const thread = store.thread('C1:1.0');
      const first = ask('remote roles', { index, thread });
      expect(first.parts.length).toBeGreaterThan(0);
      expect(first.intent).not.toBe('fallback');
      expect(ask('python', { index, thread }).parts.length).toBeGreaterThan(0);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.msg).toMatch(/thread memory not saved/);
      expect(JSON.stringify(warnings[0]!.obj)).toMatch(/locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // Once the lock is gone, memory works again.
    store.remember('C1:1.0', { roleIds: ['a'], intent: 'find', text: 'a' });
    expect(store.recall('C1:1.0')?.roleIds).toEqual(['a']);
    db.close();
  });

  it('answers when the memory cannot be read at all', () => {
    const { db, store, warnings } = setup();
    db.close();
    const thread = store.thread('D1');
    expect(thread.recall()).toBeNull();
    expect(() => thread.remember({ roleIds: ['a'], intent: 'find', text: 'a' })).not.toThrow();
    expect(ask('is it remote?', { index, thread }).parts.length).toBeGreaterThan(0);
    expect(ask('remote roles', { index, thread }).parts.length).toBeGreaterThan(0);
    expect(store.sweep()).toBe(0);
    // Once for reading, once for saving, once for sweeping: not once per question.
    expect(warnings.map((w) => w.msg)).toEqual(['thread memory not read; answers go on without it', 'thread memory not saved; answers go on without it', 'thread memory not swept; answers go on without it']);
  });
});
