// Window size and position, remembered in the data folder (atomically) and put back on a visible screen.
import { join } from 'node:path';
import { z } from 'zod';
import type { DataProblem } from '@shared/ipc';
import { moveAside, readJsonFile, writeJsonAtomic } from './json-file';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_BOUNDS = { width: 1280, height: 800 } as const;
const MIN = { width: 720, height: 480 } as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect | null;
  maximized: boolean;
}

const schema = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
  maximized: z.boolean(),
});

/**
 * The saved window state, or none. An unreadable file (torn, or not of this shape) is moved aside as
 * window-state.corrupt-<time>.json before the next save could overwrite it, and reported like the other
 * data files kept aside; only a size and position are lost, so the window just opens at its default size.
 */
export async function loadWindowState(
  dataDir: string,
  now: () => Date = () => new Date(),
  reportProblem: (problem: DataProblem) => void = () => undefined,
): Promise<WindowState> {
  const path = join(dataDir, WINDOW_STATE_FILE);
  const read = await readJsonFile(path).catch(() => undefined);
  if (read === undefined || read.status === 'missing') return { bounds: null, maximized: false };
  const parsed = schema.safeParse(read.status === 'ok' ? read.value : null);
  if (parsed.success) return parsed.data;
  const reason = read.status === 'corrupt' ? read.reason : 'unexpected content';
  const at = now();
  const movedTo = await moveAside(path, at).catch(() => null);
  reportProblem({
    file: WINDOW_STATE_FILE,
    movedTo,
    reason:
      movedTo === null
        ? `The window size and position could not be read (${reason}) and could not be moved aside; the app window opens at its default size, and the file is replaced when the window is next moved.`
        : `The window size and position could not be read (${reason}). They were kept as ${movedTo}; the app window opens at its default size.`,
    at: at.toISOString(),
  });
  return { bounds: null, maximized: false };
}

export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  await writeJsonAtomic(join(dataDir, WINDOW_STATE_FILE), state);
}

/**
 * Saved bounds when at least a usable part of the window (title bar area) is on one of the work areas
 * (a monitor may have been unplugged), clamped to that screen; otherwise null (let the OS centre it).
 */
export function placeOnScreen(saved: Rect | null, workAreas: readonly Rect[]): Rect | null {
  if (!saved) return null;
  for (const area of workAreas) {
    const overlapX = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const titleVisible = saved.y >= area.y - 10 && saved.y < area.y + area.height - 40;
    if (overlapX >= 100 && titleVisible) {
      const width = Math.max(MIN.width, Math.min(saved.width, area.width));
      const height = Math.max(MIN.height, Math.min(saved.height, area.height));
      const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
      const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
      return { x, y, width, height };
    }
  }
  return null;
}
