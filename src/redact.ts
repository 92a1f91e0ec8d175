// The one place secrets are taken out of text before it reaches a log line, App Home or a Slack reply.
// Feed URLs may carry credentials (user:password@host, ?api_key=…), and errors quote the URL they failed on.

export const REDACTED = '[redacted]';

// Every quantifier is bounded or follows a fixed anchor, so the cost stays linear on long text.
/** user:password@ (or a key used as the user name) right after the scheme's "//". */
const USERINFO = /\/\/[^\s/?#@<>"'`|]{1,512}@/g;
/** Query or fragment parameters whose name says they hold a secret. */
const SECRET_PARAM =
  /([?&;#](?:[a-z0-9_.-]{0,32}[_.-])?(?:api[_-]?key|apikey|key|token|access[_-]?token|auth|authorization|secret|client[_-]?secret|password|passwd|pass|pwd|sig|signature|credentials?|session|code)=)[^&#\s"'<>`|]{1,2048}/gi;
/** Slack tokens, wherever they appear. */
const SLACK_TOKEN = /\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{1,255}/g;
/** "Authorization: Basic …" / "Bearer …" quoted in an error. */
const AUTH_VALUE = /\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{8,1024}/g;

/** Text with URL credentials, secret query parameters and tokens replaced by "[redacted]". */
export function redact(text: string): string {
  if (!text) return text;
  return text
    .replace(USERINFO, `//${REDACTED}@`)
    .replace(SECRET_PARAM, `$1${REDACTED}`)
    .replace(SLACK_TOKEN, REDACTED)
    .replace(AUTH_VALUE, `$1 ${REDACTED}`);
}

/** A copy of a log object with every string redacted (plain objects and arrays, a few levels deep). */
export function redactDeep(value: unknown, depth = 5): unknown {
  if (typeof value === 'string') return redact(value);
  if (depth <= 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth - 1));
  if (value instanceof Error) {
    const e = value as Error & Record<string, unknown>;
    const out: Record<string, unknown> = { type: e.name, message: redact(e.message), stack: e.stack ? redact(e.stack) : undefined };
    for (const k of ['code', 'status', 'statusCode']) if (e[k] !== undefined) out[k] = redactDeep(e[k], depth - 1);
    if (e.cause !== undefined) out.cause = redactDeep(e.cause, depth - 1);
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, depth - 1);
  return out;
}
