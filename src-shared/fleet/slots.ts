// Quiet slots on a server: every daily (or weekly) start time on a grid of minutes is tried over a horizon;
// its runs, placed by the engine in the new schedule's zone, are scored by how much they overlap the runs
// already on the server. The existing runs become one step function of concurrency with a running integral
// (slot-busy.ts), so the overlap of any interval costs two look-ups. A weekly slot's runs are its daily
// slot's runs on that weekday, so 96 expansions serve all 672 weekly candidates.
import { expandWindow } from '@shared/cron';
import { blackoutHit } from './blackout';
import { DEFAULT_RUN_LIMIT, readable, startCount } from './runs';
import { RunCache } from './run-cache';
import { Busy } from './slot-busy';
import { runLength, type Blackout, type FleetSource } from './types';
import { wallTime, zoneOffsetMs } from './wall-clock';

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
  /** Keep one across calls to reuse the existing schedules' runs. */
  cache?: RunCache;
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

/** The existing runs meeting [from, to); `wholeMinutes`: every question will be asked at a whole minute. */
function busyOf(existing: readonly FleetSource[], from: number, to: number, wholeMinutes: boolean, cache: RunCache): Busy {
  // Alike schedules (same zone, expression and run length, e.g. orgs sharing one) are placed once, weighted.
  const alike = new Map<string, { source: FleetSource; len: number; mult: number }>();
  for (const s of existing) {
    if (!readable(s)) continue;
    const len = runLength(s.durationMs);
    const id = `${s.serverTimeZone}\n${s.timeExpression}\n${len}`;
    const held = alike.get(id);
    if (held) held.mult++;
    else alike.set(id, { source: s, len, mult: 1 });
  }
  let longest = 0;
  for (const { len } of alike.values()) longest = Math.max(longest, len);
  const busy = new Busy(from - longest - 15 * MIN, to + longest + 15 * MIN, wholeMinutes);
  for (const { source: s, len, mult } of alike.values()) {
    const span = cache.startsIn(s.timeExpression, s.serverTimeZone, from - len + 1, to, DEFAULT_RUN_LIMIT);
    if (span) {
      for (let k = span.lo; k < span.hi; k++) busy.run(span.starts[k] as number, len, mult);
      continue;
    }
    // Too frequent to list: per quarter hour, its run-time spread evenly over the quarter and one run length.
    for (let q = from - len; q < to; q += 15 * MIN) {
      const n = startCount(s, q, q + 15 * MIN);
      if (n === 0) continue;
      busy.level(q, q + 15 * MIN + len, (mult * n * len) / (15 * MIN + len));
    }
  }
  busy.seal();
  return busy;
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
  // Slots start on whole minutes wherever the zone's offset is whole minutes (all zones in use today).
  const wholeMinutes = len % MIN === 0 && [from, to].every((t) => zoneOffsetMs(input.timeZone, t) % MIN === 0);
  const busy = busyOf(input.existing, from - len, to + 2 * len, wholeMinutes, input.cache ?? new RunCache());
  const weekly = input.kind === 'weekly';
  const candidates: Candidate[] = [];
  for (let m = 0; m < 1440; m += step) {
    const hour = Math.floor(m / 60),
      minute = m % 60;
    const daily = expandWindow(expressionOf('daily', 0, hour, minute), { from: new Date(from), to: new Date(to), timeZone: input.timeZone, limit: 400 }).runs;
    const byDay: number[][] = weekly ? [[], [], [], [], [], [], []] : [daily.map((d) => d.getTime())];
    if (weekly) for (const d of daily) byDay[wallTime(input.timeZone, d.getTime()).dayOfWeek - 1]!.push(d.getTime());
    byDay.forEach((fires, i) => {
      if (fires.length === 0) return;
      const dow = weekly ? i + 1 : 0;
      let overlapMs = 0,
        nearMs = 0;
      for (const t of fires) {
        if (blackoutHit(t, t + len, input.blackouts)) return;
        overlapMs += busy.overlap(t, t + len);
        nearMs += busy.overlap(t - len, t) + busy.overlap(t + len, t + 2 * len);
      }
      const score = Math.round(100 / (1 + (overlapMs + 0.25 * nearMs) / (fires.length * len)));
      candidates.push({
        timeExpression: expressionOf(input.kind, dow, hour, minute),
        dayOfWeek: weekly ? dow : null,
        hour,
        minute,
        score,
        overlapMinutes: Math.round(overlapMs / MIN),
        runs: fires.length,
        overlapMs,
        nearMs,
        position: (Math.max(dow, 1) - 1) * 1440 + m,
      });
    });
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
