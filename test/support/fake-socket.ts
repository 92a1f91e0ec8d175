// A local stand-in for Slack's Socket Mode endpoint: a small WebSocket server (RFC 6455 over node:http, text frames,
// ping/pong and close) that says hello on every connection, delivers envelopes and records the app's acks. Like
// Slack, it can ask for a refresh (`disconnect` message), drop a connection, or hold several open at once.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x80 | opcode, n]) : n < 65536 ? Buffer.from([0x80 | opcode, 126, n >> 8, n & 255]) : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(n)); return b; })()]);
  return Buffer.concat([head, payload]);
}

export class FakeConnection {
  readonly id = randomUUID();
  open = true;
  readonly received: Array<Record<string, unknown>> = [];
  private buffer = Buffer.alloc(0);

  constructor(private socket: Socket, private server: FakeSocketServer) {
    socket.on('data', (d) => this.onData(d));
    socket.on('close', () => this.gone());
    socket.on('error', () => this.gone());
  }

  private gone(): void {
    if (!this.open) return;
    this.open = false;
    this.server.emitChange();
  }

  private onData(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      const opcode = b[0]! & 0x0f;
      const masked = (b[1]! & 0x80) !== 0;
      let len = b[1]! & 0x7f;
      let at = 2;
      if (len === 126) {
        if (b.length < 4) return;
        len = b.readUInt16BE(2);
        at = 4;
      } else if (len === 127) {
        if (b.length < 10) return;
        len = Number(b.readBigUInt64BE(2));
        at = 10;
      }
      const mask = masked ? b.subarray(at, at + 4) : null;
      if (masked) at += 4;
      if (b.length < at + len) return;
      const payload = Buffer.from(b.subarray(at, at + len));
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      this.buffer = b.subarray(at + len);
      if (opcode === 0x1 || opcode === 0x0) {
        try {
          this.received.push(JSON.parse(payload.toString('utf8')) as Record<string, unknown>);
        } catch {
          this.received.push({ unparsed: payload.toString('utf8') });
        }
        this.server.emitChange();
      } else if (opcode === 0x9) this.write(frame(0xa, payload));
      else if (opcode === 0x8) {
        this.write(frame(0x8, payload.subarray(0, 2)));
        this.socket.end();
        this.gone();
      }
    }
  }

  private write(b: Buffer): void {
    if (!this.socket.destroyed) this.socket.write(b);
  }

  /** Sends one text message (a JSON value, or a raw string as is). */
  send(message: unknown): void {
    this.write(frame(0x1, Buffer.from(typeof message === 'string' ? message : JSON.stringify(message))));
  }

  /** A clean close, as Slack does when it retires a connection. */
  close(): void {
    this.write(frame(0x8, Buffer.from([0x03, 0xe8])));
  }

  /** The connection vanishes without a close frame. */
  drop(): void {
    this.socket.destroy();
    this.gone();
  }
}

export class FakeSocketServer {
  readonly connections: FakeConnection[] = [];
  private server: Server;
  private waiters: Array<() => void> = [];
  url = '';
  /** How long a new connection waits before Slack's hello (Slack takes a moment too). */
  helloDelayMs = 0;

  constructor() {
    this.server = createServer((_req, res) => {
      res.writeHead(426);
      res.end();
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
      const key = req.headers['sec-websocket-key'];
      if (typeof key !== 'string') return socket.destroy();
      const accept = createHash('sha1').update(key + GUID).digest('base64');
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      const conn = new FakeConnection(socket, this);
      this.connections.push(conn);
      setTimeout(() => {
        if (conn.open) conn.send({ type: 'hello', num_connections: this.open().length, debug_info: { host: 'fake-applink-1', build_number: 1, approximate_connection_time: 18060 }, connection_info: { app_id: 'A1' } });
        this.emitChange();
      }, this.helloDelayMs);
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=fake`;
    return this;
  }

  open(): FakeConnection[] {
    return this.connections.filter((c) => c.open);
  }

  emitChange(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Waits until `fn` holds, re-checking on every message and connection change (fails after `ms`). */
  async until(fn: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!fn()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`fake socket: timed out waiting for ${what}`);
      await new Promise<void>((r) => {
        const timer = setTimeout(r, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          r();
        });
      });
    }
  }

  /** The app's ack for an envelope, from whichever connection it came on. */
  ackOf(envelopeId: string): Record<string, unknown> | undefined {
    for (const c of this.connections) for (const m of c.received) if (m.envelope_id === envelopeId) return m;
    return undefined;
  }

  /** Sends an envelope on the newest open connection and resolves with the app's ack. */
  async deliver(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown, opts: { on?: FakeConnection; ms?: number } = {}): Promise<{ envelopeId: string; ack: Record<string, unknown> }> {
    const conn = opts.on ?? this.open().at(-1);
    if (!conn) throw new Error('fake socket: no open connection');
    const envelopeId = randomUUID();
    conn.send({ envelope_id: envelopeId, payload, type, accepts_response_payload: type !== 'events_api', ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}) });
    await this.until(() => this.ackOf(envelopeId) !== undefined, opts.ms ?? 5000, `the ack of ${type} ${envelopeId}`);
    return { envelopeId, ack: this.ackOf(envelopeId)! };
  }

  async stop(): Promise<void> {
    for (const c of this.connections) c.drop();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
