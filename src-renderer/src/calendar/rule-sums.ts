// Whole days of shaped tables (table-reader.ts), summed per day rule. Every expression with one day rule
// fires on the same days at the same times of day, so a month that keeps only a day's first chips and
// bands keeps each rule's first ones once and adds them to each of its days, with the rule's counts,
// instead of placing every expression on every day: at ten thousand schedules, a few dozen rules a day
// rather than thousands of groups. Today and the past are not summed (today shows only what is left).
import { addRuns, bandFits, byBand, byChip, chipFits, emptyAcc, offer, type Acc } from './day-acc';
import type { SourceGroup } from './source-groups';
import type { ShapedTable } from './table-reader';

interface RuleSum {
  /** The rule's days and their starts (every table of the rule shares them). */
  days: Int32Array;
  starts: readonly number[];
  /** The first day added: the days before it are past or today. */
  from: number;
  /** One day of the rule, with times of day in place of times (a chip's `t`, a band's `first` and `last`). */
  day: Acc;
}

export class RuleSums {
  /** By the day starts, then the rule's days: both decide the times, whatever the tables' caches share. */
  private readonly byStarts = new Map<readonly number[], Map<Int32Array, RuleSum>>();

  constructor(
    private readonly keep: number,
    private readonly bandThreshold: number,
  ) {}

  /** Sums `group`'s table (its profile has no blackout window) on its days from `from` on (the first day whose start is not before now). */
  add(group: SourceGroup, table: ShapedTable, from: number): void {
    let byDays = this.byStarts.get(table.starts);
    if (!byDays) {
      byDays = new Map();
      this.byStarts.set(table.starts, byDays);
    }
    let sum = byDays.get(table.days);
    if (!sum) {
      sum = { days: table.days, starts: table.starts, from, day: emptyAcc() };
      byDays.set(table.days, sum);
    }
    const { firsts } = table;
    addRuns(sum.day, group, this.keep, this.bandThreshold, table.perDay, firsts, firsts.length, table.lastTod, table.lastKnown);
  }

  /** Adds each rule's counts, first chips and first bands to its days. */
  addTo(accs: readonly Acc[]): void {
    for (const byDays of this.byStarts.values()) for (const sum of byDays.values()) this.addSum(sum, accs);
  }

  private addSum(sum: RuleSum, accs: readonly Acc[]): void {
    const { keep } = this;
    const { days, starts, day: rule } = sum;
    for (let j = 0; j < days.length; j++) {
      const day = days[j] as number;
      if (day < sum.from) continue;
      const acc = accs[day] as Acc;
      const start = starts[day] as number;
      acc.runCount += rule.runCount;
      acc.chipCount += rule.chipCount;
      acc.bandCount += rule.bandCount;
      rule.byEnv.forEach((runs, env) => {
        acc.byEnv[env] = (acc.byEnv[env] ?? 0) + runs;
      });
      // Each list is in order: once one is not kept, the later ones are not either.
      for (const chip of rule.chips) {
        const t = start + chip.t;
        // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
        if (!chipFits(acc.chips, keep, t, chip.sourceKey)) break;
        offer(acc.chips, { ...chip, t }, keep, byChip);
      }
      for (const band of rule.bands) {
        const first = start + band.first;
        // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
        if (!bandFits(acc.bands, keep, first, band.sourceKey)) break;
        const last = band.lastKnown ? start + band.last : (starts[day + 1] as number) - 1;
        offer(acc.bands, { ...band, first, last }, keep, byBand);
      }
    }
  }
}
