// Where the window opens: the saved bounds come back only when the title bar can be grabbed on a screen
// that still exists, clamped into that screen; a missing, torn or tampered window-state.json opens the
// window where the OS puts it.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWindowState, placeOnScreen, saveWindowState, WINDOW_STATE_FILE, type Rect } from '@core/storage/window-bounds';
import { removeDir, tempDir } from './helpers';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
/** A second monitor to the right of the laptop and lower, so its own origin matters in every clamp. */
const right: Rect = { x: 1920, y: 200, width: 1280, height: 1024 };
const place = (saved: Rect | null, areas: readonly Rect[] = [laptop]): Rect | null => placeOnScreen(saved, areas);

describe('placing the saved window on a screen', () => {
  it('lets the OS place a window that was never saved, or when no screen is known', () => {
    expect(place(null)).toBeNull();
    expect(place({ x: 10, y: 10, width: 800, height: 600 }, [])).toBeNull();
  });

  it('keeps a window that fits where it was', () => {
    expect(place({ x: 100, y: 50, width: 1200, height: 800 })).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });

  it('keeps a window whose title bar shows 100 pixels across, pulled fully onto the screen; 99 pixels is lost', () => {
    expect(place({ x: 1820, y: 100, width: 900, height: 600 })).toEqual({ x: 1020, y: 100, width: 900, height: 600 });
    expect(place({ x: 1821, y: 100, width: 900, height: 600 })).toBeNull();
    expect(place({ x: -800, y: 100, width: 900, height: 600 })).toEqual({ x: 0, y: 100, width: 900, height: 600 });
    expect(place({ x: -801, y: 100, width: 900, height: 600 })).toBeNull();
  });

  it('keeps a title bar up to 10 pixels above the screen top, and down to 41 pixels above its bottom', () => {
    expect(place({ x: 100, y: -10, width: 900, height: 600 })).toEqual({ x: 100, y: 0, width: 900, height: 600 });
    expect(place({ x: 100, y: -11, width: 900, height: 600 })).toBeNull();
    expect(place({ x: 100, y: 1039, width: 900, height: 600 })).toEqual({ x: 100, y: 480, width: 900, height: 600 });
    expect(place({ x: 100, y: 1040, width: 900, height: 600 })).toBeNull();
  });

  it('shrinks a window larger than its screen to the screen, and never below 720 x 480', () => {
    expect(place({ x: 10, y: 10, width: 4000, height: 3000 })).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(place({ x: 10, y: 10, width: 300, height: 200 })).toEqual({ x: 10, y: 10, width: 720, height: 480 });
    const small: Rect = { x: 0, y: 0, width: 640, height: 400 };
    expect(place({ x: 0, y: 0, width: 1000, height: 700 }, [small])).toEqual({ x: -80, y: -80, width: 720, height: 480 });
  });

  it('finds the second monitor when the window is there, and clamps it to that monitor, not the first', () => {
    expect(place({ x: 1900, y: 195, width: 1400, height: 1100 }, [laptop, right])).toEqual({ x: 1920, y: 200, width: 1280, height: 1024 });
    expect(place({ x: 3000, y: 1100, width: 800, height: 600 }, [laptop, right])).toEqual({ x: 2400, y: 624, width: 800, height: 600 });
    // Above that monitor's top by more than 10 pixels: on neither screen, although the laptop is that high.
    expect(place({ x: 2500, y: 189, width: 800, height: 600 }, [laptop, right])).toBeNull();
    // Below its bottom edge (1224 - 40): lost as well.
    expect(place({ x: 2500, y: 1184, width: 800, height: 600 }, [laptop, right])).toBeNull();
    expect(place({ x: 2500, y: 1183, width: 800, height: 600 }, [laptop, right])).toEqual({ x: 2400, y: 624, width: 800, height: 600 });
  });

  it('takes the first screen that shows the title bar when two do', () => {
    const mirror: Rect = { x: 0, y: 0, width: 1600, height: 900 };
    expect(place({ x: 100, y: 100, width: 1800, height: 1000 }, [mirror, laptop])).toEqual({ x: 0, y: 0, width: 1600, height: 900 });
    expect(place({ x: 100, y: 100, width: 1800, height: 1000 }, [laptop, mirror])).toEqual({ x: 100, y: 80, width: 1800, height: 1000 });
  });
});

describe('the remembered window state', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('window-bounds-');
  });
  afterEach(async () => {
    await removeDir(dir);
  });
  const file = (): string => join(dir, WINDOW_STATE_FILE);
  const none = { bounds: null, maximized: false };

  it('comes back as saved, in an owner-only file', async () => {
    await saveWindowState(dir, { bounds: { x: -5, y: 6, width: 1000, height: 700 }, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ bounds: { x: -5, y: 6, width: 1000, height: 700 }, maximized: true });
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    await saveWindowState(dir, { bounds: null, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ bounds: null, maximized: true });
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ bounds: null, maximized: true });
  });

  it('is nothing when never saved, torn, or not window bounds', async () => {
    expect(await loadWindowState(dir)).toEqual(none);
    for (const text of [
      '{"bounds": {"x": 1',
      '[]',
      '{"bounds": {"x": 1, "y": 2, "width": 0, "height": 600}, "maximized": false}',
      '{"bounds": {"x": 1.5, "y": 2, "width": 800, "height": 600}, "maximized": false}',
      '{"bounds": {"x": 1, "y": 2, "width": 800, "height": -600}, "maximized": false}',
      '{"bounds": {"x": 1, "y": 2, "width": 800, "height": 600}, "maximized": "yes"}',
      '{"maximized": true}',
    ]) {
      await writeFile(file(), text);
      expect(await loadWindowState(dir), text).toEqual(none);
    }
  });

  it('is nothing when the file cannot be read (a folder in its place)', async () => {
    await mkdir(file());
    expect(await loadWindowState(dir)).toEqual(none);
  });
});
