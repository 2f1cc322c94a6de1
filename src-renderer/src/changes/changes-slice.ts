// The change workflows' part of the store: the paused schedules (kept by main in its durable paused
// store, shown here as ghost schedules) and the rows ticked for a copy or a bulk delete.
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import { call, messageOf } from '../api-client';
import { sameOrgProfileIds } from '../store/schedules-slice';
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
  /**
   * After a change: the lists of these profiles, of every other profile on the same server and org (a
   * write through one changes them all: refreshAfterWrite), and the paused list, fetched again.
   */
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
    // One refresh per server and org: refreshAfterWrite takes in every profile of that org.
    const covered = new Set<string>();
    const writes: string[] = [];
    for (const id of profileIds) {
      if (covered.has(id)) continue;
      writes.push(id);
      for (const same of sameOrgProfileIds(id, get().profiles)) covered.add(same);
    }
    await Promise.all(writes.map((id) => get().refreshAfterWrite(id)));
    await get().loadPaused();
  },
});
