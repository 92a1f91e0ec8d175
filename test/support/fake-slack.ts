// A small local stand-in for the Slack Web API (and response_url endpoints) that records every call it receives.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

/** A message Slack accepted, as conversations.history returns it. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

type Scripted = { status?: number; headers?: Record<string, string>; body?: Record<string, unknown>; /** Only for calls whose arguments pass this. */ when?: (args: Record<string, unknown>) => boolean };
/** A scripted call that is never answered: the connection stays open until stop. */
type Hang = { hang?: boolean };

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends nested arguments (blocks, view) as JSON strings.
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v === 'true' ? true : v === 'false' ? false : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Messages accepted by chat.postMessage, per conversation (a DM to a user id lands in that user's D… channel). */
  readonly history = new Map<string, StoredMessage[]>();
  /** Called for each call once it is recorded (and a post stored), before the answer is written. */
  beforeRespond: ((call: RecordedCall) => void) | null = null;
  private seq = 0;
  private server: Server;
  private scripts = new Map<string, Scripted[]>();
  private defaults = new Map<string, Record<string, unknown>>();
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const path = (req.url ?? '').split('?')[0]!;
        const method = path.replace(/^\/api\//, '').replace(/^\//, '');
        const args = parseBody(raw, req.headers['content-type']);
        this.calls.push({ method, args, headers: req.headers });
        const queue = this.scripts.get(method) ?? [];
        const at = queue.findIndex((s) => !s.when || s.when(args));
        const next = at >= 0 ? queue.splice(at, 1)[0] : undefined;
        if ((next as Hang | undefined)?.hang) return;
        const status = next?.status ?? 200;
        let body = next?.body ?? this.defaults.get(method) ?? this.defaultBody(method, args);
        if (method === 'chat.postMessage' && status === 200 && body.ok !== false) body = { ...body, ...this.store(args) };
        this.beforeRespond?.(this.calls.at(-1)!);
        res.writeHead(status, { 'content-type': 'application/json', ...(next?.headers ?? {}) });
        res.end(JSON.stringify(status === 200 ? body : { ok: false, error: 'fake_http_error' }));
      });
    });
  }

  private defaultBody(method: string, args: Record<string, unknown>): Record<string, unknown> {
    if (method === 'auth.test') return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'openroles' };
    if (method === 'chat.postMessage') return { ok: true };
    if (method === 'conversations.info') return { ok: true, channel: { id: 'C1', is_member: true } };
    if (method === 'conversations.open') return { ok: true, channel: { id: dmOf(String(args.users ?? '')) } };
    if (method === 'conversations.history') return this.historyOf(args);
    return { ok: true };
  }

  /** Keeps an accepted message with a unique, increasing ts; returns what chat.postMessage answers. */
  private store(args: Record<string, unknown>): { ts: string; channel: string } {
    const channel = String(args.channel ?? '').startsWith('U') ? dmOf(String(args.channel)) : String(args.channel ?? '');
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`;
    const metadata = args.metadata as StoredMessage['metadata'] | undefined;
    const list = this.history.get(channel) ?? [];
    list.push({ channel, ts, text: String(args.text ?? ''), metadata });
    this.history.set(channel, list);
    return { ts, channel };
  }

  /** conversations.history: newest first from `oldest`, `limit` per page with a cursor; metadata only when asked for. */
  private historyOf(args: Record<string, unknown>): Record<string, unknown> {
    const oldest = Number(args.oldest ?? 0);
    const all = (this.history.get(String(args.channel)) ?? []).filter((m) => Number(m.ts) >= oldest).reverse();
    const from = Number(args.cursor ?? 0) || 0;
    const limit = Math.min(Number(args.limit ?? 100) || 100, 1000);
    const page = all.slice(from, from + limit).map((m) => ({ type: 'message', ts: m.ts, text: m.text, bot_id: 'BBOT', ...(args.include_all_metadata === true && m.metadata ? { metadata: m.metadata } : {}) }));
    const more = from + limit < all.length;
    return { ok: true, messages: page, has_more: more, response_metadata: { next_cursor: more ? String(from + limit) : '' } };
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The next responses for a method, in order; later calls get the default again. */
  script(method: string, ...responses: Array<Scripted & Hang>): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...responses]);
  }

  respondWith(method: string, body: Record<string, unknown>): void {
    this.defaults.set(method, body);
  }

  of(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `n` calls of a method arrived (or fails after `ms`). */
  async waitFor(method: string, n = 1, ms = 5000): Promise<RecordedCall[]> {
    const until = Date.now() + ms;
    while (this.of(method).length < n) {
      if (Date.now() > until) throw new Error(`fake slack: expected ${n} ${method} call(s), got ${this.of(method).length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.of(method);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** The DM channel of the app with a user: U123 → D123. */
export const dmOf = (user: string): string => `D${user.replace(/^U/, '')}`;

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}"). */
export function sign(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const sig = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sig };
}
