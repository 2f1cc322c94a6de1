// A keychain that never answered: this file's own D-Bus session bus with no Secret Service on it
// (test/core/private-keyring.ts), as on a Linux desktop without GNOME Keyring or KWallet. The vault opens
// as unavailable with the real D-Bus cause; the app says so in app:info, refuses a keychain save naming
// the keychain and the memory option, saves nothing, and keeps a secret in memory when asked.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '@core/errors';
import { openSecretVault } from '@core/secrets/secret-vault';
import { DEMO_PASSWORD, call, callFails, filesUnder, profileInput } from './helpers';
import { coreOnPrivateKeyring } from './private-keyring';

const fixture = coreOnPrivateKeyring({ keyring: false });

/** What the vault says when the Secret Service is not on the bus (the cause is D-Bus's own words). */
const NO_SERVICE =
  /^the system keychain \(Secret Service\) did not answer \((?!no answer within)[^\n]*org\.freedesktop\.secrets[^\n]*\)\. On Linux, install and unlock GNOME Keyring or KWallet\.$/;

describe('a keychain that never answered', () => {
  it.skipIf(!fixture.ready)('the vault opens as unavailable with the cause, refuses a keychain secret with the way out, and keeps memory ones', async () => {
    const vault = await openSecretVault({ mode: 'keytar', service: `vault never ${randomUUID()}` });
    const status = vault.status();
    expect(status.keychain).toBe('unavailable');
    expect(status.problem).toMatch(NO_SERVICE);
    const refused = await vault.set('a', 'kept-Nowhere-1', 'keychain').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppFailure);
    expect(refused).toMatchObject({
      kind: 'keychain-unavailable',
      message: `No keychain is available: ${status.problem ?? ''} You can keep the secret in memory for this session instead.`,
    });
    expect(vault.storageOf('a')).toBe('none');
    expect(await vault.get('a')).toBeNull();

    await vault.set('a', 'session-Secret-1', 'memory');
    expect(vault.storageOf('a')).toBe('memory');
    expect(await vault.get('a')).toBe('session-Secret-1');
    expect(vault.status()).toEqual(status);
    await vault.clear('a');
    expect(vault.storageOf('a')).toBe('none');
    expect(await vault.get('a')).toBeNull();
  });

  it.skipIf(!fixture.ready)(
    'app:info names the keychain as unavailable with the cause, and a keychain save is refused naming memory; nothing saved',
    async () => {
      const { server, core, dir } = fixture.get();
      const info = await call(core, 'app:info', {});
      expect(info.keychain).toBe('unavailable');
      expect(info.keychainProblem).toMatch(NO_SERVICE);
      for (const secretStorage of ['keychain', undefined] as const) {
        const error = await callFails(core, 'profiles:save', {
          profile: profileInput(server),
          secret: DEMO_PASSWORD,
          ...(secretStorage ? { secretStorage } : {}),
        });
        expect(error.kind).toBe('keychain-unavailable');
        expect(error.message).toMatch(/^No keychain is available: the system keychain \(Secret Service\) did not answer \(/);
        expect(error.message).toMatch(/memory for this session/);
      }
      expect(await call(core, 'profiles:list', {})).toEqual([]);
      expect((await filesUnder(dir)).some((f) => f.text.includes(DEMO_PASSWORD))).toBe(false);
    },
  );

  it.skipIf(!fixture.ready)('a secret kept in memory signs in for the session, and clearing it leaves the profile without one', async () => {
    const { server, core } = fixture.get();
    const p = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect(p).toMatchObject({ hasSecret: true, secretStorage: 'memory' });
    expect((await call(core, 'connection:test', { profileId: p.id })).ok).toBe(true);
    expect(await call(core, 'secrets:clear', { profileId: p.id })).toMatchObject({ hasSecret: false, secretStorage: 'none' });
    expect(await call(core, 'profiles:delete', { id: p.id })).toEqual({ deleted: true });
    expect(await call(core, 'profiles:list', {})).toEqual([]);
  });
});
