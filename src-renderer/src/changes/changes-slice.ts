// The change workflows' part of the store: the paused schedules (kept by main in its durable paused
// store, shown here as ghost schedules) and the rows ticked for a copy or a bulk delete.
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import { call, messageOf } from '../api-client';
import type { SliceCreator } from '../store/types';

export interface ChangesSlice {
  paused: PausedSchedule[];
  /** Why the paused list could not be read (main kept the unreadable file aside), or null. */
  pausedProblem: string | null;
  /** Source keys of the rows ticked in the list, in the order they were ticked. */
  checkedKeys: string[];
  loadPaused(): Promise<void>;
  setChecked(key: string, checked: boolean): void;
  clearChecked(): void;
  /** After a change: the lists of these profiles and the paused list, fetched again. */
  afterChange(profileIds: readonly string[]): Promise<void>;
}

export const createChangesSlice: SliceCreator<ChangesSlice> = (set, get) => ({
  paused: [],
  pausedProblem: null,
  checkedKeys: [],

  async loadPaused() {
    try {
      const list = await call('changes:paused-list', {});
      set({ paused: list.paused, pausedProblem: list.problem });
    } catch (error) {
      set({ pausedProblem: `The paused schedules could not be read: ${messageOf(error)}` });
    }
  },
  setChecked(key, checked) {
    const keys = get().checkedKeys.filter((k) => k !== key);
    set({ checkedKeys: checked ? [...keys, key] : keys });
  },
  clearChecked: () => set({ checkedKeys: [] }),
  async afterChange(profileIds) {
    await Promise.all([...new Set(profileIds)].map((id) => get().refreshProfile(id)));
    await get().loadPaused();
  },
});
