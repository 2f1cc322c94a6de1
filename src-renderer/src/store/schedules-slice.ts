// Schedule lists per profile (one explicit state each, see schedule-state.ts), refreshes of one or many
// profiles (many through `schedules:refresh`, with progress pushed by main), create and delete.
import type { AppError, ProfileView, Schedule } from '@shared/domain';
import type { RefreshEntry } from '@shared/ipc';
import { ApiError, call, messageOf } from '../api-client';
import { connectionOf, settleWithError, settleWithList, startLoading, type ProfileSchedules, type ScheduleConnection } from './schedule-state';
import { clause } from '../common/text';
import type { Dialog } from './view-slice';
import type { SliceCreator } from './types';
import { ALL_PROFILES } from './view-slice';
import {
  createdText,
  deletedText,
  goneText,
  localRecordWarning,
  reconcileCreate,
  reconcileDelete,
  type CreateOutcome,
  type DeleteOutcome,
} from './write-outcome';

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
  /** After a write through this profile: its list and those of every profile on the same server and org. */
  refreshAfterWrite(profileId: string): Promise<void>;
  /** Resolves with what happened; throws an ApiError only when the server certainly did not create it. */
  /** `allowTooFrequent`: the user ticked the linter's override (the core lints again before it sends). */
  createSchedule(profileId: string, orgId: string, timeExpression: string, options?: { allowTooFrequent?: boolean }): Promise<CreateOutcome>;
  /**
   * Resolves with what happened ('gone': the server did not find it, and the list shows it is no longer
   * there); throws an ApiError only when the server certainly did not delete it.
   */
  deleteSchedule(profileId: string, orgId: string, jobId: string): Promise<DeleteOutcome>;
}

let refreshCount = 0;
/** An id for one refresh of many, unique in this window (and, with randomUUID, across windows). */
function newRefreshId(): string {
  refreshCount += 1;
  const random = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Math.random().toString(36).slice(2);
  return `window-${random}-${refreshCount}`;
}

function errorOf(error: unknown): AppError {
  return error instanceof ApiError ? { kind: error.kind, message: error.message } : { kind: 'internal', message: messageOf(error) };
}

/** "3 schedules" or "3 active schedules, 1 deactivated", as the list counts them. */
export function scheduleCountText(schedules: readonly { active: boolean | null }[]): string {
  const deactivated = schedules.filter((s) => s.active === false).length;
  const active = schedules.length - deactivated;
  if (deactivated === 0) return `${active} schedule${active === 1 ? '' : 's'}`;
  return `${active} active schedule${active === 1 ? '' : 's'}, ${deactivated} deactivated`;
}

/** The other profiles that point at the same server and org: a write through one changes them all. */
export function sameOrgProfileIds(profileId: string, profiles: readonly Pick<ProfileView, 'id' | 'apiUrl' | 'orgId'>[]): string[] {
  const profile = profiles.find((p) => p.id === profileId);
  if (!profile) return [profileId];
  return [profileId, ...profiles.filter((p) => p.id !== profileId && p.apiUrl === profile.apiUrl && p.orgId === profile.orgId).map((p) => p.id)];
}

export const createSchedulesSlice: SliceCreator<SchedulesSlice> = (set, get) => {
  // Each refresh of a profile gets a number; only the newest one may settle its state, so a slow
  // earlier answer never overwrites a newer one. Each also keeps the server and org it asked, so an
  // answer for a connection the profile has left (its org was edited meanwhile) is never its list.
  const generation = new Map<string, number>();
  const asked = new Map<string, ScheduleConnection>();
  let refreshingAll: Promise<void> | null = null;

  const profileOf = (profileId: string) => get().profiles.find((p) => p.id === profileId);
  const nameOf = (profileId: string) => profileOf(profileId)?.name ?? profileId;
  /** Every success gets a short confirmation; a failed local record a warning beside it. */
  function confirmed<T extends CreateOutcome | DeleteOutcome>(profileId: string, outcome: T): T {
    if (outcome.outcome === 'created') get().notify(createdText(outcome, nameOf(profileId)));
    else if (outcome.outcome === 'deleted') get().notify(deletedText(outcome, nameOf(profileId)));
    else if (outcome.outcome === 'gone') get().notify(goneText(outcome, nameOf(profileId)));
    else return outcome;
    if ('warning' in outcome && outcome.warning) get().notify(localRecordWarning(outcome.warning), 'warning');
    return outcome;
  }
  // A failure or an unknown outcome that comes after its dialog is gone stays as a notice (view-slice).
  const stickyIfGone = (owner: Dialog | null, text: string) => get().noticeIfDialogGone(owner, text);
  /** After a write: this profile's list and every other profile's on the same server and org. */
  const refreshAfterWrite = async (profileId: string) => {
    await Promise.all(sameOrgProfileIds(profileId, get().profiles).map((id) => get().refreshProfile(id)));
  };

  const begin = (profileId: string): number => {
    const n = (generation.get(profileId) ?? 0) + 1;
    generation.set(profileId, n);
    const profile = profileOf(profileId);
    const connection = profile ? connectionOf(profile) : undefined;
    if (connection) asked.set(profileId, connection);
    else asked.delete(profileId);
    set({ lists: { ...get().lists, [profileId]: startLoading(get().lists[profileId], connection) } });
    return n;
  };
  const settle = (profileId: string, n: number, entry: RefreshEntry) => {
    if (generation.get(profileId) !== n) return;
    // A profile deleted while its list was loading stays gone.
    const profile = profileOf(profileId);
    if (!profile) return;
    const connection = connectionOf(profile);
    const askedFor = asked.get(profileId);
    const moved = askedFor !== undefined && (askedFor.apiUrl !== connection.apiUrl || askedFor.orgId !== connection.orgId);
    if (moved || (entry.ok && entry.value.orgId !== connection.orgId)) {
      // The answer is another server's or org's: never this profile's list. Nothing is known of it now.
      const lists = { ...get().lists };
      delete lists[profileId];
      set({ lists });
      return;
    }
    const current = get().lists[profileId];
    const next = entry.ok ? settleWithList(current, entry.value, new Date(), connection) : settleWithError(current, entry.error, new Date(), connection);
    set({ lists: { ...get().lists, [profileId]: next } });
  };

  return {
    lists: {},
    refreshProgress: null,
    refreshAfterWrite,
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
        // Refreshes may overlap (another window or harness page of the same core starts one): this one
        // follows only the events of the refresh it started, named by its own id.
        const refreshId = newRefreshId();
        const off = window.appEvents?.on('schedules:refresh-progress', (progress) => {
          if (progress.refreshId !== refreshId) return;
          apply(progress.entry);
          set({ refreshProgress: { done: Math.min(progress.done, ids.length), total: ids.length } });
        });
        try {
          const entries = await call('schedules:refresh', { profileIds: ids, refreshId });
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
        get().notify(`${name} refreshed: ${scheduleCountText(entry.list.schedules)}.`);
      }
    },

    async createSchedule(profileId, orgId, timeExpression, options) {
      const owner = get().dialog;
      const profileName = nameOf(profileId);
      // The jobs there just before the create, listed now (never an older list of this window's): a job
      // someone else made since the last refresh is never taken for ours. Without it, a lost answer
      // stays unknown.
      const before = await jobsJustBefore(profileId);
      try {
        const created = await call('schedules:create', { profileId, orgId, timeExpression, ...(options?.allowTooFrequent ? { allowTooFrequent: true } : {}) });
        await refreshAfterWrite(profileId);
        const { warning, reconciled, ...schedule } = created;
        return confirmed<CreateOutcome>(profileId, { outcome: 'created', schedule: schedule satisfies Schedule, warning, reconciled });
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== 'outcome-unknown') {
          stickyIfGone(owner, `The server did not create “${timeExpression}” in ${profileName}: ${clause(messageOf(error))}.`);
          throw error;
        }
        // The request went out and its answer was lost: look at the list now, never guess.
        const message = error.message;
        const check = async (): Promise<CreateOutcome> => {
          await refreshAfterWrite(profileId);
          return confirmed(profileId, reconcileCreate(get().lists[profileId], before, timeExpression, message, check));
        };
        const outcome = await check();
        if (outcome.outcome === 'unknown')
          stickyIfGone(
            owner,
            `“${timeExpression}” may have been created in ${profileName}: ${clause(message)}. Refresh and check the list before creating it again, or it may exist twice.`,
          );
        return outcome;
      }
    },

    async deleteSchedule(profileId, orgId, jobId) {
      const owner = get().dialog;
      const profileName = nameOf(profileId);
      const wasActive = get().lists[profileId]?.list?.schedules.some((s) => s.jobId === jobId && s.active !== false) ?? false;
      try {
        const deleted = await call('schedules:delete', { profileId, orgId, jobId });
        await refreshAfterWrite(profileId);
        return confirmed<DeleteOutcome>(profileId, { outcome: 'deleted', jobId, warning: deleted.warning, reconciled: deleted.reconciled });
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not-found') {
          // Not found: most likely deleted meanwhile (through another profile of this org, or by someone
          // else). The list, fetched again, says whether it is gone.
          await refreshAfterWrite(profileId);
          const entry = get().lists[profileId];
          const stillActive = entry?.list?.schedules.some((s) => s.jobId === jobId && s.active !== false) ?? true;
          if (entry?.status === 'live' && !stillActive) return confirmed<DeleteOutcome>(profileId, { outcome: 'gone', jobId });
        }
        if (!(error instanceof ApiError) || error.kind !== 'outcome-unknown') {
          stickyIfGone(owner, `Job ${jobId} was not deleted from ${profileName}: ${clause(messageOf(error))}.`);
          throw error;
        }
        const message = error.message;
        const check = async (): Promise<DeleteOutcome> => {
          await refreshAfterWrite(profileId);
          return confirmed(profileId, reconcileDelete(get().lists[profileId], jobId, wasActive, message, check));
        };
        const outcome = await check();
        if (outcome.outcome === 'unknown')
          stickyIfGone(
            owner,
            `Job ${jobId} may have been deleted from ${profileName}: ${clause(message)}. Refresh and check the list before deleting it again.`,
          );
        return outcome;
      }
    },
  };

  /** The job ids listed live just now, or null when no live list could be fetched. */
  async function jobsJustBefore(profileId: string): Promise<ReadonlySet<string> | null> {
    try {
      const list = await call('schedules:list', { profileId });
      const profile = profileOf(profileId);
      if (list.source !== 'live' || list.stale || (profile && list.orgId !== profile.orgId)) return null;
      return new Set(list.schedules.map((s) => s.jobId));
    } catch {
      return null;
    }
  }
};
