// Lays out the runs of many sources on a range of days, source by source, so the work can be split
// into slices (step, stepSources) that each stay well under a frame. See day-runs.ts for the shapes.
import { addDays, isoDate, safeZone, startOfZonedDay, zoneForSource, type CivilDate } from '@renderer/common/time';
import { bandLabel, describeLower, sharedExpansions } from './expansion-cache';
import { ENTRY_HEADER, entryAt, fromNow, sharedDayTables, type RangeTables } from './day-tables';
import type { BlackoutCheck, DayRuns, DayRunsOptions, DayRunsResult, DaySource, EnvironmentCount } from './day-runs';

/** Runs built per dense day by default (the count stays exact: the engine returns `total`). */
export const DAY_LIMIT = 2_000;

interface PendingChip {
  sourceKey: string;
  t: number;
  zone: string;
  blackout: string | null;
}

interface PendingBand {
  sourceKey: string;
  count: number;
  first: number;
  last: number;
  lastKnown: boolean;
  zone: string;
  expression: string;
  blackout: string | null;
}

interface Bounds {
  /** Day starts in the display zone, and the end of the last day (epoch ms). */
  times: number[];
  tables: RangeTables;
}

interface Acc {
  chips: PendingChip[];
  bands: PendingBand[];
  chipCount: number;
  bandCount: number;
  runCount: number;
  /** Runs per environment, indexed by the job's environment numbers. */
  byEnv: number[];
  /** Chips and bands that touch a blackout window of their profile. */
  blackoutCount: number;
}

const byChip = (a: PendingChip, b: PendingChip) => a.t - b.t || (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0);
const byBand = (a: PendingBand, b: PendingBand) => a.first - b.first || (a.sourceKey < b.sourceKey ? -1 : a.sourceKey > b.sourceKey ? 1 : 0);

function blackoutCheckOf(opts: DayRunsOptions, source: DaySource): BlackoutCheck | null {
  return opts.blackoutOf ? opts.blackoutOf(source) : null;
}

/** Runs per environment that day, busiest first (ties by name, so the order is stable). */
function environmentCounts(names: readonly string[], counts: readonly number[]): EnvironmentCount[] {
  const out: EnvironmentCount[] = [];
  counts.forEach((runs, i) => {
    if (runs > 0) out.push({ label: names[i] ?? '', runs });
  });
  return out.sort((a, b) => b.runs - a.runs || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Whether a chip at `t` of `sourceKey` would be kept: checked before allocating one (most are not). */
function chipFits(list: readonly PendingChip[], keep: number, t: number, sourceKey: string): boolean {
  if (list.length < keep) return true;
  const last = list[keep - 1] as PendingChip;
  return t < last.t || (t === last.t && sourceKey < last.sourceKey);
}

/** Keeps `list` as the `keep` smallest items in order; with no limit it only collects (sorted at the end). */
function offer<T>(list: T[], item: T, keep: number, order: (a: T, b: T) => number): void {
  if (keep === Infinity) {
    list.push(item);
    return;
  }
  if (list.length >= keep) {
    if (order(item, list[keep - 1] as T) >= 0) return;
    list.pop();
  }
  let i = list.length;
  list.push(item);
  while (i > 0 && order(item, list[i - 1] as T) < 0) {
    list[i] = list[i - 1] as T;
    i -= 1;
  }
  list[i] = item;
}

/** A layout computed source by source; step() does a slice of the work within a time budget. */
export class DayLayoutJob {
  private next = 0;
  private readonly accs: Acc[];
  private readonly bounds = new Map<string, Bounds>();
  private readonly errors: DayRunsResult['errors'] = [];
  private inactive = 0;
  private finished: DayRunsResult | null = null;
  private readonly keep: number;
  private readonly dayLimit: number;
  private readonly nowMs: number;
  private readonly envIds = new Map<string, number>();
  private readonly envNames: string[] = [];
  /** The one day laid out (an index into opts.days) for a day's full list, or -1 for every day. */
  private readonly onlyDay: number;

  constructor(
    private readonly sources: readonly DaySource[],
    private readonly opts: DayRunsOptions,
    private readonly onFinish?: (result: DayRunsResult) => void,
  ) {
    this.accs = opts.days.map(() => ({ chips: [], bands: [], chipCount: 0, bandCount: 0, runCount: 0, byEnv: [], blackoutCount: 0 }));
    this.onlyDay = opts.onlyDay ?? -1;
    this.keep = opts.keep ?? Infinity;
    this.dayLimit = opts.dayLimit ?? DAY_LIMIT;
    this.nowMs = opts.now?.getTime() ?? -Infinity;
  }

  get done(): boolean {
    return this.finished !== null;
  }

  /** Works until every source is placed or `budgetMs` has passed; true when the layout is complete. */
  step(budgetMs: number): boolean {
    if (this.finished) return true;
    const until = performance.now() + budgetMs;
    while (this.next < this.sources.length) {
      const source = this.sources[this.next] as DaySource;
      this.next += 1;
      this.place(source);
      // Checking the clock costs about as much as placing a cached source, and a cold one can take a
      // millisecond: look every four.
      if ((this.next & 3) === 0 && performance.now() > until) return false;
    }
    this.complete();
    return true;
  }

  /** Places the next `count` sources (the idle prefetch's slices); true when the layout is complete. */
  stepSources(count: number): boolean {
    const end = Math.min(this.sources.length, this.next + count);
    while (this.next < end) {
      this.place(this.sources[this.next] as DaySource);
      this.next += 1;
    }
    if (this.next >= this.sources.length && !this.finished) this.complete();
    return this.finished !== null;
  }

  private complete(): void {
    const result = this.finish();
    this.finished = result;
    this.onFinish?.(result);
  }

  result(): DayRunsResult | null {
    return this.finished;
  }

  private boundsFor(zone: string): Bounds {
    let b = this.bounds.get(zone);
    if (!b) {
      const days = this.opts.days;
      const last = days[days.length - 1] as CivilDate;
      const times = [...days, addDays(last, 1)].map((d) => startOfZonedDay(d, zone).getTime());
      const key = `${zone}|${isoDate(days[0] as CivilDate)}|${days.length}`;
      b = { times, tables: (this.opts.tables ?? sharedDayTables).range(times, key, this.dayLimit) };
      this.bounds.set(zone, b);
    }
    return b;
  }

  private envOf(source: DaySource): number {
    const label = source.environmentLabel ?? '';
    let id = this.envIds.get(label);
    if (id === undefined) {
      id = this.envNames.length;
      this.envIds.set(label, id);
      this.envNames.push(label);
    }
    return id;
  }

  private place(source: DaySource): void {
    if (source.schedule.active === false) {
      this.inactive += 1;
      return;
    }
    // Null for a profile without blackout windows: the common case costs nothing per run.
    const inBlackout = blackoutCheckOf(this.opts, source);
    const env = this.envOf(source);
    const { opts, keep, nowMs, dayLimit } = this;
    if (opts.days.length === 0) return;
    const zone = zoneForSource(source, opts.displayZone, opts.localZone);
    const evalZone = safeZone(source.serverTimeZone);
    const bounds = this.boundsFor(zone);
    if (nowMs >= (bounds.times[bounds.times.length - 1] as number)) return;
    const expression = source.schedule.timeExpression;
    const table = bounds.tables.get(expression, evalZone);
    if (table.error) {
      this.errors.push({ sourceKey: source.key, message: table.error });
      return;
    }
    const d = table.data;
    const base = table.base;
    for (let i = 0; i < d.length;) {
      const day = d[i] as number;
      const n = d[i + 4] as number;
      const at = i;
      i += ENTRY_HEADER + n;
      if (this.onlyDay >= 0 && day !== this.onlyDay) {
        // Days are packed in order: past the one asked for, this source has nothing more.
        if (day > this.onlyDay) break;
        continue;
      }
      const dayTo = bounds.times[day + 1] as number;
      if (dayTo <= nowMs) continue;
      if ((bounds.times[day] as number) < nowMs) {
        // Today: only the runs from now on (rare: one day per source), read as an object.
        const today = fromNow(entryAt(table, at), nowMs, dayTo, dayLimit, expression, evalZone, opts.cache ?? sharedExpansions);
        if (today) this.add(source.key, env, zone, expression, today.day, today.count, today.runs, today.last, today.lastKnown, inBlackout);
        continue;
      }
      const count = d[at + 1] as number;
      const acc = this.accs[day] as Acc;
      acc.runCount += count;
      acc.byEnv[env] = (acc.byEnv[env] ?? 0) + count;
      if (count > opts.bandThreshold) {
        acc.bandCount += 1;
        let blackout: string | null = null;
        // A band is flagged when one of its built runs (the first ones of the day) touches a window.
        for (let k = 0; inBlackout && blackout === null && k < n; k++) blackout = inBlackout(base + (d[at + ENTRY_HEADER + k] as number) * 1000);
        if (blackout !== null) acc.blackoutCount += 1;
        const first = base + (d[at + ENTRY_HEADER] as number) * 1000;
        const lastKnown = d[at + 3] === 1;
        const last = base + (d[at + 2] as number) * 1000 + (lastKnown ? 0 : 999);
        offer(acc.bands, { sourceKey: source.key, count, first, last, lastKnown, zone, expression, blackout }, keep, byBand);
      } else {
        acc.chipCount += count;
        for (let k = 0; k < n; k++) {
          const t = base + (d[at + ENTRY_HEADER + k] as number) * 1000;
          const blackout = inBlackout ? inBlackout(t) : null;
          if (blackout !== null) acc.blackoutCount += 1;
          if (chipFits(acc.chips, keep, t, source.key)) offer(acc.chips, { sourceKey: source.key, t, zone, blackout }, keep, byChip);
        }
      }
    }
  }

  private add(
    sourceKey: string,
    env: number,
    zone: string,
    expression: string,
    day: number,
    count: number,
    runs: readonly number[],
    last: number,
    lastKnown: boolean,
    inBlackout: BlackoutCheck | null,
  ): void {
    const acc = this.accs[day] as Acc;
    acc.runCount += count;
    acc.byEnv[env] = (acc.byEnv[env] ?? 0) + count;
    if (count > this.opts.bandThreshold) {
      acc.bandCount += 1;
      let blackout: string | null = null;
      for (let k = 0; inBlackout && blackout === null && k < runs.length; k++) blackout = inBlackout(runs[k] as number);
      if (blackout !== null) acc.blackoutCount += 1;
      offer(acc.bands, { sourceKey, count, first: runs[0] as number, last, lastKnown, zone, expression, blackout }, this.keep, byBand);
    } else {
      acc.chipCount += count;
      for (const t of runs) {
        const blackout = inBlackout ? inBlackout(t) : null;
        if (blackout !== null) acc.blackoutCount += 1;
        if (chipFits(acc.chips, this.keep, t, sourceKey)) offer(acc.chips, { sourceKey, t, zone, blackout }, this.keep, byChip);
      }
    }
  }

  private finish(): DayRunsResult {
    const all = this.opts.days.map((date, i) => ({ date, i }));
    const days = (this.onlyDay >= 0 ? all.filter((d) => d.i === this.onlyDay) : all).map(({ date, i }): DayRuns => {
      const acc = this.accs[i] as Acc;
      if (this.keep === Infinity) {
        acc.chips.sort(byChip);
        acc.bands.sort(byBand);
      }
      return {
        date,
        iso: isoDate(date),
        chips: acc.chips.map((c) => ({ sourceKey: c.sourceKey, at: new Date(c.t), zone: c.zone, blackout: c.blackout })),
        bands: acc.bands.map((b) => ({
          sourceKey: b.sourceKey,
          count: b.count,
          first: new Date(b.first),
          last: new Date(b.last),
          lastKnown: b.lastKnown,
          zone: b.zone,
          label: bandLabel(describeLower(b.expression), b.count),
          blackout: b.blackout,
        })),
        chipCount: acc.chipCount,
        bandCount: acc.bandCount,
        runCount: acc.runCount,
        byEnvironment: environmentCounts(this.envNames, acc.byEnv),
        blackoutCount: acc.blackoutCount,
      };
    });
    return { days, errors: this.errors, inactive: this.inactive };
  }
}
