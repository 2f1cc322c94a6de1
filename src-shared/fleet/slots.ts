// Quiet slots on a server: every daily (or weekly) start time on a grid of minutes is tried over a horizon;
// its runs, placed by the engine in the new schedule's zone, are scored by how much they overlap the runs
// already on the server. The existing runs become one step function of concurrency with a running integral,
// so the overlap of any interval is two binary searches: 672 weekly candidates stay well within 50 ms.
import { expandWindow } from '@shared/cron';
import { blackoutHit } from './blackout';
import { DEFAULT_RUN_LIMIT, occupyingRuns, readable, startCount } from './runs';
import { runLength, type Blackout, type FleetSource } from './types';

const MIN = 60_000;
const DAY = 86_400_000;
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export interface SlotInput {
  /** The schedules already on the server (all its orgs). */
  existing: readonly FleetSource[];
  /** Typical length of the new schedule's runs. */
  durationMs: number;
  blackouts: readonly Blackout[];
  /** The new schedule's server zone: the suggested expressions fire at these wall times there. */
  timeZone: string;
  kind: 'daily' | 'weekly';
  count: number;
  /** Start of the horizon the slots are judged over (usually now). */
  from: Date;
  /** Days judged (default 28: four of each weekday; at most 366). */
  horizonDays?: number;
  /** Start times tried every this many minutes (default 15). */
  stepMinutes?: number;
}

export interface SlotSuggestion {
  /** Ready to use, e.g. '0 0 3 ? * *' or '0 30 2 ? * SUN'. */
  timeExpression: string;
  /** 1 = Sunday .. 7 = Saturday for weekly slots; null for daily ones. */
  dayOfWeek: number | null;
  hour: number;
  minute: number;
  /** 100: no other run within a run's length on either side; lower as overlap grows. */
  score: number;
  /** Minutes of overlap with existing runs over the whole horizon (run-minutes, summed over runs). */
  overlapMinutes: number;
  /** Runs of the slot in the horizon. */
  runs: number;
}

/** Concurrency of the existing runs as a step function, with its running integral for O(log n) overlaps. */
class Busy {
  private readonly at: Float64Array;
  private readonly level: Float64Array;
  private readonly area: Float64Array;

  /**
   * `starts`/`ends`: runs counted once each (sorted here, as typed arrays sort numerically and fast);
   * `weighted`: fractional levels of schedules too frequent to list.
   */
  constructor(starts: Float64Array, ends: Float64Array, weighted: { t: number; d: number }[]) {
    starts.sort();
    ends.sort();
    weighted.sort((x, y) => x.t - y.t);
    const n = starts.length + ends.length + weighted.length;
    const at = new Float64Array(n),
      level = new Float64Array(n),
      area = new Float64Array(n);
    const ns = starts.length,
      ne = ends.length,
      nw = weighted.length;
    let i = 0,
      j = 0,
      k = 0,
      m = 0,
      c = 0,
      acc = 0;
    while (i < ns || j < ne || k < nw) {
      let t = Infinity;
      if (i < ns) t = starts[i] as number;
      if (j < ne && (ends[j] as number) < t) t = ends[j] as number;
      if (k < nw && (weighted[k] as { t: number }).t < t) t = (weighted[k] as { t: number }).t;
      if (m > 0) acc += c * (t - (at[m - 1] as number));
      for (; i < ns && starts[i] === t; i++) c += 1;
      for (; j < ne && ends[j] === t; j++) c -= 1;
      for (; k < nw && (weighted[k] as { t: number }).t === t; k++) c += (weighted[k] as { d: number }).d;
      at[m] = t;
      area[m] = acc;
      level[m] = c;
      m++;
    }
    this.at = at.subarray(0, m);
    this.level = level.subarray(0, m);
    this.area = area.subarray(0, m);
  }

  /** Integral of concurrency from the first event to x. */
  private upTo(x: number): number {
    const at = this.at;
    if (at.length === 0 || x <= (at[0] as number)) return 0;
    let lo = 0,
      hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((at[mid] as number) <= x) lo = mid;
      else hi = mid - 1;
    }
    return (this.area[lo] as number) + (this.level[lo] as number) * (x - (at[lo] as number));
  }

  /** Run-ms of existing runs in progress during [a, b). */
  overlap(a: number, b: number): number {
    return this.upTo(b) - this.upTo(a);
  }
}

function busyOf(existing: readonly FleetSource[], from: number, to: number): Busy {
  const starts: number[] = [],
    ends: number[] = [];
  const weighted: { t: number; d: number }[] = [];
  for (const s of existing) {
    if (!readable(s)) continue;
    const len = runLength(s.durationMs);
    const runs = occupyingRuns(s, from, to, DEFAULT_RUN_LIMIT);
    if (!runs.truncated) {
      for (const t of runs.starts) {
        starts.push(t);
        ends.push(t + len);
      }
      continue;
    }
    // Too frequent to list: per quarter hour, its run-time spread evenly over the quarter and one run length.
    for (let q = from - len; q < to; q += 15 * MIN) {
      const n = startCount(s, q, q + 15 * MIN);
      if (n === 0) continue;
      const level = (n * len) / (15 * MIN + len);
      weighted.push({ t: q, d: level }, { t: q + 15 * MIN + len, d: -level });
    }
  }
  return new Busy(Float64Array.from(starts), Float64Array.from(ends), weighted);
}

interface Candidate extends SlotSuggestion {
  overlapMs: number;
  nearMs: number;
  /** Minute of the week (weekly) or of the day (daily), for keeping suggestions apart. */
  position: number;
}

function expressionOf(kind: SlotInput['kind'], dow: number, hour: number, minute: number): string {
  return `0 ${minute} ${hour} ? * ${kind === 'weekly' ? DAY_NAMES[dow - 1] : '*'}`;
}

/** The `count` best start times, least overlap first, none touching a blackout, spread at least an hour apart. */
export function suggestSlots(input: SlotInput): SlotSuggestion[] {
  const from = input.from.getTime();
  const horizon = Math.min(366, Math.max(1, input.horizonDays ?? 28)) * DAY; // candidates build at most 400 runs
  const to = from + horizon;
  const len = runLength(input.durationMs);
  const step = Math.max(1, Math.floor(input.stepMinutes ?? 15));
  const busy = busyOf(input.existing, from - len, to + 2 * len);
  const days = input.kind === 'weekly' ? [1, 2, 3, 4, 5, 6, 7] : [0];
  const candidates: Candidate[] = [];
  for (const dow of days) {
    for (let m = 0; m < 1440; m += step) {
      const hour = Math.floor(m / 60),
        minute = m % 60;
      const timeExpression = expressionOf(input.kind, dow, hour, minute);
      const fires = expandWindow(timeExpression, { from: new Date(from), to: new Date(to), timeZone: input.timeZone, limit: 400 }).runs;
      if (fires.length === 0) continue;
      let overlapMs = 0,
        nearMs = 0,
        blocked = false;
      for (const f of fires) {
        const t = f.getTime();
        if (blackoutHit(t, t + len, input.blackouts)) {
          blocked = true;
          break;
        }
        overlapMs += busy.overlap(t, t + len);
        nearMs += busy.overlap(t - len, t) + busy.overlap(t + len, t + 2 * len);
      }
      if (blocked) continue;
      const score = Math.round(100 / (1 + (overlapMs + 0.25 * nearMs) / (fires.length * len)));
      const position = (Math.max(dow, 1) - 1) * 1440 + m;
      candidates.push({
        timeExpression,
        dayOfWeek: input.kind === 'weekly' ? dow : null,
        hour,
        minute,
        score,
        overlapMinutes: Math.round(overlapMs / MIN),
        runs: fires.length,
        overlapMs,
        nearMs,
        position,
      });
    }
  }
  candidates.sort((x, y) => x.overlapMs - y.overlapMs || x.nearMs - y.nearMs || x.position - y.position);
  const period = input.kind === 'weekly' ? 7 * 1440 : 1440;
  const apart = Math.max(60, Math.ceil(len / MIN));
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (chosen.length >= Math.max(0, input.count)) break;
    const tooClose = chosen.some((o) => {
      const d = Math.abs(o.position - c.position) % period;
      return Math.min(d, period - d) < apart;
    });
    if (!tooClose) chosen.push(c);
  }
  return chosen.map(({ timeExpression, dayOfWeek, hour, minute, score, overlapMinutes, runs }) => ({
    timeExpression,
    dayOfWeek,
    hour,
    minute,
    score,
    overlapMinutes,
    runs,
  }));
}
