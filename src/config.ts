// Configuration from the environment, validated at start-up; a bad setting stops the app with the variable's name.
import { Cron } from 'croner';
import { z } from 'zod';
import { redact } from './redact.ts';
import { parseSources, type SourceSpec } from './sources/spec.ts';

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s ? s : undefined));

const DURATION = /^(\d+)\s*(ms|s|m|h)?$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration setting: a number with ms, s, m or h (`unit` when none is given), at least 1 ms. */
function duration(unit: 'ms' | 's' | 'm' | 'h', fallback: string, expected: string) {
  return optionalString
    .pipe(z.string().regex(DURATION, expected).optional())
    .transform((s) => durationMs(s ?? fallback, unit))
    .pipe(z.number().min(1, expected));
}

function durationMs(s: string, unit: string): number {
  const m = DURATION.exec(s)!;
  return Number(m[1]) * UNIT_MS[(m[2] ?? unit).toLowerCase()]!;
}

function sizeBytes(s: string): number {
  const m = /^(\d+)\s*([a-z]*)$/i.exec(s)!;
  const unit = (m[2] || 'mb').toLowerCase()[0];
  return Number(m[1]) * (unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1);
}

const Env = z.object({
  SLACK_BOT_TOKEN: optionalString.pipe(z.string().regex(/^xoxb-/, 'a bot token starting with xoxb-').optional()),
  SLACK_APP_TOKEN: optionalString.pipe(z.string().regex(/^xapp-/, 'an app-level token starting with xapp-').optional()),
  SLACK_SIGNING_SECRET: optionalString.pipe(z.string().min(16, 'the signing secret from Basic Information (at least 16 characters)').optional()),
  SLACK_API_URL: optionalString.pipe(z.url('a URL such as https://slack.com/api/').optional()),
  PORT: optionalString
    .pipe(z.string().regex(/^\d{1,5}$/, 'a port number from 0 to 65535').optional())
    .transform((s) => (s ? Number(s) : 3000))
    .pipe(z.number().min(0, 'a port number from 0 to 65535').max(65535, 'a port number from 0 to 65535')),
  HOST: optionalString.transform((s) => s ?? '0.0.0.0'),
  POSTINGS_DIR: optionalString.transform((s) => s ?? 'seeds'),
  DATA_DIR: optionalString.transform((s) => s ?? 'data'),
  LOG_LEVEL: optionalString.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()).transform((s) => s ?? 'info'),
  DIGEST_CRON: optionalString.transform((s) => s ?? '0 9 * * 1-5'),
  DIGEST_TZ: optionalString.transform((s) => s ?? 'UTC'),
  DIGEST_CHANNELS: optionalString.transform((s) => (s ? s.split(',').map((c) => c.trim()).filter(Boolean) : [])),
  DIGEST_EMPTY: optionalString.pipe(z.enum(['skip', 'post']).optional()).transform((s) => s ?? 'skip'),
  SOURCES: optionalString,
  SOURCES_REFRESH: duration('m', '15m', 'a duration such as 15m, 900s or 1h'),
  SOURCES_TIMEOUT: duration('s', '15s', 'a duration such as 15s or 500ms'),
  SOURCES_MAX_SIZE: optionalString
    .pipe(z.string().regex(/^\d+\s*(b|kb|k|mb|m|gb|g)?$/i, 'a size such as 20MB or 512KB').optional())
    .transform((s) => sizeBytes(s ?? '20MB'))
    .pipe(z.number().min(1024, 'a size of at least 1KB, such as 20MB')),
  SLACK_API_TIMEOUT: duration('s', '10s', 'a duration such as 10s or 500ms'),
  GREENHOUSE_API_URL: optionalString.pipe(z.url('a URL such as https://boards-api.greenhouse.io').optional()),
  LEVER_API_URL: optionalString.pipe(z.url('a URL such as https://api.lever.co').optional()),
  ASHBY_API_URL: optionalString.pipe(z.url('a URL such as https://api.ashbyhq.com').optional()),
  LINK_TIMEOUT_MS: optionalString
    .pipe(z.string().regex(/^\d{1,6}$/, 'milliseconds, such as 5000').optional())
    .transform((s) => (s ? Number(s) : 5000))
    .pipe(z.number().min(100, 'at least 100 milliseconds').max(60_000, 'at most 60000 milliseconds (Slack stops waiting long before)')),
  LINK_PRIVATE_HOSTS: optionalString.transform((s) => (s ? s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean) : [])),
  ADMIN_USERS: optionalString.transform((s) => (s ? s.split(',').map((u) => u.trim()).filter(Boolean) : [])),
});

/** Settings whose value is never repeated in a message. */
const SECRET_SETTINGS = new Set(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']);

export type Config = z.infer<typeof Env> & { mode: 'socket' | 'http' | 'console'; sources: SourceSpec[] };

/** A bad setting: one line naming each variable, what it should be and what it is. */
export class ConfigError extends Error {
  readonly code = 'config_invalid';
  constructor(problems: string) {
    super(`Invalid configuration: ${problems}`);
  }
}

/** Reads and checks the configuration; throws ConfigError naming each bad variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'config');
      const value = env[name]?.trim();
      return `${name}: ${i.message}${value && !SECRET_SETTINGS.has(name) ? `, not "${redact(value).slice(0, 80)}"` : ''}`;
    });
    throw new ConfigError([...new Set(lines)].join('; '));
  }
  const c = parsed.data;
  if (c.DIGEST_TZ && !validTimeZone(c.DIGEST_TZ)) throw new ConfigError(`DIGEST_TZ: a time zone such as UTC or Europe/Berlin, not "${c.DIGEST_TZ}"`);
  if (!validCron(c.DIGEST_CRON, c.DIGEST_TZ)) throw new ConfigError(`DIGEST_CRON: a cron pattern of five fields (or six, with seconds) such as "0 9 * * 1-5", not "${c.DIGEST_CRON}"`);
  let mode: Config['mode'];
  if (!c.SLACK_BOT_TOKEN) {
    if (c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET) {
      throw new ConfigError('SLACK_BOT_TOKEN: the bot token (xoxb-…) from OAuth & Permissions is needed with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET');
    }
    mode = 'console';
  } else if (c.SLACK_APP_TOKEN) mode = 'socket';
  else if (c.SLACK_SIGNING_SECRET) mode = 'http';
  else {
    throw new ConfigError('SLACK_APP_TOKEN: an app-level token (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode, is needed with SLACK_BOT_TOKEN');
  }
  let sources: SourceSpec[];
  try {
    // POSTINGS_DIR still names the folder when SOURCES is not set.
    sources = parseSources(c.SOURCES ?? `dir:${c.POSTINGS_DIR}`);
  } catch (err) {
    throw new ConfigError(`SOURCES: ${(err as Error).message}`);
  }
  return { ...c, mode, sources };
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function validCron(pattern: string, timezone: string): boolean {
  if (pattern.trim().split(/\s+/).length > 6) return false;
  try {
    new Cron(pattern, { paused: true, timezone });
    return true;
  } catch {
    return false;
  }
}
