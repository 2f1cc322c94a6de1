// The secrets of profiles, by profile id, over the vault's accounts: one entry per server and user
// (account = the server's id, which is the id of the profile that created the server, so the first
// release's entry of that profile already is its server's), shared by every org on that server; an org
// whose secret differed from its server's when the first release's per-profile entries were merged
// keeps its own entry (account `profile:<profile id>`) and signs in with that one. Everything that reads
// a profile's secret goes through here.
import type { ProfileStore } from '@core/profiles/profile-store';
import type { ProfilesDoc } from '@core/profiles/server-model';
import type { SecretVault } from './secret-vault';

export const serverAccount = (serverId: string): string => serverId;
/** The entry of one org that keeps a secret of its own (never a server id: those have no colon). */
export const ownAccount = (profileId: string): string => `profile:${profileId}`;

/** A vault keyed by profile id (what the client pool, tests and transfers ask for), plus its accounts. */
export interface ProfileSecrets extends SecretVault {
  /** The account this profile signs in with: its own entry when it has one, else its server's. */
  accountOf(profileId: string): string;
  /** The vault by account. */
  readonly accounts: SecretVault;
}

export function profileSecrets(accounts: SecretVault, profiles: Pick<ProfileStore, 'get'>): ProfileSecrets {
  const serverOf = (profileId: string): string | null => {
    const serverId = profiles.get(profileId)?.serverId;
    return serverId ? serverAccount(serverId) : null;
  };
  const accountOf = (profileId: string): string =>
    accounts.storageOf(ownAccount(profileId)) !== 'none' ? ownAccount(profileId) : (serverOf(profileId) ?? profileId);
  return {
    accounts,
    accountOf,
    status: () => accounts.status(),
    storageOf: (id) => accounts.storageOf(accountOf(id)),
    get: (id) => accounts.get(accountOf(id)),
    // A secret set through a profile is its server's: every org on that server with that user uses it.
    async set(id, secret, storage, options) {
      const server = serverOf(id);
      await accounts.set(server ?? id, secret, storage, options);
      // The org's own entry (if any) gives way to the server's new secret. In memory (the way out of a
      // failing keychain), an own entry that cannot be removed is shadowed by the new secret instead.
      if (storage === 'memory') await accounts.clear(ownAccount(id)).catch(() => accounts.set(ownAccount(id), secret, 'memory', options));
      else await accounts.clear(ownAccount(id));
    },
    async clear(id) {
      await accounts.clear(ownAccount(id));
      const server = serverOf(id);
      // Stryker disable next-line ConditionalExpression: clearing the account null is a no-op (no entry has it).
      if (server) await accounts.clear(server);
    },
    known: () => accounts.known(),
  };
}

/** One per-profile entry moved onto its server, or kept because it differs from the server's. */
export interface Promotion {
  profileId: string;
  account: string;
  kept: boolean;
}

/**
 * Moves the first release's per-profile keychain entries (account = profile id) onto their servers: a
 * server whose own entry is missing takes the secret of the first of its orgs that has one; orgs with the
 * same secret lose their entry, orgs with a different one keep it as their own (so each signs in exactly
 * as before). Safe to repeat and to interrupt: every entry is written before the one it replaces is
 * removed. Keychain failures leave the entries as they are (the next start tries again); until then an
 * org whose entry was not moved signs in with its server's.
 */
export async function promoteProfileSecrets(accounts: SecretVault, doc: ProfilesDoc): Promise<Promotion[]> {
  // Stryker disable next-line ConditionalExpression: without a keychain no entry is 'keychain', so nothing would move anyway.
  if (accounts.status().keychain !== 'available') return [];
  const serverIds = new Set(doc.servers.map((s) => s.id));
  const done: Promotion[] = [];
  for (const server of doc.servers) {
    const account = serverAccount(server.id);
    // An id that is also a server's names that server's entry, not a profile's.
    const old = doc.profiles.filter((p) => p.serverId === server.id && !serverIds.has(p.id) && accounts.storageOf(p.id) === 'keychain');
    try {
      let shared = accounts.storageOf(account) === 'keychain' ? await accounts.get(account) : null;
      for (const p of old) {
        const secret = await accounts.get(p.id);
        if (secret === null) continue;
        if (shared === null) {
          await accounts.set(account, secret, 'keychain');
          shared = secret;
        }
        const kept = secret !== shared;
        // Stryker disable next-line StringLiteral: any storage but 'memory' is the keychain.
        if (kept) await accounts.set(ownAccount(p.id), secret, 'keychain');
        await accounts.clear(p.id);
        done.push({ profileId: p.id, account: kept ? ownAccount(p.id) : account, kept });
      }
    } catch {
      // The entries stay where they are; the next start tries again.
    }
  }
  return done;
}
