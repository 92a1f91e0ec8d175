// An invalid or incomplete configuration stops start-up with a message naming the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('no tokens: console mode with defaults', () => {
    expect(loadConfig({})).toMatchObject({ mode: 'console', PORT: 3000, POSTINGS_DIR: 'seeds', DATA_DIR: 'data', LOG_LEVEL: 'info', DIGEST_CRON: '0 9 * * 1-5', DIGEST_TZ: 'UTC', DIGEST_EMPTY: 'skip' });
  });
  it('bot token and app token: Socket Mode; bot token and signing secret: HTTP', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).mode).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '0123456789abcdef0', PORT: '8080' })).toMatchObject({ mode: 'http', PORT: 8080 });
  });
  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxp-1', SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN: a bot token starting with xoxb-/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_APP_TOKEN: .*or SLACK_SIGNING_SECRET/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /SLACK_BOT_TOKEN: the bot token/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'short' }, /SLACK_SIGNING_SECRET/],
    [{ PORT: 'eighty' }, /PORT: a port number/],
    [{ PORT: '70000' }, /PORT: a port number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ SLACK_API_URL: 'not a url' }, /SLACK_API_URL: a URL/],
    [{ DIGEST_CRON: 'every morning' }, /DIGEST_CRON: a cron pattern/],
    [{ DIGEST_TZ: 'Mars/Olympus' }, /DIGEST_TZ: a time zone/],
    [{ DIGEST_EMPTY: 'maybe' }, /DIGEST_EMPTY/],
  ])('%o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
  it('SOURCES defaults to the postings folder and reads feeds; a bad entry names the variable', () => {
    expect(loadConfig({}).sources).toEqual([{ kind: 'dir', target: 'seeds', company: null }]);
    expect(loadConfig({ POSTINGS_DIR: 'jobs' }).sources).toEqual([{ kind: 'dir', target: 'jobs', company: null }]);
    expect(loadConfig({ SOURCES: 'dir:seeds,ashby:initech=Initech' }).sources).toHaveLength(2);
    expect(() => loadConfig({ SOURCES: 'ftp:x' })).toThrow(/SOURCES: "ftp:x" is not a source/);
    expect(loadConfig({ SOURCES_REFRESH: '5m' }).SOURCES_REFRESH).toBe(300_000);
    expect(() => loadConfig({ SOURCES_REFRESH: 'soon' })).toThrow(/SOURCES_REFRESH: a duration/);
  });
  it('six-field cron patterns with seconds are accepted', () => {
    expect(loadConfig({ DIGEST_CRON: '30 0 9 * * 1-5' }).DIGEST_CRON).toBe('30 0 9 * * 1-5');
  });
});
