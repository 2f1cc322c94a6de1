// What the user is looking at: profile, tab, zone, calendar/timeline position, selection and dialogs.
import type { SliceCreator } from './types';

export type Tab = 'list' | 'calendar' | 'timeline' | 'load';
export type DisplayZone = 'server' | 'local';
export type CalendarMode = 'month' | 'week';
export type TimelineZoom = 'day' | 'week' | 'month' | 'quarter';
export const ALL_PROFILES = 'all';

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

  selectProfile(id) {
    if (id === get().selectedProfileId) return;
    set({ selectedProfileId: id, selectedKey: null });
    if (id === ALL_PROFILES) {
      const missing = get().profiles.filter((p) => !get().lists[p.id]?.list);
      if (missing.length > 0) void get().refreshAll();
    } else if (id !== null && !get().lists[id]?.list) {
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
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  tick: (now) => set({ now: now ?? new Date() }),
});
