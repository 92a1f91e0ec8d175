// A digest survives SIGKILL at any point of posting: the process is a real child killed ten times mid-digest, and
// every role is announced exactly once (message metadata in the channel history tells a restart what Slack accepted).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeSlack, useTempDir } from '../support/lifecycle.ts';

const CHILD = join(import.meta.dirname, '..', 'support', 'digest-child.ts');
const slack = useFakeSlack();
const dir = useTempDir('openroles-crash-');

interface Run {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function runChild(roles: number, slot: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, DB: join(dir, 'openroles.db'), SLACK_API_URL: `${slack.url}/api/`, ROLES: String(roles), SLOT: slot, CHANNEL: 'CCRASH' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((r) => child.on('exit', (code, signal) => r({ code, signal, stderr })));
  return { child, exit };
}

/** Role ids announced by each accepted digest message (the Details buttons), in order. */
function announced(): string[] {
  return (slack.history.get('CCRASH') ?? []).flatMap((m) => {
    const call = slack.calls.find((c) => c.method === 'chat.postMessage' && (c.args.metadata as { event_payload?: { key?: string; part?: number } } | undefined)?.event_payload?.key === m.metadata?.event_payload.key && c.args.metadata && (c.args.metadata as { event_payload: { part: number } }).event_payload.part === m.metadata?.event_payload.part);
    return ((call?.args.blocks ?? []) as Array<{ accessory?: { value?: string } }>).map((b) => b.accessory?.value).filter((v): v is string => !!v);
  });
}

describe('SIGKILL mid-digest', () => {
  it('ten kills while posting: no role announced twice, none lost', { timeout: 180_000 }, async () => {
    // The first digest counts the 100 open roles; each later day adds 81, listed over several messages.
    const base = await runChild(100, '2026-11-02T09:00:00.000Z').exit;
    expect(base.code, base.stderr).toBe(0);
    let kills = 0;
    let roles = 100;
    for (let day = 1; day <= 10; day++) {
      // Each start first finishes the digest the previous kill interrupted, then posts its own day, and is killed at
      // the arrival of that day's part k: before Slack's answer leaves (odd days) or just after it (even days).
      roles += 81;
      const slot = `2026-11-${String(2 + day).padStart(2, '0')}T09:00:00.000Z`;
      const k = 1 + (day % 3);
      const run = runChild(roles, slot);
      let seen = 0;
      slack.beforeRespond = (call) => {
        if (call.method !== 'chat.postMessage' || (call.args.metadata as { event_payload?: { slot?: string } } | undefined)?.event_payload?.slot !== slot || ++seen !== k) return;
        slack.beforeRespond = null;
        if (day % 2) run.child.kill('SIGKILL');
        else setTimeout(() => run.child.kill('SIGKILL'), 2);
      };
      const killed = await run.exit;
      slack.beforeRespond = null;
      if (killed.signal === 'SIGKILL') kills++;
    }
    const last = await runChild(roles, '2026-11-13T09:00:00.000Z').exit;
    expect(last.code, last.stderr).toBe(0);
    expect(kills).toBe(10);
    const ids = announced();
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    const { generatePostings } = await import('../../bench/corpus.ts');
    const added = generatePostings(1000, 7).slice(100, roles).map((p) => p.id);
    const lost = added.filter((id) => !counts.has(id)).length;
    expect({ announced: counts.size, duplicates, lost }).toEqual({ announced: 810, duplicates: 0, lost: 0 });
  });
});
