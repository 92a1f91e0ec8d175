// The console runs the same answers from piped input: /jobs lines, @mentions, "more" and "quit".
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/console/console.ts';
import { createLogger } from '../../src/log.ts';
import { RoleIndex } from '../../src/search/index.ts';
import { corpus } from '../helpers.ts';

describe('console', () => {
  it('answers /jobs, mentions and more from piped lines, then stops at quit', async () => {
    const index = RoleIndex.from(corpus());
    const input = new PassThrough();
    let out = '';
    const output = new Writable({ write(c, _e, cb) { out += String(c); cb(); } });
    input.end('/jobs engineer\nmore\n@openroles what does the beehiiv role pay?\n/jobs\nquit\n/jobs never read\n');
    await runConsole(() => ({ index }), { input, output, interactive: false });
    expect(out).toMatch(/roles match “engineer” \(showing 1–5\)/);
    expect(out).toMatch(/showing 6–10/);
    expect(out).toMatch(/USD 180K-200K\/annual/);
    expect(out).toMatch(/Ask about open roles in plain words/);
    expect(out).not.toMatch(/never read/);
  });
});

describe('logs', () => {
  it('are JSON lines with secrets redacted', () => {
    const lines: string[] = [];
    const log = createLogger({ destination: new Writable({ write(c, _e, cb) { lines.push(String(c)); cb(); } }) as never });
    log.info({ token: 'xoxb-secret', config: { SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_SIGNING_SECRET: 'shh' }, headers: { authorization: 'Bearer xoxb-secret' } }, 'hello');
    log.child({ user: 'U1' }).warn('child');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first).toMatchObject({ msg: 'hello', token: '[redacted]', config: { SLACK_BOT_TOKEN: '[redacted]', SLACK_SIGNING_SECRET: '[redacted]' }, headers: { authorization: '[redacted]' } });
    expect(lines.join('')).not.toContain('xoxb-secret');
    expect(JSON.parse(lines[1]!)).toMatchObject({ user: 'U1', level: 40 });
  });
});
