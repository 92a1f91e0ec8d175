// pino JSON logs, one event per line, secrets redacted; pretty only for the console mode.
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redact, redactDeep, REDACTED } from './redact.ts';

export type { Logger };

export interface LogOptions {
  level?: string;
  /** Human-readable output, for the local console. */
  pretty?: boolean;
  /** Where lines go; tests pass a stream and read the JSON back. */
  destination?: DestinationStream;
}

/** Keys whose values are secrets wherever they appear. */
const SECRET_KEYS = [
  'token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'authorization', 'password', 'api_key', 'apiKey', 'secret', 'cookie',
  'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET',
];

export const REDACT = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  'headers.authorization', 'headers.cookie', 'req.headers.authorization', 'req.headers.cookie', 'config.SLACK_BOT_TOKEN', 'config.SLACK_APP_TOKEN', 'config.SLACK_SIGNING_SECRET',
];

/**
 * Keys are redacted by pino; every string besides (the message, fields, error messages and stacks) goes through
 * `redact`, so a URL with credentials quoted anywhere in a line loses them.
 */
const options: LoggerOptions = {
  redact: { paths: REDACT, censor: REDACTED },
  base: { app: 'openroles' },
  serializers: { err: (e: unknown) => redactDeep(e instanceof Error ? e : pino.stdSerializers.err(e as Error)) as Record<string, unknown> },
  formatters: {
    log: (obj) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, k === 'err' ? v : redactDeep(v)])),
  },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((a) => (typeof a === 'string' ? redact(a) : a)) as Parameters<typeof method>);
    },
  },
};

/** The app's logger. */
export function createLogger(opts: LogOptions = {}): Logger {
  const base = { ...options, level: opts.level ?? 'info' };
  if (opts.destination) return pino(base, opts.destination);
  if (opts.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: process.stderr.isTTY, destination: 2, ignore: 'pid,hostname,app' } } });
  }
  return pino(base);
}

/** A logger that writes nothing, for tests and library use. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
