// Starts the built desktop app (out/main/index.js through package.json "main") with Playwright's
// _electron, on a user-data folder the test owns.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { ROOT } from './simulator-process';

/** The Electron binary npm installed (node_modules/electron/dist/<path.txt>), or null. */
export function electronBinary(): string | null {
  const pathTxt = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export interface RunningApp {
  app: ElectronApplication;
  window: Page;
}

export async function launchApp(userDataDir: string): Promise<RunningApp> {
  const executablePath = electronBinary();
  if (!executablePath) throw new Error('No Electron binary in node_modules/electron/dist: run.sh should have stopped before this.');
  // Never the Vite dev server (the built renderer through app://, as shipped), never run-as-node.
  const dropped = new Set(['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE']);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !dropped.has(k)) env[k] = v;
  const args = [ROOT, `--user-data-dir=${userDataDir}`];
  // Chromium refuses to start as root with its sandbox (CI containers run as root). The app's own
  // renderer settings (sandbox: true, contextIsolation) are unchanged; only the OS-level sandbox is off.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const app = await _electron.launch({ executablePath, args, env, cwd: ROOT, timeout: 60_000 });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}
