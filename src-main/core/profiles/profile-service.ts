// Profile use cases: save (with the secret going to the vault only), duplicate, rename, delete, import,
// demo profiles, views. The one owner of every change to the profile list: each change goes through here
// and is announced through `onChanged` exactly once (the app core turns it into `profiles:changed`).
import { randomUUID } from 'node:crypto';
import type { Profile, ProfileView, SecretStorage } from '@shared/domain';
import type { ImportResult } from '@shared/ipc';
import type { ProfileInput } from '@shared/ipc/schemas';
import { AppFailure } from '@core/errors';
import { requireProfile, type ProfileStore } from './profile-store';
import type { SecretVault } from '@core/secrets/secret-vault';
import type { SnapshotStore } from '@core/storage/snapshot-store';
import { assertCaFile } from '@core/schedules/ca-file';
import { DEMO_ACCOUNT, attachDemoProfiles, demoProfiles, type DemoServer } from './demo';
import { MAX_PROFILES, prepareImport } from './profile-transfer';
import { assertTimeZone } from './time-zone';

export { assertTimeZone } from './time-zone';

export interface ProfileServiceDeps {
  profiles: ProfileStore;
  vault: SecretVault;
  snapshots: SnapshotStore;
  now: () => Date;
  /**
   * Called once after every change to the list, with the ids whose connection may have changed (drop
   * their clients and offline state); an empty list when only names or membership changed.
   */
  onChanged: (changedIds: readonly string[]) => void;
}

type Storage = Exclude<SecretStorage, 'none'>;

export function createProfileService(deps: ProfileServiceDeps) {
  const { profiles, vault } = deps;

  const view = (p: Profile): ProfileView => {
    const secretStorage = vault.storageOf(p.id);
    return { ...p, hasSecret: secretStorage !== 'none', secretStorage };
  };
  const defaultStorage = (): Storage => {
    if (vault.status().keychain === 'available') return 'keychain';
    // Never fall back to memory silently: the user chooses it knowing it is gone on restart.
    throw new AppFailure(
      'keychain-unavailable',
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

    async save(input: ProfileInput, secret?: string, storage?: Storage): Promise<ProfileView> {
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
      // Secret first: if the keychain refuses, nothing is saved and the user can choose memory instead.
      if (secret !== undefined) await vault.set(id, secret, storage ?? defaultStorage());
      try {
        await profiles.update((list) => (existing ? list.map((p) => (p.id === id ? profile : p)) : [...list, profile]));
      } catch (error) {
        if (!existing && secret !== undefined) await vault.clear(id).catch(() => undefined);
        throw error;
      }
      // A stored secret belongs to the servers it was entered for: pointed elsewhere without a new one,
      // it is dropped rather than sent to the new host (a typo in a URL must not hand it the password).
      if (existing && secret === undefined && (!sameOrigin(existing.apiUrl, profile.apiUrl) || !sameOrigin(existing.authUrl, profile.authUrl))) {
        await vault.clear(id);
      }
      deps.onChanged([id]);
      return view(profile);
    },

    async duplicate(id: string, name?: string): Promise<ProfileView> {
      const source = requireProfile(profiles, id);
      roomForOneMore();
      const now = deps.now().toISOString();
      const copy: Profile = { ...source, id: randomUUID(), name: uniqueName(name ?? `${source.name} (copy)`, profiles.list()), createdAt: now, updatedAt: now };
      await profiles.update((list) => [...list, copy]);
      // The copy signs in like the original, so it gets its own entry with the same secret (best effort).
      const secret = await vault.get(source.id).catch(() => null);
      const storage = vault.storageOf(source.id);
      if (secret !== null && storage !== 'none') await vault.set(copy.id, secret, storage, { publicSecret: source.demo }).catch(() => undefined);
      deps.onChanged([]);
      return view(copy);
    },

    async rename(id: string, name: string): Promise<ProfileView> {
      const now = deps.now().toISOString();
      requireProfile(profiles, id);
      const next = await profiles.update((list) => list.map((p) => (p.id === id ? { ...p, name, updatedAt: now } : p)));
      deps.onChanged([]);
      return view(next.find((p) => p.id === id) ?? requireProfile(profiles, id));
    },

    async remove(id: string): Promise<{ deleted: true }> {
      requireProfile(profiles, id);
      // Keychain entry first: if it cannot be removed the profile stays, so no orphan secret is left behind.
      await vault.clear(id);
      await deps.snapshots.remove(id);
      await profiles.update((list) => list.filter((p) => p.id !== id));
      deps.onChanged([id]);
      return { deleted: true };
    },

    /** Adds the profiles of an export file that are new and valid; says which were skipped and why. */
    async importJson(json: string): Promise<ImportResult> {
      const { accepted, skipped } = prepareImport(profiles.list(), json, deps.now());
      if (accepted.length > 0) {
        await profiles.update((list) => [...list, ...accepted]);
        deps.onChanged([]);
      }
      return { imported: accepted.map(view), skipped };
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
      const moved = demo.filter((p) => !before.some((b) => b.id === p.id && b.apiUrl === p.apiUrl && b.authUrl === p.authUrl)).map((p) => p.id);
      if (moved.length > 0 || create) deps.onChanged(moved);
      return demo.map(view);
    },

    async setSecret(id: string, secret: string, storage: Storage): Promise<ProfileView> {
      const profile = requireProfile(profiles, id);
      await vault.set(id, secret, storage);
      deps.onChanged([id]);
      return view(profile);
    },

    async clearSecret(id: string): Promise<ProfileView> {
      const profile = requireProfile(profiles, id);
      await vault.clear(id);
      deps.onChanged([id]);
      return view(profile);
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;

/** Same scheme, host and port (a different path on the same server keeps the secret). */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return a === b;
  }
}
