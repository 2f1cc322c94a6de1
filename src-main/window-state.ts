// Remembers the main window's size, position and maximized state (core/storage/window-bounds.ts does the work).
import { screen, type BrowserWindow } from 'electron';
import { loadWindowState, placeOnScreen, saveWindowState, type Rect } from '@core/storage/window-bounds';

export async function restoredBounds(dataDir: string): Promise<{ bounds: Rect | null; maximized: boolean }> {
  const state = await loadWindowState(dataDir);
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  return { bounds: placeOnScreen(state.bounds, areas), maximized: state.maximized };
}

export function rememberBounds(win: BrowserWindow, dataDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (win.isDestroyed()) return;
    const maximized = win.isMaximized();
    // While maximized, keep the normal bounds so un-maximizing after a restart looks right.
    void saveWindowState(dataDir, { bounds: win.getNormalBounds(), maximized }).catch(() => undefined);
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
