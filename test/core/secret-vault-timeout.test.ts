// A keychain that stops answering without failing (a locked keyring waiting on a prompt, a frozen
// Secret Service): every call gives up after 10 s with a message that says so, as a keychain failure.
// The keyring is this file's own (test/core/private-keyring.ts); its bus is frozen (SIGSTOP) once the
// vault opened, and the 10 s pass on fake timers, so the test does not wait them.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '@core/errors';
import { openSecretVault, type SecretVault } from '@core/secrets/secret-vault';
import { privateKeyringOrSkip, startPrivateKeyring, type PrivateKeyring } from './private-keyring';

const ready = privateKeyringOrSkip();
const service = `vault timeout ${randomUUID()}`;
let keyring: PrivateKeyring;
let vault: SecretVault;

beforeAll(async () => {
  if (!ready) return;
  keyring = await startPrivateKeyring();
  vault = await openSecretVault({ mode: 'keytar', service });
  await vault.set('read', 'read-Secret-1', 'keychain');
  await vault.set('replace', 'replace-Secret-1', 'keychain');
  keyring.freeze();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  if (!ready) return;
  // The calls still waiting on the frozen bus fail now and free their threads.
  await keyring.close();
});

/** Settles `promise` after 10 s of fake time have passed from the moment its keychain timer was set. */
async function afterTenSeconds<T>(start: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const settled = start().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  // (Not vi.waitFor: with fake timers it moves the clock itself.)
  while (vi.getTimerCount() === 0) await new Promise((resolve) => setImmediate(resolve));
  await vi.advanceTimersByTimeAsync(9_999);
  let early = true;
  void settled.then(() => (early = false));
  await Promise.resolve();
  expect(early).toBe(true);
  await vi.advanceTimersByTimeAsync(1);
  return settled;
}

describe('a keychain that does not answer', () => {
  it.skipIf(!ready)('a read gives up after 10 s as keychain-unavailable, saying no answer came', async () => {
    const { error } = await afterTenSeconds(() => vault.get('read'));
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({
      kind: 'keychain-unavailable',
      message: 'The keychain failed while reading the secret from the keychain (no answer within 10 s while reading the secret from the keychain).',
    });
  });

  it.skipIf(!ready)('a memory secret still replaces the entry at once, and the entry left behind is named with the timeout', async () => {
    const { error } = await afterTenSeconds(() => vault.set('replace', 'memory-Secret-1', 'memory'));
    expect(error).toBeUndefined();
    expect(vault.storageOf('replace')).toBe('memory');
    expect(await vault.get('replace')).toBe('memory-Secret-1');
    expect(vault.status()).toEqual({
      keychain: 'available',
      problem:
        'A secret now kept in memory for this session still has an older keychain entry: the keychain failed while removing it (no answer within 10 s while removing the old keychain entry). After a restart the app signs in with that older secret; save the secret again once the keychain answers.',
    });
  });

  it.skipIf(!ready)('a vault opened now gives up after 10 s and says the keychain did not answer', async () => {
    const { value: later } = await afterTenSeconds(() => openSecretVault({ mode: 'keytar', service }));
    expect(later?.status()).toEqual({
      keychain: 'unavailable',
      problem:
        'the system keychain (Secret Service) did not answer (no answer within 10 s while reading the keychain). On Linux, install and unlock GNOME Keyring or KWallet.',
    });
    expect(later?.storageOf('read')).toBe('none');
  });
});
