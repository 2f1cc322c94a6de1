// startSimulator: a real HTTP(S) server on 127.0.0.1 that answers like AtScale, with fault injection.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { envelope, handleApi, routeOf, type SimResponse } from './api';
import { authKind, SimAuth } from './auth';
import { handleControl } from './control';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER, type SeedJob, type SeedOrg } from './demo-data';
import { FaultTable, type FaultAction, type SimEndpoint } from './faults';
import { SimStore } from './store';
import { simulatorCertificates } from './tls';
import type { RequestLogEntry, SimHold, Simulator, SimulatorControl, SimulatorOptions, SimulatorState } from './types';

const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>' +
  '<p>The proxy server received an invalid response from an upstream server.</p></body></html>';
const MAX_BODY = 1024 * 1024;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const baseNow = options.now ?? (() => new Date());
  let offsetMs = 0;
  const now = (): Date => new Date(baseNow().getTime() + offsetMs);
  const seed: readonly SeedOrg[] = options.seed === 'empty' ? [] : options.seed === 'demo' || options.seed === undefined ? DEMO_ORGS : options.seed;
  const timeZone = options.timeZone ?? 'UTC';
  const users = new Map(Object.entries(options.users ?? { [DEMO_USER]: DEMO_PASSWORD }));
  const apiTokens = new Set(options.apiTokens ?? [DEMO_TOKEN]);

  let store = new SimStore(now, timeZone);
  store.seed(seed);
  let auth = new SimAuth(users, apiTokens, now, options.sessionTtlMs ?? Infinity);
  const faults = new FaultTable();
  let latencyMs = options.latencyMs ?? 0;
  const orgLatency = new Map<string, number>();
  let log: RequestLogEntry[] = [];
  let seq = 0;
  const holds = new Set<{ orgId?: string; endpoint?: SimEndpoint; gate: Promise<void>; open: () => void; waiting: number }>();

  const control: SimulatorControl = {
    inject: (rule) => faults.add(rule),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    hold(filter): SimHold {
      let open!: () => void; // assigned synchronously by the Promise executor
      const gate = new Promise<void>((resolve) => (open = resolve));
      const entry = { ...filter, gate, open, waiting: 0 };
      holds.add(entry);
      return {
        waiting: () => entry.waiting,
        release() {
          holds.delete(entry);
          entry.open();
        },
      };
    },
    setLatency(ms, orgId) {
      if (!(ms >= 0)) throw new Error('latency must be >= 0 ms');
      if (orgId === undefined) latencyMs = ms;
      else orgLatency.set(orgId, ms);
    },
    expireSessions: () => auth.expireSessions(),
    advanceTime(ms) {
      offsetMs += ms;
    },
    now,
    addOrg(orgId, jobs: readonly SeedJob[] = []) {
      if (store.hasOrg(orgId)) throw new Error(`org ${orgId} exists already`);
      store.seed([{ orgId, name: orgId, jobs: [...jobs] }]);
    },
    jobs(orgId, active) {
      if (!store.hasOrg(orgId)) return [];
      return store.list(orgId, active).map((job) => {
        const execution = store.latestExecution(job);
        return {
          jobId: job.jobId,
          orgId: job.orgId,
          timeExpression: job.timeExpression,
          fullBuild: job.fullBuild,
          createdBy: job.createdBy,
          createdAt: job.createdAt.toISOString(),
          active: job.deactivatedAt === null,
          latestExecution: execution ? { id: execution.id, executedAt: execution.executedAt.toISOString() } : null,
        };
      });
    },
    requests(filter = {}) {
      return log
        .filter((e) => (filter.endpoint === undefined || e.endpoint === filter.endpoint) && (filter.orgId === undefined || e.orgId === filter.orgId))
        .filter((e) => filter.method === undefined || e.method === filter.method)
        .map((e) => ({ ...e }));
    },
    clearRequests() {
      log = [];
    },
    state(): SimulatorState {
      return {
        now: now().toISOString(),
        offline,
        orgs: store.orgIds().map((orgId) => ({ orgId, active: store.list(orgId, true).length, deactivated: store.list(orgId, false).length })),
        faults: faults.list(),
        latencyMs,
        orgLatencyMs: Object.fromEntries(orgLatency),
        sessions: auth.sessionCount(),
        requests: log.length,
      };
    },
    reset() {
      offsetMs = 0;
      store = new SimStore(now, timeZone);
      store.seed(seed);
      auth = new SimAuth(users, apiTokens, now, options.sessionTtlMs ?? Infinity);
      faults.clear();
      latencyMs = options.latencyMs ?? 0;
      orgLatency.clear();
      log = [];
      for (const held of holds) held.open();
      holds.clear();
    },
  };

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (body === null) return send(res, envelope(now(), 413, 'Request body too large', null));
    if (url.pathname.startsWith('/__sim/')) {
      if (!options.control) return send(res, envelope(now(), 404, 'Not found', null));
      return send(res, handleControl(control, method, url.pathname, body));
    }

    const route = routeOf(method, url.pathname);
    const entry: RequestLogEntry = {
      seq: ++seq,
      at: now().toISOString(),
      method,
      path: url.pathname + url.search,
      endpoint: route?.endpoint ?? null,
      orgId: route?.orgId ?? null,
      auth: authKind(req.headers.authorization),
      outcome: null,
    };
    log.push(entry);
    if (!route) {
      entry.outcome = 404;
      return send(res, envelope(now(), 404, `No endpoint ${method} ${url.pathname}`, null));
    }

    const fault = faults.take(route.orgId, route.endpoint);
    const delay = latencyMs + (orgLatency.get(route.orgId) ?? 0) + fault.latencyMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    for (const held of [...holds].filter((h) => (h.orgId ?? route.orgId) === route.orgId && (h.endpoint ?? route.endpoint) === route.endpoint)) {
      held.waiting++;
      await held.gate;
      held.waiting--;
    }

    if (fault.action && fault.when === 'before') return applyFault(fault.action, res, entry, req.headers.authorization);
    const answer = handleApi({ store, auth, now }, { method, route, query: url.searchParams, body, authorization: req.headers.authorization });
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
        return send(res, { status: 200, contentType: 'application/json', body: JSON.stringify({ status: { code: 200, message: 'success' }, response: { jobs: 'none' } }) });
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
  let offline = false;
  const port = await listen(server, options.port ?? 0);
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
    close: stop,
  };
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
