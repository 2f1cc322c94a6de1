// A small hostile HTTP server for the client's tests: each test decides exactly what goes on the wire
// (headers then silence, a body shorter than its Content-Length, a gzip body, a redirect), and every
// request's method and path is recorded.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';
import { createAtScaleClient, type AtScaleClient, type AtScaleClientOptions } from '@core/atscale/index';
import { FAST_RETRY } from './helpers';

export interface RawServer {
  url: string;
  /** "GET /path?query" for every request, in order. */
  requests: string[];
  /** For every request, in order: which TCP connection carried it (1 = the first one the server accepted). */
  connections: number[];
  /** For every request, in order: its headers and body as the server received them. */
  received: { headers: http.IncomingHttpHeaders; body: string }[];
  /** How many client connections are still open. */
  openConnections(): number;
  close(): Promise<void>;
}

export type RawHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Plain HTTP, or HTTPS with `tls` (a certificate for 127.0.0.1 and its key). */
export async function startRawServer(handler: RawHandler, tls?: { cert: string; key: string }): Promise<RawServer> {
  const requests: string[] = [];
  const connections: number[] = [];
  const received: RawServer['received'] = [];
  const sockets = new Map<Socket, number>();
  const listener: http.RequestListener = (req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    connections.push(sockets.get(req.socket) ?? 0);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      handler(req, res);
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  const open = new Set<Socket>();
  // A request's socket is the TLS socket over HTTPS: count those, not the TCP sockets beneath them.
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.set(socket, sockets.size + 1);
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    connections,
    received,
    openConnections: () => open.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // stalled answers go too
      }),
  };
}

/** A documented-looking answer for every endpoint the client calls, so one path can be made hostile. */
export function answerLikeAtScale(req: http.IncomingMessage, res: http.ServerResponse, token = 'raw-server-session-token-0123456789'): void {
  const path = req.url ?? '';
  const json = (value: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (/\/auth$/.test(path)) {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(token);
  } else if (path.startsWith('/aggregates/maintenance/scheduler/jobs/') && req.method === 'POST') {
    json({ status: { code: 200 }, response: { job_id: '11111111-2222-4333-8444-555555555555', time_expression: '0 0 4 ? * * *' } });
  } else if (path.startsWith('/aggregates/maintenance/scheduler/jobs/')) {
    json({ status: { code: 200 }, response: [] });
  } else if (req.method === 'DELETE') {
    json({ status: { code: 200 }, response: 'successfully deleted job' });
  } else if (path.endsWith('/run-immediately')) {
    json({ status: { code: 200, message: 'Maintenance successfully started' }, response: null });
  } else if (path.startsWith('/aggregates/maintenance/orgId/')) {
    json({ status: { code: 0, message: '200 OK' }, response: null });
  } else if (path === '/api/1.0/org') {
    json({ response: [{ id: 'default', name: 'Default' }] });
  } else if (path === '/api/1.0/sessiontoken') {
    json({ response: { user_id: 'admin', generated_at: '2026-11-01T00:00:00Z' } });
  } else {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{}');
  }
}

/**
 * One raw server per test (closed after it) and a token client for it, with a 400 ms deadline and the
 * fast retry; `overrides` change any option. `server()` is the current test's server.
 */
export function rawServerClients(defaults: Partial<AtScaleClientOptions> = {}): {
  clientFor(handler: RawHandler, overrides?: Partial<AtScaleClientOptions>): Promise<AtScaleClient>;
  server(): RawServer | null;
} {
  let current: RawServer | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return {
    async clientFor(handler, overrides = {}) {
      current = await startRawServer(handler);
      return createAtScaleClient({
        apiUrl: current.url,
        orgId: 'default',
        credentials: { kind: 'token', token: 'raw-test-token-0123456789' },
        timeoutMs: 400,
        retry: FAST_RETRY,
        ...defaults,
        ...overrides,
      });
    },
    server: () => current,
  };
}
