// startSimulator: a real HTTP(S) server on 127.0.0.1 that answers like AtScale, with fault injection.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { envelope, handleApi, routeOf, type SimResponse } from './api';
import { authKind } from './auth';
import { handleControl } from './control';
import { createController } from './controller';
import type { FaultAction } from './faults';
import { createStateWriter, stateOf, type StateWriter } from './saved-state';
import { simulatorCertificates } from './tls';
import type { RequestLogEntry, Simulator, SimulatorOptions } from './types';

const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>' +
  '<p>The proxy server received an invalid response from an upstream server.</p></body></html>';
const MAX_BODY = 1024 * 1024;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  let offline = false;
  const report = options.onStateProblem ?? (() => undefined);
  const keeping = options.state ?? null;
  let port = 0;
  let writer: StateWriter | null = null;
  const { control, world } = createController(
    options,
    () => offline,
    keeping?.saved ?? null,
    () => writer?.changed(),
  );
  const { now, faults, holds } = world;
  if (keeping)
    writer = createStateWriter(
      (state) => keeping.save(state),
      () => stateOf(world.store(), port === 0 ? null : port),
      report,
    );

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (body === null) return send(res, envelope(now(), 413, 'Request body too large', null));
    if (url.pathname.startsWith('/__sim/')) {
      if (!options.control) return send(res, envelope(now(), 404, 'Not found', null));
      const answer = handleControl(control, method, url.pathname, body, url.searchParams);
      if (writer) await writer.flush();
      return send(res, answer);
    }

    const route = routeOf(method, url.pathname);
    const entry: RequestLogEntry = {
      seq: world.nextSeq(),
      at: now().toISOString(),
      method,
      path: url.pathname + url.search,
      endpoint: route?.endpoint ?? null,
      orgId: route?.orgId ?? null,
      auth: authKind(req.headers.authorization),
      outcome: null,
    };
    world.log(entry);
    if (!route) {
      entry.outcome = 404;
      return send(res, envelope(now(), 404, `No endpoint ${method} ${url.pathname}`, null));
    }

    const fault = faults.take(route.orgId, route.endpoint);
    const delay = world.latencyFor(route.orgId) + fault.latencyMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    for (const held of [...holds].filter((h) => (h.orgId ?? route.orgId) === route.orgId && (h.endpoint ?? route.endpoint) === route.endpoint)) {
      held.waiting++;
      await held.gate;
      held.waiting--;
    }

    if (fault.action && fault.when === 'before') return applyFault(fault.action, res, entry, req.headers.authorization);
    const answer = handleApi(
      { store: world.store(), auth: world.auth(), now },
      { method, route, query: url.searchParams, body, authorization: req.headers.authorization },
    );
    // A change is on disk before the client hears of it (a lost answer is a fault's business, not a crash's).
    if (writer) await writer.flush();
    if (fault.action) return applyFault(fault.action, res, entry, req.headers.authorization);
    entry.outcome = answer.status;
    send(res, answer);
  }

  function applyFault(action: FaultAction, res: http.ServerResponse, entry: RequestLogEntry, authorization = ''): void {
    switch (action.type) {
      case 'hang':
        entry.outcome = 'hang';
        return; // never answer; close() and setOffline() drop the socket
      case 'reset':
        entry.outcome = 'reset';
        res.socket?.destroy();
        return;
      case 'status':
        entry.outcome = action.status;
        return send(res, {
          ...envelope(now(), action.status, action.message ?? http.STATUS_CODES[action.status] ?? 'Error', null),
          headers: action.retryAfterSeconds === undefined ? {} : { 'retry-after': String(action.retryAfterSeconds) },
        });
      case 'html':
        entry.outcome = action.status ?? 502;
        return send(res, { status: action.status ?? 502, contentType: 'text/html; charset=utf-8', body: HTML_ERROR_PAGE });
      case 'malformed-json':
        entry.outcome = 200;
        return send(res, { status: 200, contentType: 'application/json', body: '{"status": {"code": 200, "message": "success"}, "response": [{"job_id": ' });
      case 'wrong-shape':
        entry.outcome = 200;
        return send(res, {
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ status: { code: 200, message: 'success' }, response: { jobs: 'none' } }),
        });
      case 'echo-credentials': {
        const basic = /^basic\s+(.+)$/i.exec(authorization)?.[1];
        const decoded = basic ? ` (${Buffer.from(basic, 'base64').toString('utf8')})` : '';
        entry.outcome = action.status ?? 400;
        return send(res, envelope(now(), action.status ?? 400, `Rejected request with Authorization: ${authorization}${decoded}`, null));
      }
      case 'raw':
        entry.outcome = action.status;
        return send(res, { status: action.status, contentType: action.contentType ?? 'application/json', body: action.body });
    }
  }

  const certs = options.tls ? await simulatorCertificates(options.tls === 'self-signed' ? 'self-signed' : 'private-ca') : null;
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    onRequest(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, envelope(now(), 500, `Simulator error: ${err instanceof Error ? err.message : String(err)}`, null));
    });
  };
  const server: http.Server = certs ? https.createServer({ key: certs.key, cert: certs.cert }, handler) : http.createServer(handler);
  const savedPort = keeping?.saved?.port ?? null;
  port = await listenPreferring(server, savedPort, options.port ?? 0);
  if (savedPort !== null && port !== savedPort) report({ kind: 'port-taken', savedPort, port });
  if (writer) {
    writer.changed(); // the port, and a first file from the seed
    await writer.flush();
  }
  const url = `${certs ? 'https' : 'http'}://127.0.0.1:${port}`;

  const stop = async (): Promise<void> => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections(); // hanging requests and keep-alive sockets go too
    await closed;
  };

  return {
    ...control,
    url,
    port,
    caCert: certs?.caCert ?? null,
    async setOffline(value) {
      if (value === offline) return;
      offline = value;
      if (value) await stop();
      else await listen(server, port);
    },
    isOffline: () => offline,
    async close() {
      await stop();
      if (writer) await writer.close();
    },
  };
}

/** Listens on `saved` when there is one and it is free, else on `fallback` (0: any free port). */
async function listenPreferring(server: http.Server, saved: number | null, fallback: number): Promise<number> {
  if (saved === null || saved === fallback) return listen(server, fallback);
  try {
    return await listen(server, saved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    return listen(server, fallback);
  }
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function send(res: http.ServerResponse, answer: SimResponse): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(answer.status, { ...answer.headers, 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}
