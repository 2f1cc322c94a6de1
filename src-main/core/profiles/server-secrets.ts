// What happens to secrets when profiles change servers. A secret belongs to the servers it was entered
// for: an org that moves to another path of the same origin takes it along when its new server has none
// (a server that has one signs its new org in with that); an org pointed at another origin leaves it
// behind, so a mistyped or tampered URL never receives the password. A server no org uses any more
// loses its entry.
import type { Profile } from '@shared/domain';
import { ownAccount, serverAccount, type ProfileSecrets } from '@core/secrets/profile-secrets';
import type { ProfilesDoc } from './server-model';

export interface SecretHooks {
  /**
   * A secret was stored for `account` (a server's, or one org's own), used by `profileIds`; `storage`
   * 'memory' when it is kept for this session only (the command line's --secrets memory, or the user's
   * choice): what is saved on disk about the account's stored secret must not change for it.
   */
  onSecretSaved: (saved: { account: string; profileIds: string[]; at: Date; storage: 'keychain' | 'memory' }) => Promise<void>;
  /** The secret of `from` now also signs in as `to` (it is just as old). */
  onSecretCopied: (from: string, to: string) => Promise<void>;
  onSecretCleared: (account: string) => Promise<void>;
}

/** Same scheme, host and port (a different path on the same server keeps the secret). */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    // Stryker disable next-line all: stored URLs are full URLs (checked at save and import); this only keeps an unreadable one from throwing
    return a === b;
  }
}

/**
 * Carries or drops the secrets of the profiles whose server changed between `before` and `after`, then
 * removes the entries of servers that are gone. A profile just given a new secret has it on its new
 * server already, so nothing is carried over it.
 */
export async function settleSecrets(
  vault: ProfileSecrets,
  hooks: SecretHooks,
  before: { list: readonly Profile[]; doc: ProfilesDoc },
  after: ProfilesDoc,
): Promise<void> {
  const { accounts } = vault;
  const afterServerOf = new Map(after.profiles.map((p) => [p.id, p.serverId]));
  const afterServers = new Map(after.servers.map((s) => [s.id, s]));
  for (const b of before.list) {
    const now = afterServers.get(afterServerOf.get(b.id) ?? '');
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a save keeps every stored profile, each on a server
    if (!now || !b.serverId) continue;
    if (now.id === b.serverId) continue;
    const mine = ownAccount(b.id);
    const own = accounts.storageOf(mine) !== 'none';
    if (!sameOrigin(b.apiUrl, now.apiUrl) || !sameOrigin(b.authUrl, now.authUrl)) {
      await clear(vault, hooks, mine);
      continue;
    }
    const from = own ? mine : serverAccount(b.serverId);
    const storage = accounts.storageOf(from);
    const secret = await accounts.get(from);
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: an account without an entry reads as null; the storage check is for the type
    if (secret === null || storage === 'none') continue;
    const target = serverAccount(now.id);
    if ((await accounts.get(target)) === null) {
      await accounts.set(target, secret, storage);
      await hooks.onSecretCopied(from, target);
    }
    // A server that has a secret already signs its new org in with it (entered for that server and user).
    await accounts.clear(mine);
  }
  for (const gone of before.doc.servers.filter((s) => !afterServers.has(s.id))) await clear(vault, hooks, serverAccount(gone.id));
}

export async function clear(vault: ProfileSecrets, hooks: SecretHooks, account: string): Promise<void> {
  // Stryker disable next-line ConditionalExpression: clearing an account without an entry removes nothing; the guard spares the token dates a rewrite
  if (vault.accounts.storageOf(account) === 'none') return;
  await vault.accounts.clear(account);
  await hooks.onSecretCleared(account);
}
