// Maintenance load per server: runs in progress per time bucket, not only starts. Buckets are spans of
// absolute time from `from`, so a DST day simply has 23 or 25 hourly buckets. A schedule that fires more
// often than DEFAULT_RUN_LIMIT times in the window is counted bucket by bucket from the engine's exact
// window totals instead of being enumerated, so an every-second schedule costs a few calls per bucket.
import { DEFAULT_RUN_LIMIT, occupyingCount, occupyingRuns, readable, startCount, type SourceRuns } from './runs';
import { runLength, type FleetSource } from './types';
import { wallTime, zoneOffsetMs } from './wall-clock';

const H = 3_600_000;
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

/** Runs per schedule shape and window, reusable across computations; bounded, oldest dropped first. */
export class RunCache {
  private readonly entries = new Map<string, SourceRuns>();
  constructor(private readonly maxEntries = 20_000) {}

  get(key: string): SourceRuns | undefined {
    return this.entries.get(key);
  }

  set(key: string, runs: SourceRuns): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, runs);
  }
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

/** Slots [bounds[i], bounds[i+1]); `indexOf` maps an instant inside [bounds[0], bounds[n]) to its slot. */
interface Grid {
  bounds: number[];
  indexOf: (t: number) => number;
}

function uniformGrid(from: number, to: number, step: number): Grid {
  const bounds: number[] = [];
  for (let t = from; t < to; t += step) bounds.push(t);
  bounds.push(to);
  return { bounds, indexOf: (t) => Math.floor((t - from) / step) };
}

/** Slots at the wall-clock hours of `zone` (half-hour zones included), cut to [from, to). */
function wallHourGrid(from: number, to: number, zone: string): Grid {
  const bounds = [from];
  let t = from - ((((from + zoneOffsetMs(zone, from)) % H) + H) % H) + H;
  while (t < to) {
    const misalign = (((t + zoneOffsetMs(zone, t)) % H) + H) % H; // an offset change moved the wall hour
    if (misalign !== 0) t -= misalign;
    if (t > (bounds[bounds.length - 1] as number)) bounds.push(t);
    t += H;
  }
  bounds.push(to);
  const indexOf = (x: number): number => {
    let lo = 0,
      hi = bounds.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bounds[mid] as number) <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { bounds, indexOf };
}

const zeros = (n: number): number[] => new Array<number>(n).fill(0);

/** Adds one schedule's runs to `busy`/`starts` over the grid. Returns true when it was counted as dense. */
function tally(source: FleetSource, grid: Grid, busy: number[], starts: number[], limit: number, memo: RunCache): boolean {
  const { bounds, indexOf } = grid;
  const from = bounds[0] as number,
    to = bounds[bounds.length - 1] as number;
  const n = bounds.length - 1;
  const len = runLength(source.durationMs);
  // Orgs often share one maintenance schedule: same zone, expression and length give the same runs.
  const id = `${from}\n${to}\n${limit}\n${source.serverTimeZone}\n${source.timeExpression}\n${len}`;
  let runs = memo.get(id);
  if (!runs) memo.set(id, (runs = occupyingRuns(source, from, to, limit)));
  if (!runs.truncated) {
    for (const t of runs.starts) {
      if (t >= from) starts[indexOf(t)]! += 1;
      const first = indexOf(Math.max(t, from));
      const last = indexOf(Math.min(t + len, to) - 1);
      for (let i = first; i <= last; i++) busy[i]! += 1;
    }
    return false;
  }
  for (let i = 0; i < n; i++) {
    const b0 = bounds[i] as number,
      b1 = bounds[i + 1] as number;
    starts[i]! += startCount(source, b0, b1);
    busy[i]! += occupyingCount(source, b0, b1);
  }
  return true;
}

function cellsFor(n: number): LoadCells {
  return { busy: zeros(n), starts: zeros(n) };
}

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

  const skipped: string[] = [];
  const byServer = new Map<string, FleetSource[]>();
  for (const s of input.sources) {
    if (!readable(s)) {
      skipped.push(s.key);
      continue;
    }
    const list = byServer.get(s.serverKey);
    if (list) list.push(s);
    else byServer.set(s.serverKey, [s]);
  }

  const servers: ServerLoad[] = [];
  const memo = input.cache ?? new RunCache(); // both grids span [from, to): one set of runs serves both
  for (const [serverKey, sources] of [...byServer].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const cells = cellsFor(n);
    const envs = new Map<string, LoadCells>();
    const hourCells = sameGrid ? cells : cellsFor(hourSlots.bounds.length - 1);
    const dense: string[] = [];
    for (const s of sources) {
      let env = envs.get(s.environment);
      if (!env) envs.set(s.environment, (env = cellsFor(n)));
      if (tally(s, grid, env.busy, env.starts, limit, memo)) dense.push(s.key);
      if (!sameGrid) tally(s, hourGrid, hourCells.busy, hourCells.starts, limit, memo);
    }
    for (const env of envs.values()) {
      for (let i = 0; i < n; i++) {
        cells.busy[i]! += env.busy[i]!;
        cells.starts[i]! += env.starts[i]!;
      }
    }
    const weekHour: WeekHourSummary = { busy: Array.from({ length: 7 }, () => zeros(24)), starts: Array.from({ length: 7 }, () => zeros(24)) };
    slotWall.forEach((w, i) => {
      weekHour.busy[w.dayOfWeek - 1]![w.hour]! += hourCells.busy[i]!;
      weekHour.starts[w.dayOfWeek - 1]![w.hour]! += hourCells.starts[i]!;
    });
    servers.push({
      serverKey,
      cells,
      environments: [...envs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([environment, c]) => ({ environment, cells: c })),
      weekHour,
      peak: cells.busy.reduce((m, v) => (v > m ? v : m), 0),
      sourceKeys: sources.map((s) => s.key),
      dense,
    });
  }
  return { bucketStarts: grid.bounds.slice(0, -1), bucketMs: step, timeZone: zone, servers, skipped };
}
