// Puts the runs of every source on the days a view shows, and decides chip or band: a source
// firing more than `bandThreshold` times on a day becomes one band with its count that day.
// The cost follows what is drawn: runs come from per-expression day tables (day-tables.ts), each day
// keeps only the first `keep` chips and bands it can show (with exact counts of the rest; whole steady
// days are summed once per day rule, rule-sums.ts), and the
// work can be done in slices (DayLayoutJob) so that no task blocks the page at ten thousand schedules.
import { setBounded } from '@shared/bounded-map';
import { isoDate, type CivilDate, type DisplayZone } from '@renderer/common/time';
import { descriptionVersion } from '@renderer/common/schedule-info';
import type { Expandable, ExpansionCache } from './expansion-cache';
import type { DayTableCache } from './day-tables';
import { DAY_LIMIT, DayLayoutJob } from './day-layout-job';

export { DAY_LIMIT, DayLayoutJob } from './day-layout-job';

export interface DaySource extends Expandable {
  schedule: { timeExpression: string; active: boolean | null };
  /** Runs are counted per environment for the dense month cells. */
  environmentLabel?: string;
  profileId?: string;
}

/** The words of the blackout window a run starting at `t` (epoch ms) falls in, or null. */
export type BlackoutCheck = (t: number) => string | null;

export interface EnvironmentCount {
  label: string;
  runs: number;
}

export interface RunChip {
  sourceKey: string;
  at: Date;
  /** Zone the chip's time is shown in. */
  zone: string;
  /** The blackout window of its profile the run falls in (words), or null. */
  blackout: string | null;
}

export interface RunBand {
  sourceKey: string;
  count: number;
  first: Date;
  /** Last run of the day; the day's last millisecond when the runs were only counted, not built. */
  last: Date;
  /** False when `last` is that stand-in. */
  lastKnown: boolean;
  zone: string;
  label: string;
  /** A blackout window one of the day's first runs falls in (words), or null. */
  blackout: string | null;
}

export interface DayRuns {
  date: CivilDate;
  iso: string;
  /** The day's first chips in time order: all of them, or the first `keep`. */
  chips: RunChip[];
  /** The day's bands by first run: all of them, or the first `keep`. */
  bands: RunBand[];
  /** Exact number of chips (single runs) that day, also those not kept. */
  chipCount: number;
  /** Exact number of bands that day. */
  bandCount: number;
  /** Exact number of runs that day (bands count all their runs). */
  runCount: number;
  /** Runs that day per environment, busiest first. */
  byEnvironment: EnvironmentCount[];
  /** Chips and bands of the day in a blackout window of their profile. */
  blackoutCount: number;
}

export interface DayRunsResult {
  days: DayRuns[];
  errors: { sourceKey: string; message: string }[];
  /** Deactivated schedules: not drawn as upcoming. */
  inactive: number;
}

export interface DayRunsOptions {
  days: CivilDate[];
  displayZone: DisplayZone;
  localZone: string;
  bandThreshold: number;
  /**
   * Runs built per band day. Only the count and the first run matter for a band in the month view;
   * the week view draws a band from first to last run and asks for more. Default DAY_LIMIT.
   */
  dayLimit?: number;
  /** Chips and bands kept per day (the month shows three lines); the counts stay exact. Default: all. */
  keep?: number;
  cache?: ExpansionCache;
  tables?: DayTableCache;
  /** Lay out only this day (an index into `days`), on the same day tables as the whole range. */
  onlyDay?: number;
  /** A check per source for its profile's blackout windows; null when the profile has none. */
  blackoutOf?: (source: DaySource) => BlackoutCheck | null;
  /** Names the blackout windows in force: part of the remembered layout's key. */
  blackoutKey?: string;
  /**
   * The calendar shows UPCOMING runs: nothing before `now` is drawn. Omit it only to lay out a range
   * regardless of the clock (tests, tools).
   */
  now?: Date;
}

export function layoutDayRuns(sources: readonly DaySource[], opts: DayRunsOptions): DayRunsResult {
  const job = new DayLayoutJob(sources, opts);
  job.step(Infinity);
  return job.result() as DayRunsResult;
}

// Finished layouts per source list (by identity) and range: paging back to a month, or to one the
// idle prefetch laid out, costs only React's render.
const layouts = new WeakMap<readonly DaySource[], Map<string, DayRunsResult>>();
const LAYOUTS_PER_LIST = 48;

function layoutKey(opts: DayRunsOptions): string {
  const first = opts.days[0];
  // Band labels are words: a layout made before the user's locale arrived is not reused after.
  // Stryker disable next-line StringLiteral: an absent option's stand-in only has to differ from every present value.
  return `${first ? isoDate(first) : ''}|${opts.days.length}|${opts.displayZone}|${opts.localZone}|${opts.bandThreshold}|${opts.dayLimit ?? DAY_LIMIT}|${opts.keep ?? ''}|${opts.now?.getTime() ?? ''}|${descriptionVersion()}|${opts.onlyDay ?? ''}|${opts.blackoutKey ?? ''}`;
}

/** A finished layout for (source list, range, zone, thresholds, now), if one was made. */
export function findLayout(sources: readonly DaySource[], opts: DayRunsOptions): DayRunsResult | undefined {
  return layouts.get(sources)?.get(layoutKey(opts));
}

/** The list's own map in `byList`, made on first use. */
function mapOf<V>(byList: WeakMap<readonly DaySource[], Map<string, V>>, sources: readonly DaySource[]): Map<string, V> {
  let map = byList.get(sources);
  if (!map) {
    map = new Map();
    byList.set(sources, map);
  }
  return map;
}

// Jobs under way per source list and range: a month the idle prefetch has begun is finished from where
// the prefetch got to when the user opens it, instead of laid out again from the start.
const running = new WeakMap<readonly DaySource[], Map<string, DayLayoutJob>>();
const RUNNING_PER_LIST = 8;

/**
 * A job whose finished layout is remembered for findLayout (and cachedLayoutDayRuns); the job already
 * under way for the same list and range when there is one, so its work so far counts.
 */
export function layoutJob(sources: readonly DaySource[], opts: DayRunsOptions): DayLayoutJob {
  const key = layoutKey(opts);
  const under = running.get(sources)?.get(key);
  if (under && !under.done) return under;
  const job = new DayLayoutJob(sources, opts, (result) => {
    setBounded(mapOf(layouts, sources), key, result, LAYOUTS_PER_LIST);
    // Only its own entry: a job let go by the bound may finish after a new one took its range.
    const begun = mapOf(running, sources);
    if (begun.get(key) === job) begun.delete(key);
  });
  setBounded(mapOf(running, sources), key, job, RUNNING_PER_LIST);
  return job;
}

/** layoutDayRuns, remembered per (source list, range, zone, thresholds, now). */
export function cachedLayoutDayRuns(sources: readonly DaySource[], opts: DayRunsOptions): DayRunsResult {
  const hit = findLayout(sources, opts);
  if (hit) return hit;
  const job = layoutJob(sources, opts);
  job.step(Infinity);
  return job.result() as DayRunsResult;
}

/**
 * Every chip and band of one day of a laid-out range (a day's list), reading the range's own day
 * tables: opening a dense day costs a scan of the sources, not a new expansion. `keep` bounds the
 * chips and bands built (the first ones by time); the counts stay exact.
 */
export function dayList(sources: readonly DaySource[], opts: DayRunsOptions, iso: string, keep = Infinity): DayRuns | null {
  const index = opts.days.findIndex((d) => isoDate(d) === iso);
  if (index < 0) return null;
  // Stryker disable next-line ConditionalExpression: no limit and an infinite one lay out the same; undefined shares the cache entry of a full list asked for before.
  return cachedLayoutDayRuns(sources, { ...opts, keep: keep === Infinity ? undefined : keep, onlyDay: index }).days[0] ?? null;
}

/** Each idle slice's share of the work: a cold expression costs a millisecond, so slices are bounded by time. */
const PREFETCH_SLICE_MS = 4;

/**
 * A task that lays out a range the user is likely to open next (a neighbouring month) in idle time, a
 * slice per call, so that navigation finds it finished. It returns false while there is work left.
 */
export function prefetchTasks(sources: readonly DaySource[], opts: DayRunsOptions): (() => boolean)[] {
  if (findLayout(sources, opts)) return [];
  const job = layoutJob(sources, opts);
  return [() => job.step(PREFETCH_SLICE_MS)];
}
