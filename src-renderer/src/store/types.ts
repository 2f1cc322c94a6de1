// The combined store's shape; each slice file builds one part of it.
import type { StateCreator } from 'zustand';
import type { HealthSlice } from './health-slice';
import type { ChangesSlice } from '../changes/changes-slice';
import type { ProfilesSlice } from './profiles-slice';
import type { SchedulesSlice } from './schedules-slice';
import type { ToastsSlice } from './toasts-slice';
import type { ViewSlice } from './view-slice';
import type { FilterSlice } from './filter-slice';

export type AppState = ProfilesSlice & SchedulesSlice & ToastsSlice & ViewSlice & HealthSlice & ChangesSlice & FilterSlice;
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
