// The runs of a schedule that occupy part of a window, from the engine. A run started at t occupies
// [t, t + duration), so a window [from, to) also holds runs that started up to a duration before it.
import { expandWindow } from '@shared/cron';
import { runLength, type FleetRun, type FleetSource } from './types';

/** Runs built per schedule and window before the schedule counts as dense (counted, not enumerated). */
export const DEFAULT_RUN_LIMIT = 20_000;

export interface SourceRuns {
  /** Start instants (epoch ms) of the runs occupying [from, to), at most `limit` of them, ascending. */
  starts: number[];
  /** How many runs occupy [from, to) in all (exact). */
  total: number;
  truncated: boolean;
}

/** Starts of the runs of `source` that occupy part of [from, to). Throws for an unreadable expression or zone. */
export function occupyingRuns(source: FleetSource, from: number, to: number, limit = DEFAULT_RUN_LIMIT): SourceRuns {
  const len = runLength(source.durationMs);
  // t + len > from  <=>  t >= from - len + 1 (ms)
  const w = expandWindow(source.timeExpression, { from: new Date(from - len + 1), to: new Date(to), timeZone: source.serverTimeZone, limit });
  return { starts: w.runs.map((d) => d.getTime()), total: w.total, truncated: w.truncated };
}

/** How many runs of `source` occupy part of [from, to), without building them. */
export function occupyingCount(source: FleetSource, from: number, to: number): number {
  return occupyingRuns(source, from, to, 0).total;
}

/** How many runs of `source` start in [from, to), without building them. */
export function startCount(source: FleetSource, from: number, to: number): number {
  if (to <= from) return 0;
  return expandWindow(source.timeExpression, { from: new Date(from), to: new Date(to), timeZone: source.serverTimeZone, limit: 0 }).total;
}

export const toRun = (source: FleetSource, start: number): FleetRun => ({
  key: source.key,
  profileId: source.profileId,
  environment: source.environment,
  timeExpression: source.timeExpression,
  start,
  end: start + runLength(source.durationMs),
});

/** Usable sources only: an unreadable expression or zone is skipped (the list flags it elsewhere). */
export function readable(source: FleetSource): boolean {
  try {
    occupyingRuns(source, 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}
