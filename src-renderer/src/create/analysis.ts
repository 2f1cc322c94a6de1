// A new schedule landing near another schedule of the org. How often it fires, and an identical
// schedule (a duplicate, not a near clash), are the linter's verdicts (lint-gate.ts).
import { expandWindow, sameSchedule } from '@shared/cron';
import type { Schedule } from '@shared/domain';

const HOUR = 3_600_000;
const LOOKAHEAD_DAYS = 14;

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
    // The same fire times is a duplicate, which the linter names and refuses.
    if (sameSchedule(expression, other.timeExpression, { timeZone: zone, from: now })) continue;
    const theirs = runsInWindow(other.timeExpression, zone, now, to);
    let j = 0;
    for (const run of ours) {
      if (best && run.getTime() >= best.ours.getTime()) break;
      // Past their runs an hour or more before ours (exactly an hour is not a clash): the next is the only candidate.
      while (j < theirs.length && theirs[j]!.getTime() <= run.getTime() - HOUR) j++;
      const candidate = theirs[j];
      if (candidate && Math.abs(candidate.getTime() - run.getTime()) < HOUR) {
        best = { other, ours: run, theirs: candidate };
        break;
      }
    }
  }
  return best;
}
