// A local HTTP server whose answer per path is a function, for fetch, feed and link tests (a job board's public API or
// any page): slow, huge, redirecting, failing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export class TestWeb {
  private server: Server;
  private routes = new Map<string, Handler>();
  private fallback: Handler | null = null;
  readonly hits: Array<{ path: string; headers: IncomingMessage['headers'] }> = [];
  url = '';

  constructor(private host = '127.0.0.1') {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.hits.push({ path, headers: req.headers });
      const h = this.routes.get(path) ?? this.routes.get(path.split('?')[0]!);
      if (h) return h(req, res);
      if (this.fallback) return this.fallback(req, res);
      res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, this.host, r));
    this.url = `http://${this.host}:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  on(path: string, h: Handler): this {
    this.routes.set(path, h);
    return this;
  }

  /** How every path without a route of its own answers (a 404 otherwise). */
  otherwise(h: Handler): this {
    this.fallback = h;
    return this;
  }

  json(path: string, body: unknown, status = 200, headers: Record<string, string> = {}): this {
    return this.on(path, (_req, res) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body)));
  }

  /** A path that accepts the request and never answers. */
  hang(path: string): this {
    return this.on(path, () => undefined);
  }

  /** Answers only after `ms`. */
  slow(path: string, ms: number, body: unknown = {}): this {
    return this.on(path, (_req, res) => {
      const t = setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)), ms);
      res.on('close', () => clearTimeout(t));
    });
  }

  /** Streams `bytes` of body without a content-length, so only reading can tell it is too big. */
  huge(path: string, bytes: number): this {
    return this.on(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
  }

  reset(): void {
    this.routes.clear();
    this.fallback = null;
    this.hits.length = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** A server for a test file: started before its tests and stopped after; with `resetEach`, emptied before each test. */
export function useTestWeb(opts: { resetEach?: boolean } = {}): TestWeb {
  const web = new TestWeb();
  beforeAll(async () => {
    await web.start();
  });
  if (opts.resetEach) beforeEach(() => web.reset());
  afterAll(() => web.stop());
  return web;
}
