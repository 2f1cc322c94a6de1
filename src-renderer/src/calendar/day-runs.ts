// Puts the runs of every source on the days a view shows, and decides chip or band: a source
// firing more than `bandThreshold` times on a day becomes one band with its count that day.
import { addDays, isoDate, safeZone, startOfZonedDay, zoneForSource, type CivilDate, type DisplayZone } from '@renderer/common/time';
import { bandLabel, describeLower, sharedExpansions, type Expandable, type ExpansionCache } from './expansion-cache';

export interface DaySource extends Expandable {
  schedule: { timeExpression: string; active: boolean | null };
}

export interface RunChip {
  sourceKey: string;
  at: Date;
  /** Zone the chip's time is shown in. */
  zone: string;
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
}

export interface DayRuns {
  date: CivilDate;
  iso: string;
  chips: RunChip[];
  bands: RunBand[];
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
  cache?: ExpansionCache;
  /**
   * The calendar shows UPCOMING runs: nothing before `now` is drawn (the range is expanded from
   * max(range start, now)). Omit it only to lay out a range regardless of the clock (tests, tools).
   */
  now?: Date;
}

/** Runs built per dense day by default (the count stays exact: the engine returns `total`). */
export const DAY_LIMIT = 2_000;

interface Context {
  opts: DayRunsOptions;
  cache: ExpansionCache;
  days: DayRuns[];
  boundsFor(zone: string): Date[];
  result: DayRunsResult;
}

function context(opts: DayRunsOptions): Context | null {
  const last = opts.days[opts.days.length - 1];
  if (!last) return null;
  const days: DayRuns[] = opts.days.map((date) => ({ date, iso: isoDate(date), chips: [], bands: [] }));
  const boundsByZone = new Map<string, Date[]>();
  return {
    opts,
    cache: opts.cache ?? sharedExpansions,
    days,
    result: { days, errors: [], inactive: 0 },
    boundsFor(zone) {
      let b = boundsByZone.get(zone);
      if (!b) {
        b = [...opts.days, addDays(last, 1)].map((d) => startOfZonedDay(d, zone));
        boundsByZone.set(zone, b);
      }
      return b;
    },
  };
}

function placeSource(ctx: Context, source: DaySource): void {
  const { opts, cache, days, result } = ctx;
  if (source.schedule.active === false) {
    result.inactive += 1;
    return;
  }
  const zone = zoneForSource(source, opts.displayZone, opts.localZone);
  const evalZone = safeZone(source.serverTimeZone);
  const bounds = ctx.boundsFor(zone);
  const rangeFrom = bounds[0];
  const to = bounds[bounds.length - 1];
  if (!rangeFrom || !to) return;
  const nowMs = opts.now?.getTime() ?? -Infinity;
  if (nowMs >= to.getTime()) return;
  const from = nowMs > rangeFrom.getTime() ? new Date(nowMs) : rangeFrom;
  // Enough Dates for every day to sit at the threshold; a source needing more is counted day by day.
  const whole = cache.get(source, from, to, days.length * opts.bandThreshold + 1, evalZone);
  if (whole.error) {
    result.errors.push({ sourceKey: source.key, message: whole.error });
    return;
  }
  const place = (i: number, runs: readonly Date[], count: number, lastRun: Date | undefined, lastKnown = true) => {
    const day = days[i];
    const firstRun = runs[0];
    if (!day || !firstRun || count === 0) return;
    if (count > opts.bandThreshold) {
      const label = bandLabel(describeLower(source.schedule.timeExpression), count);
      day.bands.push({ sourceKey: source.key, count, first: firstRun, last: lastRun ?? firstRun, lastKnown, zone, label });
    } else {
      for (const at of runs) day.chips.push({ sourceKey: source.key, at, zone });
    }
  };
  if (!whole.truncated) {
    // Runs come sorted: walk them and the day bounds together.
    const runs = whole.runs;
    let i = 0;
    let start = 0;
    const flush = (end: number) => {
      if (end > start) place(i, runs.slice(start, end), end - start, runs[end - 1]);
      start = end;
    };
    for (let r = 0; r < runs.length; r++) {
      const t = runs[r]?.getTime() ?? 0;
      while (i < days.length - 1 && t >= (bounds[i + 1]?.getTime() ?? Infinity)) {
        flush(r);
        i += 1;
      }
    }
    flush(runs.length);
    return;
  }
  // Per day windows are cached too, and neighbouring months share most of their days.
  const dayLimit = opts.dayLimit ?? DAY_LIMIT;
  for (let i = 0; i < days.length; i++) {
    const dayStart = bounds[i];
    const dayTo = bounds[i + 1];
    if (!dayStart || !dayTo || dayTo.getTime() <= nowMs) continue;
    const dayFrom = nowMs > dayStart.getTime() ? from : dayStart;
    const e = cache.get(source, dayFrom, dayTo, dayLimit, evalZone);
    const lastRun = e.truncated ? new Date(dayTo.getTime() - 1) : e.runs[e.runs.length - 1];
    place(i, e.runs, e.total, lastRun, !e.truncated);
  }
}

export function layoutDayRuns(sources: readonly DaySource[], opts: DayRunsOptions): DayRunsResult {
  const ctx = context(opts);
  if (!ctx) return { days: [], errors: [], inactive: 0 };
  for (const source of sources) placeSource(ctx, source);
  for (const day of ctx.days) {
    day.chips.sort((a, b) => a.at.getTime() - b.at.getTime() || a.sourceKey.localeCompare(b.sourceKey));
    day.bands.sort((a, b) => a.first.getTime() - b.first.getTime() || a.sourceKey.localeCompare(b.sourceKey));
  }
  return ctx.result;
}

// Finished layouts per source list (by identity) and range: paging back to a month, or to one the
// idle prefetch laid out, costs only React's render.
const layouts = new WeakMap<readonly DaySource[], Map<string, DayRunsResult>>();
const LAYOUTS_PER_LIST = 48;

function layoutKey(opts: DayRunsOptions): string {
  const first = opts.days[0];
  return `${first ? isoDate(first) : ''}|${opts.days.length}|${opts.displayZone}|${opts.localZone}|${opts.bandThreshold}|${opts.dayLimit ?? DAY_LIMIT}|${opts.now?.getTime() ?? ''}`;
}

/** layoutDayRuns, remembered per (source list, range, zone, thresholds); only for the shared cache. */
export function cachedLayoutDayRuns(sources: readonly DaySource[], opts: DayRunsOptions): DayRunsResult {
  let byRange = layouts.get(sources);
  if (!byRange) {
    byRange = new Map();
    layouts.set(sources, byRange);
  }
  const key = layoutKey(opts);
  let result = byRange.get(key);
  if (!result) {
    result = layoutDayRuns(sources, opts);
    byRange.set(key, result);
    if (byRange.size > LAYOUTS_PER_LIST) {
      const oldest = byRange.keys().next().value;
      if (oldest !== undefined) byRange.delete(oldest);
    }
  }
  return result;
}

/**
 * One small task per source that fills the cache for a range the user is likely to open next
 * (the neighbouring months), to run in idle time so that navigation finds everything computed.
 */
export function prefetchTasks(sources: readonly DaySource[], opts: DayRunsOptions): (() => void)[] {
  const ctx = context(opts);
  if (!ctx) return [];
  // Warm the expansions source by source, then lay the whole range out from the warm cache.
  return [...sources.map((source) => () => placeSource(ctx, source)), () => void cachedLayoutDayRuns(sources, opts)];
}
