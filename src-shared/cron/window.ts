// Calendar window expansion: the first `limit` fire times in [from, to) and an exact total, day by day.
// On a matching day whose UTC offset is steady (no change within a margin), every (hour, minute, second)
// combination fires, so the day's runs are plain arithmetic: no per-fire search, no per-fire allocation.
// That keeps even the first, not yet JIT-compiled expansion cheap. Days near a DST change are walked fire
// by fire, exactly as Quartz would; the next matching day always comes from the Quartz walk itself.
import { nextAfterFire, timeSets } from './fast-step';
import { timeAfter } from './next';
import type { CompiledCron } from './parse';
import type { Zone } from './zone';

const DAY_MS = 86_400_000;
const H_MS = 3_600_000;
const M_MS = 60_000;
// A change within this distance of a day could still move its wall times (Java resolves by the
// transition's wall time); offsets never jump by more than a few hours.
const MARGIN_MS = 6 * H_MS;

const countAbove = (arr: readonly number[], v: number): number => {
  let n = 0;
  for (let i = arr.length - 1; i >= 0 && (arr[i] as number) > v; i--) n++;
  return n;
};

/** Combinations (one steady day) whose time of day is at or after `tod` (whole seconds, 0..DAY_MS). */
function combosAtOrAfter(hs: readonly number[], ms: readonly number[], ss: readonly number[], tod: number): number {
  if (tod >= DAY_MS) return 0;
  const h0 = Math.floor(tod / H_MS),
    m0 = Math.floor((tod % H_MS) / M_MS),
    s0 = Math.floor((tod % M_MS) / 1000);
  const sameH = hs.includes(h0) ? 1 : 0;
  const sameM = ms.includes(m0) ? 1 : 0;
  return countAbove(hs, h0) * ms.length * ss.length + sameH * (countAbove(ms, m0) * ss.length + sameM * countAbove(ss, s0 - 1));
}

/** Pushes the day's combinations with time of day in [startTod, endTod) until `runs` holds `limit`. */
function pushDay(
  runs: number[],
  limit: number,
  dayStartUtc: number,
  hs: readonly number[],
  ms: readonly number[],
  ss: readonly number[],
  startTod: number,
  endTod: number,
): void {
  for (const h of hs) {
    const hb = h * H_MS;
    if (hb + H_MS <= startTod) continue;
    if (hb >= endTod) return;
    for (const m of ms) {
      const mb = hb + m * M_MS;
      if (mb + M_MS <= startTod) continue;
      if (mb >= endTod) return;
      for (const s of ss) {
        const tod = mb + s * 1000;
        if (tod < startTod) continue;
        if (tod >= endTod || runs.length >= limit) return;
        runs.push(dayStartUtc + tod);
      }
    }
  }
}

export interface Expansion {
  runs: number[];
  total: number;
}

/** Fire times in [from, to): at most `limit` of them as epoch ms, and the exact total. */
export function expand(c: CompiledCron, zone: Zone, from: number, to: number, limit: number): Expansion {
  const { hs, ms, ss } = timeSets(c);
  const runs: number[] = [];
  let total = 0;
  // Quartz works in whole seconds; start one second before `from` so a fire time at `from` is included.
  let t = timeAfter(c, zone, Math.ceil(from / 1000) * 1000 - 1000);
  // Stryker disable next-line UnaryOperator: speed only: every day walked fire by fire lists the same runs
  let walkUntil = -Infinity; // inside a day found unsteady: walk fire by fire up to here
  while (t !== null && t < to) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,BlockStatement: speed only: walking a day fire by fire, or asking steady() again within an unsteady day, lists the same runs; empty time sets never fire
    if (t >= walkUntil && hs.length > 0 && ms.length > 0 && ss.length > 0) {
      const off = zone.offsetAt(t);
      const dayStartUtc = Math.floor((t + off) / DAY_MS) * DAY_MS - off;
      const dayEndUtc = dayStartUtc + DAY_MS;
      // Stryker disable next-line BlockStatement: speed only: the day is then walked fire by fire (same runs)
      if (zone.steady(dayStartUtc - MARGIN_MS, dayEndUtc + MARGIN_MS)) {
        const startTod = t - dayStartUtc;
        // Fire times are whole seconds: u < to  <=>  u < ceil(to to a second).
        const endTod = Math.min(DAY_MS, Math.ceil((to - dayStartUtc) / 1000) * 1000);
        if (runs.length < limit) pushDay(runs, limit, dayStartUtc, hs, ms, ss, startTod, endTod);
        total += combosAtOrAfter(hs, ms, ss, startTod) - combosAtOrAfter(hs, ms, ss, endTod);
        if (endTod < DAY_MS) break; // the window ends on this day
        // The day's last combination is a fire time too; Quartz's walk finds the next matching day from it.
        const last = dayStartUtc + (hs[hs.length - 1] as number) * H_MS + (ms[ms.length - 1] as number) * M_MS + (ss[ss.length - 1] as number) * 1000;
        t = nextAfterFire(c, zone, last);
        continue;
      }
      walkUntil = dayEndUtc;
    }
    if (runs.length < limit) runs.push(t);
    total++;
    t = nextAfterFire(c, zone, t);
  }
  return { runs, total };
}
