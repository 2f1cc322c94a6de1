// A keychain that stops answering after the app opened (the Secret Service went away): testing the
// profile being edited, or the saved one, says the keychain failed, as a keychain problem, not as a
// missing secret. The keychain is a real GNOME Keyring on a D-Bus session of this file's own, which
// the test shuts down (vitest runs each file in its own process, so the other files' keyring is not touched).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, sim, tempDir } from '../core/helpers';
import { privateKeyringOrSkip, startPrivateKeyring, type PrivateKeyring } from '../core/private-keyring';

const ready = privateKeyringOrSkip();
let keyring: PrivateKeyring;
let dir = '';
let server: Simulator;
let core: AppCore;

beforeAll(async () => {
  if (!ready) return;
  // keytar connects to the session bus on its first call, which the core makes when it opens.
  keyring = await startPrivateKeyring();
  server = await sim();
  dir = await tempDir();
  core = await makeCore(dir, { secrets: 'keytar' });
});
afterAll(async () => {
  if (!ready) return;
  await core.close();
  await server.close();
  await keyring.close();
  await removeDir(dir);
});

describe('a keychain that stops answering', () => {
  it.skipIf(!ready)('is named as the keychain failing, in the form and for the saved profile, and nothing is sent', async () => {
    expect((await call(core, 'app:info', {})).keychain).toBe('available');
    const saved = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'keychain' });
    expect(saved.secretStorage).toBe('keychain');

    // The Secret Service goes away (its session bus with it).
    await keyring.stop();
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
