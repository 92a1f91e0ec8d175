// Errors an operator meets (the database file, the data folder, the port): one line that names the problem, the
// setting or file, and the fix, with no stack trace. Users of the app never see these; they get a plain sentence.
import { dirname } from 'node:path';
import { redact } from './redact.ts';
import { storeFault } from './store/failures.ts';

/** A problem the operator can fix; its message is the one line to show. */
export class OperatorError extends Error {
  readonly code = 'operator_action_needed';
}

type Coded = Error & { code?: string; syscall?: string; errno?: number };

/** What went wrong with the database file, as one line naming DATA_DIR and the file; null when it is not a storage error. */
export function storeProblem(err: unknown, file: string): string | null {
  const dir = dirname(file);
  switch (storeFault(err)) {
    case 'not-a-folder':
      return `DATA_DIR (${dir}) is not a folder; set DATA_DIR to a folder openroles can write to`;
    case 'not-a-database':
      return `${file} is not an SQLite database; move it away or set DATA_DIR to another folder (DATA_DIR is ${dir})`;
    case 'damaged':
      return `${file} is damaged; restore it from a backup or move it away so a new one is made (DATA_DIR is ${dir})`;
    case 'full':
      return `the disk holding ${file} is full; free some space (DATA_DIR is ${dir})`;
    case 'busy':
    case 'locked':
      return `${file} is locked by another process; stop the other openroles using it, or set DATA_DIR to another folder`;
    case 'read-only':
      return cannotWrite(file, dir, 'it is read-only');
    case 'io':
      return cannotWrite(file, dir, 'the disk reported an error');
    case 'cannot-open':
      return cannotWrite(file, dir, 'permission denied or the folder cannot be created');
    default:
      return null;
  }
}

const cannotWrite = (file: string, dir: string, why: string): string => `cannot write ${file} (${why}); make DATA_DIR (${dir}) a writable folder or point DATA_DIR at one`;

/** Where the app listens, when listening failed. */
export function listenProblem(err: unknown, where: { port: number; host: string }): string | null {
  const code = (err as Coded)?.code;
  if (code === 'EADDRINUSE') return `PORT ${where.port} on ${where.host} is already in use; stop what uses it or set PORT to another port`;
  if (code === 'EACCES') return `PORT ${where.port}: not allowed to listen there (ports below 1024 need privileges); set PORT to a port above 1024`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `HOST ${where.host} is not an address of this machine; set HOST to 0.0.0.0 or one of its addresses`;
  return null;
}

/** Slack refusing the tokens at start-up. */
export function slackAuthProblem(err: unknown): string | null {
  const slackError = (err as { data?: { error?: string } })?.data?.error ?? '';
  if (['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'].includes(slackError)) {
    return `Slack does not accept SLACK_BOT_TOKEN (${slackError}); copy the Bot User OAuth Token from OAuth & Permissions again`;
  }
  if (slackError === 'not_allowed_token_type' || slackError === 'invalid_token') return `Slack does not accept SLACK_APP_TOKEN (${slackError}); create an app-level token with connections:write under Basic Information`;
  return null;
}

/** The one line printed when start-up fails for a reason no rule above names. */
export function oneLine(err: unknown): string {
  if (err instanceof OperatorError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  const first = redact(msg).split('\n').map((s) => s.trim()).find(Boolean) ?? 'unknown error';
  const code = (err as Coded)?.code;
  return `could not start: ${first}${code && !first.includes(code) ? ` (${code})` : ''}`;
}
