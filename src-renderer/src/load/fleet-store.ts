// Planning settings per profile (blackout windows, assumed run length) as core keeps them, and the load
// view's own choices. Its own small store: the app store stays about profiles, lists and views.
import { create } from 'zustand';
import type { Blackout } from '@shared/fleet';
import type { FleetProfileSettings } from '@shared/ipc/channels/fleet';
import { call, messageOf } from '../api-client';

export { settingsOf } from './fleet-sources';

/** The one time axis every shared grid is drawn on: the user's local zone or UTC. */
export type LoadAxis = 'local' | 'UTC';

export interface FleetState {
  settings: Record<string, FleetProfileSettings>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  axis: LoadAxis;
  days: number;
  load(): Promise<void>;
  /** Loads once; later calls do nothing until a reload is asked for. */
  ensureLoaded(): void;
  setBlackouts(profileId: string, blackouts: Blackout[]): Promise<void>;
  setRunMinutes(profileId: string, runMinutes: number): Promise<void>;
  setAxis(axis: LoadAxis): void;
  setDays(days: number): void;
}

export const useFleetStore = create<FleetState>()((set, get) => ({
  settings: {},
  status: 'idle',
  error: null,
  axis: 'local',
  days: 14,
  async load() {
    set({ status: 'loading', error: null });
    try {
      const list = await call('blackouts:get', {});
      set({ settings: Object.fromEntries(list.map((s) => [s.profileId, s])), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: `The blackout windows could not be loaded: ${messageOf(error)}` });
    }
  },
  ensureLoaded() {
    if (get().status === 'idle') void get().load();
  },
  async setBlackouts(profileId, blackouts) {
    const saved = await call('blackouts:set', { profileId, blackouts });
    set({ settings: { ...get().settings, [profileId]: saved } });
  },
  async setRunMinutes(profileId, runMinutes) {
    const saved = await call('durations:set', { profileId, runMinutes });
    set({ settings: { ...get().settings, [profileId]: saved } });
  },
  setAxis: (axis) => set({ axis }),
  setDays: (days) => set({ days }),
}));
