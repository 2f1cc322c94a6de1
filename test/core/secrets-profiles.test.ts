// Secrets by profile over a real profile store: orgs on one server share its entry, an org that keeps
// its own entry signs in with that one until a new secret is set for it, and the first release's
// per-profile keychain entries move onto their servers (read back with keytar itself).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '@shared/domain';
import { openProfileStore, type ProfileStore } from '@core/profiles/profile-store';
import { openSecretVault, type SecretVault } from '@core/secrets/secret-vault';
import { ownAccount, profileSecrets, promoteProfileSecrets, type ProfileSecrets } from '@core/secrets/profile-secrets';
import { keyringOrSkip, profileInput, removeDir, tempDir } from './helpers';

const NOW = new Date('2026-12-01T10:00:00Z');
let dir = '';
afterEach(async () => {
  if (dir) await removeDir(dir);
  dir = '';
});

function org(id: string, orgId: string, apiUrl = 'https://atscale.example.com:10502'): Profile {
  return {
    ...profileInput({ url: apiUrl }, { orgId, username: 'admin' }),
    id,
    demo: false,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  } as Profile;
}

async function storeWith(...profiles: Profile[]): Promise<ProfileStore> {
  dir = await tempDir('secrets-profiles-');
  const { store } = await openProfileStore(dir, () => NOW);
  await store.update(() => profiles);
  return store;
}

/** Orgs "a" and "b" on one server whose entry holds "server-secret"; "b" keeps "own-secret" as its own. */
async function orgWithOwnEntry(): Promise<{ accounts: SecretVault; vault: ProfileSecrets; server: string }> {
  const store = await storeWith(org('a', 'sales'), org('b', 'finance'));
  const accounts = await openSecretVault({ mode: 'memory' });
  const server = store.get('a')!.serverId!;
  await accounts.set(server, 'server-secret', 'memory');
  await accounts.set(ownAccount('b'), 'own-secret', 'memory');
  return { accounts, vault: profileSecrets(accounts, store), server };
}

describe('secrets by profile', () => {
  it('orgs on one server share one entry: set through one, read by the other, cleared for both', async () => {
    const store = await storeWith(org('a', 'sales'), org('b', 'finance'));
    const accounts = await openSecretVault({ mode: 'memory' });
    const vault = profileSecrets(accounts, store);
    const server = store.get('a')!.serverId!;
    expect(store.get('b')!.serverId).toBe(server);

    await vault.set('a', 'shared-secret', 'memory');
    expect(vault.accountOf('b')).toBe(server);
    expect(accounts.storageOf(server)).toBe('memory');
    expect(await vault.get('b')).toBe('shared-secret');
    expect(vault.storageOf('b')).toBe('memory');

    await vault.clear('b');
    expect(await vault.get('a')).toBeNull();
    expect(vault.storageOf('a')).toBe('none');
  });

  it("an org with its own entry signs in with it; a secret set for it replaces that entry with the server's", async () => {
    const { accounts, vault, server } = await orgWithOwnEntry();

    expect(vault.accountOf('b')).toBe('profile:b');
    expect(await vault.get('b')).toBe('own-secret');
    expect(await vault.get('a')).toBe('server-secret');

    await vault.set('b', 'new-secret', 'memory');
    expect(accounts.storageOf(ownAccount('b'))).toBe('none');
    expect(vault.accountOf('b')).toBe(server);
    expect(await vault.get('a')).toBe('new-secret');
  });

  it('clearing an org with its own entry removes that entry and the server entry', async () => {
    const { accounts, vault, server } = await orgWithOwnEntry();
    await vault.clear('b');
    expect([accounts.storageOf(ownAccount('b')), accounts.storageOf(server)]).toEqual(['none', 'none']);
  });

  it('an id no profile has is its own account (a profile being created or gone)', async () => {
    const store = await storeWith(org('a', 'sales'));
    const accounts = await openSecretVault({ mode: 'memory' });
    const vault = profileSecrets(accounts, store);
    expect(vault.accountOf('ghost')).toBe('ghost');
    await vault.set('ghost', 'ghost-secret', 'memory');
    expect(accounts.storageOf('ghost')).toBe('memory');
    expect(await vault.get('ghost')).toBe('ghost-secret');
    expect(await vault.get('a')).toBeNull();
  });
});

describe("moving the first release's entries onto servers", () => {
  const keychain = keyringOrSkip();

  it('keeps nothing to do without a keychain', async () => {
    const store = await storeWith(org('a', 'sales'), org('b', 'finance'));
    expect(await promoteProfileSecrets(await openSecretVault({ mode: 'memory' }), store.doc())).toEqual([]);
  });

  it.skipIf(!keychain)(
    "keeps a server's existing entry, moves equal ones onto it, keeps different ones, skips vanished ones, and never mixes servers",
    async () => {
      const keytar = (await import('keytar')).default;
      const service = `promotion test ${randomUUID()}`;
      try {
        // Server 1 is "a"'s (its id is "a"); server 2 is "x"'s, on another host.
        const store = await storeWith(
          org('a', 'sales'),
          org('gone', 'hr'),
          org('b', 'finance'),
          org('c', 'ops'),
          org('x', 'sales', 'https://other.example.com:10502'),
          org('y', 'finance', 'https://other.example.com:10502'),
        );
        expect(store.get('x')!.serverId).toBe('x');
        const old = await openSecretVault({ mode: 'keytar', service });
        for (const [account, secret] of [
          ['a', 'server-one'],
          ['gone', 'vanishing'],
          ['b', 'different'],
          ['c', 'server-one'],
          ['y', 'server-two'],
        ] as const) {
          await old.set(account, secret, 'keychain');
        }
        const accounts = await openSecretVault({ mode: 'keytar', service });
        await keytar.deletePassword(service, 'gone'); // removed behind the app's back after it started

        const done = await promoteProfileSecrets(accounts, store.doc());
        expect(done).toEqual([
          { profileId: 'b', account: 'profile:b', kept: true },
          { profileId: 'c', account: 'a', kept: false },
          { profileId: 'y', account: 'x', kept: false },
        ]);
        const entries = Object.fromEntries((await keytar.findCredentials(service)).map((c) => [c.account, c.password]));
        expect(entries).toEqual({ a: 'server-one', 'profile:b': 'different', x: 'server-two' });
      } finally {
        for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
      }
    },
  );
});
