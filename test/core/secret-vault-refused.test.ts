// keytar itself refusing at open (it refuses an empty service name before asking the Secret Service):
// the vault opens as unavailable with keytar's words instead of failing the start, refuses a keychain
// secret naming the memory option, and keeps memory secrets. Unlike the private-keyring suites this needs
// no bus of its own, so it also runs in Stryker's worker threads (the open-failure path's only test there).
import { describe, expect, it } from 'vitest';
import { openSecretVault } from '@core/secrets/secret-vault';
import { keyringOrSkip } from './helpers';

describe('a keychain that refuses at open', () => {
  const ready = keyringOrSkip();
  it.skipIf(!ready)('is unavailable with the cause, refuses a keychain secret with the way out, and keeps memory ones', async () => {
    const vault = await openSecretVault({ mode: 'keytar', service: '' });
    const problem = 'the system keychain (Secret Service) did not answer (Service is required.). On Linux, install and unlock GNOME Keyring or KWallet.';
    expect(vault.status()).toEqual({ keychain: 'unavailable', problem });
    await expect(vault.set('a', 'kept-Nowhere-1', 'keychain')).rejects.toMatchObject({
      kind: 'keychain-unavailable',
      message: `No keychain is available: ${problem} You can keep the secret in memory for this session instead.`,
    });
    expect(vault.storageOf('a')).toBe('none');
    expect(await vault.get('a')).toBeNull();
    expect([...vault.known()]).toEqual(['kept-Nowhere-1']);
    await vault.set('a', 'session-Secret-1', 'memory');
    expect(await vault.get('a')).toBe('session-Secret-1');
    await vault.clear('a');
    expect(vault.storageOf('a')).toBe('none');
  });
});
