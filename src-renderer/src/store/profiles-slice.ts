// Profiles and app info: what the sidebar, switcher and profile editor read.
import type { ProfileView, SecretStorage } from '@shared/domain';
import type { AppInfo, RequestOf } from '@shared/ipc';
import { call, messageOf } from '../api-client';
import type { SliceCreator } from './types';
import { connectionOf, listMatches, type ProfileSchedules } from './schedule-state';

/**
 * The lists that still belong to their profiles: a profile now pointing at another server or org loses
 * the list (and state) of the old one, so it is never shown, counted as fresh or written through.
 * Returns the same object when nothing is dropped.
 */
export function listsForProfiles(profiles: readonly ProfileView[], lists: Record<string, ProfileSchedules>): Record<string, ProfileSchedules> {
  let kept: Record<string, ProfileSchedules> | null = null;
  for (const profile of profiles) {
    if (listMatches(lists[profile.id], connectionOf(profile))) continue;
    kept ??= { ...lists };
    delete kept[profile.id];
  }
  return kept ?? lists;
}

export interface ProfilesSlice {
  appInfo: AppInfo | null;
  profiles: ProfileView[];
  profilesStatus: 'idle' | 'loading' | 'ready' | 'error';
  profilesError: string | null;
  demoStarting: boolean;
  loadApp(): Promise<void>;
  startDemo(): Promise<void>;
  saveProfile(request: RequestOf<'profiles:save'>): Promise<ProfileView>;
  deleteProfile(id: string): Promise<void>;
  duplicateProfile(id: string): Promise<ProfileView>;
  replaceProfile(profile: ProfileView): void;
  /** Stores a new password/token for the profile and refreshes its list with it. */
  setSecret(profileId: string, secret: string, storage: Exclude<SecretStorage, 'none'>): Promise<ProfileView>;
}

export const createProfilesSlice: SliceCreator<ProfilesSlice> = (set, get) => ({
  appInfo: null,
  profiles: [],
  profilesStatus: 'idle',
  profilesError: null,
  demoStarting: false,

  async loadApp() {
    set({ profilesStatus: 'loading', profilesError: null });
    try {
      const [appInfo, profiles] = await Promise.all([call('app:info', {}), call('profiles:list', {})]);
      set({ appInfo, profiles, profilesStatus: 'ready' });
      const first = profiles[0];
      if (get().selectedProfileId === null && first) get().selectProfile(first.id);
    } catch (error) {
      set({ profilesStatus: 'error', profilesError: `Could not load profiles: ${messageOf(error)}` });
    }
  },

  async startDemo() {
    set({ demoStarting: true, profilesError: null });
    const selectedBefore = get().selectedProfileId;
    try {
      await call('demo:start', {});
      const [appInfo, profiles] = await Promise.all([call('app:info', {}), call('profiles:list', {})]);
      set({ appInfo, profiles, profilesStatus: 'ready' });
      // The profiles-changed event draws the sidebar before this answer; a profile the user picked
      // there meanwhile stays picked.
      const first = profiles[0];
      if (first && get().selectedProfileId === selectedBefore) get().selectProfile(first.id);
    } catch (error) {
      set({ profilesError: `The demo could not start: ${messageOf(error)}` });
    } finally {
      set({ demoStarting: false });
    }
  },

  async saveProfile(request) {
    const saved = await call('profiles:save', request);
    get().replaceProfile(saved);
    get().notify(`Profile “${saved.name}” saved.`);
    return saved;
  },

  async deleteProfile(id) {
    await call('profiles:delete', { id });
    const name = get().profiles.find((p) => p.id === id)?.name ?? 'The profile';
    const profiles = get().profiles.filter((p) => p.id !== id);
    const lists = { ...get().lists };
    delete lists[id];
    set({ profiles, lists });
    if (get().selectedProfileId === id) get().selectProfile(profiles[0]?.id ?? null);
    get().notify(`Profile “${name}” deleted.`);
  },

  async duplicateProfile(id) {
    const copy = await call('profiles:duplicate', { id });
    get().replaceProfile(copy);
    get().notify(`Profile copied as “${copy.name}”.`);
    return copy;
  },

  async setSecret(profileId, secret, storage) {
    const saved = await call('secrets:set', { profileId, secret, storage });
    get().replaceProfile(saved);
    get().notify(`New ${saved.signIn === 'password' ? 'password' : 'API token'} saved for “${saved.name}”.`);
    await get().refreshProfile(profileId);
    return saved;
  },

  replaceProfile(profile) {
    const profiles = get().profiles;
    const index = profiles.findIndex((p) => p.id === profile.id);
    const next = index < 0 ? [...profiles, profile] : profiles.map((p) => (p.id === profile.id ? profile : p));
    set({ profiles: next, lists: listsForProfiles(next, get().lists) });
  },
});
