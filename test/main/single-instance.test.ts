// A second start of the app (src-main/index.ts, Electron runtime mocked) finds the lock taken and quits at
// once: no window, no core, no IPC, no demo simulator. The first instance is told (see app-lifecycle.test).
import { expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ quits: 0, whenReady: 0, listeners: [] as string[], sandbox: 0 }));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    requestSingleInstanceLock: () => false,
    quit: () => void seen.quits++,
    whenReady: () => {
      seen.whenReady++;
      return new Promise(() => undefined);
    },
    on: (event: string) => void seen.listeners.push(event),
    enableSandbox: () => void seen.sandbox++,
  },
  BrowserWindow: class {},
  Menu: {},
  session: {},
  protocol: { registerSchemesAsPrivileged: () => undefined },
  ipcMain: {},
  shell: {},
  screen: {},
}));

it('quits when another instance holds the lock, before starting anything', async () => {
  await import('../../src-main/index');
  expect(seen.quits).toBe(1);
  expect(seen.whenReady).toBe(0);
  expect(seen.listeners).toEqual([]);
  expect(seen.sandbox).toBe(0);
});
