// Lists refresh by themselves: every few minutes (the view setting), when the window comes back into
// view or focus, and when the network comes back. The clock ticks too, so "updated N minutes ago" counts.
import { useEffect } from 'react';
import { useAppStore } from '../store';
import { ALL_PROFILES } from '../store/view-slice';
import type { AppState } from '../store/types';

/** How often the shown times are recomputed. */
export const TICK_MS = 30_000;
/** Coming back within this long of the last answer does not refresh again (focus flickers a lot). */
export const RETURN_GAP_MS = 30_000;
/** Focus, visibility and online events within this long count as one. */
const DEBOUNCE_MS = 1_000;

/** When the shown lists were last answered (the oldest of them), or null when one never was. */
export function lastAnsweredAt(state: Pick<AppState, 'selectedProfileId' | 'profiles' | 'lists'>): number | null {
  const ids = state.selectedProfileId === ALL_PROFILES ? state.profiles.map((p) => p.id) : state.selectedProfileId ? [state.selectedProfileId] : [];
  let oldest = Number.POSITIVE_INFINITY;
  for (const id of ids) {
    const at = state.lists[id]?.lastAttemptAt;
    if (!at) return null;
    oldest = Math.min(oldest, Date.parse(at));
  }
  return ids.length === 0 ? Number.POSITIVE_INFINITY : oldest;
}

/** Whether coming back (focus, visible, online) should refresh: only when the last answer is not recent. */
export function dueOnReturn(lastAnswered: number | null, now: number, gapMs = RETURN_GAP_MS): boolean {
  return lastAnswered === null || now - lastAnswered >= gapMs;
}

function busy(state: AppState): boolean {
  if (state.refreshProgress !== null) return true;
  const id = state.selectedProfileId;
  return id !== null && id !== ALL_PROFILES && state.lists[id]?.status === 'loading';
}

export function useAutoRefresh(): void {
  const minutes = useAppStore((s) => s.autoRefreshMinutes);

  useEffect(() => {
    const tick = window.setInterval(() => useAppStore.getState().tick(), TICK_MS);
    return () => window.clearInterval(tick);
  }, []);

  useEffect(() => {
    if (minutes <= 0) return;
    const timer = window.setInterval(() => {
      const state = useAppStore.getState();
      // A hidden window does not poll; it catches up when it comes back.
      if (document.visibilityState === 'hidden' || busy(state)) return;
      void state.refreshShown();
    }, minutes * 60_000);
    return () => window.clearInterval(timer);
  }, [minutes]);

  useEffect(() => {
    let pending: number | undefined;
    const onReturn = (force: boolean) => {
      if (document.visibilityState === 'hidden') return;
      window.clearTimeout(pending);
      pending = window.setTimeout(() => {
        const state = useAppStore.getState();
        state.tick();
        if (busy(state) || state.profiles.length === 0) return;
        if (force || dueOnReturn(lastAnsweredAt(state), Date.now())) void state.refreshShown();
      }, DEBOUNCE_MS);
    };
    const onFocus = () => onReturn(false);
    // The network coming back is news in itself: refresh even if the last (failed) answer was recent.
    const onOnline = () => onReturn(true);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    window.addEventListener('online', onOnline);
    return () => {
      window.clearTimeout(pending);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
      window.removeEventListener('online', onOnline);
    };
  }, []);
}
