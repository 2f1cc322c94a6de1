// Lays out the runs of many sources on a range of days, group by group (sources sharing an expression
// and zones, source-groups.ts), so the work can be split into slices (step, stepGroups) that each stay
// well under a frame; a month's whole steady days are summed per day rule (rule-sums.ts) rather than
// placed group by group. See day-runs.ts for the shapes.
import { addDays, isoDate, startOfZonedDay, type CivilDate } from '@renderer/common/time';
import { bandLabel, describeLower, sharedExpansions } from './expansion-cache';
import { fromNow, sharedDayTables, TableReader, type DayEntry, type RangeTables } from './day-tables';
import { addRuns, byBand, byChip, emptyAcc, type Acc, type PendingBand } from './day-acc';
import { RuleSums } from './rule-sums';
import type { DayRuns, DayRunsOptions, DayRunsResult, DaySource, EnvironmentCount, RunBand } from './day-runs';
import { findGroups, rememberGroups, SourceGrouping, type SourceGroup, type SourceGroups } from './source-groups';

/** Runs built per dense day by default (the count stays exact: the engine returns `total`). */
export const DAY_LIMIT = 2_000;

interface Bounds {
  /** Day starts in the display zone, and the end of the last day (epoch ms). */
  times: number[];
  tables: RangeTables;
  /** The day that holds now (placed from now on), or -1; and the first day wholly ahead. */
  today: number;
  ahead: number;
}

/** Runs per environment that day, busiest first (ties by name, so the order is stable). */
function environmentCounts(names: readonly string[], counts: readonly number[]): EnvironmentCount[] {
  const out: EnvironmentCount[] = [];
  counts.forEach((runs, i) => {
    if (runs > 0) out.push({ label: names[i] ?? '', runs });
  });
  return out.sort((a, b) => b.runs - a.runs || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/**
 * A kept band as the views draw it. Its label (the expression in words) is written when a view reads
 * it: a dense day shows counts, not bands, so at ten thousand schedules most kept bands are never
 * drawn, and describing their expressions was a tenth of a month's first layout.
 */
function drawnBand(b: PendingBand): RunBand {
  const { expression, count } = b;
  return {
    sourceKey: b.sourceKey,
    count,
    first: new Date(b.first),
    last: new Date(b.last),
    lastKnown: b.lastKnown,
    zone: b.zone,
    get label() {
      return bandLabel(describeLower(expression), count);
    },
    blackout: b.blackout,
  };
}

/** A layout computed group by group (source-groups.ts); step() does a slice of the work within a time budget. */
export class DayLayoutJob {
  private next = 0;
  private readonly accs: Acc[];
  private readonly bounds = new Map<string, Bounds>();
  private readonly errors: { index: number; sourceKey: string; message: string }[] = [];
  private finished: DayRunsResult | null = null;
  private readonly keep: number;
  private readonly dayLimit: number;
  private readonly nowMs: number;
  /** The sources' groups, once grouped (a large list is grouped in the first slices). */
  private plan: SourceGroups | null;
  private readonly grouping: SourceGrouping | null;
  /** The one day laid out (an index into opts.days) for a day's full list, or -1 for every day. */
  private readonly onlyDay: number;
  /** Reads each group's table day by day (placing allocates only what is kept). */
  private readonly reader = new TableReader();
  /** Whole days of shaped tables summed per day rule, where the month keeps a day's first few items. */
  private readonly sums: RuleSums | null;
  /** Groups whose days ahead were summed per rule rather than placed day by day: the tests read it. */
  summed = 0;

  constructor(
    private readonly sources: readonly DaySource[],
    private readonly opts: DayRunsOptions,
    private readonly onFinish?: (result: DayRunsResult) => void,
  ) {
    this.accs = opts.days.map(emptyAcc);
    this.onlyDay = opts.onlyDay ?? -1;
    this.keep = opts.keep ?? Infinity;
    this.dayLimit = opts.dayLimit ?? DAY_LIMIT;
    this.nowMs = opts.now?.getTime() ?? -Infinity;
    // A day's full list (keep unbounded, or one day asked for) is placed group by group.
    this.sums = this.keep !== Infinity && this.onlyDay < 0 ? new RuleSums(this.keep, opts.bandThreshold) : null;
    this.plan = findGroups(sources, opts);
    this.grouping = this.plan ? null : new SourceGrouping(sources, opts);
  }

  /** The groups, grouping until `until` (performance.now()); null while sources are left to group. */
  private groups(until: number): SourceGroup[] | null {
    if (!this.plan) {
      this.plan = (this.grouping as SourceGrouping).step(until);
      if (!this.plan) return null;
      rememberGroups(this.sources, this.opts, this.plan);
    }
    return this.plan.groups;
  }

  get done(): boolean {
    return this.finished !== null;
  }

  /** Works until every group is placed or `budgetMs` has passed; true when the layout is complete. */
  step(budgetMs: number): boolean {
    if (this.finished) return true;
    const until = performance.now() + budgetMs;
    const groups = this.groups(until);
    if (!groups) return false;
    while (this.next < groups.length) {
      // Counted once placed: a place that throws leaves the group to the next step, not skipped by a
      // caller that resumes this job (layoutJob hands out jobs under way).
      this.place(groups[this.next] as SourceGroup);
      this.next += 1;
      // Checking the clock costs about as much as placing a group whose table is ready: look every four.
      if ((this.next & 3) === 0 && performance.now() > until) return false;
    }
    this.complete();
    return true;
  }

  /** Places the next `count` groups of sources (the tests' slices); true when the layout is complete. */
  stepGroups(count: number): boolean {
    const groups = this.groups(Infinity) as SourceGroup[];
    const end = Math.min(groups.length, this.next + count);
    while (this.next < end) {
      this.place(groups[this.next] as SourceGroup);
      this.next += 1;
    }
    if (this.next >= groups.length && !this.finished) this.complete();
    return this.finished !== null;
  }

  private complete(): void {
    this.sums?.addTo(this.accs);
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
      // Stryker disable all: a day that starts or ends exactly at now, or a range wholly past, gets the
      // same runs whichever side of now it is put on (today keeps the runs from now on).
      let ahead = 0;
      while (ahead < days.length && (times[ahead] as number) < this.nowMs) ahead += 1;
      // The day before the first one ahead holds now when it ends after now.
      const today = ahead > 0 && (times[ahead] as number) > this.nowMs ? ahead - 1 : -1;
      // Stryker restore all
      b = { times, tables: (this.opts.tables ?? sharedDayTables).range(times, key, this.dayLimit), today, ahead };
      this.bounds.set(zone, b);
    }
    return b;
  }

  private place(group: SourceGroup): void {
    const { opts, nowMs } = this;
    if (opts.days.length === 0) return;
    const { expression, evalZone, zone } = group;
    const bounds = this.boundsFor(zone);
    if (nowMs >= (bounds.times[bounds.times.length - 1] as number)) return;
    const table = bounds.tables.get(expression, evalZone);
    if (table.error) {
      const message = table.error;
      group.keys.forEach((sourceKey, i) => this.errors.push({ index: group.order[i] as number, sourceKey, message }));
      return;
    }
    // A table with no run built (a day limit of 0) has no first run to sum: placed as below.
    if (table.kind === 'shape' && this.sums && !group.inBlackout && table.firsts.length > 0) {
      this.sums.add(group, table, bounds.ahead);
      this.summed += 1;
      // Today, when the expression fires on it, is placed from now on, as below.
      if (bounds.today >= 0) {
        const day = this.reader.readFrom(table, bounds.today);
        if (day.next() && day.day === bounds.today) this.addFromNow(group, day.entry(), bounds);
      }
      return;
    }
    const day = this.reader.read(table);
    while (day.next()) {
      if (this.onlyDay >= 0 && day.day !== this.onlyDay) {
        // Days come in order: past the one asked for, this group has nothing more.
        if (day.day > this.onlyDay) break;
        continue;
      }
      const dayTo = bounds.times[day.day + 1] as number;
      if (dayTo <= nowMs) continue;
      if ((bounds.times[day.day] as number) < nowMs) {
        // Today: only the runs from now on (rare: one day per group), read as an object.
        this.addFromNow(group, day.entry(), bounds);
        continue;
      }
      this.add(group, day.day, day.count, day.runs, day.n, day.last, day.lastKnown);
    }
  }

  /** Adds the runs of today's `entry` from now on. */
  private addFromNow(group: SourceGroup, entry: DayEntry, bounds: Bounds): void {
    const dayTo = bounds.times[entry.day + 1] as number;
    const today = fromNow(entry, this.nowMs, dayTo, this.dayLimit, group.expression, group.evalZone, this.opts.cache ?? sharedExpansions);
    if (today) this.add(group, today.day, today.count, today.runs, today.runs.length, today.last, today.lastKnown);
  }

  /** Adds a day of the group: `count` runs, the first `n` of them in `runs`. */
  private add(group: SourceGroup, day: number, count: number, runs: ArrayLike<number>, n: number, last: number, lastKnown: boolean): void {
    addRuns(this.accs[day] as Acc, group, this.keep, this.opts.bandThreshold, count, runs, n, last, lastKnown);
  }

  private finish(): DayRunsResult {
    // Finishing follows the last group placed, so the grouping is done.
    const plan = this.plan as SourceGroups;
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
        bands: acc.bands.map(drawnBand),
        chipCount: acc.chipCount,
        bandCount: acc.bandCount,
        runCount: acc.runCount,
        byEnvironment: environmentCounts(plan.envNames, acc.byEnv),
        blackoutCount: acc.blackoutCount,
      };
    });
    const errors = this.errors.sort((a, b) => a.index - b.index).map(({ sourceKey, message }) => ({ sourceKey, message }));
    return { days, errors, inactive: plan.inactive };
  }
}
