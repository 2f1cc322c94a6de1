// Builds the standalone bench page with Vite and serves it on 127.0.0.1 (a random port).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, '.tmp/bench-renderer-page');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
/** Served at /blank.html: the floor a page load in this browser costs (the bench compares with it). */
const BLANK = '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Blank</title></head><body></body></html>';

/** Builds the page into `outDir` (default .tmp/bench-renderer-page) and returns that folder. */
export async function buildBenchPage(outDir = OUT): Promise<string> {
  await build({
    root: import.meta.dirname,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: { '@shared': join(ROOT, 'src-shared'), '@renderer': join(ROOT, 'src-renderer/src') },
    },
    // BENCH_NO_MINIFY=1 keeps function names for a CPU profile.
    build: {
      outDir,
      emptyOutDir: true,
      minify: process.env['BENCH_NO_MINIFY'] !== '1',
      // As electron-vite builds the app: Chromium preloads modules itself, so no polyfill script runs first.
      modulePreload: { polyfill: false },
    },
  });
  return outDir;
}

/**
 * How the page's files are served. 'revalidate' (the default): every request reaches this server and
 * is answered 304 when the file is unchanged, so Chromium reuses the code it compiled, as the app's
 * scheme does (src-main/protocol.ts registers app:// with codeCache). 'immutable': the hashed files
 * under /assets/ are cached for a year, as a deployed page serves them, so a load asks only for the
 * HTML (the app's scheme answers each file from its own folder, without a round trip of this kind).
 * 'no-store': every load compiles every chunk afresh, as the app's very first start does.
 */
export type PageCache = 'revalidate' | 'immutable' | 'no-store';

export async function servePage(dir: string, cache: PageCache = 'revalidate'): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/blank.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(BLANK);
      const file = normalize(join(dir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(dir + sep)) return res.writeHead(403).end();
      try {
        const body = await readFile(file);
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        if (cache === 'no-store') return res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        const hashed = cache === 'immutable' && path.startsWith('/assets/');
        const headers = { etag, 'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache' };
        if (req.headers['if-none-match'] === etag) return res.writeHead(304, headers).end();
        res.writeHead(200, { 'content-type': type, ...headers }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}
