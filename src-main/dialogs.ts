// The system's file dialogs, for the channels only the desktop app can answer (the core and the browser
// version answer "type the path" instead). Thin on purpose: choosing is here, checking the file is core's.
import { dialog, type BrowserWindow } from 'electron';
import { contract } from '@shared/ipc';
import type { CaFileChoice } from '@shared/ipc/channels/connections';
import type { Handlers } from '@core/app-core';

/** Handlers that replace core's for the desktop app; requests are validated like every other channel's. */
export function desktopHandlers(getWindow: () => BrowserWindow | null): Partial<Handlers> {
  return {
    'files:choose-ca': async (request) => {
      if (!contract['files:choose-ca'].request.safeParse(request ?? {}).success) {
        return { ok: false, error: { kind: 'invalid-input', message: 'request: expected no fields (files:choose-ca)' } };
      }
      try {
        return { ok: true, value: await chooseCaFile(getWindow()) };
      } catch (error) {
        const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return { ok: false, error: { kind: 'internal', message: `The file dialog could not open (${detail}). Type the path of the PEM file instead.` } };
      }
    },
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
