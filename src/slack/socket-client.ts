// Socket Mode without a gap at reconnects. The stock client, on Slack's `disconnect` message (`refresh_requested`,
// `warning`), closes its connection and opens the next one after a fixed delay (5 s), and after a dropped connection
// waits the same; commands and clicks in between fail. This client opens the next connection first and closes the
// old one only once Slack said hello on the new one; a dropped connection is reopened at once. Envelopes whose
// payload is not a body the app can handle are acknowledged and dropped, so they never reach a listener.
import { SocketModeClient, type SocketModeOptions } from '@slack/socket-mode';
import type { Logger } from 'pino';
import { checkBody } from './payload-shape.ts';

/** The parts of the stock client and its socket this wrapper relies on (stable across 2.x and 3.x). */
interface SocketLike {
  connect(): void;
  disconnect(): void;
  isActive(): boolean;
}
interface ClientInternals {
  websocket?: SocketLike;
  shuttingDown: boolean;
  numOfConsecutiveReconnectionFailures: number;
  retrieveWSSURL(): Promise<string>;
  onWebSocketMessage(data: unknown, isBinary: boolean): Promise<void>;
  delayReconnectAttempt(cb: () => Promise<unknown>): Promise<unknown>;
  start(): Promise<unknown>;
  send(id: string, body?: Record<string, unknown>): Promise<void>;
  on(event: string, fn: (...a: any[]) => void): unknown;
  once(event: string, fn: (...a: unknown[]) => void): unknown;
  removeListener(event: string, fn: (...a: unknown[]) => void): unknown;
  emit(event: string, ...a: unknown[]): boolean;
}

// Typed through the internals it uses: the stock class declares them private.
const Base = SocketModeClient as unknown as new (o: SocketModeOptions) => ClientInternals;

export interface OverlapOptions extends SocketModeOptions {
  log: Logger;
  /** How long the next connection may take to say hello before the hand-over gives up (the old one is kept). */
  handOverTimeoutMs?: number;
}

export class OverlappingSocketModeClient extends Base {
  private handingOver = false;
  private lastImmediate = 0;
  private readonly log: Logger;
  private readonly handOverTimeoutMs: number;
  private readonly socketOptions: Record<string, unknown>;

  constructor(opts: OverlapOptions) {
    const { log, handOverTimeoutMs, ...rest } = opts;
    super(rest);
    this.log = log.child({ component: 'socket-mode' });
    this.handOverTimeoutMs = handOverTimeoutMs ?? 10_000;
    this.socketOptions = {
      client: this,
      logger: rest.logger,
      logLevel: rest.logLevel,
      dispatcher: rest.dispatcher,
      clientPingTimeoutMS: rest.clientPingTimeout ?? 5000,
      serverPingTimeoutMS: rest.serverPingTimeout ?? 30_000,
      pingPongLoggingEnabled: rest.pingPongLoggingEnabled ?? false,
    };
  }

  override async onWebSocketMessage(data: unknown, isBinary: boolean): Promise<void> {
    if (!isBinary) {
      let msg: unknown;
      try {
        msg = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer));
      } catch {
        return super.onWebSocketMessage(data, isBinary);
      }
      if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) {
        this.log.warn('socket message ignored: not an object');
        return;
      }
      const m = msg as { type?: unknown; reason?: unknown; envelope_id?: unknown; payload?: unknown };
      if (m.type === 'disconnect') {
        this.log.info({ reason: String(m.reason ?? '') }, 'Slack asked for a new connection: opening it before closing this one');
        void this.handOver();
        return;
      }
      // Everything but Slack's own hello is an envelope for the listeners: its payload must be a body they handle.
      if (m.type !== 'hello') {
        const shape = checkBody(m.payload);
        if (!shape.ok) {
          this.log.warn({ reason: shape.reason, type: String(m.type).slice(0, 40) }, 'socket envelope dropped: unexpected payload');
          // Acknowledged so Slack does not deliver it again.
          if (typeof m.envelope_id === 'string') await this.send(m.envelope_id).catch(() => undefined);
          return;
        }
      }
    }
    return super.onWebSocketMessage(data, isBinary);
  }

  /** Opens the next connection, waits for Slack's hello on it, then closes the old one. */
  private async handOver(): Promise<void> {
    if (this.handingOver || this.shuttingDown) return;
    this.handingOver = true;
    const old = this.websocket;
    let next: SocketLike | undefined;
    try {
      const url = await this.retrieveWSSURL();
      if (this.shuttingDown) return;
      const Socket = (old as unknown as { constructor: new (o: Record<string, unknown>) => SocketLike } | undefined)?.constructor;
      if (!Socket) throw new Error('no connection to hand over from');
      next = new Socket({ ...this.socketOptions, url });
      let onHello: () => void = () => undefined;
      const hello = new Promise<void>((resolve) => {
        onHello = resolve;
        this.once('connected', onHello);
      });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no hello on the new connection within ${this.handOverTimeoutMs} ms`)), this.handOverTimeoutMs);
      });
      next.connect();
      try {
        await Promise.race([hello, timeout]);
      } finally {
        clearTimeout(timer);
        this.removeListener('connected', onHello);
      }
      if (this.shuttingDown) {
        next.disconnect();
        return;
      }
      this.websocket = next;
      this.log.info('new Socket Mode connection open; closing the old one');
      old?.disconnect();
    } catch (err) {
      this.log.warn({ err }, 'Socket Mode hand-over failed; reconnecting');
      next?.disconnect();
      this.handingOver = false;
      if (!this.shuttingDown) {
        if (old?.isActive()) old.disconnect();
        else void this.delayReconnectAttempt(this.start);
      }
    } finally {
      this.handingOver = false;
    }
  }

  override delayReconnectAttempt(cb: () => Promise<unknown>): Promise<unknown> {
    // The old connection closing during a hand-over needs no reconnect: the hand-over brings the next one.
    if (cb === this.start && this.handingOver) return Promise.resolve();
    // A dropped connection is reopened at once; only repeated failures wait (at most one immediate try per 10 s).
    if (cb === this.start && !this.shuttingDown && Date.now() - this.lastImmediate > 10_000) {
      this.lastImmediate = Date.now();
      this.log.info('Socket Mode connection dropped: reconnecting now');
      this.emit('reconnecting');
      return cb.apply(this).catch((err: unknown) => this.log.warn({ err }, 'Socket Mode reconnect failed'));
    }
    return super.delayReconnectAttempt(cb);
  }
}
