// A keychain that stops answering after the app opened (the Secret Service went away): testing the
// profile being edited, or the saved one, says the keychain failed, as a keychain problem, not as a
// missing secret. The keychain is a real GNOME Keyring on a D-Bus session of this file's own, which
// the test shuts down (vitest runs each file in its own process, so the other files' keyring is not touched).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, call, keyringOrSkip, makeCore, profileInput, removeDir, sim, tempDir } from '../core/helpers';

const ready = keyringOrSkip();
let bus: ChildProcess | null = null;
let home = '';
let dir = '';
let server: Simulator;
let core: AppCore;

/** A private session bus; resolves with its address. */
function startBus(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
    bus = child;
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before it printed its address`)));
  });
}

/** An unlocked login keyring (password "pw") on that bus, as test/keyring/with-keyring.sh starts one. */
function startKeyring(address: string): Promise<void> {
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

beforeAll(async () => {
  if (!ready) return;
  home = await tempDir('keychain-stops-home-');
  for (const sub of ['.config', '.cache', '.local/share', 'run']) await mkdir(join(home, sub), { recursive: true, mode: 0o700 });
  const address = await startBus();
  await startKeyring(address);
  // keytar connects to the session bus on its first call, which the core makes when it opens.
  process.env['DBUS_SESSION_BUS_ADDRESS'] = address;
  server = await sim();
  dir = await tempDir();
  core = await makeCore(dir, { secrets: 'keytar' });
});
afterAll(async () => {
  if (!ready) return;
  await core.close();
  await server.close();
  bus?.kill('SIGKILL');
  await removeDir(dir);
  await removeDir(home);
});

describe('a keychain that stops answering', () => {
  it.skipIf(!ready)('is named as the keychain failing, in the form and for the saved profile, and nothing is sent', async () => {
    expect((await call(core, 'app:info', {})).keychain).toBe('available');
    const saved = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'keychain' });
    expect(saved.secretStorage).toBe('keychain');

    // The Secret Service goes away (its session bus with it).
    const gone = new Promise((resolve) => bus?.once('exit', resolve));
    bus?.kill('SIGKILL');
    await gone;
    server.clearRequests();

    const failed = {
      ok: false,
      step: 'sign-in',
      error: { kind: 'keychain-unavailable', message: expect.stringMatching(/^The keychain failed while reading the secret from the keychain \(.+\)\.$/) },
    };
    expect(await call(core, 'connection:test-draft', { profile: profileInput(server), profileId: saved.id })).toEqual(failed);
    expect(await call(core, 'connection:test', { profileId: saved.id })).toEqual(failed);
    expect(server.requests()).toEqual([]);
  });
});
