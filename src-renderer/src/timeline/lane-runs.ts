// What one lane shows: its upcoming runs in the window (memoized in the shared expansion cache)
// turned into ticks or bands. Pure; the lane component and the idle prefetch both call it.
import { describeLower, sharedExpansions, type Expandable, type Expansion, type ExpansionCache } from '@renderer/calendar/expansion-cache';
import { safeZone } from '@renderer/common/time';
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

/**
 * The lane's runs from the window's rounded start (a cache key that holds while `now` advances). A
 * schedule firing more than LANE_LIMIT times between that start and now (every second: 2,000 runs
 * are 33 minutes) would have every built run in the past, and draw nothing while still counting
 * thousands: then the expansion starts at now's minute instead, which holds at most 60 past runs.
 */
function laneExpansion(source: LaneSourceRuns, now: Date, zoom: Zoom, range: TimeRange, cache: ExpansionCache): Expansion {
  const win = upcomingWindow(now, zoom, range);
  const zone = safeZone(source.serverTimeZone);
  // The runs depend on the expression and zone only: lanes that share them share one expansion
  // (the cache keys by source key too, so the key is left empty).
  const shared = { key: '', serverTimeZone: source.serverTimeZone, schedule: source.schedule };
  const e = cache.get(shared, win.from, win.to, LANE_LIMIT, zone);
  const lastBuilt = e.times[e.times.length - 1];
  if (!e.truncated || (lastBuilt !== undefined && lastBuilt > now.getTime())) return e;
  const minute = Math.max(win.from.getTime(), Math.floor(now.getTime() / 60_000) * 60_000);
  return cache.get(shared, new Date(minute), win.to, LANE_LIMIT, zone);
}

/** Expands the lane's window into the cache and describes its expression, drawing nothing (idle prefetch). */
export function warmLane(source: LaneSourceRuns, now: Date, zoom: Zoom, range: TimeRange, cache: ExpansionCache = sharedExpansions): void {
  describeLower(source.schedule.timeExpression);
  if (source.schedule.active === false) return;
  laneExpansion(source, now, zoom, range, cache);
}

/**
 * One lane per distinct expression and zone, in the order they first appear: warming those warms
 * every lane (10,000 schedules often share a few hundred expressions).
 */
export function distinctLanes<S extends LaneSourceRuns>(sources: readonly S[]): S[] {
  const seen = new Set<string>();
  const out: S[] = [];
  for (const s of sources) {
    const id = `${s.schedule.active === false ? '-' : '+'}${s.serverTimeZone}|${s.schedule.timeExpression}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(s);
  }
  return out;
}

export function laneRuns(source: LaneSourceRuns, now: Date, zoom: Zoom, range: TimeRange, widthPx: number, cache: ExpansionCache = sharedExpansions): LaneRuns {
  if (source.schedule.active === false) return { marks: null, count: 0, error: null };
  const e = laneExpansion(source, now, zoom, range, cache);
  if (e.error) return { marks: null, count: 0, error: e.error };
  const nowMs = now.getTime();
  let past = 0;
  while (past < e.times.length && (e.times[past] as number) <= nowMs) past += 1;
  // Dates only for the lanes drawn, and only while drawing: the cache keeps numbers.
  const upcoming = Array.from(e.times.subarray(past), (t) => new Date(t));
  // Runs between the expansion's start and now were built first (they come in order, and the built
  // runs reach past now): drop them from the count, which stays exact.
  const count = e.total - past;
  return { marks: laneMarks(upcoming, count, e.truncated, range, { widthPx }), count, error: null };
}
