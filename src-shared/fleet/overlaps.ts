// Runs on one server that overlap in time: a sweep over the runs sorted by start. A schedule overlapping
// itself (a run longer than its interval) is not a collision between orgs and is not listed.
import { DEFAULT_RUN_LIMIT, occupyingRuns, readable, toRun } from './runs';
import type { FleetRun, FleetSource } from './types';

export interface OverlapInput {
  sources: readonly FleetSource[];
  from: Date;
  to: Date;
  /** Only overlaps one of whose runs belongs to this schedule (the create dialog's candidate). */
  involving?: string;
  /** At most this many overlaps are listed (default 1,000); `total` still counts all. */
  limit?: number;
  runLimit?: number;
}

export interface Overlap {
  serverKey: string;
  /** The run that started first (ties: by key). */
  a: FleetRun;
  b: FleetRun;
  /** When both are in progress. */
  start: number;
  overlapMs: number;
}

export interface OverlapResult {
  overlaps: Overlap[];
  total: number;
  truncated: boolean;
  /** Schedules firing too often to list their runs one by one: they overlap nearly everything. */
  dense: string[];
}

const byStart = (x: FleetRun, y: FleetRun): number => x.start - y.start || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

export function findOverlaps(input: OverlapInput): OverlapResult {
  const from = input.from.getTime(),
    to = input.to.getTime();
  const limit = input.limit ?? 1000;
  const runLimit = input.runLimit ?? DEFAULT_RUN_LIMIT;
  const byServer = new Map<string, FleetRun[]>();
  const dense: string[] = [];
  for (const s of input.sources) {
    if (!readable(s)) continue;
    const runs = occupyingRuns(s, from, to, runLimit);
    if (runs.truncated) {
      dense.push(s.key);
      continue;
    }
    let list = byServer.get(s.serverKey);
    if (!list) byServer.set(s.serverKey, (list = []));
    for (const t of runs.starts) list.push(toRun(s, t));
  }
  const overlaps: Overlap[] = [];
  let total = 0;
  for (const [serverKey, runs] of byServer) {
    runs.sort(byStart);
    let active: FleetRun[] = [];
    for (const run of runs) {
      active = active.filter((a) => a.end > run.start);
      for (const a of active) {
        if (a.key === run.key) continue;
        if (input.involving !== undefined && a.key !== input.involving && run.key !== input.involving) continue;
        total++;
        if (overlaps.length < limit) overlaps.push({ serverKey, a, b: run, start: run.start, overlapMs: Math.min(a.end, run.end) - run.start });
      }
      active.push(run);
    }
  }
  overlaps.sort((x, y) => x.start - y.start || byStart(x.a, y.a));
  return { overlaps, total, truncated: total > overlaps.length, dense };
}
