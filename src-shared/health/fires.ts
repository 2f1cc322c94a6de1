// Fire times around an instant, from the engine's public API. The engine walks forward only; the latest fire
// at or before an instant is found by looking back in growing windows, each counted exactly by expandWindow,
// and narrowed by bisection when a window holds more fires than it builds (a schedule firing every second).
import { expandWindow, nextRuns } from '@shared/cron';

const LIMIT = 64;
const FIRST_SPAN_MS = 2_000;
const MAX_SPAN_MS = 400 * 86_400_000;

function windowOf(expression: string, timeZone: string, from: number, to: number, limit: number) {
  return expandWindow(expression, { from: new Date(from), to: new Date(to), timeZone, limit });
}

/**
 * The latest fire time at or before `at` and not before `floor`, or null. `floor` bounds the search
 * (use the schedule's creation, or a lookback).
 */
export function lastFireAtOrBefore(expression: string, timeZone: string, at: number, floor: number): number | null {
  const found = searchBack(expression, timeZone, at, floor);
  if (found === null) return null;
  // Quartz walks from fire to fire, and a walk started inside a repeated (fall-back) hour may skip a fire
  // that the walk from the previous fire reaches: step forward along the scheduler's own chain.
  let fire = found;
  for (let i = 0; i < 10_000; i++) {
    const next = nextFireAfter(expression, timeZone, fire);
    if (next === null || next > at) break;
    fire = next;
  }
  return fire;
}

function searchBack(expression: string, timeZone: string, at: number, floor: number): number | null {
  let hi = at + 1; // exclusive end: a fire exactly at `at` counts
  let span = FIRST_SPAN_MS;
  while (hi > floor) {
    let lo = Math.max(floor, hi - span);
    const w = windowOf(expression, timeZone, lo, hi, LIMIT);
    if (w.total > 0) {
      if (!w.truncated) return (w.runs[w.runs.length - 1] as Date).getTime();
      // Dense: keep the half that holds the last fire until a window builds all its fires.
      for (;;) {
        const mid = Math.ceil((lo + hi) / 2000) * 1000;
        if (mid <= lo || mid >= hi) return (windowOf(expression, timeZone, lo, hi, LIMIT).runs.at(-1) as Date).getTime();
        const right = windowOf(expression, timeZone, mid, hi, LIMIT);
        if (right.total === 0) hi = mid;
        else if (right.truncated) lo = mid;
        else return (right.runs[right.runs.length - 1] as Date).getTime();
      }
    }
    hi = lo;
    span = Math.min(MAX_SPAN_MS, span * 8); // a daily schedule is found in 6 windows
  }
  return null;
}

/** The first fire time strictly after `after`, or null when the schedule never fires again. */
export function nextFireAfter(expression: string, timeZone: string, after: number): number | null {
  const next = nextRuns(expression, { after: new Date(after), count: 1, timeZone });
  return next[0]?.getTime() ?? null;
}
