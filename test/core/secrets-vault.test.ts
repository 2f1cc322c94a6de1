// The secret vault against the real keychain (GNOME Keyring under test/keyring/with-keyring.sh) and in
// memory: where each secret lives afterwards (read back with keytar itself), what a second start finds,
// which secrets messages are redacted for, and the words a user reads when there is no keychain.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppFailure } from '@core/errors';
import { openSecretVault } from '@core/secrets/secret-vault';
import { keyringOrSkip } from './helpers';

describe('the secret vault', () => {
  const keychain = keyringOrSkip();
  it.skipIf(!keychain)('keeps one place per account: memory replaces the keychain entry, the keychain replaces memory, clear removes both', async () => {
    const keytar = (await import('keytar')).default;
    const service = `vault test ${randomUUID()}`;
    try {
      const vault = await openSecretVault({ mode: 'keytar', service });
      expect(vault.status()).toEqual({ keychain: 'available', problem: null });
      expect(vault.storageOf('a')).toBe('none');
      expect(await vault.get('a')).toBeNull();

      await vault.set('a', 'first-secret', 'keychain');
      expect(vault.storageOf('a')).toBe('keychain');
      expect(await keytar.getPassword(service, 'a')).toBe('first-secret');

      await vault.set('a', 'memory-secret', 'memory');
      expect(vault.storageOf('a')).toBe('memory');
      expect(await vault.get('a')).toBe('memory-secret');
      expect(await keytar.getPassword(service, 'a')).toBeNull();

      await vault.set('a', 'second-secret', 'keychain');
      expect(vault.storageOf('a')).toBe('keychain');
      expect(await vault.get('a')).toBe('second-secret');

      await vault.clear('a');
      expect(vault.storageOf('a')).toBe('none');
      expect(await vault.get('a')).toBeNull();
      expect(await keytar.findCredentials(service)).toEqual([]);
    } finally {
      for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
    }
  });

  it.skipIf(!keychain)('a second start finds the entries and redacts their secrets; a published demo password is never redacted', async () => {
    const keytar = (await import('keytar')).default;
    const service = `vault test ${randomUUID()}`;
    try {
      const first = await openSecretVault({ mode: 'keytar', service });
      await first.set('server-1', 'stored-secret-1', 'keychain');
      await first.set('demo', 'published-demo', 'keychain', { publicSecret: true });
      await first.set('session', 'memory-only-secret', 'memory');
      expect([...first.known()].sort()).toEqual(['memory-only-secret', 'stored-secret-1']);
      expect(await keytar.getPassword(service, 'demo')).toBe('published-demo');

      const second = await openSecretVault({ mode: 'keytar', service });
      expect(second.storageOf('server-1')).toBe('keychain');
      expect(second.storageOf('session')).toBe('none');
      // Read at start, so a message is redacted before the secret was ever used in this run.
      expect([...second.known()]).toContain('stored-secret-1');
      expect(await second.get('server-1')).toBe('stored-secret-1');
      expect(await second.get('session')).toBeNull();

      // Changed or removed by another program after the start: read as it is now, and redacted as it is now.
      await keytar.setPassword(service, 'server-1', 'changed-elsewhere');
      expect(await second.get('server-1')).toBe('changed-elsewhere');
      expect([...second.known()]).toContain('changed-elsewhere');
      await keytar.deletePassword(service, 'server-1');
      expect(await second.get('server-1')).toBeNull();
      expect([...second.known()].every((s) => typeof s === 'string')).toBe(true);
    } finally {
      for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
    }
  });

  it('without the keychain: says so, refuses a keychain secret with the way out, and keeps a memory secret for the session', async () => {
    const vault = await openSecretVault({ mode: 'memory' });
    const problem = 'The keychain is turned off for this run; secrets are kept in memory for this session only.';
    expect(vault.status()).toEqual({ keychain: 'unavailable', problem });
    const refused = await vault.set('a', 'kept-nowhere', 'keychain').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppFailure);
    expect(refused).toMatchObject({
      kind: 'keychain-unavailable',
      message: `No keychain is available: ${problem} You can keep the secret in memory for this session instead.`,
    });
    expect(vault.storageOf('a')).toBe('none');

    await vault.set('a', 'session-secret', 'memory');
    expect(vault.storageOf('a')).toBe('memory');
    expect(await vault.get('a')).toBe('session-secret');
    await vault.clear('a');
    expect(vault.storageOf('a')).toBe('none');
    expect(await vault.get('a')).toBeNull();
  });
});
