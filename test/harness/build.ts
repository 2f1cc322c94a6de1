// Builds the renderer (npx electron-vite build) when out/renderer is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
const SOURCES = ['src-renderer', 'src-shared', 'electron.vite.config.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function rendererIsStale(): boolean {
  const index = join(RENDERER_OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => existsSync(join(ROOT, s)) && newestMtime(join(ROOT, s)) > built);
}

/** Runs the build only when needed; throws with the build's own output when it fails. */
export function ensureRendererBuilt(log: (line: string) => void = () => {}): void {
  if (!rendererIsStale()) return;
  log('Building the renderer (npx electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (result.status !== 0) {
    throw new Error(`electron-vite build failed (exit ${result.status}); fix the error and try again:\n${result.stdout}\n${result.stderr}`);
  }
  // Another build (a colleague's, or a parallel test worker's) may be rewriting out/ right now: give it time.
  const deadline = Date.now() + 60_000;
  while (!existsSync(join(RENDERER_OUT, 'index.html'))) {
    if (Date.now() > deadline) throw new Error(`The build finished but ${RENDERER_OUT}/index.html is missing.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}
