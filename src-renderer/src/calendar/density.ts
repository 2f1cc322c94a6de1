// When a month cell stops listing runs and summarises them: past a few items a day, chips and "+N more"
// say nothing (an All-profiles month of 10 x 200 schedules said "+198 more" in every cell), so the cell
// shows its runs per environment and a density colour instead, and the day's list opens in place.
import type { DayRuns, EnvironmentCount } from './day-runs';

/** Chips and bands a day may hold and still be listed in its cell; past this it is summarised. */
export const DENSE_ITEMS = 12;
/** Environments named in a dense cell; the rest are counted together. */
export const ENV_LINES = 4;
/** Density colour steps (CSS classes density-1 ... density-4). */
export const DENSITY_STEPS = 4;

export function isDense(day: DayRuns | undefined): boolean {
  return day !== undefined && day.chipCount + day.bandCount > DENSE_ITEMS;
}

/** 0 for no runs, else 1..DENSITY_STEPS by the day's runs against the busiest day in view. */
export function densityLevel(runCount: number, maxRunCount: number): number {
  if (runCount <= 0 || maxRunCount <= 0) return 0;
  return Math.max(1, Math.min(DENSITY_STEPS, Math.ceil((runCount / maxRunCount) * DENSITY_STEPS)));
}

/** The busiest day's run count. */
export function maxRunCount(days: readonly DayRuns[]): number {
  let max = 0;
  for (const d of days) if (d.runCount > max) max = d.runCount;
  return max;
}

export interface EnvironmentLines {
  lines: EnvironmentCount[];
  /** Runs of the environments not named, and how many environments they are. */
  rest: { environments: number; runs: number } | null;
}

/** The environments a dense cell names (busiest first), the others summed on one line. */
export function environmentLines(counts: readonly EnvironmentCount[], max = ENV_LINES): EnvironmentLines {
  if (counts.length <= max) return { lines: [...counts], rest: null };
  const lines = counts.slice(0, max - 1);
  const others = counts.slice(max - 1);
  return { lines, rest: { environments: others.length, runs: others.reduce((sum, c) => sum + c.runs, 0) } };
}

/** Items a day's list draws before "Show all": a long day stays quick to open. */
export const LIST_PAGE = 100;
/** Frequent schedules (bands) of those. */
export const LIST_BANDS = 20;
