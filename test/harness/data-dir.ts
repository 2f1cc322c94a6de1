// Where the browser version keeps its data by default: the desktop app's own user-data folder (what
// Electron's app.getPath('userData') answers for this product name), so both see the same profiles.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'AtScale Maintenance Scheduler';

export function desktopDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), PRODUCT_NAME);
}
