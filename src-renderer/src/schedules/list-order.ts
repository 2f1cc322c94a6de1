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

// One collator for every comparison (String.prototype.localeCompare resolves one on each call); the
// same order as localeCompare with no locale.
let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string): number => (collator ??= new Intl.Collator()).compare(a, b);

/** Each value's rank among the distinct values in collation order (equal-collating values share a rank). */
function ranks(values: readonly string[]): Map<string, number> {
  const distinct = [...new Set(values)].sort(compareText);
  const rank = new Map<string, number>();
  let r = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && compareText(distinct[i - 1] as string, v) !== 0) r += 1;
    rank.set(v, r);
  });
  return rank;
}

/**
 * Rows by next run, ties by profile then expression (each string compared once per distinct value,
 * then numbers only), then the sources' order.
 */
function orderByNextRun(sources: readonly ScheduleSource[], nexts: readonly (Date | null)[]): ListRow[] {
  const profile = ranks(sources.map((s) => s.profileName));
  const expression = ranks(sources.map((s) => s.schedule.timeExpression));
  const n = sources.length;
  const at = new Float64Array(n);
  const p = new Int32Array(n);
  const e = new Int32Array(n);
  sources.forEach((s, i) => {
    at[i] = nexts[i]?.getTime() ?? Infinity;
    p[i] = profile.get(s.profileName) ?? 0;
    e[i] = expression.get(s.schedule.timeExpression) ?? 0;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  // Infinity - Infinity is NaN (falsy): two rows with no next run fall through to the profile, as they should.
  order.sort((x, y) => (at[x] as number) - (at[y] as number) || (p[x] as number) - (p[y] as number) || (e[x] as number) - (e[y] as number) || x - y);
  return order.map((i) => ({ source: sources[i] as ScheduleSource, next: nexts[i] ?? null }));
}

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

/**
 * Computes next runs for about `budgetMs` (the clock is read every 4 rows: a new expression costs
 * up to a millisecond); true once `rows` is sorted. The sort gets a slice of its own when the last
 * next runs spent the budget.
 */
export function advanceOrdering(job: Ordering, budgetMs: number, clock: () => number = () => performance.now()): boolean {
  if (job.rows) return true;
  const until = clock() + budgetMs;
  const { sources, nexts } = job;
  if (nexts.length < sources.length) {
    while (nexts.length < sources.length) {
      nexts.push(nextRunOf(sources[nexts.length] as ScheduleSource, job.now));
      if (nexts.length % 4 === 0 && clock() >= until) return false;
    }
    if (sources.length > SORT_IN_SAME_SLICE && clock() >= until) return false;
  }
  job.rows = orderByNextRun(sources, nexts);
  return true;
}

/** Up to this many rows the sort is cheap enough to follow the last next runs in the same slice. */
const SORT_IN_SAME_SLICE = 500;

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
      return compareText(x.profileName, y.profileName);
    case 'schedule':
      return compareText(x.schedule.timeExpression, y.schedule.timeExpression);
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
      return Date.parse(x.schedule.createdAt) - Date.parse(y.schedule.createdAt) || compareText(x.schedule.createdBy ?? '', y.schedule.createdBy ?? '');
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
