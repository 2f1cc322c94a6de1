// The grids the load is counted on and the counting itself. A run started at t occupies every bucket that
// meets [t, t + len): counted as +1 / -1 at the first and past the last bucket of a difference array, so a
// run costs the same whatever its length. A schedule with more runs than buckets is counted bucket by
// bucket instead (differences of positions in its sorted runs), and one too frequent to list by the
// engine's window totals.
import { expandWindow } from '@shared/cron';
import { lowerBound, type StartsSpan } from './run-cache';
import { zoneOffsetMs } from './wall-clock';

const H = 3_600_000;

/** Slots [bounds[i], bounds[i+1]); `indexOf` maps an instant inside [bounds[0], bounds[n]) to its slot. */
export interface Grid {
  bounds: number[];
  indexOf: (t: number) => number;
  /** Set for a uniform grid: slot i starts at bounds[0] + i * step. */
  step?: number;
}

export function uniformGrid(from: number, to: number, step: number): Grid {
  const bounds: number[] = [];
  for (let t = from; t < to; t += step) bounds.push(t);
  bounds.push(to);
  return { bounds, step, indexOf: (t) => Math.floor((t - from) / step) };
}

/**
 * Slots at the wall-clock hours of `zone`, cut to [from, to): a slot starts where the wall clock reads a whole
 * hour. Around an offset change the quarter hours are searched (every offset in use is whole quarter hours),
 * so a half-hour change (Lord Howe) neither splits an hour nor makes one up.
 */
export function wallHourGrid(from: number, to: number, zone: string): Grid {
  const Q = H / 4;
  const misalign = (t: number): number => (((t + zoneOffsetMs(zone, t)) % H) + H) % H;
  const bounds = [from];
  let t = from - misalign(from) + H;
  while (t < to) {
    if (misalign(t) !== 0) {
      // The offset changed within the hour: the next whole wall hour after the last slot's start.
      t = Math.floor((bounds[bounds.length - 1] as number) / Q) * Q + Q;
      while (t < to && misalign(t) !== 0) t += Q;
      if (t >= to) break;
    }
    if (t > (bounds[bounds.length - 1] as number)) bounds.push(t);
    t += H;
  }
  bounds.push(to);
  const indexOf = (x: number): number => {
    let lo = 0,
      hi = bounds.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bounds[mid] as number) <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { bounds, indexOf };
}

/** Counts being built: starts per slot, busy per slot plus a difference array (one longer than the grid). */
export interface Tally {
  starts: Float64Array;
  busy: Float64Array;
  busyDiff: Float64Array;
}

export const newTally = (slots: number): Tally => ({ starts: new Float64Array(slots), busy: new Float64Array(slots), busyDiff: new Float64Array(slots + 1) });

/** Runs in progress per slot. */
export function busyOf(t: Tally): number[] {
  const out = new Array<number>(t.starts.length);
  let level = 0;
  for (let i = 0; i < out.length; i++) out[i] = (level += t.busyDiff[i] as number) + (t.busy[i] as number);
  return out;
}

/** `mult` runs of length `len` at each start of `span` (all occupying part of the grid's window). */
export function addRuns(grid: Grid, span: StartsSpan, len: number, mult: number, into: Tally): void {
  const { bounds, indexOf } = grid;
  const from = bounds[0] as number,
    to = bounds[bounds.length - 1] as number;
  const n = bounds.length - 1;
  const { starts, lo, hi } = span;
  if (hi - lo > n) {
    // Frequent: per slot, the starts in it and the runs meeting it are differences of positions, found by
    // two cursors moving forward with the slots (comparisons only, no per-run writes).
    const { starts: out, busy } = into;
    let pBusy = lo,
      pStart = lowerBound(starts, from, lo, hi); // runs started before the window only count as busy
    for (let i = 0; i < n; i++) {
      const reach = (bounds[i] as number) - len + 1,
        b1 = bounds[i + 1] as number;
      while (pBusy < hi && (starts[pBusy] as number) < reach) pBusy++;
      let pEnd = pStart;
      while (pEnd < hi && (starts[pEnd] as number) < b1) pEnd++;
      out[i]! += mult * (pEnd - pStart);
      busy[i]! += mult * (pEnd - pBusy);
      pStart = pEnd;
    }
    return;
  }
  const { starts: out, busyDiff } = into;
  const step = grid.step;
  if (step !== undefined) {
    // The same as below with the uniform grid's index inlined: this loop sees every run of the fleet.
    for (let k = lo; k < hi; k++) {
      const t = starts[k] as number;
      if (t >= from) {
        const i = Math.floor((t - from) / step);
        out[i]! += mult;
        busyDiff[i]! += mult;
      } else busyDiff[0]! += mult;
      busyDiff[Math.floor((Math.min(t + len, to) - 1 - from) / step) + 1]! -= mult;
    }
    return;
  }
  for (let k = lo; k < hi; k++) {
    const t = starts[k] as number;
    if (t >= from) out[indexOf(t)]! += mult;
    busyDiff[indexOf(Math.max(t, from))]! += mult;
    busyDiff[indexOf(Math.min(t + len, to) - 1) + 1]! -= mult;
  }
}

const countIn = (expression: string, timeZone: string, from: number, to: number): number =>
  to <= from ? 0 : expandWindow(expression, { from: new Date(from), to: new Date(to), timeZone, limit: 0 }).total;

/** Per-slot counts of a schedule too frequent to list, from the engine's exact window totals. */
export function denseCounts(grid: Grid, expression: string, zone: string, len: number): { starts: Float64Array; busy: Float64Array } {
  const n = grid.bounds.length - 1;
  const starts = new Float64Array(n),
    busy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b0 = grid.bounds[i] as number,
      b1 = grid.bounds[i + 1] as number;
    starts[i] = countIn(expression, zone, b0, b1);
    busy[i] = countIn(expression, zone, b0 - len + 1, b1);
  }
  return { starts, busy };
}

/** Adds `mult` times dense per-slot counts. */
export function addCounts(counts: { starts: Float64Array; busy: Float64Array }, mult: number, into: Tally): void {
  for (let i = 0; i < counts.starts.length; i++) {
    into.starts[i]! += mult * (counts.starts[i] as number);
    into.busy[i]! += mult * (counts.busy[i] as number);
  }
}
