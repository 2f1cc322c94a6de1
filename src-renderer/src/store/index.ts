// The one store of the window, combined from its slices (zustand slices pattern).
import { create } from 'zustand';
import { createProfilesSlice } from './profiles-slice';
import { createSchedulesSlice } from './schedules-slice';
import type { AppState } from './types';
import { createViewSlice } from './view-slice';

export const useAppStore = create<AppState>()((...a) => ({
  ...createProfilesSlice(...a),
  ...createSchedulesSlice(...a),
  ...createViewSlice(...a),
}));

export type { AppState } from './types';
export { ALL_PROFILES } from './view-slice';
