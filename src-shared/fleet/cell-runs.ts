// What a load cell holds (hover or click in the heatmap): the runs in progress during a span, per schedule.
import { occupyingRuns, readable, toRun } from './runs';
import type { FleetRun, FleetSource } from './types';

export interface CellRuns {
  /** At most `limit` runs, by start. */
  runs: FleetRun[];
  /** All runs in progress during the span (exact). */
  total: number;
  truncated: boolean;
}

/** Runs of the given schedules (e.g. one server's) in progress at some time during [from, to). */
export function runsInWindow(sources: readonly FleetSource[], from: Date, to: Date, limit = 200): CellRuns {
  const runs: FleetRun[] = [];
  let total = 0;
  for (const s of sources) {
    if (!readable(s)) continue;
    const r = occupyingRuns(s, from.getTime(), to.getTime(), limit);
    total += r.total;
    for (const t of r.starts) runs.push(toRun(s, t));
  }
  runs.sort((x, y) => x.start - y.start || (x.key < y.key ? -1 : 1));
  return { runs: runs.slice(0, limit), total, truncated: total > Math.min(runs.length, limit) };
}
