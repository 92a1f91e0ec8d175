// pino JSON logs, one event per line, secrets redacted; pretty only for the console mode.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface LogOptions {
  level?: string;
  /** Human-readable output, for the local console. */
  pretty?: boolean;
  /** Where lines go; tests pass a stream and read the JSON back. */
  destination?: DestinationStream;
}

export const REDACT = [
  'token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'authorization',
  '*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.authorization', '*.SLACK_BOT_TOKEN', '*.SLACK_APP_TOKEN', '*.SLACK_SIGNING_SECRET',
  'headers.authorization', 'req.headers.authorization', 'config.SLACK_BOT_TOKEN', 'config.SLACK_APP_TOKEN', 'config.SLACK_SIGNING_SECRET',
];

/** The app's logger. */
export function createLogger(opts: LogOptions = {}): Logger {
  const base = { level: opts.level ?? 'info', redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'openroles' } };
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
