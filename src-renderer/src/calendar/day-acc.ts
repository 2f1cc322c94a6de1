// What the month keeps of one day while its sources are placed: the first chips and bands it can
// show, in order, and exact counts of the rest. day-layout-job.ts places groups into these, and
// rule-sums.ts adds whole days summed per day rule.
import type { SourceGroup } from './source-groups';

export interface PendingChip {
  sourceKey: string;
  t: number;
  zone: string;
  blackout: string | null;
}

export interface PendingBand {
  sourceKey: string;
  count: number;
  first: number;
  last: number;
  lastKnown: boolean;
  zone: string;
  expression: string;
  blackout: string | null;
}

export interface Acc {
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

export const emptyAcc = (): Acc => ({ chips: [], bands: [], chipCount: 0, bandCount: 0, runCount: 0, byEnv: [], blackoutCount: 0 });

// Stryker disable next-line EqualityOperator,ConditionalExpression: a source is on a day once, so two items never share a key.
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const byChip = (a: PendingChip, b: PendingChip) => a.t - b.t || byKey(a.sourceKey, b.sourceKey);
export const byBand = (a: PendingBand, b: PendingBand) => a.first - b.first || byKey(a.sourceKey, b.sourceKey);

// Stryker disable all: a check before allocating an item offer would refuse; offer decides, so a wrong
// answer here only costs an allocation or stops a loop whose later items would be refused too.
/** Whether a chip at `t` of `sourceKey` would be kept: checked before allocating one (most are not). */
export function chipFits(list: readonly PendingChip[], keep: number, t: number, sourceKey: string): boolean {
  if (list.length < keep) return true;
  const last = list[keep - 1] as PendingChip;
  return t < last.t || (t === last.t && sourceKey < last.sourceKey);
}

/** The same for a band whose first run is `first`. */
export function bandFits(list: readonly PendingBand[], keep: number, first: number, sourceKey: string): boolean {
  if (list.length < keep) return true;
  const last = list[keep - 1] as PendingBand;
  return first < last.first || (first === last.first && sourceKey < last.sourceKey);
}
// Stryker restore all

/** Keeps `list` as the `keep` smallest items in order; with no limit it only collects (sorted at the end). */
export function offer<T>(list: T[], item: T, keep: number, order: (a: T, b: T) => number): void {
  // Stryker disable next-line ConditionalExpression,BlockStatement: speed only, the list is sorted at the end.
  if (keep === Infinity) {
    list.push(item);
    return;
  }
  if (list.length >= keep) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: callers offer only what fits (chipFits, bandFits), and keys differ.
    if (order(item, list[keep - 1] as T) >= 0) return;
    list.pop();
  }
  let i = list.length;
  list.push(item);
  // Stryker disable next-line EqualityOperator: keys differ, so no two items compare equal.
  while (i > 0 && order(item, list[i - 1] as T) < 0) {
    list[i] = list[i - 1] as T;
    i -= 1;
  }
  list[i] = item;
}

/**
 * Adds a day of `group` to `acc`: `count` runs, the first `n` of them in `runs` (times, or times of day
 * for a rule's sum), the last at `last`. Past `bandThreshold` runs each member is one band.
 */
export function addRuns(
  acc: Acc,
  group: SourceGroup,
  keep: number,
  bandThreshold: number,
  count: number,
  runs: ArrayLike<number>,
  n: number,
  last: number,
  lastKnown: boolean,
): void {
  const { keys, envs, inBlackout, zone } = group;
  const size = keys.length;
  acc.runCount += count * size;
  // Stryker disable next-line EqualityOperator: a read past the end counts an environment that is never listed.
  for (let e = 0; e < envs.length; e += 2) {
    const env = envs[e] as number;
    acc.byEnv[env] = (acc.byEnv[env] ?? 0) + count * (envs[e + 1] as number);
  }
  if (count > bandThreshold) {
    acc.bandCount += size;
    let blackout: string | null = null;
    // A band is flagged when one of its built runs (the first ones of the day) touches a window.
    for (let k = 0; inBlackout && blackout === null && k < n; k++) blackout = inBlackout(runs[k] as number);
    if (blackout !== null) acc.blackoutCount += size;
    const first = runs[0] as number;
    // Indexed: a for-of allocates an iterator per loop until the code is optimized (once per group and day).
    for (let i = 0; i < size; i++) {
      const sourceKey = keys[i] as string;
      // Members come in key order: once one is not kept, the later ones are not either.
      // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
      if (!bandFits(acc.bands, keep, first, sourceKey)) break;
      offer(acc.bands, { sourceKey, count, first, last, lastKnown, zone, expression: group.expression, blackout }, keep, byBand);
    }
  } else {
    acc.chipCount += count * size;
    for (let k = 0; k < n; k++) {
      const t = runs[k] as number;
      const blackout = inBlackout ? inBlackout(t) : null;
      if (blackout !== null) acc.blackoutCount += size;
      // Runs come in time order: once the first member's run is not kept, no later run is (nothing
      // is left to count when no blackout check needs each run).
      // Stryker disable next-line ConditionalExpression,BooleanLiteral: speed only, offer refuses what does not fit.
      if (!inBlackout && !chipFits(acc.chips, keep, t, keys[0] as string)) break;
      for (let i = 0; i < size; i++) {
        const sourceKey = keys[i] as string;
        // Stryker disable next-line ConditionalExpression: speed only, offer refuses what does not fit.
        if (!chipFits(acc.chips, keep, t, sourceKey)) break;
        offer(acc.chips, { sourceKey, t, zone, blackout }, keep, byChip);
      }
    }
  }
}
