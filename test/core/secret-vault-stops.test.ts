// A keychain that stops answering mid-session (the Secret Service and its session bus went away), for
// real: a GNOME Keyring on this file's own D-Bus session (test/core/private-keyring.ts), shut down once the
// vault and the core have opened and stored their entries. What the user sees: a keychain save refused
// and nothing saved, a read named as the keychain failing with its cause, a memory secret that still
// replaces the entry for this session (and the stale entry named in app:info), a delete that keeps the
// profile, and a vault opened afterwards that says the keychain did not answer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import type { ProfileView } from '@shared/domain';
import { AppFailure } from '@core/errors';
import { openSecretVault, type SecretVault } from '@core/secrets/secret-vault';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';
import { privateKeyringOrSkip, startPrivateKeyring, type PrivateKeyring } from './private-keyring';

const ready = privateKeyringOrSkip();
const service = `vault stops ${randomUUID()}`;
let keyring: PrivateKeyring;
let vault: SecretVault;
let server: Simulator;
let other: Simulator;
let dir = '';
let core: AppCore;
let kept: ProfileView;
let replaced: ProfileView;

/** The error a vault call rejects with (null if it resolved). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  if (!ready) return;
  keyring = await startPrivateKeyring();
  vault = await openSecretVault({ mode: 'keytar', service });
  for (const account of ['read', 'replace', 'clear', 'overwrite']) await vault.set(account, `${account}-Secret-1`, 'keychain');
  server = await sim();
  other = await sim({ users: { admin: 'memory-Password-2' } });
  dir = await tempDir();
  core = await makeCore(dir, { secrets: 'keytar' });
  kept = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Kept' }), secret: DEMO_PASSWORD, secretStorage: 'keychain' });
  replaced = await call(core, 'profiles:save', {
    profile: profileInput(other, { name: 'Replaced' }),
    secret: DEMO_PASSWORD,
    secretStorage: 'keychain',
  });
  expect((await call(core, 'app:info', {})).keychain).toBe('available');
  await keyring.stop();
});
afterAll(async () => {
  if (!ready) return;
  await core.close();
  await server.close();
  await other.close();
  await keyring.close();
  await removeDir(dir);
});

const FAILED = (what: string, after = ''): RegExp => new RegExp(`^The keychain failed while ${what} \\((?!no answer within).+\\)\\.${after}$`);
/** A refused save says what to do instead. */
const MEMORY = ' You can keep the secret in memory for this session instead\\.';

describe('the vault when the keychain stops answering', () => {
  it.skipIf(!ready)('a read fails as keychain-unavailable with the real cause, and the vault still says where the secret lives', async () => {
    const error = await failure(vault.get('read'));
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({ kind: 'keychain-unavailable', message: expect.stringMatching(FAILED('reading the secret from the keychain')) });
    expect(vault.storageOf('read')).toBe('keychain');
    // An account with no entry is not asked for: no secret, no failure, and no old entry to name.
    expect(await vault.get('never-saved')).toBeNull();
    await vault.set('memory-only', 'memory-Only-1', 'memory');
    expect(await vault.get('memory-only')).toBe('memory-Only-1');
    await vault.clear('memory-only');
    expect(vault.storageOf('memory-only')).toBe('none');
    expect(vault.status()).toEqual({ keychain: 'available', problem: null });
  });

  it.skipIf(!ready)('a keychain save is refused with the cause and saves nothing, a new account nor an existing one', async () => {
    const error = await failure(vault.set('new-account', 'new-Secret-1', 'keychain'));
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({ kind: 'keychain-unavailable', message: expect.stringMatching(FAILED('saving the secret in the keychain', MEMORY)) });
    expect(vault.storageOf('new-account')).toBe('none');
    expect(await vault.get('new-account')).toBeNull();
    await expect(vault.set('overwrite', 'other-Secret-2', 'keychain')).rejects.toMatchObject({ kind: 'keychain-unavailable' });
    expect(vault.storageOf('overwrite')).toBe('keychain');
  });

  it.skipIf(!ready)('a memory secret replaces the keychain entry for this session, and the entry it could not remove is named', async () => {
    await vault.set('replace', 'memory-Secret-1', 'memory');
    expect(vault.storageOf('replace')).toBe('memory');
    expect(await vault.get('replace')).toBe('memory-Secret-1');
    expect([...vault.known()]).toContain('memory-Secret-1');
    const status = vault.status();
    expect(status.keychain).toBe('available');
    expect(status.problem).toMatch(
      /^A secret now kept in memory for this session still has an older keychain entry: the keychain failed while removing it \((?!no answer within)[^\n]+\)\. After a restart the app signs in with that older secret; save the secret again once the keychain answers\.$/,
    );
    // A second one is counted.
    await vault.set('overwrite', 'memory-Secret-2', 'memory');
    expect(vault.status().problem).toMatch(
      /^2 secrets now kept in memory for this session still have older keychain entries: the keychain failed while removing it \(/,
    );
    // Clearing one of them must remove its old entry too, which fails: the session's secret is kept.
    await expect(vault.clear('overwrite')).rejects.toMatchObject({
      kind: 'keychain-unavailable',
      message: expect.stringMatching(FAILED('removing the secret from the keychain')),
    });
    expect(vault.storageOf('overwrite')).toBe('memory');
    expect(await vault.get('overwrite')).toBe('memory-Secret-2');
    expect(vault.status().problem).toMatch(/^2 secrets now kept in memory/);
  });

  it.skipIf(!ready)('clearing a keychain secret fails as keychain-unavailable and keeps the entry where it was', async () => {
    const error = await failure(vault.clear('clear'));
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({ kind: 'keychain-unavailable', message: expect.stringMatching(FAILED('removing the secret from the keychain')) });
    expect(vault.storageOf('clear')).toBe('keychain');
  });

  it.skipIf(!ready)('a vault opened now says the keychain did not answer, with the reason, and offers memory', async () => {
    const later = await openSecretVault({ mode: 'keytar', service });
    const status = later.status();
    expect(status.keychain).toBe('unavailable');
    expect(status.problem).toMatch(
      /^the system keychain \(Secret Service\) did not answer \((?!no answer within)[^\n]+\)\. On Linux, install and unlock GNOME Keyring or KWallet\.$/,
    );
    expect(later.storageOf('read')).toBe('none');
    expect(await later.get('read')).toBeNull();
    await expect(later.set('a', 'later-Secret-1', 'keychain')).rejects.toMatchObject({
      kind: 'keychain-unavailable',
      message: `No keychain is available: ${status.problem ?? ''} You can keep the secret in memory for this session instead.`,
    });
    expect(later.storageOf('a')).toBe('none');
    await later.set('a', 'later-Secret-1', 'memory');
    expect(await later.get('a')).toBe('later-Secret-1');
    expect(later.status()).toEqual(status);
  });
});

describe('the app when the keychain stops answering', () => {
  it.skipIf(!ready)('saving a secret in the keychain is refused as a keychain failure, and the profile is not changed', async () => {
    const error = await callFails(core, 'profiles:save', {
      profile: { ...profileInput(server, { name: 'Kept', notes: 'edited' }), id: kept.id },
      secret: 'memory-Password-2',
      secretStorage: 'keychain',
    });
    expect(error).toEqual({ kind: 'keychain-unavailable', message: expect.stringMatching(FAILED('saving the secret in the keychain', MEMORY)) });
    const fresh = await callFails(core, 'profiles:save', { profile: profileInput(server, { name: 'New' }), secret: DEMO_PASSWORD, secretStorage: 'keychain' });
    expect(fresh.kind).toBe('keychain-unavailable');
    const list = await call(core, 'profiles:list', {});
    expect(list.map((p) => p.name).sort()).toEqual(['Kept', 'Replaced']);
    expect(list.find((p) => p.id === kept.id)).toMatchObject({ notes: '', secretStorage: 'keychain', hasSecret: true });
  });

  it.skipIf(!ready)('a memory secret replaces the keychain entry and signs in; app:info names the entry left behind', async () => {
    const edited = await call(core, 'profiles:save', {
      profile: { ...profileInput(other, { name: 'Replaced' }), id: replaced.id },
      secret: 'memory-Password-2',
      secretStorage: 'memory',
    });
    expect(edited).toMatchObject({ secretStorage: 'memory', hasSecret: true });
    expect((await call(core, 'connection:test', { profileId: replaced.id })).ok).toBe(true);
    const info = await call(core, 'app:info', {});
    expect(info.keychain).toBe('available');
    expect(info.keychainProblem).toMatch(
      /^A secret now kept in memory for this session still has an older keychain entry: the keychain failed while removing it \(/,
    );
    expect(info.keychainProblem).not.toContain('memory-Password-2');
  });

  it.skipIf(!ready)('deleting a profile whose secret is in the keychain fails as a keychain failure and keeps the profile', async () => {
    const error = await callFails(core, 'profiles:delete', { id: kept.id });
    expect(error.kind).toBe('keychain-unavailable');
    expect(error.message).toMatch(/^The keychain failed while (reading the secret from|removing the secret from) the keychain \(/);
    expect((await call(core, 'profiles:list', {})).map((p) => p.id)).toContain(kept.id);
  });

  it.skipIf(!ready)('deleting a profile whose memory secret still has an old keychain entry fails, and the profile still signs in', async () => {
    expect((await call(core, 'profiles:list', {})).find((p) => p.id === replaced.id)).toMatchObject({ secretStorage: 'memory' });
    const error = await callFails(core, 'profiles:delete', { id: replaced.id });
    expect(error).toEqual({ kind: 'keychain-unavailable', message: expect.stringMatching(FAILED('removing the secret from the keychain')) });
    expect((await call(core, 'profiles:list', {})).find((p) => p.id === replaced.id)).toMatchObject({ secretStorage: 'memory', hasSecret: true });
    expect((await call(core, 'connection:test', { profileId: replaced.id })).ok).toBe(true);
  });
});
