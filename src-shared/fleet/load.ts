// Maintenance load per server: runs in progress per time bucket, not only starts. Buckets are spans of
// absolute time from `from`, so a DST day simply has 23 or 25 hourly buckets. Schedules alike in server,
// environment, zone, expression and run length (orgs often share one maintenance schedule) are counted
// once and multiplied; that grouping and their fire times are kept with a RunCache across calls. A schedule
// with more than `runLimit` runs in the window is counted from the engine's exact window totals instead.
import { DEFAULT_RUN_LIMIT } from './runs';
import { RunCache, lowerBound, type StartsSpan } from './run-cache';
import { addCounts, addRuns, busyOf, denseCounts, newTally, uniformGrid, wallHourGrid, type Grid, type Tally } from './load-tally';
import type { FleetSource } from './types';
import { wallTime } from './wall-clock';
import { byName, groupingFor, type Group, type Shape } from './load-groups';

export { RunCache } from './run-cache';

/** Most buckets one computation builds (90 days of 5-minute buckets). */
export const MAX_BUCKETS = 30_000;

export interface LoadInput {
  sources: readonly FleetSource[];
  from: Date;
  to: Date;
  bucketMs: number;
  /** The display axis of the week-by-hour summary (default 'UTC'). */
  timeZone?: string;
  runLimit?: number;
  /** Keep one across calls (e.g. while filters change) to reuse the runs of unchanged schedules. */
  cache?: RunCache;
}

export interface LoadCells {
  /** Runs in progress at some time during each bucket. */
  busy: number[];
  /** Runs starting in each bucket. */
  starts: number[];
}

export interface WeekHourSummary {
  /** [day of week - 1][hour]: day 1 = Sunday .. 7 = Saturday, hours of the wall clock in the summary zone. */
  busy: number[][];
  starts: number[][];
}

export interface ServerLoad {
  serverKey: string;
  cells: LoadCells;
  /** The same cells split by environment label, sorted by label. */
  environments: { environment: string; cells: LoadCells }[];
  weekHour: WeekHourSummary;
  /** Highest busy count of any bucket. */
  peak: number;
  sourceKeys: string[];
  /** Schedules counted per bucket rather than enumerated (they fire too often to draw). */
  dense: string[];
}

export interface LoadResult {
  /** Start instant of each bucket (epoch ms); bucket i is [bucketStarts[i], bucketStarts[i] + bucketMs) cut at `to`. */
  bucketStarts: number[];
  bucketMs: number;
  timeZone: string;
  servers: ServerLoad[];
  /** Keys of schedules left out because their expression or zone cannot be read. */
  skipped: string[];
}

/** Finds each group's runs: one cache request per shape, then a slice per run length. */
function findSpans(groups: readonly Group[], from: number, to: number, limit: number, cache: RunCache): void {
  const wide = new Map<Shape, StartsSpan | null>();
  for (const g of groups) {
    const { zone, expression, longest } = g.shape;
    let span = wide.get(g.shape);
    if (span === undefined) wide.set(g.shape, (span = cache.startsIn(expression, zone, from - longest + 1, to, limit)));
    if (span) g.span = { starts: span.starts, lo: lowerBound(span.starts, from - g.len + 1, span.lo, span.hi), hi: span.hi };
    else g.span = longest === g.len ? null : cache.startsIn(expression, zone, from - g.len + 1, to, limit);
  }
}

/** Adds every group of one server to the tallies: per environment on `grid`, and on the summary's slots. */
function tallyGroups(
  groups: readonly Group[],
  grid: Grid,
  envTally: (environment: string) => Tally,
  hour: { grid: Grid; tally: Tally } | null,
  denseMemo: Map<string, ReturnType<typeof denseCounts>>,
): void {
  const dense = (g: Group, on: Grid, name: string) => {
    const id = `${name}\n${g.shape.zone}\n${g.shape.expression}\n${g.len}`;
    let counts = denseMemo.get(id);
    if (!counts) denseMemo.set(id, (counts = denseCounts(on, g.shape.expression, g.shape.zone, g.len)));
    return counts;
  };
  for (const g of groups) {
    const mult = g.keys.length;
    if (g.span) addRuns(grid, g.span, g.len, mult, envTally(g.environment));
    else addCounts(dense(g, grid, 'grid'), mult, envTally(g.environment));
    if (!hour) continue;
    if (g.span) addRuns(hour.grid, g.span, g.len, mult, hour.tally);
    else addCounts(dense(g, hour.grid, 'hour'), mult, hour.tally);
  }
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

/** Runs in progress per bucket and per wall hour of the week, grouped by server and environment. */
export function computeLoad(input: LoadInput): LoadResult {
  const from = input.from.getTime(),
    to = input.to.getTime();
  const step = Math.floor(input.bucketMs);
  const zone = input.timeZone ?? 'UTC';
  const limit = input.runLimit ?? DEFAULT_RUN_LIMIT;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) throw new RangeError('The load window needs a start before its end.');
  if (!(step >= 60_000)) throw new RangeError('Load buckets must be at least one minute long.');
  if ((to - from) / step > MAX_BUCKETS)
    throw new RangeError(`${Math.ceil((to - from) / step)} buckets are too many (at most ${MAX_BUCKETS}): use longer buckets or a shorter window.`);
  wallTime(zone, from); // an unknown display zone fails here, with its name

  const grid = uniformGrid(from, to, step);
  const n = grid.bounds.length - 1;
  const hourGrid = wallHourGrid(from, to, zone);
  // Hourly buckets on the display zone's wall hours are the week summary's slots: count once.
  const sameGrid = hourGrid.bounds.length === grid.bounds.length && hourGrid.bounds.every((b, i) => b === grid.bounds[i]);
  const hourSlots = sameGrid ? grid : hourGrid;
  const slotWall = hourSlots.bounds.slice(0, -1).map((b) => wallTime(zone, b));

  const { skipped, servers: byServer } = groupingFor(input.sources, input.cache);
  const servers: ServerLoad[] = [];
  findSpans(
    byServer.flatMap(([, s]) => s.groups),
    from,
    to,
    limit,
    input.cache ?? new RunCache(),
  );
  const denseMemo = new Map<string, ReturnType<typeof denseCounts>>();
  for (const [serverKey, { sources, groups }] of byServer) {
    const envs = new Map<string, Tally>();
    const envTally = (environment: string): Tally => {
      let t = envs.get(environment);
      if (!t) envs.set(environment, (t = newTally(n)));
      return t;
    };
    const hour = sameGrid ? null : { grid: hourGrid, tally: newTally(hourGrid.bounds.length - 1) };
    tallyGroups(groups, grid, envTally, hour, denseMemo);
    const environments = [...envs].sort(byName).map(([environment, t]) => ({ environment, cells: { busy: busyOf(t), starts: Array.from(t.starts) } }));
    const cells: LoadCells = { busy: zeros(n), starts: zeros(n) };
    for (const { cells: env } of environments) {
      for (let i = 0; i < n; i++) {
        cells.busy[i]! += env.busy[i]!;
        cells.starts[i]! += env.starts[i]!;
      }
    }
    const hourCells = hour ? { busy: busyOf(hour.tally), starts: Array.from(hour.tally.starts) } : cells;
    const weekHour: WeekHourSummary = { busy: Array.from({ length: 7 }, () => zeros(24)), starts: Array.from({ length: 7 }, () => zeros(24)) };
    slotWall.forEach((w, i) => {
      weekHour.busy[w.dayOfWeek - 1]![w.hour]! += hourCells.busy[i]!;
      weekHour.starts[w.dayOfWeek - 1]![w.hour]! += hourCells.starts[i]!;
    });
    const denseKeys = new Set(groups.filter((g) => !g.span).flatMap((g) => g.keys));
    servers.push({
      serverKey,
      cells,
      environments,
      weekHour,
      peak: cells.busy.reduce((m, v) => (v > m ? v : m), 0),
      sourceKeys: sources.map((s) => s.key),
      dense: denseKeys.size === 0 ? [] : sources.filter((s) => denseKeys.has(s.key)).map((s) => s.key),
    });
  }
  return { bucketStarts: grid.bounds.slice(0, -1), bucketMs: step, timeZone: zone, servers, skipped: [...skipped] };
}
