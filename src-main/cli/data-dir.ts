// The desktop app's data folder (Electron's userData for productName "AtScale Maintenance Scheduler"),
// so the command line reads the same profiles, snapshots, audit log and paused store as the app.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'AtScale Maintenance Scheduler';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  const config = env['XDG_CONFIG_HOME'];
  return join(config && config !== '' ? config : join(home, '.config'), PRODUCT_NAME);
}
