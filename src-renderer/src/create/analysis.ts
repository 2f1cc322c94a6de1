// Warnings for a new schedule: firing more often than hourly, and landing near another schedule.
import { expandWindow } from '@shared/cron';
import type { Schedule } from '@shared/domain';
import { upcoming } from '../common/schedule-info';

const HOUR = 3_600_000;
const LOOKAHEAD_DAYS = 14;

/** The shortest gap between the next runs, in ms, or null with fewer than two runs. */
export function shortestGap(expression: string, zone: string, now: Date): number | null {
  const runs = upcoming(expression, zone, now, 48);
  let best: number | null = null;
  for (let i = 1; i < runs.length; i++) {
    const gap = runs[i]!.getTime() - runs[i - 1]!.getTime();
    if (best === null || gap < best) best = gap;
  }
  return best;
}

export function frequencyWarning(expression: string, zone: string, now: Date): string | null {
  const gap = shortestGap(expression, zone, now);
  if (gap === null || gap >= HOUR) return null;
  const minutes = Math.round(gap / 60_000);
  const every = minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(gap / 1000)} seconds`;
  return `Fires more often than hourly (runs can be ${every} apart). Each run rebuilds aggregates; make sure the engine can keep up.`;
}

export interface Clash {
  other: Schedule;
  ours: Date;
  theirs: Date;
}

function runsInWindow(expression: string, zone: string, from: Date, to: Date): Date[] {
  try {
    return expandWindow(expression, { from, to, timeZone: zone, limit: 2000 }).runs;
  } catch {
    return [];
  }
}

/** The first run of `expression` within an hour of a run of another schedule in the same org. */
export function findClash(expression: string, zone: string, others: Schedule[], now: Date): Clash | null {
  const to = new Date(now.getTime() + LOOKAHEAD_DAYS * 86_400_000);
  const ours = runsInWindow(expression, zone, now, to);
  if (ours.length === 0) return null;
  let best: Clash | null = null;
  for (const other of others) {
    const theirs = runsInWindow(other.timeExpression, zone, now, to);
    let j = 0;
    for (const run of ours) {
      if (best && run.getTime() >= best.ours.getTime()) break;
      while (j < theirs.length && theirs[j]!.getTime() < run.getTime() - HOUR) j++;
      const candidate = theirs[j];
      if (candidate && Math.abs(candidate.getTime() - run.getTime()) < HOUR) {
        best = { other, ours: run, theirs: candidate };
        break;
      }
    }
  }
  return best;
}
