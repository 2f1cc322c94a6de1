// The desktop save dialog for exports: the user picks the path, main writes the text there. The renderer
// never names a path itself, so it cannot write anywhere the user did not choose.
import { dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fail } from '@core/errors';
import type { SaveFile } from '@core/fleet/fleet-handlers';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.ics': { name: 'iCalendar', extensions: ['ics'] },
  '.csv': { name: 'CSV (comma-separated values)', extensions: ['csv'] },
};

export function createSaveFile(getWindow: () => BrowserWindow | null): SaveFile {
  return async ({ suggestedName, text }) => {
    const filter = FILTERS[extname(suggestedName).toLowerCase()];
    const options = { defaultPath: suggestedName, filters: filter ? [filter] : [] };
    const win = getWindow();
    const answer = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (answer.canceled || !answer.filePath) return { status: 'cancelled' };
    try {
      await writeFile(answer.filePath, text, { encoding: 'utf8', mode: 0o644 });
    } catch (error) {
      fail('storage', `The file could not be written to ${answer.filePath}: ${error instanceof Error ? error.message : String(error)}. Choose another folder.`);
    }
    return { status: 'saved', path: answer.filePath };
  };
}
