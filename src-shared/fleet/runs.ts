// The runs of a schedule that occupy part of a window, from the engine. A run started at t occupies
// [t, t + duration), so a window [from, to) also holds runs that started up to a duration before it.
import { expandWindow, nextRunTimes, validateQuartz } from '@shared/cron';
import { runLength, type FleetRun, type FleetSource } from './types';
import { wallTime } from './wall-clock';

/** Runs built per schedule and window before the schedule counts as dense (counted, not enumerated). */
export const DEFAULT_RUN_LIMIT = 20_000;

export interface SourceRuns {
  /** Start instants (epoch ms) of the runs occupying [from, to), at most `limit` of them, ascending. */
  starts: number[];
  /** How many runs occupy [from, to) in all (exact). */
  total: number;
  truncated: boolean;
}

/**
 * Starts of the runs of `source` that occupy part of [from, to). Built as plain numbers in chunks sized from
 * the schedule's own rate (no Date objects: the load view walks thousands of schedules). Throws for an
 * unreadable expression or zone.
 */
export function occupyingRuns(source: FleetSource, from: number, to: number, limit = DEFAULT_RUN_LIMIT): SourceRuns {
  const len = runLength(source.durationMs);
  const start = from - len + 1; // t + len > from  <=>  t >= from - len + 1 (ms)
  if (limit <= 0 || to <= start) {
    const total = to <= start ? 0 : countIn(source, start, to);
    return { starts: [], total, truncated: total > 0 };
  }
  const starts: number[] = [];
  // Quartz fires on whole seconds: strictly after this instant means at or after `start`.
  let after = Math.ceil(start / 1000) * 1000 - 1000;
  let chunk = 16;
  while (starts.length <= limit) {
    const asked = Math.min(chunk, limit + 1 - starts.length);
    const got = nextRunTimes(source.timeExpression, after, asked, source.serverTimeZone);
    for (const t of got) {
      if (t >= to) return { starts, total: starts.length, truncated: false };
      starts.push(t);
    }
    if (got.length < asked) return { starts, total: starts.length, truncated: false }; // fires no more
    after = got[got.length - 1] as number;
    // Size the next chunk from the rate seen so far, with room to spare.
    const first = starts[0] as number;
    const rate = starts.length / Math.max(1, after - first + 1);
    chunk = Math.max(16, Math.min(4096, Math.ceil((to - after) * rate * 1.1) + 4));
  }
  starts.length = limit;
  return { starts, total: countIn(source, start, to), truncated: true };
}

function countIn(source: FleetSource, from: number, to: number): number {
  return expandWindow(source.timeExpression, { from: new Date(from), to: new Date(to), timeZone: source.serverTimeZone, limit: 0 }).total;
}

/** How many runs of `source` occupy part of [from, to), without building them. */
export function occupyingCount(source: FleetSource, from: number, to: number): number {
  return countIn(source, from - runLength(source.durationMs) + 1, to);
}

/** How many runs of `source` start in [from, to), without building them. */
export function startCount(source: FleetSource, from: number, to: number): number {
  return to <= from ? 0 : countIn(source, from, to);
}

export const toRun = (source: FleetSource, start: number): FleetRun => ({
  key: source.key,
  profileId: source.profileId,
  environment: source.environment,
  timeExpression: source.timeExpression,
  start,
  end: start + runLength(source.durationMs),
});

/** By zone, then expression: no key string is built per question (the load view asks for every schedule). */
const readableMemo = new Map<string, Map<string, boolean>>();
let readableCount = 0;

/** Usable sources only: an unreadable expression or zone is skipped (the list flags it elsewhere). Memoized. */
export function readable(source: FleetSource): boolean {
  let inZone = readableMemo.get(source.serverTimeZone);
  let ok = inZone?.get(source.timeExpression);
  if (ok === undefined) {
    try {
      ok = validateQuartz(source.timeExpression).ok && (wallTime(source.serverTimeZone, 0), true);
    } catch {
      ok = false; // unknown zone
    }
    if (readableCount >= 20_000) {
      readableMemo.clear(); // bounded: a long session never grows without limit
      readableCount = 0;
      inZone = undefined;
    }
    if (!inZone) readableMemo.set(source.serverTimeZone, (inZone = new Map()));
    inZone.set(source.timeExpression, ok);
    readableCount++;
  }
  return ok;
}
