// The Electronegativity gate (`npm run test:security`) on small apps written here: it must fail an
// insecure window and an unparsable file, pass a hardened app, and never reach for the network.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectDir } from './builder-config';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function app(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gate-app-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function gate(appDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [resolve(projectDir, 'scripts/security-check.mjs'), '--app-dir', appDir]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, out }));
  });
}

const HARDENED_MAIN = `
import { app, BrowserWindow, session } from 'electron';
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  const win = new BrowserWindow({
    webPreferences: {
      preload: '/app/preload.cjs', // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  void win.loadURL('app://renderer/index.html');
});
`;
const PAGE = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"></head><body></body></html>`;
const PKG = JSON.stringify({ name: 'fixture', devDependencies: { electron: '40.8.5' } });

describe('security gate', () => {
  it('passes a hardened app, offline', async () => {
    const { code, out } = await gate(app({ 'src-main/index.ts': HARDENED_MAIN, 'src-renderer/index.html': PAGE, 'package.json': PKG }));
    expect(out).toContain('security-check passed');
    expect(code).toBe(0);
    // A network attempt would print one of these (translations, Electron releases).
    expect(out).not.toMatch(/Could not retrieve|Fetching Electron/);
  }, 60_000);

  it('fails an unsandboxed window with Node integration and no context isolation, naming checks and lines', async () => {
    const insecure = HARDENED_MAIN.replace('contextIsolation: true', 'contextIsolation: false')
      .replace('nodeIntegration: false', 'nodeIntegration: true')
      .replace('sandbox: true', 'sandbox: false');
    const { code, out } = await gate(app({ 'src-main/index.ts': insecure, 'src-renderer/index.html': PAGE, 'package.json': PKG }));
    expect(code).toBe(1);
    // Electronegativity drops this one next to a sandbox key; the gate's own rule catches it.
    expect(out).toMatch(/FAIL HIGH\/CERTAIN GATE_NODE_INTEGRATION_ENABLED src-main\/index\.ts:\d+/);
    expect(out).toMatch(/FAIL HIGH\/\w+ CONTEXT_ISOLATION_JS_CHECK src-main\/index\.ts:\d+/);
    expect(out).toMatch(/FAIL MEDIUM\/\w+ SANDBOX_JS_CHECK src-main\/index\.ts:\d+/);
    expect(out).toContain('security-check FAILED');
  }, 60_000);

  it('fails an app without navigation limits, permission handler or CSP (whole-app checks)', async () => {
    const bare = `import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { sandbox: true, disableBlinkFeatures: 'Auxclick' } });\n`;
    const { code, out } = await gate(app({ 'src-main/index.ts': bare, 'package.json': PKG }));
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL HIGH\/CERTAIN LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(out).toMatch(/FAIL MEDIUM\/CERTAIN PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
    expect(out).toMatch(/FAIL MEDIUM\/CERTAIN CSP_GLOBAL_CHECK/);
  }, 60_000);

  it('fails when a TypeScript file cannot be parsed (an unparsed file is an unchecked file)', async () => {
    const { code, out } = await gate(
      app({ 'src-main/index.ts': HARDENED_MAIN, 'src-main/broken.ts': 'const = ;\n', 'src-renderer/index.html': PAGE, 'package.json': PKG }),
    );
    expect(code).toBe(1);
    expect(out).toMatch(/PARSE ERROR src-main\/broken\.ts/);
  }, 60_000);
});
