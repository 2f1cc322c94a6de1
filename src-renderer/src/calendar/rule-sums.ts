// Whole days of shaped tables (table-reader.ts), summed per day rule. Every expression with one day rule
// fires on the same days at the same times of day, so a month that keeps only a day's first chips and
// bands keeps each rule's first ones once and adds them to each of its days, with the rule's counts,
// instead of placing every expression on every day: at ten thousand schedules, a few dozen rules a day
// rather than thousands of groups. Today and the past are not summed (today shows only what is left).
import { bandFits, byBand, byChip, chipFits, offer, type Acc, type PendingBand, type PendingChip } from './day-acc';
import type { SourceGroup } from './source-groups';
import type { ShapedTable } from './table-reader';

interface RuleSum {
  /** The rule's days and their starts (every table of the rule shares them). */
  days: Int32Array;
  starts: readonly number[];
  /** The first day added: the days before it are past or today. */
  from: number;
  runCount: number;
  chipCount: number;
  bandCount: number;
  byEnv: number[];
  /** The rule's first chips and bands with times of day in place of times (`t`, `first`, `last`). */
  chips: PendingChip[];
  bands: PendingBand[];
}

export class RuleSums {
  /** By the day starts, then the rule's days: both decide the times, whatever the tables' caches share. */
  private readonly byStarts = new Map<readonly number[], Map<Int32Array, RuleSum>>();

  constructor(
    private readonly keep: number,
    private readonly bandThreshold: number,
  ) {}

  /** Sums `group`'s table on its days from `from` on (the first day whose start is not before now). */
  add(group: SourceGroup, table: ShapedTable, from: number): void {
    let byDays = this.byStarts.get(table.starts);
    if (!byDays) {
      byDays = new Map();
      this.byStarts.set(table.starts, byDays);
    }
    let sum = byDays.get(table.days);
    if (!sum) {
      sum = { days: table.days, starts: table.starts, from, runCount: 0, chipCount: 0, bandCount: 0, byEnv: [], chips: [], bands: [] };
      byDays.set(table.days, sum);
    }
    const { keys, envs, zone, expression } = group;
    const { keep } = this;
    const size = keys.length;
    const count = table.perDay;
    const firsts = table.firsts;
    sum.runCount += count * size;
    // Stryker disable next-line EqualityOperator: a read past the end counts an environment that is never listed.
    for (let e = 0; e < envs.length; e += 2) {
      const env = envs[e] as number;
      sum.byEnv[env] = (sum.byEnv[env] ?? 0) + count * (envs[e + 1] as number);
    }
    if (count > this.bandThreshold) {
      sum.bandCount += size;
      const first = firsts[0] as number;
      for (let i = 0; i < size; i++) {
        const sourceKey = keys[i] as string;
        // Members come in key order: once one is not kept, the later ones are not either.
        // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
        if (!bandFits(sum.bands, keep, first, sourceKey)) break;
        offer(sum.bands, { sourceKey, count, first, last: table.lastTod, lastKnown: table.lastKnown, zone, expression, blackout: null }, keep, byBand);
      }
      return;
    }
    sum.chipCount += count * size;
    for (let k = 0; k < firsts.length; k++) {
      const t = firsts[k] as number;
      // Times of day come in order: once the first member's is not kept, no later one is.
      // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
      if (!chipFits(sum.chips, keep, t, keys[0] as string)) break;
      for (let i = 0; i < size; i++) {
        const sourceKey = keys[i] as string;
        // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
        if (!chipFits(sum.chips, keep, t, sourceKey)) break;
        offer(sum.chips, { sourceKey, t, zone, blackout: null }, keep, byChip);
      }
    }
  }

  /** Adds each rule's counts, first chips and first bands to its days. */
  addTo(accs: readonly Acc[]): void {
    for (const byDays of this.byStarts.values()) for (const sum of byDays.values()) this.addSum(sum, accs);
  }

  private addSum(sum: RuleSum, accs: readonly Acc[]): void {
    const { keep } = this;
    const { days, starts } = sum;
    for (let j = 0; j < days.length; j++) {
      const day = days[j] as number;
      if (day < sum.from) continue;
      const acc = accs[day] as Acc;
      const start = starts[day] as number;
      acc.runCount += sum.runCount;
      acc.chipCount += sum.chipCount;
      acc.bandCount += sum.bandCount;
      sum.byEnv.forEach((runs, env) => {
        acc.byEnv[env] = (acc.byEnv[env] ?? 0) + runs;
      });
      // Each list is in order: once one is not kept, the later ones are not either.
      for (const chip of sum.chips) {
        const t = start + chip.t;
        // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
        if (!chipFits(acc.chips, keep, t, chip.sourceKey)) break;
        offer(acc.chips, { ...chip, t }, keep, byChip);
      }
      for (const band of sum.bands) {
        const first = start + band.first;
        // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
        if (!bandFits(acc.bands, keep, first, band.sourceKey)) break;
        const last = band.lastKnown ? start + band.last : (starts[day + 1] as number) - 1;
        offer(acc.bands, { ...band, first, last }, keep, byBand);
      }
    }
  }
}
