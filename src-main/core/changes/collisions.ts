// Runs that would start at the same instant as another schedule of the target org (not the same
// schedule: those are skipped), within the next days, so a copy or plan can say what collides there.
import { expandWindow, validateQuartz } from '@shared/cron';
import type { Schedule } from '@shared/domain';
import type { PlannedCollision } from '@shared/ipc/channels/changes';

const COLLISION_DAYS = 30;
/** Runs looked at per schedule: enough for any sane schedule over the window, bounded for every-second ones. */
const RUN_LIMIT = 5_000;

function runsOf(expression: string, from: Date, to: Date, timeZone: string): number[] {
  if (!validateQuartz(expression).ok) return [];
  return expandWindow(expression, { from, to, timeZone, limit: RUN_LIMIT }).runs.map((d) => d.getTime());
}

export function collisionsWith(expression: string, others: readonly Schedule[], options: { timeZone: string; now: Date }): PlannedCollision[] {
  const to = new Date(options.now.getTime() + COLLISION_DAYS * 86_400_000);
  const mine = new Set(runsOf(expression, options.now, to, options.timeZone));
  // Stryker disable next-line ConditionalExpression: speed only; with no runs of its own nothing can be shared
  if (mine.size === 0) return [];
  const out: PlannedCollision[] = [];
  for (const other of others) {
    const shared = runsOf(other.timeExpression, options.now, to, options.timeZone).find((t) => mine.has(t));
    if (shared !== undefined) out.push({ jobId: other.jobId, expression: other.timeExpression, firstAt: new Date(shared).toISOString() });
  }
  return out;
}
