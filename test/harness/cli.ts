// `npm run dev:browser [-- --port 5180] [--seed 10x20] [--data-dir DIR]`: the app in any browser, no
// display needed. Its data is kept in the desktop app's user-data folder (or DIR) and never deleted.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYCHAIN_SERVICE } from '@core/secrets/secret-vault';
import { desktopDataDir } from './data-dir';
import { startHarness, type HarnessOptions } from './server';

function parseArgs(argv: string[]): HarnessOptions & { json?: boolean } {
  const options: HarnessOptions & { json?: boolean } = { port: 5180 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--port' && value) {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${value}"`);
      options.port = port;
      i++;
    } else if (arg === '--seed' && value) {
      const m = /^(\d+)x(\d+)$/.exec(value);
      if (!m) throw new Error(`--seed must look like 10x20 (profiles x schedules each), not "${value}"`);
      options.seed = { profiles: Number(m[1]), schedulesPerProfile: Number(m[2]) };
      i++;
    } else if (arg === '--data-dir' && value) {
      options.dataDir = value;
      i++;
    } else if (arg === '--json') {
      // For test runners that start the harness as a child process: one JSON line with the URLs.
      options.json = true;
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run dev:browser -- [--port 5180] [--seed 10x20] [--data-dir DIR] [--json]');
      console.log(`  --data-dir DIR  where profiles, snapshots and the audit log are kept (default: ${desktopDataDir()})`);
      process.exit(0);
    } else {
      throw new Error(`Unknown option "${arg}". Try --help.`);
    }
  }
  return options;
}

/**
 * What the harness is started with: the desktop app's folder by default, or DIR; either way with the
 * app's keychain service, so the desktop app and `atscale-schedules --data-dir DIR` on the same folder
 * see the secrets saved here (the harness's private service is for its own test runs only).
 */
export function harnessOptions(argv: string[]): HarnessOptions & { json?: boolean } {
  const parsed = parseArgs(argv);
  return { ...parsed, dataDir: parsed.dataDir ?? desktopDataDir(), keychainService: KEYCHAIN_SERVICE };
}

async function main(): Promise<void> {
  const { json, ...options } = harnessOptions(process.argv.slice(2));
  const harness = await startHarness(options);
  if (json) console.log(JSON.stringify({ url: harness.url, simulatorUrl: harness.simulator.url }));
  else console.log(`AtScale Maintenance Scheduler (browser harness) at ${harness.url}`);
  if (!json) console.log(`Simulator at ${harness.simulator.url} (control endpoint: ${harness.simulator.url}/__sim/state)`);
  if (!json) console.log(`Data folder: ${options.dataDir} (kept when you stop; --data-dir DIR uses another)`);
  if (!json) console.log('Press Ctrl+C to stop.');
  const stop = () => void harness.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run as `npm run dev:browser` (or spawned by tests); imported, it only lends harnessOptions.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const e = error as NodeJS.ErrnoException;
    console.error(e.code === 'EADDRINUSE' ? 'That port is taken: pass another one with --port.' : `Could not start the harness: ${e.message}`);
    process.exit(1);
  });
}
