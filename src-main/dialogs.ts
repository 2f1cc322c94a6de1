// The system's file dialogs, for the channels only the desktop app can answer (the core and the browser
// version answer "type the path" instead). Thin on purpose: choosing is here, checking the file is core's.
import { dialog, type BrowserWindow } from 'electron';
import type { CaFileChoice } from '@shared/ipc/channels/connections';
import type { Handlers } from '@core/app-core';

/** Handlers that replace core's for the desktop app. */
export function desktopHandlers(getWindow: () => BrowserWindow | null): Partial<Handlers> {
  return {
    'files:choose-ca': async () => ({ ok: true, value: await chooseCaFile(getWindow()) }),
  };
}

export async function chooseCaFile(win: BrowserWindow | null): Promise<CaFileChoice> {
  const options: Electron.OpenDialogOptions = {
    title: 'Choose the trusted CA certificate',
    buttonLabel: 'Trust this CA',
    properties: ['openFile', 'showHiddenFiles'],
    filters: [
      { name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const chosen = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const path = chosen.filePaths[0];
  return chosen.canceled || !path ? { status: 'cancelled' } : { status: 'chosen', path };
}
