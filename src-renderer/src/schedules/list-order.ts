// Order of the schedules list: soonest next run first (what an administrator checks), schedules
// that never fire again last, ties by profile then expression so the order is stable across renders.
// Computed in slices (a few ms each) so a large list draws its first screen at once and orders itself
// a few frames later, with no task long enough to stall input.
import type { ScheduleSource } from '../schedule-view-types';
import { nextRun } from '../common/schedule-info';

export interface ListRow {
  source: ScheduleSource;
  next: Date | null;
}

/** A row's next run; a paused schedule does not run: no next run, listed with those that never fire again. */
export function nextRunOf(source: ScheduleSource, now: Date): Date | null {
  return source.paused ? null : nextRun(source.schedule.timeExpression, source.serverTimeZone, now);
}

const byNextRun = (a: ListRow, b: ListRow) =>
  (a.next?.getTime() ?? Infinity) - (b.next?.getTime() ?? Infinity) ||
  a.source.profileName.localeCompare(b.source.profileName) ||
  a.source.schedule.timeExpression.localeCompare(b.source.schedule.timeExpression);

export function sortByNextRun(sources: readonly ScheduleSource[], now: Date): ListRow[] {
  const job = startOrdering(sources, now);
  advanceOrdering(job, Infinity);
  return job.rows ?? [];
}

/**
 * Ordering by next run in slices: the engine computes each schedule's next run (a parse per new
 * expression), which at 10,000 schedules is far more than one frame. `rows` is null until every
 * schedule's next run is known, then sorted.
 */
export interface Ordering {
  readonly sources: readonly ScheduleSource[];
  readonly now: Date;
  /** Next runs of sources[0 .. nexts.length). */
  readonly nexts: (Date | null)[];
  rows: ListRow[] | null;
}

export function startOrdering(sources: readonly ScheduleSource[], now: Date): Ordering {
  return { sources, now, nexts: [], rows: null };
}

/** Computes next runs for about `budgetMs` (the clock is read every 16 rows); true once `rows` is sorted. */
export function advanceOrdering(job: Ordering, budgetMs: number, clock: () => number = () => performance.now()): boolean {
  if (job.rows) return true;
  const until = clock() + budgetMs;
  const { sources, nexts } = job;
  while (nexts.length < sources.length) {
    nexts.push(nextRunOf(sources[nexts.length] as ScheduleSource, job.now));
    if (nexts.length % 16 === 0 && nexts.length < sources.length && clock() >= until) return false;
  }
  job.rows = sources.map((source, i) => ({ source, next: nexts[i] ?? null })).sort(byNextRun);
  return true;
}

/** Columns the list sorts by (a click on the header); 'next' is the default order above. */
export type SortColumn = 'profile' | 'schedule' | 'next' | 'latest' | 'build' | 'created' | 'status';
export type SortDirection = 'ascending' | 'descending';
export interface ListSort {
  column: SortColumn;
  direction: SortDirection;
}

const missingLast = (a: number | null, b: number | null): number | null => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : null);

function compareBy(column: SortColumn, a: ListRow, b: ListRow): number {
  const x = a.source,
    y = b.source;
  switch (column) {
    case 'profile':
      return x.profileName.localeCompare(y.profileName);
    case 'schedule':
      return x.schedule.timeExpression.localeCompare(y.schedule.timeExpression);
    case 'next':
      return (a.next?.getTime() ?? Infinity) - (b.next?.getTime() ?? Infinity);
    case 'latest': {
      const ta = x.schedule.latestExecution ? Date.parse(x.schedule.latestExecution.executedAt) : null;
      const tb = y.schedule.latestExecution ? Date.parse(y.schedule.latestExecution.executedAt) : null;
      return missingLast(ta, tb) ?? (ta as number) - (tb as number);
    }
    case 'build':
      return Number(y.schedule.fullBuild) - Number(x.schedule.fullBuild);
    case 'created':
      return Date.parse(x.schedule.createdAt) - Date.parse(y.schedule.createdAt) || (x.schedule.createdBy ?? '').localeCompare(y.schedule.createdBy ?? '');
    case 'status':
      return Number(y.schedule.active !== false) - Number(x.schedule.active !== false);
  }
}

/**
 * Rows in the chosen column's order; ties fall back to the next-run order so the list never reshuffles.
 * Schedules without a next run or without an execution stay last in both directions.
 */
export function sortRows(rows: readonly ListRow[], sort: ListSort): ListRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const indexed = rows.map((row, i) => ({ row, i }));
  indexed.sort((p, q) => {
    const a = p.row,
      b = q.row;
    if (sort.column === 'next') {
      const m = missingLast(a.next?.getTime() ?? null, b.next?.getTime() ?? null);
      if (m !== null && m !== 0) return m;
    }
    if (sort.column === 'latest') {
      const m = missingLast(a.source.schedule.latestExecution ? 1 : null, b.source.schedule.latestExecution ? 1 : null);
      if (m !== null && m !== 0) return m;
    }
    return sign * compareBy(sort.column, a, b) || p.i - q.i;
  });
  return indexed.map((x) => x.row);
}

/** Rows whose expression, words, profile, org, environment or author contain every word of the query. */
export function matchesSearch(source: ScheduleSource, words: readonly string[], describeExpression: (e: string) => string): boolean {
  if (words.length === 0) return true;
  const s = source.schedule;
  const hay =
    `${s.timeExpression}\n${describeExpression(s.timeExpression)}\n${source.profileName}\n${s.orgId}\n${source.environmentLabel}\n${s.createdBy}\n${s.jobId}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}
