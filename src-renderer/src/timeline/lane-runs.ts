// What one lane shows: its upcoming runs in the window (memoized in the shared expansion cache)
// turned into ticks or bands. Pure; the lane component and the idle prefetch both call it.
import { sharedExpansions, type Expandable, type ExpansionCache } from '@renderer/calendar/expansion-cache';
import { safeZone } from '@renderer/calendar/display-zone';
import { laneMarks, upcomingWindow, type LaneMarks, type TimeRange, type Zoom } from './timeline-scale';

/** Runs built per lane and window; beyond it the engine's total still gives the count. */
export const LANE_LIMIT = 2_000;

export interface LaneSourceRuns extends Expandable {
  schedule: { timeExpression: string; active: boolean | null };
}

export interface LaneRuns {
  marks: LaneMarks | null;
  /** Upcoming runs in the window (exact, also when only some were built). */
  count: number;
  error: string | null;
}

/** Expands the lane's window into the cache without drawing anything (idle prefetch). */
export function warmLane(source: LaneSourceRuns, now: Date, zoom: Zoom, range: TimeRange, cache: ExpansionCache = sharedExpansions): void {
  if (source.schedule.active === false) return;
  const win = upcomingWindow(now, zoom, range);
  cache.get(source, win.from, win.to, LANE_LIMIT, safeZone(source.serverTimeZone));
}

export function laneRuns(source: LaneSourceRuns, now: Date, zoom: Zoom, range: TimeRange, widthPx: number, cache: ExpansionCache = sharedExpansions): LaneRuns {
  if (source.schedule.active === false) return { marks: null, count: 0, error: null };
  const win = upcomingWindow(now, zoom, range);
  const e = cache.get(source, win.from, win.to, LANE_LIMIT, safeZone(source.serverTimeZone));
  if (e.error) return { marks: null, count: 0, error: e.error };
  const upcoming = e.runs.filter((r) => r > now);
  // Runs between the window's rounded start and now were built first (they come in order); drop them from the count.
  const count = e.total - (e.runs.length - upcoming.length);
  return { marks: laneMarks(upcoming, count, e.truncated, range, { widthPx }), count, error: null };
}
