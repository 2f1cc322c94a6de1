// A keychain that stops answering after the app opened (the Secret Service went away): testing the
// profile being edited, or the saved one, says the keychain failed, as a keychain problem, not as a
// missing secret. The keychain is a real GNOME Keyring on a D-Bus session of this file's own, which
// the test shuts down (vitest runs each file in its own process, so the other files' keyring is not touched).
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, call, profileInput } from '../core/helpers';
import { coreOnPrivateKeyring } from '../core/private-keyring';

const fixture = coreOnPrivateKeyring();

describe('a keychain that stops answering', () => {
  it.skipIf(!fixture.ready)('is named as the keychain failing, in the form and for the saved profile, and nothing is sent', async () => {
    const { keyring, server, core } = fixture.get();
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
