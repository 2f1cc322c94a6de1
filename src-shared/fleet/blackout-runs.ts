// Which runs of a schedule fall in a blackout window (flags in the list, calendar, load view, create dialog).
import { blackoutHit } from './blackout';
import { occupyingRuns, readable } from './runs';
import { runLength, type Blackout, type FleetSource } from './types';

export interface BlackoutRun {
  start: number;
  end: number;
  blackout: Blackout;
}

/** Runs occupying part of [from, to) that touch a blackout, at most `limit` of them, by start. */
export function runsInBlackout(source: FleetSource, blackouts: readonly Blackout[], from: Date, to: Date, limit = 100): BlackoutRun[] {
  if (blackouts.length === 0 || !readable(source)) return [];
  const len = runLength(source.durationMs);
  const out: BlackoutRun[] = [];
  // A schedule firing more often than this is flagged from its first runs: enough to say "it runs in the freeze".
  for (const start of occupyingRuns(source, from.getTime(), to.getTime(), 10_000).starts) {
    const blackout = blackoutHit(start, start + len, blackouts);
    if (blackout) out.push({ start, end: start + len, blackout });
    if (out.length >= limit) break;
  }
  return out;
}
