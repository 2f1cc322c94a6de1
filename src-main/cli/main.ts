// `atscale-schedules` / `npm run cli --`: the command line over the desktop app's own core, profiles file
// and keychain. Exit codes: 0 done, 1 failed, 2 bad usage, 3 plan has changes (plan --exit-code).
// Built by electron-vite as out/main/cli.js, which runs under plain Node.
import { runOnProcessStreams } from './process-io';

process.exitCode = await runOnProcessStreams(process.argv.slice(2));
