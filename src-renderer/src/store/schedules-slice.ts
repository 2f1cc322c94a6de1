// Schedule lists per profile (one explicit state each, see schedule-state.ts), refreshes of one or many
// profiles (many through `schedules:refresh`, with progress pushed by main), create and delete.
import type { AppError, Schedule } from '@shared/domain';
import type { RefreshEntry } from '@shared/ipc';
import { ApiError, call, messageOf } from '../api-client';
import { settleWithError, settleWithList, startLoading, type ProfileSchedules } from './schedule-state';
import type { SliceCreator } from './types';
import { ALL_PROFILES } from './view-slice';
import { createdText, deletedText, localRecordWarning, reconcileCreate, reconcileDelete, type CreateOutcome, type DeleteOutcome } from './write-outcome';

export type { ProfileSchedules } from './schedule-state';
export type { CreateOutcome, DeleteOutcome } from './write-outcome';

export interface RefreshProgress {
  done: number;
  total: number;
}

export interface SchedulesSlice {
  lists: Record<string, ProfileSchedules>;
  refreshProgress: RefreshProgress | null;
  refreshProfile(profileId: string): Promise<void>;
  refreshAll(): Promise<void>;
  /**
   * Refreshes what is on screen (the selected profile, or every profile in the all-profiles view).
   * `confirm`: the user asked, so a live answer gets a short confirmation; automatic refreshes stay quiet.
   */
  refreshShown(options?: { confirm?: boolean }): Promise<void>;
  /** Resolves with what happened; throws an ApiError only when the server certainly did not create it. */
  /** `allowTooFrequent`: the user ticked the linter's override (the core lints again before it sends). */
  createSchedule(profileId: string, orgId: string, timeExpression: string, options?: { allowTooFrequent?: boolean }): Promise<CreateOutcome>;
  /** Resolves with what happened; throws an ApiError only when the server certainly did not delete it. */
  deleteSchedule(profileId: string, orgId: string, jobId: string): Promise<DeleteOutcome>;
}

function errorOf(error: unknown): AppError {
  return error instanceof ApiError ? { kind: error.kind, message: error.message } : { kind: 'internal', message: messageOf(error) };
}

export const createSchedulesSlice: SliceCreator<SchedulesSlice> = (set, get) => {
  // Each refresh of a profile gets a number; only the newest one may settle its state, so a slow
  // earlier answer never overwrites a newer one.
  const generation = new Map<string, number>();
  let refreshingAll: Promise<void> | null = null;

  const nameOf = (profileId: string) => get().profiles.find((p) => p.id === profileId)?.name ?? profileId;
  /** Every success gets a short confirmation; a failed local record a warning beside it. */
  function confirmed<T extends CreateOutcome | DeleteOutcome>(profileId: string, outcome: T): T {
    if (outcome.outcome === 'created') get().notify(createdText(outcome, nameOf(profileId)));
    else if (outcome.outcome === 'deleted') get().notify(deletedText(outcome, nameOf(profileId)));
    else return outcome;
    if (outcome.warning) get().notify(localRecordWarning(outcome.warning), 'warning');
    return outcome;
  }

  const begin = (profileId: string): number => {
    const n = (generation.get(profileId) ?? 0) + 1;
    generation.set(profileId, n);
    set({ lists: { ...get().lists, [profileId]: startLoading(get().lists[profileId]) } });
    return n;
  };
  const settle = (profileId: string, n: number, entry: RefreshEntry) => {
    if (generation.get(profileId) !== n) return;
    // A profile deleted while its list was loading stays gone.
    if (!get().profiles.some((p) => p.id === profileId)) return;
    const current = get().lists[profileId];
    const next = entry.ok ? settleWithList(current, entry.value, new Date()) : settleWithError(current, entry.error, new Date());
    set({ lists: { ...get().lists, [profileId]: next } });
  };

  return {
    lists: {},
    refreshProgress: null,

    async refreshProfile(profileId) {
      const n = begin(profileId);
      try {
        const list = await call('schedules:list', { profileId });
        settle(profileId, n, { profileId, ok: true, value: list });
      } catch (error) {
        settle(profileId, n, { profileId, ok: false, error: errorOf(error) });
      }
    },

    refreshAll() {
      // One refresh of everything at a time: a second request joins the one under way.
      if (refreshingAll) return refreshingAll;
      const ids = get().profiles.map((p) => p.id);
      if (ids.length === 0) return Promise.resolve();
      const run = async () => {
        const numbers = new Map(ids.map((id) => [id, begin(id)] as const));
        const settled = new Set<string>();
        const apply = (entry: RefreshEntry) => {
          const n = numbers.get(entry.profileId);
          if (n === undefined || settled.has(entry.profileId)) return;
          settled.add(entry.profileId);
          settle(entry.profileId, n, entry);
        };
        set({ refreshProgress: { done: 0, total: ids.length } });
        const off = window.appEvents?.on('schedules:refresh-progress', (progress) => {
          apply(progress.entry);
          set({ refreshProgress: { done: Math.min(progress.done, ids.length), total: ids.length } });
        });
        try {
          const entries = await call('schedules:refresh', { profileIds: ids });
          for (const entry of entries) apply(entry);
        } catch (error) {
          const failure = errorOf(error);
          for (const id of ids) apply({ profileId: id, ok: false, error: failure });
        } finally {
          off?.();
          set({ refreshProgress: null });
        }
      };
      refreshingAll = run().finally(() => {
        refreshingAll = null;
      });
      return refreshingAll;
    },

    async refreshShown(options = {}) {
      const selected = get().selectedProfileId;
      if (selected === null) return;
      if (selected === ALL_PROFILES) {
        await get().refreshAll();
        if (!options.confirm) return;
        const ids = get().profiles.map((p) => p.id);
        const live = ids.filter((id) => get().lists[id]?.status === 'live').length;
        if (live > 0)
          get().notify(
            live === ids.length ? `Refreshed all ${live} profiles.` : `Refreshed ${live} of ${ids.length} profiles; see the messages above for the others.`,
          );
        return;
      }
      await get().refreshProfile(selected);
      const entry = get().lists[selected];
      if (options.confirm && entry?.status === 'live') {
        const name = get().profiles.find((p) => p.id === selected)?.name ?? 'The profile';
        const count = entry.list.schedules.length;
        get().notify(`${name} refreshed: ${count} schedule${count === 1 ? '' : 's'}.`);
      }
    },

    async createSchedule(profileId, orgId, timeExpression, options) {
      const before = new Set((get().lists[profileId]?.list?.schedules ?? []).map((s) => s.jobId));
      try {
        const created = await call('schedules:create', { profileId, orgId, timeExpression, ...(options?.allowTooFrequent ? { allowTooFrequent: true } : {}) });
        await get().refreshProfile(profileId);
        const { warning, reconciled, ...schedule } = created;
        return confirmed<CreateOutcome>(profileId, { outcome: 'created', schedule: schedule satisfies Schedule, warning, reconciled });
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== 'outcome-unknown') throw error;
        // The request went out and its answer was lost: look at the list now, never guess.
        const message = error.message;
        const check = async (): Promise<CreateOutcome> => {
          await get().refreshProfile(profileId);
          return confirmed(profileId, reconcileCreate(get().lists[profileId], before, timeExpression, message, check));
        };
        return check();
      }
    },

    async deleteSchedule(profileId, orgId, jobId) {
      const wasActive = get().lists[profileId]?.list?.schedules.some((s) => s.jobId === jobId && s.active !== false) ?? false;
      try {
        const deleted = await call('schedules:delete', { profileId, orgId, jobId });
        await get().refreshProfile(profileId);
        return confirmed<DeleteOutcome>(profileId, { outcome: 'deleted', jobId, warning: deleted.warning, reconciled: deleted.reconciled });
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== 'outcome-unknown') throw error;
        const message = error.message;
        const check = async (): Promise<DeleteOutcome> => {
          await get().refreshProfile(profileId);
          return confirmed(profileId, reconcileDelete(get().lists[profileId], jobId, wasActive, message, check));
        };
        return check();
      }
    },
  };
};
