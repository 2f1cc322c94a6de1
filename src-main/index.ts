// App lifecycle: one instance, hardening before the first window, core in the user-data folder, demo
// simulator on first start. Thin on purpose: the work lives in src-main/core.
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { EVENT_CHANNEL } from '@shared/ipc/bridge';
import { createAppCore, type AppCore } from '@core/app-core';
import { startDemoSimulator } from '@core/profiles/demo-simulator';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { createMainWindow, RENDERER_DIR } from './window';
import { registerIpc } from './ipc';
import { showNotifications } from './notifications';
import { rememberBounds, restoredBounds } from './window-state';
import { createSaveFile } from './save-file';
import { cliArgumentsOf, runOnProcessStreams } from './cli/process-io';

const dev = !app.isPackaged;
// The Vite dev server only in development: a packaged app never loads a URL from the environment.
const devUrl = dev && process.env['ELECTRON_RENDERER_URL'] ? process.env['ELECTRON_RENDERER_URL'] : null;

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;

async function openWindow(dataDir: string): Promise<void> {
  const { bounds, maximized } = await restoredBounds(dataDir);
  mainWindow = createMainWindow({ bounds, maximized, devUrl, dev });
  rememberBounds(mainWindow, dataDir);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devUrl);
  serveRenderer(RENDERER_DIR);
  const dataDir = app.getPath('userData');
  core = await createAppCore({
    dataDir,
    secrets: 'keytar',
    // The demo keeps its schedules and its address in the data folder; a port clash is only logged.
    demoServer: (context) => startDemoSimulator({ ...context, log: (line) => console.warn(line) }),
    version: app.getVersion(),
    saveFile: createSaveFile(() => mainWindow),
  });
  registerIpc(core, () => mainWindow, devUrl);
  showNotifications(core, () => mainWindow);
  Menu.setApplicationMenu(
    buildMenu({
      dev,
      appName: app.getName(),
      onCommand: (id) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, { event: 'command:invoke', payload: { id } });
      },
    }),
  );
  await openWindow(dataDir);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(dataDir);
  });
}

const cliArguments = cliArgumentsOf(process.argv);
if (cliArguments !== null) {
  // The packaged command line (resources/atscale-schedules): no window, no single-instance lock (the
  // data-folder lock keeps it off a folder the open app is using).
  app.dock?.hide();
  void runOnProcessStreams(cliArguments).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every renderer sandboxed, whatever its options say.
  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents(devUrl);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !core) return;
    // Close the demo simulator and sockets before exiting.
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Shown, not only logged: e.g. another process holds the data folder's lock and the message says which.
      const message = error instanceof Error ? error.message : String(error);
      console.error('The app could not start:', message);
      dialog.showErrorBox('AtScale Maintenance Scheduler could not start', message);
      app.exit(1);
    });
}
