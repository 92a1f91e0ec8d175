// A local HTTP server that plays a job board's public API (or any page) for link tests: each path answers as told,
// slowly, hugely, brokenly or by redirecting.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export class FakeBoard {
  private server: Server;
  private routes = new Map<string, Route>();
  readonly hits: string[] = [];
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      this.hits.push(req.url ?? '');
      const route = this.routes.get((req.url ?? '').split('?')[0]!);
      if (route) return route(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  on(path: string, route: Route): this {
    this.routes.set(path, route);
    return this;
  }

  json(path: string, body: unknown): this {
    return this.on(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  }

  /** Answers only after `ms`. */
  slow(path: string, ms: number, body: unknown = {}): this {
    return this.on(path, (_req, res) => {
      const t = setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      }, ms);
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

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
