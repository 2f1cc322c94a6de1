// The browser harness: the real core service and the simulator behind the built renderer, over HTTP on
// 127.0.0.1. Only the IPC transport differs from the desktop app. Never part of the shipped app.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { CHANNELS, type Channel, type DataProblem } from '@shared/ipc';
import { createAppCore, type AppCore, type CoreEvent } from '@core/app-core';
import { demoStateOptions } from '@core/profiles/demo-simulator';
import { CONTENT_SECURITY_POLICY } from '@core/web/csp';
import { startSimulator, type Simulator } from '@simulator/index';
import { apiShimScript, TOKEN_HEADER } from './api-shim';
import { ensureRendererBuilt, RENDERER_OUT } from './build';
import { seedProfiles } from './seed';

export interface HarnessOptions {
  port?: number;
  /**
   * The data folder, kept as it is when the harness stops. Without it the harness makes a temp folder
   * of its own (tests) and removes that one on close.
   */
  dataDir?: string;
  seed?: { profiles: number; schedulesPerProfile: number };
  /** Keychain service for secrets (default: the harness's own, apart from the desktop app's). */
  keychainService?: string;
  /**
   * Serve the API and its shim only, no page: then no built renderer is needed (tests that reach the core
   * through the harness in the unit stage, which runs before the build).
   */
  apiOnly?: boolean;
}

export interface Harness {
  url: string;
  simulator: Simulator;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_BODY = 6 * 1024 * 1024;
const SHIM_PATH = '/__harness/api.js';

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  // Test runners build once up front (global setup) and set this, so parallel workers never rebuild out/ at once.
  if (options.apiOnly) {
    // No page is served: nothing to build or find.
  } else if (process.env['HARNESS_SKIP_BUILD'] !== '1') ensureRendererBuilt((line) => console.log(line));
  else if (!existsSync(join(RENDERER_OUT, 'index.html'))) throw new Error(`${RENDERER_OUT}/index.html is missing: run npx electron-vite build first.`);
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'atscale-harness-')));
  const token = randomBytes(24).toString('hex');
  // In a folder of the user's (npm run dev:browser) the simulator keeps the demo's state there as the
  // desktop app's demo does (same file, same port), so it starts only once the core holds the folder's
  // lock. A harness of its own temp folder, or a seeded one (a fixture), starts from the seed each time.
  const keepsDemo = !ownDataDir && options.seed === undefined;
  let coreReport: ((problem: DataProblem) => void) | null = null;
  let starting: Promise<Simulator> | null = null;
  const simulatorStarted = (): Promise<Simulator> =>
    (starting ??= (async () =>
      startSimulator({
        port: 0,
        control: true,
        ...(keepsDemo
          ? await demoStateOptions({
              dataDir,
              reportProblem: (problem) => (coreReport ? coreReport(problem) : console.warn(`${problem.file}: ${problem.reason}`)),
              log: (line) => console.warn(line),
            })
          : {}),
      }))());
  let core: AppCore;
  try {
    core = await createAppCore({
      dataDir,
      secrets: process.env['HARNESS_SECRETS'] === 'memory' ? 'memory' : 'keytar',
      keychainService: options.keychainService ?? 'AtScale Maintenance Scheduler (browser harness)',
      // The harness owns the simulator (tests inject faults into it), so core must not close it.
      demoServer: async (context) => {
        coreReport ??= context.reportProblem;
        const started = await simulatorStarted();
        return { url: started.url, close: async () => {} };
      },
    });
  } catch (error) {
    // Assigned in the callback, which TypeScript does not follow.
    const started = starting as Promise<Simulator> | null;
    if (started) await (await started).close();
    throw error;
  }
  const simulator = await simulatorStarted();
  if (options.seed) await seedProfiles(core.handlers, simulator, options.seed.profiles, options.seed.schedulesPerProfile);

  const indexHtml = options.apiOnly
    ? null
    : (await readFile(join(RENDERER_OUT, 'index.html'), 'utf8')).replace('<script', `<script src="${SHIM_PATH}"></script>\n    <script`);
  const shim = apiShimScript(token);
  const streams = new Set<ServerResponse>();
  const offEvents = core.onEvent((e: CoreEvent) => {
    for (const res of streams) res.write(`event: ${e.event}\ndata: ${JSON.stringify(e.payload)}\n\n`);
  });
  let origin = '';

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // A page from another site (or a rebound DNS name) must not drive the harness.
      if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Wrong host');
      if (url.pathname.startsWith('/api/') && req.method === 'POST') {
        if (req.headers.origin && req.headers.origin !== origin) return send(res, 403, 'text/plain', 'Cross-origin request refused');
        if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 403, 'text/plain', 'Missing or wrong harness token');
        const channel = url.pathname.slice('/api/'.length) as Channel;
        if (!(CHANNELS as readonly string[]).includes(channel))
          return send(res, 404, 'application/json', JSON.stringify({ ok: false, error: { kind: 'invalid-input', message: `Unknown channel ${channel}` } }));
        let request: unknown;
        try {
          request = JSON.parse(await readBody(req));
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { kind: 'invalid-input', message: 'The request body must be JSON.' } }));
        }
        const result = await core.handlers[channel](request);
        return send(res, 200, 'application/json', JSON.stringify(result));
      }
      if (url.pathname === '/__harness/events') {
        if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return send(res, 403, 'text/plain', 'Missing or wrong harness token');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
      // Same-origin only: another site could otherwise load the shim with a script tag and learn the token.
      if (url.pathname === SHIM_PATH) return send(res, 200, TYPES['.js']!, shim, { 'cross-origin-resource-policy': 'same-origin' });
      if (indexHtml === null) return send(res, 404, 'text/plain', 'This harness serves the API only (apiOnly).');
      // The desktop app's own CSP, as a header (frame-ancestors works only there), so the page runs as strict as in Electron.
      if (url.pathname === '/' || url.pathname === '/index.html')
        return send(res, 200, TYPES['.html']!, indexHtml, { 'content-security-policy': CONTENT_SECURITY_POLICY });
      const file = normalize(join(RENDERER_OUT, decodeURIComponent(url.pathname)));
      if (!file.startsWith(RENDERER_OUT + sep)) return send(res, 403, 'text/plain', 'Forbidden');
      try {
        return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
      } catch {
        return send(res, 404, 'text/plain', 'Not found');
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', `Harness error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  let closed = false;
  return {
    url: `${origin}/`,
    simulator,
    async close() {
      if (closed) return;
      closed = true;
      offEvents();
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
      await simulator.close();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
