// The one door from the renderer: every contract channel, answered only for the app's own window and
// frame; the request is validated and handled by core (the same handlers the browser harness uses).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '@shared/ipc';
import type { AppCore } from '@core/app-core';
import { EVENT_CHANNEL } from '@shared/ipc/bridge';
import { isTrustedUrl } from '@core/web/app-origin';
import { desktopHandlers } from './dialogs';

export function registerIpc(core: AppCore, getWindow: () => BrowserWindow | null, devUrl: string | null): () => void {
  const fromOwnWindow = (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow();
    const frame = event.senderFrame;
    // The sender must be our main window's top frame (no parent), showing the app's own page.
    return win !== null && !win.isDestroyed() && event.sender === win.webContents && frame !== null && frame.parent === null && isTrustedUrl(frame.url, devUrl);
  };

  // File dialogs only the desktop app can show replace core's "type the path" answers.
  const desktop = desktopHandlers(getWindow);
  for (const channel of CHANNELS) {
    const handler = desktop[channel] ?? core.handlers[channel];
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!fromOwnWindow(event)) return { ok: false, error: { kind: 'internal', message: 'Refused: the request did not come from the app window.' } };
      return handler(request);
    });
  }

  const stop = core.onEvent((event) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  });

  return () => {
    stop();
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
