// The one store of the window, combined from its slices (zustand slices pattern).
import { create } from 'zustand';
import { createHealthSlice } from './health-slice';
import { createChangesSlice } from '../changes/changes-slice';
import { createProfilesSlice } from './profiles-slice';
import { createSchedulesSlice } from './schedules-slice';
import { createToastsSlice } from './toasts-slice';
import type { AppState, SliceCreator } from './types';
import { createViewSlice } from './view-slice';
import { createFilterSlice } from './filter-slice';
import { listsForProfiles } from './profiles-slice';

/** The window's state, combined from its slices: the store createAppStore makes, without its subscriber. */
export const createAppState: SliceCreator<AppState> = (...a) => ({
  ...createProfilesSlice(...a),
  ...createSchedulesSlice(...a),
  ...createToastsSlice(...a),
  ...createViewSlice(...a),
  ...createHealthSlice(...a),
  ...createChangesSlice(...a),
  ...createFilterSlice(...a),
});

/** A fresh store; the window uses one (useAppStore), tests make their own. */
export function createAppStore() {
  const store = create<AppState>()(createAppState);
  // However the profiles change (a save here, main's profiles:changed event, a test), a profile that now
  // points at another server or org keeps no list of the old one.
  store.subscribe((state, previous) => {
    if (state.profiles === previous.profiles && state.lists === previous.lists) return;
    const lists = listsForProfiles(state.profiles, state.lists);
    if (lists !== state.lists) store.setState({ lists });
  });
  return store;
}

export const useAppStore = createAppStore();

export type { AppState } from './types';
export { ALL_PROFILES } from './view-slice';
