// Did maintenance run, and is it running: each watched profile's running job (pushed by main while it
// polls), run now, the notifications main decided to show (listed in the page too), and their settings.
import type { AppNotification, NotificationSettings, RunNowResult, RunningState } from '@shared/ipc';
import { call, messageOf } from '../api-client';
import type { SliceCreator } from './types';

/** When the profile's running job started (its creation when the server gave no start), or null when nothing runs or no time is known. */
export function runningSince(state: RunningState | undefined): Date | null {
  const running = state?.running;
  const at = running ? (running.startedAt ?? running.creationTime) : null;
  if (at === null) return null;
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The in-page list keeps this many, newest first. */
export const MAX_NOTIFICATIONS = 20;

export interface HealthSlice {
  /** profileId -> the last known running state (only for profiles main was asked about). */
  running: Record<string, RunningState>;
  /** Profiles whose run-now request is in flight (the button waits; it is never sent twice). */
  runNowPending: Record<string, true>;
  /** Newest first. */
  notifications: AppNotification[];
  notificationSettings: NotificationSettings | null;
  /** Why the settings could not be read or changed, or null. */
  notificationSettingsError: string | null;
  setRunning(state: RunningState): void;
  /** Asks main to poll exactly these profiles (replacing the previous set). */
  watchRunning(profileIds: string[]): Promise<void>;
  /** Never retried: a lost answer is reported as "may have started". Throws an ApiError when refused. */
  runNow(profileId: string, orgId: string): Promise<RunNowResult>;
  addNotification(notification: AppNotification): void;
  dismissNotification(id: string): void;
  loadNotificationSettings(): Promise<void>;
  /** enabled: the global switch; profiles: per-profile switches (null: follow the global one). */
  changeNotificationSettings(change: { enabled?: boolean; profiles?: Record<string, boolean | null> }): Promise<void>;
}

export const createHealthSlice: SliceCreator<HealthSlice> = (set, get) => {
  let watched = '';
  return {
    running: {},
    runNowPending: {},
    notifications: [],
    notificationSettings: null,
    notificationSettingsError: null,

    setRunning(state) {
      const before = get().running[state.profileId];
      // An older answer (a slow check) never replaces a newer one.
      if (before && Date.parse(before.checkedAt) > Date.parse(state.checkedAt)) return;
      set({ running: { ...get().running, [state.profileId]: state } });
    },

    async watchRunning(profileIds) {
      const key = [...profileIds].sort().join('\n');
      if (key === watched) return;
      watched = key;
      try {
        await call('maintenance:watch', { profileIds });
      } catch {
        // Polling is a convenience: the next change of the shown profiles asks again.
        watched = '';
      }
    },

    async runNow(profileId, orgId) {
      if (get().runNowPending[profileId]) throw new Error('Run now is already under way for this profile.');
      set({ runNowPending: { ...get().runNowPending, [profileId]: true } });
      try {
        const result = await call('maintenance:run-now', { profileId, orgId });
        if (result.running) get().setRunning(result.running);
        return result;
      } finally {
        const pending = { ...get().runNowPending };
        delete pending[profileId];
        set({ runNowPending: pending });
      }
    },

    addNotification(notification) {
      if (get().notifications.some((n) => n.id === notification.id)) return;
      set({ notifications: [notification, ...get().notifications].slice(0, MAX_NOTIFICATIONS) });
    },
    dismissNotification(id) {
      set({ notifications: get().notifications.filter((n) => n.id !== id) });
    },

    async loadNotificationSettings() {
      try {
        set({ notificationSettings: await call('notifications:get', {}), notificationSettingsError: null });
      } catch (error) {
        set({ notificationSettingsError: `Notification settings could not be read: ${messageOf(error)}` });
      }
    },
    async changeNotificationSettings(change) {
      const before = get().notificationSettings;
      // The switch moves at once; main's answer (or the old settings, on failure) settles it.
      if (before) set({ notificationSettings: applyChange(before, change) });
      try {
        set({ notificationSettings: await call('notifications:set', change), notificationSettingsError: null });
      } catch (error) {
        set({ notificationSettings: before, notificationSettingsError: `Notification settings were not changed: ${messageOf(error)}` });
      }
    },
  };
};

function applyChange(settings: NotificationSettings, change: { enabled?: boolean; profiles?: Record<string, boolean | null> }): NotificationSettings {
  const profiles = { ...settings.profiles };
  for (const [id, on] of Object.entries(change.profiles ?? {})) {
    if (on === null) delete profiles[id];
    else profiles[id] = on;
  }
  return { enabled: change.enabled ?? settings.enabled, profiles };
}
