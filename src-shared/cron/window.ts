// Calendar window expansion: Dates for the first `limit` fire times in [from, to), and an exact total.
// The total is counted without building objects: a whole day with one steady UTC offset contributes
// |hours x minutes x seconds| fire times (every combination fires on a matching day), so the search only
// jumps from matching day to matching day; days with a DST change and the window's last day are walked
// fire by fire, exactly as Quartz would.
import { nextAfterFire } from './fast-step';
import { timeAfter } from './next';
import { ALL_SPEC, type CompiledCron } from './parse';
import type { Zone } from './zone';

const DAY_MS = 86_400_000;
// A change within this distance of a day could still move its wall times (Java resolves by the
// transition's wall time); offsets never jump by more than a few hours.
const MARGIN_MS = 6 * 3_600_000;

/** Values of a time field without Quartz's markers, sorted. */
function values(arr: readonly number[], max: number): number[] {
  return arr.filter((v) => v >= 0 && v <= max && v !== ALL_SPEC);
}

const lastOf = (arr: number[]): number => arr[arr.length - 1] as number;

/** Fire times on one steady day at or after wall time-of-day (h0, m0, s0). */
function combosFrom(h: number[], m: number[], s: number[], h0: number, m0: number, s0: number): number {
  const after = (arr: number[], v: number): number => arr.filter((x) => x > v).length;
  const sameH = h.includes(h0) ? 1 : 0;
  const sameM = m.includes(m0) ? 1 : 0;
  const atOrAfterS = s.filter((x) => x >= s0).length;
  return after(h, h0) * m.length * s.length + sameH * (after(m, m0) * s.length + sameM * atOrAfterS);
}

/** Counts fire times in [first, to), `first` being a fire time. Exact. */
export function countFrom(c: CompiledCron, zone: Zone, first: number, to: number): number {
  const hs = values(c.hours, 23), ms = values(c.minutes, 59), ss = values(c.seconds, 59);
  let count = 0;
  let t: number | null = first;
  while (t !== null && t < to) {
    const off = zone.offsetAt(t);
    const wall = t + off;
    const dayStartWall = Math.floor(wall / DAY_MS) * DAY_MS;
    const dayStartUtc = dayStartWall - off;
    const dayEndUtc = dayStartUtc + DAY_MS;
    if (dayEndUtc <= to && zone.steady(dayStartUtc - MARGIN_MS, dayEndUtc + MARGIN_MS)) {
      const tod = wall - dayStartWall;
      const h0 = Math.floor(tod / 3_600_000);
      const m0 = Math.floor((tod % 3_600_000) / 60_000);
      const s0 = Math.floor((tod % 60_000) / 1000);
      count += combosFrom(hs, ms, ss, h0, m0, s0);
      // The day's last combination is a fire time too; step from it so the fast path can take the next day.
      const last = dayStartUtc + lastOf(hs) * 3_600_000 + lastOf(ms) * 60_000 + lastOf(ss) * 1000;
      t = nextAfterFire(c, zone, last);
    } else {
      count++;
      t = nextAfterFire(c, zone, t);
    }
  }
  return count;
}

export interface Expansion {
  runs: number[];
  total: number;
}

/** Fire times in [from, to): at most `limit` of them as numbers, and the exact total. */
export function expand(c: CompiledCron, zone: Zone, from: number, to: number, limit: number): Expansion {
  const runs: number[] = [];
  // Quartz works in whole seconds; start one second before `from` so a fire time at `from` is included.
  let t = timeAfter(c, zone, Math.ceil(from / 1000) * 1000 - 1000);
  while (t !== null && t < to && runs.length < limit) {
    runs.push(t);
    t = nextAfterFire(c, zone, t);
  }
  if (t === null || t >= to) return { runs, total: runs.length };
  return { runs, total: runs.length + countFrom(c, zone, t, to) };
}
