// A keychain of one test file's own: a private D-Bus session bus and (unless asked otherwise) an unlocked
// GNOME Keyring on it, which the test can freeze or shut down mid-session so that every later keychain
// call fails for real. keytar connects to the session bus named by DBUS_SESSION_BUS_ADDRESS on its first
// call, so start this before the core or vault opens. It needs a process per file (vitest's `forks` pool,
// as `npm test` runs): in a worker thread (Stryker's runner forces `pool: 'threads'`) the D-Bus connection
// and the native environment belong to the whole process, so the file's own bus cannot be used and these
// tests skip there, loudly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { afterAll, beforeAll } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import { keyringOrSkip, makeCore, removeDir, sim, tempDir } from './helpers';

export interface PrivateKeyring {
  /** The bus's address (already in process.env.DBUS_SESSION_BUS_ADDRESS). */
  readonly address: string;
  /** Freezes the bus (SIGSTOP): keychain calls wait for an answer that does not come. */
  freeze(): void;
  /** Kills the bus (the Secret Service goes with it): every later keychain call fails. */
  stop(): Promise<void>;
  /** Kills the bus if still up and removes the keyring's home. */
  close(): Promise<void>;
}

/** keyringOrSkip(), and false (with a warning) where a file's own bus cannot be used: in a worker thread. */
export function privateKeyringOrSkip(): boolean {
  if (!keyringOrSkip()) return false;
  if (isMainThread) return true;
  console.warn(
    `\n${'#'.repeat(100)}\n# WARNING: private-keyring tests SKIPPED in a worker thread (the D-Bus connection is the process's); run them with vitest's forks pool\n${'#'.repeat(100)}\n`,
  );
  return false;
}

/**
 * A session bus that starts no service on demand: the system's session configuration would launch a
 * GNOME Keyring by D-Bus activation when asked for the Secret Service (and a locked one never answers).
 */
const BARE_SESSION = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>
`;

/** A private session bus; resolves with the child and its address. */
async function startBus(home: string): Promise<{ child: ChildProcess; address: string }> {
  const config = join(home, 'session.conf');
  await writeFile(config, BARE_SESSION);
  return new Promise((resolve, reject) => {
    const child = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ child, address: out.trim() });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before it printed its address`)));
  });
}

/** An unlocked login keyring (password "pw") on that bus, as test/keyring/with-keyring.sh starts one. */
function startKeyring(address: string, home: string): Promise<void> {
  const env = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: address,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_RUNTIME_DIR: join(home, 'run'),
  };
  return new Promise((resolve, reject) => {
    const child = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin.end('pw');
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`gnome-keyring-daemon --unlock exited with ${code}`))));
  });
}

/** Asks the bus whether `name` has an owner yet. */
function hasOwner(address: string, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const args = [
      `--bus=${address}`,
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${name}`,
    ];
    const child = spawn('dbus-send', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', () => resolve(false));
    child.on('exit', () => resolve(/boolean true/.test(out)));
  });
}

/** `gnome-keyring-daemon --unlock` returns once it forked: under load its Secret Service is on the bus a little later. */
async function secretServiceUp(address: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await hasOwner(address, 'org.freedesktop.secrets'))) {
    if (Date.now() > deadline) throw new Error('the private GNOME Keyring did not appear on its bus within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts the private bus (and the keyring on it unless `keyring: false`: a bus where no Secret Service
 * ever answers) and points this process's DBUS_SESSION_BUS_ADDRESS at it.
 */
export async function startPrivateKeyring(options: { keyring?: boolean } = {}): Promise<PrivateKeyring> {
  const home = await tempDir('private-keyring-home-');
  for (const sub of ['.config', '.cache', '.local/share', 'run']) await mkdir(join(home, sub), { recursive: true, mode: 0o700 });
  const { child, address } = await startBus(home);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (options.keyring !== false) {
    await startKeyring(address, home);
    await secretServiceUp(address);
  }
  process.env['DBUS_SESSION_BUS_ADDRESS'] = address;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return {
    address,
    freeze: () => child.kill('SIGSTOP'),
    stop,
    async close() {
      await stop();
      await removeDir(home);
    },
  };
}

export interface CoreOnKeyring {
  readonly keyring: PrivateKeyring;
  readonly server: Simulator;
  readonly core: AppCore;
  readonly dir: string;
}

/**
 * For a whole test file: its private keyring (or a bus with no Secret Service, keyring: false), a
 * simulator and a core keeping secrets in that keychain, opened before the first test and closed after
 * the last. `ready` is privateKeyringOrSkip(); the getter throws when the set-up did not run.
 */
export function coreOnPrivateKeyring(options: { keyring?: boolean } = {}): { readonly ready: boolean; readonly get: () => CoreOnKeyring } {
  const ready = privateKeyringOrSkip();
  let fixture: CoreOnKeyring | undefined;
  beforeAll(async () => {
    if (!ready) return;
    // keytar connects to the session bus on its first call, which the core makes when it opens.
    const keyring = await startPrivateKeyring(options);
    const server = await sim();
    const dir = await tempDir();
    fixture = { keyring, server, dir, core: await makeCore(dir, { secrets: 'keytar' }) };
  });
  afterAll(async () => {
    if (!fixture) return;
    await fixture.core.close();
    await fixture.server.close();
    await fixture.keyring.close();
    await removeDir(fixture.dir);
  });
  return {
    ready,
    get() {
      if (!fixture) throw new Error('the private keyring and its core start before the first test');
      return fixture;
    },
  };
}
