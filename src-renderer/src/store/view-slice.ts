// What the user is looking at: profile, tab, zone, calendar/timeline position, selection and dialogs.
import type { ProfileView } from '@shared/domain';
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
  | { kind: 'audit' }
  /** Change workflows (changes/): keys are source keys (store/sources.ts). */
  | { kind: 'edit'; key: string }
  | { kind: 'reactivate'; key: string }
  | { kind: 'pause'; key: string }
  | { kind: 'resume'; key: string }
  | { kind: 'copy'; keys: string[] }
  | { kind: 'bulk-delete'; keys: string[] }
  | { kind: 'schedules-code'; profileId: string }
  /** Run now, bound to the profile as it was when opened (`profile`: that snapshot); see RunNowButton.tsx. */
  | { kind: 'run-now'; profileId: string; profile: ProfileView };

/** True when the profile shown now is no longer the one a run-now dialog was opened for (it then closes). */
export function runNowStale(opened: ProfileView, current: ProfileView | undefined, selectedProfileId: string | null): boolean {
  return (
    !current ||
    selectedProfileId !== opened.id ||
    current.apiUrl !== opened.apiUrl ||
    current.orgId !== opened.orgId ||
    current.environment.kind !== opened.environment.kind
  );
}

export interface ViewSlice {
  /** A profile id, ALL_PROFILES, or null before any profile exists. */
  selectedProfileId: string | null;
  tab: Tab;
  displayZone: DisplayZone;
  showDeactivated: boolean;
  /** Only schedules whose health needs a look (missed, late, never fires): health/problems.ts. */
  problemsOnly: boolean;
  calendarMode: CalendarMode;
  calendarAnchor: Date;
  timelineZoom: TimelineZoom;
  selectedKey: string | null;
  /** The run the user picked in the calendar (its schedule is selectedKey), or null. */
  selectedRunAt: Date | null;
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
  setProblemsOnly(on: boolean): void;
  setCalendarMode(mode: CalendarMode): void;
  setCalendarAnchor(anchor: Date): void;
  setTimelineZoom(zoom: TimelineZoom): void;
  setSelectedKey(key: string | null): void;
  /** Selects a schedule with one of its runs marked (a calendar chip). */
  selectRun(key: string, at: Date): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  /**
   * A write's outcome belongs to the store, not to the dialog that asked: call with the dialog open when
   * the write was sent (`owner`, read from the store then). When that dialog is gone by the time the
   * answer comes (closed, or replaced: Ctrl+K), `text` becomes a notice that stays until dismissed.
   * For failures and unknown outcomes; a success gives its own confirmation either way.
   */
  noticeIfDialogGone(owner: Dialog | null, text: string): void;
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
  problemsOnly: false,
  calendarMode: 'month',
  calendarAnchor: new Date(),
  timelineZoom: 'week',
  selectedKey: null,
  selectedRunAt: null,
  dialog: null,
  now: new Date(),
  autoRefreshMinutes: loadAutoRefresh(),
  secretPrompt: null,

  selectProfile(id) {
    if (id === get().selectedProfileId) return;
    // A dialog bound to the profile shown (run now) never outlives the switch to another.
    const dialog = get().dialog;
    const boundElsewhere = dialog?.kind === 'run-now' && dialog.profileId !== id;
    set({ selectedProfileId: id, selectedKey: null, ...(boundElsewhere ? { dialog: null } : {}) });
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
  setProblemsOnly: (problemsOnly) => set({ problemsOnly }),
  setCalendarMode: (calendarMode) => set({ calendarMode }),
  setCalendarAnchor: (calendarAnchor) => set({ calendarAnchor }),
  setTimelineZoom: (timelineZoom) => set({ timelineZoom }),
  setSelectedKey: (selectedKey) => set({ selectedKey, selectedRunAt: null }),
  selectRun: (selectedKey, selectedRunAt) => set({ selectedKey, selectedRunAt }),
  openDialog: (dialog) => set({ dialog, secretPrompt: null }),
  closeDialog: () => set({ dialog: null }),
  noticeIfDialogGone(owner, text) {
    if (owner !== null && get().dialog !== owner) get().notify(text, 'warning');
  },
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
