// The browser version keeps its data: by default in the desktop app's user-data folder, or in
// --data-dir; stopping it with Ctrl+C (SIGINT) leaves the folder and what was saved in place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, ensureRendererBuilt } from './build';
import { desktopDataDir, PRODUCT_NAME } from './data-dir';

let home: string;
beforeAll(async () => {
  ensureRendererBuilt();
  home = await mkdtemp(join(tmpdir(), 'harness-home-'));
}, 300_000);
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

/** Starts the CLI, saves one profile through its API, stops it with SIGINT; resolves with its exit code. */
async function runAndInterrupt(args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/cli.ts', '--port', '0', '--json', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json', HARNESS_SKIP_BUILD: '1', HARNESS_SECRETS: 'memory', ...env },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('{') && resolve(JSON.parse(line) as { url: string }));
    child.once('exit', (code) => reject(new Error(`the harness exited (${code}): ${stderr}`)));
  });
  const shim = await (await fetch(`${url}__harness/api.js`)).text();
  const token = /const token = "([0-9a-f]+)"/.exec(shim)?.[1] ?? '';
  const res = await fetch(`${url}api/demo:start`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-harness-token': token }, body: '{}' });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

describe("the browser version's data folder", () => {
  it("is the desktop app's user-data folder on each OS", () => {
    expect(desktopDataDir('linux', {}, '/home/ann')).toBe(`/home/ann/.config/${PRODUCT_NAME}`);
    expect(desktopDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann')).toBe(`/xdg/${PRODUCT_NAME}`);
    expect(desktopDataDir('darwin', {}, '/Users/ann')).toBe(`/Users/ann/Library/Application Support/${PRODUCT_NAME}`);
    expect(desktopDataDir('win32', { APPDATA: '/c/Users/ann/AppData/Roaming' }, '/c/Users/ann')).toBe(`/c/Users/ann/AppData/Roaming/${PRODUCT_NAME}`);
  });

  it('is kept, with its profiles, after Ctrl+C (default folder and --data-dir)', async () => {
    expect(await runAndInterrupt([], { XDG_CONFIG_HOME: join(home, 'config') })).toBe(0);
    const defaultDir = join(home, 'config', PRODUCT_NAME);
    expect(await readdir(defaultDir)).toContain('profiles.json');
    expect(existsSync(join(defaultDir, 'app.lock'))).toBe(false); // released on the way out

    const chosen = join(home, 'chosen');
    expect(await runAndInterrupt(['--data-dir', chosen], {})).toBe(0);
    expect(await readdir(chosen)).toContain('profiles.json');
  }, 120_000);
});
