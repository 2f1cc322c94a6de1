// Profile use cases: save (with the secret going to the vault only), duplicate, rename, delete, import,
// demo profiles, views. The one owner of every change to the profile list: each change goes through here
// and is announced through `onChanged` exactly once (the app core turns it into `profiles:changed`).
// A profile is an org on a server (server-model.ts): a save finds or creates its server, and a secret
// saved for a profile is its server's, shared by every org there with that user.
import { randomUUID } from 'node:crypto';
import type { Profile, ProfileView, SecretStorage } from '@shared/domain';
import type { ImportResult } from '@shared/ipc';
import type { ProfileInput } from '@shared/ipc/schemas';
import { AppFailure } from '@core/errors';
import { requireProfile, type ProfileStore } from './profile-store';
import { ownAccount, serverAccount, type ProfileSecrets } from '@core/secrets/profile-secrets';
import type { SnapshotStore } from '@core/storage/snapshot-store';
import { assertCaFile } from '@core/schedules/ca-file';
import { DEMO_ACCOUNT, attachDemoProfiles, demoProfiles, type DemoServer } from './demo';
import { MAX_PROFILES, prepareImport } from './profile-transfer';
import { assertTimeZone } from './time-zone';
import { settleSecrets, type SecretHooks } from './server-secrets';

export { assertTimeZone } from './time-zone';

export interface ProfileServiceDeps extends SecretHooks {
  profiles: ProfileStore;
  vault: ProfileSecrets;
  snapshots: SnapshotStore;
  now: () => Date;
  /**
   * Called once after every change to the list, with the ids whose connection may have changed (drop
   * their clients and offline state); an empty list when only names or membership changed.
   */
  onChanged: (changedIds: readonly string[]) => void;
  /** Before a profile is deleted: drop what only this app keeps for it (paused schedules). */
  onRemoving: (profileId: string) => Promise<void>;
}

/** The settings a profile takes from its server; `applyToServer` writes them to every org there. */
const SERVER_FIELDS = ['apiUrl', 'authUrl', 'signIn', 'username', 'serverTimeZone', 'caCertPath'] as const;

type Storage = Exclude<SecretStorage, 'none'>;

export function createProfileService(deps: ProfileServiceDeps) {
  const { profiles, vault } = deps;
  const usersOf = (account: string): string[] =>
    profiles
      .list()
      .filter((p) => vault.accountOf(p.id) === account)
      .map((p) => p.id);
  const secretSaved = async (profileId: string, at: Date, storage: Storage): Promise<void> => {
    const account = vault.accountOf(profileId);
    await deps.onSecretSaved({ account, profileIds: usersOf(account), at, storage });
  };

  const view = (p: Profile): ProfileView => {
    const secretStorage = vault.storageOf(p.id);
    return { ...p, hasSecret: secretStorage !== 'none', secretStorage };
  };
  const defaultStorage = (): Storage => {
    if (vault.status().keychain === 'available') return 'keychain';
    // Never fall back to memory silently: the user chooses it knowing it is gone on restart.
    throw new AppFailure(
      'keychain-unavailable',
      // Stryker disable next-line StringLiteral: the vault names its problem whenever the keychain is unavailable
      `No keychain is available: ${vault.status().problem ?? 'unknown reason'} Choose "keep in memory for this session" to use the secret until the app closes.`,
    );
  };
  const uniqueName = (wanted: string, list: Profile[]): string => {
    const names = new Set(list.map((p) => p.name));
    if (!names.has(wanted)) return wanted;
    for (let n = 2; ; n += 1) if (!names.has(`${wanted} ${n}`)) return `${wanted} ${n}`;
  };
  const roomForOneMore = (): void => {
    if (profiles.list().length >= MAX_PROFILES)
      throw new AppFailure('invalid-input', `The app keeps at most ${MAX_PROFILES} profiles. Delete some before adding more.`);
  };

  return {
    view,
    list: (): ProfileView[] => profiles.list().map(view),

    /**
     * Creates (no id) or updates a profile. Its server is found by URLs, sign-in method and user, or
     * created. With `applyToServer`, the server settings given change the profile's server: every org on
     * it follows (their own overrides of those settings are dropped).
     */
    async save(input: ProfileInput, secret?: string, storage?: Storage, options: { applyToServer?: boolean } = {}): Promise<ProfileView> {
      assertTimeZone(input.serverTimeZone);
      const now = deps.now().toISOString();
      const existing = input.id ? requireProfile(profiles, input.id) : null;
      if (!existing) roomForOneMore();
      // A new or changed CA file is checked now, where the user chose it, not at the first connect.
      if (input.caCertPath && input.caCertPath !== existing?.caCertPath) await assertCaFile(input.caCertPath);
      const id = existing?.id ?? randomUUID();
      const { id: _ignored, ...fields } = input;
      const profile: Profile = {
        ...fields,
        id,
        demo: existing?.demo ?? false,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      const before = { list: profiles.list(), doc: profiles.doc() };
      const siblings = before.list.filter((p) => options.applyToServer === true && p.serverId === existing?.serverId && p.id !== id);
      const serverPart = (p: Profile): Profile => ({
        ...p,
        ...Object.fromEntries(SERVER_FIELDS.map((f) => [f, profile[f]])),
        environment: { kind: profile.environment.kind, label: profile.environment.label, color: p.environment.color },
        updatedAt: now,
      });
      const chosen = secret === undefined ? null : { secret, storage: storage ?? defaultStorage() };
      let newServer: string | null = null;
      try {
        await profiles.update(
          (list) => {
            const next = existing ? list.map((p) => (p.id === id ? profile : p)) : [...list, profile];
            return next.map((p) => (siblings.some((x) => x.id === p.id) ? serverPart(p) : p));
          },
          {
            // Secret first: if the keychain refuses, nothing is saved and the user can choose memory instead.
            beforeWrite: async (next) => {
              if (chosen === null) return;
              const serverId = next.profiles.find((p) => p.id === id)?.serverId ?? id;
              if (!before.doc.servers.some((x) => x.id === serverId)) newServer = serverAccount(serverId);
              await vault.accounts.set(serverAccount(serverId), chosen.secret, chosen.storage);
              await dropOwn(vault, id, chosen);
            },
          },
        );
      } catch (error) {
        if (newServer !== null) await vault.accounts.clear(newServer).catch(() => undefined);
        throw error;
      }
      await settleSecrets(vault, deps, before, profiles.doc());
      // Every org that signs in with this secret or follows these server settings gets a fresh connection.
      const changed = new Set([id, ...siblings.map((p) => p.id)]);
      if (chosen !== null) {
        await secretSaved(id, deps.now(), chosen.storage);
        for (const user of usersOf(vault.accountOf(id))) changed.add(user);
      }
      deps.onChanged([...changed]);
      return view(requireProfile(profiles, id));
    },

    async duplicate(id: string, name?: string): Promise<ProfileView> {
      const source = requireProfile(profiles, id);
      roomForOneMore();
      const now = deps.now().toISOString();
      const copy: Profile = { ...source, id: randomUUID(), name: uniqueName(name ?? `${source.name} (copy)`, profiles.list()), createdAt: now, updatedAt: now };
      await profiles.update((list) => [...list, copy]);
      // The copy is another org on the same server and shares its secret; an org with its own secret
      // gives the copy its own entry with the same one (best effort).
      const own = ownAccount(source.id);
      const storage = vault.accounts.storageOf(own);
      // Stryker disable next-line ArrowFunction: only a keychain that stops answering fails this read
      const secret = await vault.accounts.get(own).catch(() => null);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,EqualityOperator: an account without an entry reads as null; the storage check is for the type
      if (secret !== null && storage !== 'none') {
        await vault.accounts
          .set(ownAccount(copy.id), secret, storage)
          .then(() => deps.onSecretCopied(own, ownAccount(copy.id)))
          .catch(() => undefined);
      }
      // Stryker disable next-line ArrayDeclaration: names and membership only; no connection changed
      deps.onChanged([]);
      return view(requireProfile(profiles, copy.id));
    },

    async rename(id: string, name: string): Promise<ProfileView> {
      const now = deps.now().toISOString();
      requireProfile(profiles, id);
      await profiles.update((list) => list.map((p) => (p.id === id ? { ...p, name, updatedAt: now } : p)));
      // Stryker disable next-line ArrayDeclaration: names and membership only; no connection changed
      deps.onChanged([]);
      return view(requireProfile(profiles, id));
    },

    async remove(id: string): Promise<{ deleted: true }> {
      const profile = requireProfile(profiles, id);
      const lastOnServer = !profiles.list().some((p) => p.serverId === profile.serverId && p.id !== id);
      const accounts = [ownAccount(id), ...(lastOnServer && profile.serverId ? [serverAccount(profile.serverId)] : [])];
      // Keychain entries just before the list is written: if one cannot be removed the profile stays, so
      // no orphan secret is left behind; if the list cannot be written, the entries removed are put back.
      // The server's entry goes with its last org.
      const removed: { account: string; secret: string; storage: Storage }[] = [];
      try {
        await profiles.update((list) => list.filter((p) => p.id !== id), {
          beforeWrite: async () => {
            for (const account of accounts) {
              const storage = vault.accounts.storageOf(account);
              if (storage === 'none') continue;
              const secret = await vault.accounts.get(account);
              await vault.accounts.clear(account);
              if (secret !== null) removed.push({ account, secret, storage });
            }
          },
        });
      } catch (error) {
        for (const r of removed) await vault.accounts.set(r.account, r.secret, r.storage).catch(() => undefined);
        throw error;
      }
      // Only once the profile is gone: what exists only here (paused schedules, the offline copy, token
      // dates) goes with it; the user was told how many paused schedules. The profile is deleted either way.
      for (const r of removed) await deps.onSecretCleared(r.account).catch(() => undefined);
      await deps.onRemoving(id).catch(() => undefined);
      await deps.snapshots.remove(id).catch(() => undefined);
      deps.onChanged([id]);
      return { deleted: true };
    },

    /** Adds the profiles of an export file that are new and valid; says which were skipped and why. */
    async importJson(json: string): Promise<ImportResult> {
      const { accepted, skipped } = prepareImport(profiles.list(), json, deps.now());
      if (accepted.length > 0) {
        await profiles.update((list) => [...list, ...accepted]);
        // Stryker disable next-line ArrayDeclaration: new profiles only; no connection changed
        deps.onChanged([]);
      }
      return { imported: accepted.map((p) => view(profiles.get(p.id) ?? p)), skipped };
    },

    /**
     * Points the demo profiles at the demo server (its port changes per start) and gives them its public
     * password; with `create`, adds the two demo profiles first when there are none. Returns them.
     */
    async attachDemo(server: DemoServer, options: { create: boolean }): Promise<ProfileView[]> {
      const before = profiles.list().filter((p) => p.demo);
      const create = options.create && before.length === 0;
      if (create) await profiles.update((list) => [...list, ...demoProfiles(server.url, server.demo ?? DEMO_ACCOUNT, deps.now())]);
      await attachDemoProfiles(profiles, vault, server);
      const demo = profiles.list().filter((p) => p.demo);
      // Stryker disable next-line all: profiles re-pointed at a new port are re-pointed as the core opens, before any client or listener exists
      const moved = demo.filter((p) => !before.some((b) => b.id === p.id && b.apiUrl === p.apiUrl && b.authUrl === p.authUrl)).map((p) => p.id);
      // Stryker disable next-line ConditionalExpression,LogicalOperator: as above; a demo start that adds profiles moves them all
      if (moved.length > 0 || create) deps.onChanged(moved);
      return demo.map(view);
    },

    /**
     * The secret of the profile's server and user (every org there signs in with it); `since`: when it
     * was saved or issued, when that is known to be earlier than now (an imported secret).
     */
    async setSecret(id: string, secret: string, storage: Storage, options: { since?: Date; own?: boolean } = {}): Promise<ProfileView> {
      const profile = requireProfile(profiles, id);
      if (options.own) await vault.accounts.set(ownAccount(id), secret, storage);
      else await vault.set(id, secret, storage);
      await secretSaved(id, options.since ?? deps.now(), storage);
      deps.onChanged(usersOf(vault.accountOf(id)));
      return view(profile);
    },

    async clearSecret(id: string): Promise<ProfileView> {
      const profile = requireProfile(profiles, id);
      const users = usersOf(vault.accountOf(id));
      const account = vault.accountOf(id);
      await vault.clear(id);
      await deps.onSecretCleared(account);
      deps.onChanged(users);
      return view(profile);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;

/**
 * After a new server secret: the org's own entry goes, so it signs in with the new one. A secret kept in
 * memory is the way out of a failing keychain, so when the own entry cannot be removed the new secret
 * shadows it in memory for this session (the vault says an older keychain entry remains).
 */
async function dropOwn(vault: ProfileSecrets, id: string, chosen: { secret: string; storage: Storage }): Promise<void> {
  const own = ownAccount(id);
  if (chosen.storage !== 'memory') return vault.accounts.clear(own);
  await vault.accounts.clear(own).catch(() => vault.accounts.set(own, chosen.secret, 'memory'));
}
