// Profiles and app info: what the sidebar, switcher and profile editor read.
import type { ProfileView } from '@shared/domain';
import type { AppInfo, RequestOf } from '@shared/ipc';
import { call, messageOf } from '../api-client';
import type { SliceCreator } from './types';

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
    try {
      await call('demo:start', {});
      const [appInfo, profiles] = await Promise.all([call('app:info', {}), call('profiles:list', {})]);
      set({ appInfo, profiles, profilesStatus: 'ready' });
      const first = profiles[0];
      if (first) get().selectProfile(first.id);
    } catch (error) {
      set({ profilesError: `The demo could not start: ${messageOf(error)}` });
    } finally {
      set({ demoStarting: false });
    }
  },

  async saveProfile(request) {
    const saved = await call('profiles:save', request);
    get().replaceProfile(saved);
    return saved;
  },

  async deleteProfile(id) {
    await call('profiles:delete', { id });
    const profiles = get().profiles.filter((p) => p.id !== id);
    const lists = { ...get().lists };
    delete lists[id];
    set({ profiles, lists });
    if (get().selectedProfileId === id) get().selectProfile(profiles[0]?.id ?? null);
  },

  async duplicateProfile(id) {
    const copy = await call('profiles:duplicate', { id });
    get().replaceProfile(copy);
    return copy;
  },

  replaceProfile(profile) {
    const profiles = get().profiles;
    const index = profiles.findIndex((p) => p.id === profile.id);
    set({ profiles: index < 0 ? [...profiles, profile] : profiles.map((p) => (p.id === profile.id ? profile : p)) });
  },
});
