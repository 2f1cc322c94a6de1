// What the Electron adapters rely on, tested without Electron: the CSP, external-link rules, window
// placement and its atomic state file; and the adapters' sources keep the hardened settings.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, developmentCsp, externalHttpsUrl } from '@core/web/csp';
import { APP_INDEX_URL, isTrustedUrl } from '@core/web/app-origin';
import { loadWindowState, placeOnScreen, saveWindowState, WINDOW_STATE_FILE } from '@core/storage/window-bounds';
import { removeDir, tempDir } from '../core/helpers';

const src = (file: string): string => readFileSync(resolve(__dirname, '../../src-main', file), 'utf8');

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );
  it('allows only the app’s own scripts: no inline script, no eval, no remote code, no frames or plugins', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
  it('is the very policy security.ts sends as a header (written out there for Electronegativity)', () => {
    expect(src('security.ts')).toContain(`"${CONTENT_SECURITY_POLICY}"`);
  });
  it('is relaxed only for the dev server origin in development', () => {
    const dev = developmentCsp('http://localhost:5173');
    expect(dev).toContain('ws://localhost:5173');
    expect(dev).not.toMatch(/unsafe-eval|\*/);
  });
});

describe('external links', () => {
  it.each([
    ['https://documentation.atscale.com/x', 'https://documentation.atscale.com/x'],
    ['http://example.com', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@example.com/', null],
    ['not a url', null],
  ])('%s -> %s', (input, expected) => {
    expect(externalHttpsUrl(input)).toBe(expected);
  });
});

describe("the app's own pages (IPC senders, navigation)", () => {
  it.each([
    [APP_INDEX_URL, null, true],
    ['app://renderer/calendar?x=1#y', null, true],
    ['app://evil/index.html', null, false],
    ['app://renderer@evil/index.html', null, false],
    ['app://user:pw@renderer/index.html', null, false],
    ['file:///work/out/renderer/index.html', null, false],
    ['https://renderer/index.html', null, false],
    ['http://localhost:5173/', null, false],
    ['http://localhost:5173/src/main.tsx', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['not a url', 'http://localhost:5173', false],
  ])('%s (dev server %s) -> %s', (url, devUrl, trusted) => {
    expect(isTrustedUrl(url, devUrl)).toBe(trusted);
  });
});

describe('the hardened window and app (sources)', () => {
  it('keeps the web preferences locked down', () => {
    const window = src('window.ts');
    for (const setting of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'experimentalFeatures: false',
      'webviewTag: false',
    ]) {
      expect(window).toContain(setting);
    }
    expect(window).toContain("'../preload/index.cjs'");
  });
  it('denies permissions, navigation, popups and webviews; locks to one instance', () => {
    const security = src('security.ts');
    for (const call of [
      'setPermissionRequestHandler',
      'setPermissionCheckHandler',
      "'will-navigate'",
      'setWindowOpenHandler',
      "'will-attach-webview'",
      "action: 'deny'",
    ]) {
      expect(security).toContain(call);
    }
    expect(src('index.ts')).toContain('requestSingleInstanceLock');
    expect(src('ipc.ts')).toContain('senderFrame');
  });
});

describe('window placement', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  it('keeps saved bounds that are on a screen', () => {
    expect(placeOnScreen({ x: 100, y: 50, width: 1200, height: 800 }, [screen])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });
  it('drops bounds on a monitor that is gone, and shrinks a window larger than the screen', () => {
    expect(placeOnScreen({ x: 2500, y: 100, width: 1200, height: 800 }, [screen])).toBeNull();
    expect(placeOnScreen({ x: 10, y: 10, width: 4000, height: 3000 }, [screen])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });
  it('remembers size, position and maximized in an atomic file, and ignores a damaged one', async () => {
    const dir = await tempDir();
    try {
      expect(await loadWindowState(dir)).toEqual({ bounds: null, maximized: false });
      await saveWindowState(dir, { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true });
      expect(await loadWindowState(dir)).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true });
      expect(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ maximized: true });
      await writeFile(join(dir, WINDOW_STATE_FILE), '{"bounds": {"x": "oops"');
      expect(await loadWindowState(dir)).toEqual({ bounds: null, maximized: false });
    } finally {
      await removeDir(dir);
    }
  });
});
