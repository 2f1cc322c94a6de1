// Order of the schedules list: soonest next run first (what an administrator checks), schedules
// that never fire again last, ties by profile then expression so the order is stable across renders.
import type { ScheduleSource } from '../schedule-view-types';
import { nextRun } from '../common/schedule-info';

export interface ListRow {
  source: ScheduleSource;
  next: Date | null;
}

export function sortByNextRun(sources: readonly ScheduleSource[], now: Date): ListRow[] {
  // A paused schedule does not run: no next run, listed with those that never fire again.
  const rows = sources.map((source) => ({ source, next: source.paused ? null : nextRun(source.schedule.timeExpression, source.serverTimeZone, now) }));
  return rows.sort(
    (a, b) =>
      (a.next?.getTime() ?? Infinity) - (b.next?.getTime() ?? Infinity) ||
      a.source.profileName.localeCompare(b.source.profileName) ||
      a.source.schedule.timeExpression.localeCompare(b.source.schedule.timeExpression),
  );
}
