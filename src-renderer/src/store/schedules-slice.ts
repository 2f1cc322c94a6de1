// Schedule lists per profile, refreshes (with progress for many profiles), create and delete.
import type { Schedule, ScheduleList } from '@shared/domain';
import { call, messageOf } from '../api-client';
import type { SliceCreator } from './types';

export interface ProfileSchedules {
  list: ScheduleList | null;
  loading: boolean;
  /** Why the last refresh failed with nothing to show (no snapshot either). */
  error: string | null;
}

export interface RefreshProgress {
  done: number;
  total: number;
}

export interface SchedulesSlice {
  lists: Record<string, ProfileSchedules>;
  refreshProgress: RefreshProgress | null;
  refreshProfile(profileId: string): Promise<void>;
  refreshAll(): Promise<void>;
  createSchedule(profileId: string, orgId: string, timeExpression: string): Promise<Schedule>;
  deleteSchedule(profileId: string, orgId: string, jobId: string): Promise<void>;
}

/** How many profiles are refreshed at once: enough to be quick, few enough to stay polite to servers. */
const REFRESH_CONCURRENCY = 4;

export const createSchedulesSlice: SliceCreator<SchedulesSlice> = (set, get) => {
  const patch = (profileId: string, next: Partial<ProfileSchedules>) => {
    const current = get().lists[profileId] ?? { list: null, loading: false, error: null };
    set({ lists: { ...get().lists, [profileId]: { ...current, ...next } } });
  };

  return {
    lists: {},
    refreshProgress: null,

    async refreshProfile(profileId) {
      patch(profileId, { loading: true });
      try {
        const list = await call('schedules:list', { profileId });
        patch(profileId, { list, loading: false, error: null });
      } catch (error) {
        patch(profileId, { loading: false, error: messageOf(error) });
      }
    },

    async refreshAll() {
      const ids = get().profiles.map((p) => p.id);
      if (ids.length === 0) return;
      let done = 0;
      set({ refreshProgress: { done, total: ids.length } });
      const queue = [...ids];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          await get().refreshProfile(id);
          done += 1;
          set({ refreshProgress: { done, total: ids.length } });
        }
      };
      await Promise.all(Array.from({ length: Math.min(REFRESH_CONCURRENCY, ids.length) }, worker));
      set({ refreshProgress: null });
    },

    async createSchedule(profileId, orgId, timeExpression) {
      const created = await call('schedules:create', { profileId, orgId, timeExpression });
      await get().refreshProfile(profileId);
      return created;
    },

    async deleteSchedule(profileId, orgId, jobId) {
      await call('schedules:delete', { profileId, orgId, jobId });
      await get().refreshProfile(profileId);
    },
  };
};
