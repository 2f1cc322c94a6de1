// The one store of the window, combined from its slices (zustand slices pattern).
import { create } from 'zustand';
import { createHealthSlice } from './health-slice';
import { createChangesSlice } from '../changes/changes-slice';
import { createProfilesSlice } from './profiles-slice';
import { createSchedulesSlice } from './schedules-slice';
import { createToastsSlice } from './toasts-slice';
import type { AppState } from './types';
import { createViewSlice } from './view-slice';
import { createFilterSlice } from './filter-slice';

/** A fresh store; the window uses one (useAppStore), tests make their own. */
export function createAppStore() {
  return create<AppState>()((...a) => ({
    ...createProfilesSlice(...a),
    ...createSchedulesSlice(...a),
    ...createToastsSlice(...a),
    ...createViewSlice(...a),
    ...createHealthSlice(...a),
    ...createChangesSlice(...a),
    ...createFilterSlice(...a),
  }));
}

export const useAppStore = createAppStore();

export type { AppState } from './types';
export { ALL_PROFILES } from './view-slice';
