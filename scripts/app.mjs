#!/usr/bin/env node
// `npm run app`: install (when needed), build, start. Runs with plain Node before node_modules exists,
// so it uses nothing but Node's standard library.
//
//   npm run app                  desktop app when Electron is installed and a display exists, else the browser harness
//   npm run app -- --browser     the browser harness even when the desktop app could start
//   npm run app -- --port 5190   port for the browser harness (default 5180)
//   npm run app -- --data-dir D  the browser version's data folder (default: the desktop app's user-data
//                                folder, so both show the same profiles; never deleted on Ctrl+C)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';
const npm = isWindows ? 'npm.cmd' : 'npm';
const npx = isWindows ? 'npx.cmd' : 'npx';

const args = process.argv.slice(2);
const wantBrowser = args.includes('--browser');
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? args[portAt + 1] : undefined;
const dataDirAt = args.indexOf('--data-dir');
const dataDir = dataDirAt >= 0 ? args[dataDirAt + 1] : undefined;
if (dataDirAt >= 0 && !dataDir) {
  console.error('[app] --data-dir needs a folder, e.g. npm run app -- --data-dir ~/atscale-data');
  process.exit(1);
}
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run app [-- --browser] [-- --port 5180] [-- --data-dir DIR]');
  process.exit(0);
}

function say(line) {
  console.log(`[app] ${line}`);
}

function loud(...lines) {
  const bar = '#'.repeat(88);
  console.log(`\n${bar}\n${lines.map((l) => `# ${l}`).join('\n')}\n${bar}\n`);
}

/** Runs a command with live output; resolves with its exit code and everything it printed. */
function run(cmd, cmdArgs, env = {}) {
  return new Promise((done) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, env: { ...process.env, ...env }, shell: isWindows });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('error', (error) => done({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

/** Starts a long-running command in the foreground; Ctrl+C stops it and then this script. */
function foreground(cmd, cmdArgs, env = {}) {
  // Its own process group, signalled as a whole: `npm run` -> sh -> tsx -> node does not pass a
  // signal sent to npm alone down the chain, and the harness would outlive this script.
  const child = spawn(cmd, cmdArgs, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit', shell: isWindows, detached: !isWindows });
  const stop = (signal) => {
    try {
      if (isWindows) child.kill(signal);
      else process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(
      `[app] Node ${process.versions.node} is too old: this project needs Node >= 20.19 (22 LTS recommended). Install it from https://nodejs.org and run \`npm run app\` again.`,
    );
    process.exit(1);
  }
}

/** Why dependencies must be installed, or null when node_modules matches package-lock.json. */
function installReason() {
  const marker = join(root, 'node_modules', '.package-lock.json'); // written by every npm install / npm ci
  if (!existsSync(join(root, 'node_modules'))) return 'node_modules is missing';
  if (!existsSync(marker)) return 'node_modules was not installed by npm 7+';
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs) return 'package-lock.json is newer than node_modules';
  return null;
}

const ELECTRON_DOWNLOAD_FAILED =
  /node_modules[\\/]electron\b[\s\S]*install\.js|electron[\s\S]{0,200}(ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN|getaddrinfo|RequestError)/i;

async function install() {
  const reason = installReason();
  if (reason === null) return;
  const hasLock = existsSync(join(root, 'package-lock.json'));
  const command = hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'];
  say(`installing dependencies (${reason}): npm ${command.join(' ')}`);
  let result = await run(npm, command);
  if (result.code !== 0 && ELECTRON_DOWNLOAD_FAILED.test(result.output) && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    loud(
      'The Electron binary could not be downloaded (no access to its download server).',
      'Installing again WITHOUT it (ELECTRON_SKIP_BINARY_DOWNLOAD=1): everything works except the',
      'desktop window; the app will open in your browser instead (same app, same data code).',
    );
    result = await run(npm, command, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
  }
  if (result.code !== 0) {
    console.error(`[app] npm ${command[0]} failed (exit ${result.code}); the error is above. Fix it and run \`npm run app\` again.`);
    process.exit(result.code);
  }
}

/** Why the desktop app cannot start here, or null when it can. */
function desktopProblem() {
  const pathTxt = join(root, 'node_modules', 'electron', 'path.txt');
  const binary = existsSync(pathTxt) ? join(root, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim()) : null;
  if (binary === null || !existsSync(binary)) {
    return 'the Electron binary is not installed (npm skipped or could not download it). To get it, run `npm ci` on a machine that can reach github.com, without ELECTRON_SKIP_BINARY_DOWNLOAD.';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no desktop window can open.';
  }
  return null;
}

checkNode();
await install();

say('building (electron-vite build)');
const build = await run(npx, ['electron-vite', 'build', '--logLevel', 'warn'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
if (build.code !== 0) {
  console.error('[app] the build failed; the error is above.');
  process.exit(build.code);
}

const problem = wantBrowser ? 'you asked for the browser (--browser).' : desktopProblem();
if (problem === null) {
  say('starting the desktop app (electron-vite preview)');
  foreground(npx, ['electron-vite', 'preview', '--skipBuild']);
} else {
  loud(
    'Opening the BROWSER version of the app instead of the desktop window, because',
    problem,
    'It is the same app (same screens, same core code, the demo AtScale simulator built in);',
    'only the desktop shell differs. Open the URL printed below in a browser; Ctrl+C stops it.',
  );
  foreground(npm, ['run', 'dev:browser', '--', ...(port ? ['--port', port] : []), ...(dataDir ? ['--data-dir', resolve(dataDir)] : [])]);
}
