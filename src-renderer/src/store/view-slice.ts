// What the user is looking at: profile, tab, zone, calendar/timeline position, selection and dialogs.
import type { SliceCreator } from './types';

export type Tab = 'list' | 'calendar' | 'timeline' | 'load';
export type DisplayZone = 'server' | 'local';
export type CalendarMode = 'month' | 'week';
export type TimelineZoom = 'day' | 'week' | 'month' | 'quarter';
export const ALL_PROFILES = 'all';

/** Choices for refreshing the shown lists by themselves; 0 is off. */
export const AUTO_REFRESH_CHOICES = [0, 1, 2, 5, 10, 15, 30] as const;
export const DEFAULT_AUTO_REFRESH_MINUTES = 5;
const AUTO_REFRESH_KEY = 'atscale.autoRefreshMinutes';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function loadAutoRefresh(): number {
  const stored = Number(storage()?.getItem(AUTO_REFRESH_KEY) ?? NaN);
  return (AUTO_REFRESH_CHOICES as readonly number[]).includes(stored) ? stored : DEFAULT_AUTO_REFRESH_MINUTES;
}

export type Dialog =
  | { kind: 'create'; profileId: string }
  | { kind: 'delete'; key: string }
  | { kind: 'profile'; profileId: string | null }
  | { kind: 'switcher' }
  | { kind: 'import-export' }
  | { kind: 'shortcuts' }
  | { kind: 'audit' };

export interface ViewSlice {
  /** A profile id, ALL_PROFILES, or null before any profile exists. */
  selectedProfileId: string | null;
  tab: Tab;
  displayZone: DisplayZone;
  showDeactivated: boolean;
  calendarMode: CalendarMode;
  calendarAnchor: Date;
  timelineZoom: TimelineZoom;
  selectedKey: string | null;
  dialog: Dialog | null;
  now: Date;
  /** Minutes between automatic refreshes of the shown lists (0: off); kept in localStorage. */
  autoRefreshMinutes: number;
  /** The profile whose new password/token is being asked for (a small dialog of its own), or null. */
  secretPrompt: string | null;
  selectProfile(id: string | null): void;
  setTab(tab: Tab): void;
  setDisplayZone(zone: DisplayZone): void;
  setShowDeactivated(show: boolean): void;
  setCalendarMode(mode: CalendarMode): void;
  setCalendarAnchor(anchor: Date): void;
  setTimelineZoom(zoom: TimelineZoom): void;
  setSelectedKey(key: string | null): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  tick(now?: Date): void;
  setAutoRefreshMinutes(minutes: number): void;
  openSecretPrompt(profileId: string): void;
  closeSecretPrompt(): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => ({
  selectedProfileId: null,
  tab: 'list',
  displayZone: 'server',
  showDeactivated: false,
  calendarMode: 'month',
  calendarAnchor: new Date(),
  timelineZoom: 'week',
  selectedKey: null,
  dialog: null,
  now: new Date(),
  autoRefreshMinutes: loadAutoRefresh(),
  secretPrompt: null,

  selectProfile(id) {
    if (id === get().selectedProfileId) return;
    set({ selectedProfileId: id, selectedKey: null });
    // Load what has nothing to show yet and is not loading already.
    const needsLoad = (profileId: string) => {
      const entry = get().lists[profileId];
      return !entry || (!entry.list && entry.status !== 'loading');
    };
    if (id === ALL_PROFILES) {
      if (get().profiles.some((p) => needsLoad(p.id))) void get().refreshAll();
    } else if (id !== null && needsLoad(id)) {
      void get().refreshProfile(id);
    }
  },
  setTab: (tab) => set({ tab }),
  setDisplayZone: (displayZone) => set({ displayZone }),
  setShowDeactivated: (showDeactivated) => set({ showDeactivated }),
  setCalendarMode: (calendarMode) => set({ calendarMode }),
  setCalendarAnchor: (calendarAnchor) => set({ calendarAnchor }),
  setTimelineZoom: (timelineZoom) => set({ timelineZoom }),
  setSelectedKey: (selectedKey) => set({ selectedKey }),
  openDialog: (dialog) => set({ dialog, secretPrompt: null }),
  closeDialog: () => set({ dialog: null }),
  tick: (now) => set({ now: now ?? new Date() }),
  setAutoRefreshMinutes(minutes) {
    if (!(AUTO_REFRESH_CHOICES as readonly number[]).includes(minutes)) return;
    set({ autoRefreshMinutes: minutes });
    try {
      storage()?.setItem(AUTO_REFRESH_KEY, String(minutes));
    } catch {
      // A full or disabled storage only loses the setting for the next start.
    }
  },
  // One modal at a time: the secret prompt replaces any open dialog.
  openSecretPrompt: (profileId) => set({ secretPrompt: profileId, dialog: null }),
  closeSecretPrompt: () => set({ secretPrompt: null }),
});
