// In front of Bolt's HTTP receiver: reads the body once (within a size limit), refuses requests whose timestamp is
// more than five minutes away from now in either direction or whose signature is wrong, and answers 400 to bodies
// no listener can handle (`payload=null`, a JSON `null`, arrays, numbers, wrong types) before Bolt routes them.
import { HTTPModuleFunctions, isValidSlackRequest, type HTTPReceiver } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { checkBody } from './payload-shape.ts';

/** How far a request's timestamp may be from now, into the past or the future. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

export interface GateOptions {
  signingSecret: string;
  log: Logger;
  endpoints?: string[];
  bodyLimit?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

function reply(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}

/** Wraps the receiver's request listener; requests to other paths (health checks) pass straight through. */
export function gateRequests(receiver: HTTPReceiver, opts: GateOptions): void {
  const endpoints = opts.endpoints ?? ['/slack/events'];
  const now = opts.now ?? Date.now;
  const limit = opts.bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit;
  const log = opts.log.child({ component: 'request-gate' });
  const next = receiver.requestListener;

  async function check(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, limit);
    } catch (err) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413;
      log.warn({ reason: tooLarge ? 'body too large' : (err as Error).message }, 'request refused');
      return reply(res, tooLarge ? 413 : 400);
    }
    const ts = Number(req.headers['x-slack-request-timestamp']);
    const signature = req.headers['x-slack-signature'];
    const at = now();
    if (!Number.isSafeInteger(ts) || Math.abs(at / 1000 - ts) > MAX_CLOCK_SKEW_S) {
      log.warn({ timestamp: String(req.headers['x-slack-request-timestamp']).slice(0, 20) }, 'request refused: timestamp missing or more than five minutes from now');
      return reply(res, 401);
    }
    const body = buffered.rawBody.toString();
    if (typeof signature !== 'string' || !isValidSlackRequest({ signingSecret: opts.signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts }, nowMilliseconds: at })) {
      log.warn('request refused: bad signature');
      return reply(res, 401);
    }
    let parsed: unknown;
    try {
      parsed = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      log.warn('request refused: the body is not valid JSON or form data');
      return reply(res, 400);
    }
    const shape = checkBody(parsed);
    if (!shape.ok) {
      log.warn({ reason: shape.reason }, 'request refused: unexpected body');
      return reply(res, 400);
    }
    // Bolt reuses the buffered body, verifies it again and routes it.
    next(buffered, res);
  }

  receiver.requestListener = (req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method !== 'POST' || !endpoints.includes(path)) return next(req, res);
    check(req, res).catch((err: unknown) => {
      log.error({ err }, 'request failed');
      reply(res, 500);
    });
  };
}
