// The main window: sandboxed, context-isolated renderer with only the preload's narrow API.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { BrowserWindow } from 'electron';
import { DEFAULT_BOUNDS, type Rect } from '@core/storage/window-bounds';
import { APP_INDEX_URL } from '@core/web/app-origin';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, '../preload/index.cjs');

export function createMainWindow(options: { bounds: Rect | null; maximized: boolean; devUrl: string | null; dev: boolean }): BrowserWindow {
  const win = new BrowserWindow({
    ...(options.bounds ?? DEFAULT_BOUNDS),
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'AtScale Maintenance Scheduler',
    webPreferences: {
      preload: PRELOAD, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      devTools: options.dev,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    if (options.maximized) win.maximize();
    win.show();
  });
  // The dev server only in development; otherwise the built renderer through app://.
  if (options.devUrl) void win.loadURL(options.devUrl);
  else void win.loadURL(APP_INDEX_URL);
  return win;
}

export const RENDERER_DIR = join(here, '../renderer');
