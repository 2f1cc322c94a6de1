// Window size and position remembered across starts (src-main/window-state.ts), with only the Electron
// runtime mocked: a window that emits its events, a screen with its work areas, and a real data folder.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadWindowState } from '@core/storage/window-bounds';
import type { Rect } from '@core/storage/window-bounds';
import { removeDir, tempDir } from '../core/helpers';

const displays: { workArea: Rect }[] = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
vi.mock('electron', () => ({ screen: { getAllDisplays: () => displays } }));

const { rememberBounds, restoredBounds } = await import('../../src-main/window-state');

class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 100, y: 80, width: 1200, height: 800 };
  maximized = false;
  destroyed = false;
  isDestroyed = (): boolean => this.destroyed;
  isMaximized = (): boolean => this.maximized;
  getNormalBounds = (): Rect => ({ ...this.bounds });
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir('window-state-');
});
afterEach(async () => {
  await removeDir(dir);
});

const saved = (): Promise<unknown> => loadWindowState(dir);

describe('remembering the window', () => {
  it('saves size and position shortly after a move or resize, and at once on close', async () => {
    const win = new FakeWindow();
    rememberBounds(win as never, dir);
    win.bounds = { x: 300, y: 200, width: 1000, height: 700 };
    win.emit('move');
    win.emit('resize');
    await vi.waitFor(async () => expect(await saved()).toEqual({ bounds: { x: 300, y: 200, width: 1000, height: 700 }, maximized: false }), {
      timeout: 5000,
      interval: 50,
    });
    win.bounds = { x: 10, y: 20, width: 900, height: 600 };
    win.emit('close');
    await vi.waitFor(async () => expect(await saved()).toMatchObject({ bounds: { x: 10, y: 20, width: 900, height: 600 } }), { timeout: 5000, interval: 20 });
  });

  it('remembers maximized with the normal bounds underneath, and puts both back on the next start', async () => {
    const win = new FakeWindow();
    rememberBounds(win as never, dir);
    win.maximized = true;
    win.emit('maximize');
    await vi.waitFor(async () => expect(await saved()).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true }), {
      timeout: 5000,
      interval: 20,
    });
    expect(await restoredBounds(dir)).toEqual({ bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true });
  });

  it('lets the OS place the window when the saved screen is gone', async () => {
    const win = new FakeWindow();
    rememberBounds(win as never, dir);
    win.bounds = { x: 2500, y: 100, width: 1000, height: 700 }; // on a second monitor
    win.emit('close');
    await vi.waitFor(async () => expect(await saved()).toMatchObject({ bounds: { x: 2500 } }), { timeout: 5000, interval: 20 });
    expect((await restoredBounds(dir)).bounds).toBeNull(); // no screen shows that spot (a monitor unplugged since)
  });
});
