// The whole main process (src-main/index.ts and its adapters) with only the Electron runtime mocked: one
// instance, a hardened window, the IPC door answering the window with the real core and the embedded demo
// simulator, navigation and popups refused, permissions denied, and a clean quit.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/ipc';
import { removeDir, tempDir } from '../core/helpers';

// No keychain for this file (vitest runs each file in its own process): never touch a real one.
process.env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/dbus-socket';

const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const state = {
    lock: true,
    dataDir: '',
    quits: 0,
    ready: null as null | (() => void),
    appEvents: new Emitter(),
    windows: [] as InstanceType<typeof FakeWindow>[],
    handlers: new Map<string, (event: unknown, request: unknown) => Promise<unknown>>(),
    schemes: [] as unknown[],
    menus: 0,
    permission: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    opened: [] as string[],
    sandbox: 0,
  };
  class FakeWindow extends Emitter {
    readonly webContents = { send: (..._args: unknown[]) => undefined };
    loaded: string | null = null;
    minimized = true;
    focused = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded = url;
      return Promise.resolve();
    }
    isDestroyed = (): boolean => false;
    isMinimized = (): boolean => this.minimized;
    isMaximized = (): boolean => false;
    restore = (): void => {
      this.minimized = false;
    };
    focus = (): void => {
      this.focused++;
    };
    show = (): undefined => undefined;
    maximize = (): undefined => undefined;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
    static getAllWindows = (): unknown[] => state.windows;
  }
  return { state, FakeWindow };
});

vi.mock('electron', () => {
  const { state, FakeWindow } = fake;
  const readyPromise = new Promise<void>((resolve) => (state.ready = resolve));
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => state.lock,
      quit: () => void state.quits++,
      exit: () => undefined,
      on: (event: string, fn: (...a: unknown[]) => void) => state.appEvents.on(event, fn),
      enableSandbox: () => void state.sandbox++,
      whenReady: () => readyPromise,
      getPath: () => state.dataDir,
      getVersion: () => '9.9.9',
      getName: () => 'AtScale Maintenance Scheduler',
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: () => void state.menus++, buildFromTemplate: (t: unknown) => t },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof state.permission) => (state.permission = fn),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s), handle: () => undefined },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, request: unknown) => Promise<unknown>) => state.handlers.set(channel, fn),
      removeHandler: (channel: string) => state.handlers.delete(channel),
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
});

const { state } = fake;

beforeAll(async () => {
  state.dataDir = await tempDir('app-lifecycle-');
  await import('../../src-main/index');
  state.ready?.();
  await vi.waitFor(() => expect(state.windows).toHaveLength(1), { timeout: 20_000, interval: 20 });
}, 30_000);
afterAll(async () => {
  // Quitting closes core (and the demo simulator) before the app really quits.
  const event = { preventDefault: vi.fn() };
  state.appEvents.emit('will-quit', event);
  expect(event.preventDefault).toHaveBeenCalled();
  await vi.waitFor(() => expect(state.quits).toBe(1), { timeout: 10_000 });
  await removeDir(state.dataDir);
});

describe('the main process', () => {
  it('sandboxes every renderer and registers the app:// scheme before the window exists', () => {
    expect(state.sandbox).toBe(1);
    expect(state.schemes).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('opens one hardened window on the app page, with a menu', () => {
    const [win] = state.windows;
    expect(win?.loaded).toBe('app://renderer/index.html');
    expect(win?.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(String((win?.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(state.menus).toBe(1);
  });

  it('answers the window over IPC with the real core, demo simulator running on a first start', async () => {
    expect([...state.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const win = state.windows[0]!;
    const event = { sender: win.webContents, senderFrame: { parent: null, url: 'app://renderer/index.html' } };
    const info = await state.handlers.get('app:info')!(event, {});
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9', demoRunning: true, keychain: 'unavailable' } });
    const demo = (await state.handlers.get('demo:start')!(event, {})) as { ok: true; value: { id: string }[] };
    expect(demo.value).toHaveLength(2);
    const list = await state.handlers.get('schedules:list')!(event, { profileId: demo.value[0]!.id });
    expect(list).toMatchObject({ ok: true, value: { source: 'live' } });
  });

  it('focuses the existing window when a second instance starts', () => {
    const win = state.windows[0]!;
    state.appEvents.emit('second-instance');
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(1);
    expect(state.windows).toHaveLength(1);
  });

  it('refuses navigation away, popups and webviews; opens only https links outside; denies permissions', () => {
    const contents = Object.assign(new EventEmitter(), { openHandler: null as null | ((d: { url: string }) => unknown) });
    (contents as unknown as { setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => void }).setWindowOpenHandler = (fn) => (contents.openHandler = fn);
    state.appEvents.emit('web-contents-created', {}, contents);
    const navigate = (url: string): boolean => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(navigate('app://renderer/index.html')).toBe(true);
    expect(navigate('https://evil.example/')).toBe(false);
    expect(navigate('file:///etc/passwd')).toBe(false);
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://documentation.atscale.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://documentation.atscale.com/']);
    let granted: boolean | null = null;
    state.permission?.({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });
});
