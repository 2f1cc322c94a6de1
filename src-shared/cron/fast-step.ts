// Shortcut for "next fire time after a fire time". Between two wall times inside one steady offset range,
// Quartz's calendar walk only ever normalizes fields, so its answer is the next (hour, minute, second)
// combination on the same day, or the first combination on the next matching day. That is computed here
// directly; everything else (DST ranges, L/W/# day rules, year ends) goes through the full timeAfter.
// The golden tests run through this path for every fire time after the first.
import { lastDayOfMonth } from './calendar';
import { timeAfter } from './next';
import { ALL_SPEC, MAX_YEAR, NO_SPEC, type CompiledCron } from './parse';
import type { Zone } from './zone';

const DAY_MS = 86_400_000;
const MAX_DAY_SCAN = 400;

interface Fast {
  hs: number[];
  ms: number[];
  ss: number[];
  /** Day rule simple enough to test one day at a time: 'dom' / 'dow' membership, or null (use timeAfter). */
  dayRule: 'dom' | 'dow' | null;
  dom: boolean[];
  dow: boolean[];
  months: boolean[];
  years: Set<number>;
}

const fastInfo = new WeakMap<CompiledCron, Fast>();

function flags(values: readonly number[], size: number): boolean[] {
  // Stryker disable next-line ArrayDeclaration: an unsized array reads every unset day as not true, as fill(false) does
  const out = new Array<boolean>(size).fill(false);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,BooleanLiteral: values are 1..31, 1..7, 1..12 or the 98/99 markers no day reads; flags left unset only send days down timeAfter (same answer, slower)
  for (const v of values) if (v >= 0 && v < size) out[v] = true;
  return out;
}

/** Valid seconds, minutes and hours of an expression, sorted, Quartz's markers removed. */
export function timeSets(c: CompiledCron): { readonly hs: readonly number[]; readonly ms: readonly number[]; readonly ss: readonly number[] } {
  return info(c);
}

// Most expressions share parse.ts's default year list (1970..MAX_YEAR): build its Set once, not per expression.
const yearSets = new WeakMap<readonly number[], Set<number>>();
function yearSet(years: readonly number[]): Set<number> {
  let set = yearSets.get(years);
  if (!set) {
    set = new Set(years);
    yearSets.set(years, set);
  }
  return set;
}

function info(c: CompiledCron): Fast {
  let f = fastInfo.get(c);
  if (f) return f;
  const valid = (arr: readonly number[], max: number): number[] => arr.filter((v) => v >= 0 && v <= max && v !== ALL_SPEC);
  const domSpec = !c.daysOfMonth.includes(NO_SPEC);
  const plainDom = domSpec && !c.lastdayOfMonth && !c.nearestWeekday;
  const plainDow = !domSpec && !c.lastdayOfWeek && c.nthdayOfWeek === 0;
  f = {
    hs: valid(c.hours, 23),
    ms: valid(c.minutes, 59),
    ss: valid(c.seconds, 59),
    dayRule: plainDom ? 'dom' : plainDow ? 'dow' : null,
    dom: flags(c.daysOfMonth, 32),
    dow: flags(c.daysOfWeek, 8),
    months: flags(c.months, 13),
    years: yearSet(c.years),
  };
  fastInfo.set(c, f);
  return f;
}

// Stryker disable next-line BlockStatement: undefined makes the candidate NaN, so the fast path declines and timeAfter answers
function nextAbove(arr: number[], v: number): number {
  for (const x of arr) if (x > v) return x;
  return -1;
}

/** Next fire time after `fire`, which must itself be a fire time of `c` in `zone`. */
export function nextAfterFire(c: CompiledCron, zone: Zone, fire: number): number | null {
  const f = info(c);
  const r = zone.steady4;
  // Stryker disable next-line BlockStatement: speed only: the fast path declines and timeAfter gives the same fire time
  for (let i = 0; i < 12; i += 3) {
    const off = r[i + 2] as number;
    const wall = fire + off;
    const lo = r[i] as number,
      hi = r[i + 1] as number;
    if (wall < lo || wall >= hi || f.ss.length === 0 || f.ms.length === 0 || f.hs.length === 0) continue;
    const dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
    const tod = wall - dayStart;
    const h = Math.floor(tod / 3_600_000),
      m = Math.floor((tod % 3_600_000) / 60_000),
      s = Math.floor((tod % 60_000) / 1000);
    const h0 = f.hs[0] as number,
      m0 = f.ms[0] as number,
      s0 = f.ss[0] as number;
    let next = -1;
    const s2 = nextAbove(f.ss, s);
    if (s2 !== -1) next = dayStart + h * 3_600_000 + m * 60_000 + s2 * 1000;
    else {
      const m2 = nextAbove(f.ms, m);
      if (m2 !== -1) next = dayStart + h * 3_600_000 + m2 * 60_000 + s0 * 1000;
      else {
        const h2 = nextAbove(f.hs, h);
        if (h2 !== -1) next = dayStart + h2 * 3_600_000 + m0 * 60_000 + s0 * 1000;
      }
    }
    // Stryker disable next-line UnaryOperator,BlockStatement: speed only: the fast path declines and timeAfter gives the same fire time
    if (next === -1 && f.dayRule !== null) {
      const day = nextMatchingDay(f, Math.floor(wall / DAY_MS) + 1);
      if (day !== null) next = day * DAY_MS + h0 * 3_600_000 + m0 * 60_000 + s0 * 1000;
    }
    if (next !== -1 && next < hi) return next - off;
    break;
  }
  return timeAfter(c, zone, fire);
}

/** First day number (days since epoch) >= `from` matching the plain day rule, within MAX_DAY_SCAN days. */
// Stryker disable next-line BlockStatement: undefined makes the candidate NaN, so the fast path declines and timeAfter answers
function nextMatchingDay(f: Fast, from: number): number | null {
  const probe = new Date(from * DAY_MS);
  let y = probe.getUTCFullYear(),
    mo = probe.getUTCMonth() + 1,
    d = probe.getUTCDate();
  let day = from;
  // Stryker disable next-line EqualityOperator,UpdateOperator,BlockStatement: the scan length only decides when timeAfter takes over (same answer)
  for (let k = 0; k < MAX_DAY_SCAN; k++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: no year past MAX_YEAR matches; null only hands over to timeAfter (same answer)
    if (y > MAX_YEAR) return null; // Quartz gives up here; let timeAfter say so
    const monthLen = lastDayOfMonth(mo, y);
    // Stryker disable next-line BlockStatement: a scan that never advances ends at MAX_DAY_SCAN and hands over to timeAfter
    if (f.years.has(y) && f.months[mo] === true) {
      const dow = ((((day + 4) % 7) + 7) % 7) + 1;
      // Stryker disable next-line EqualityOperator,StringLiteral: the other rule's flags are all false (its field is '?'), so no day matches and timeAfter answers
      if (f.dayRule === 'dom' ? f.dom[d] === true : f.dow[dow] === true) return day;
      day++;
      d++;
    } else {
      day += monthLen - d + 1; // whole month excluded: jump to its end
      // Stryker disable next-line ArithmeticOperator: a scan stuck in a month left out ends at MAX_DAY_SCAN and hands over to timeAfter
      d = monthLen + 1;
    }
    if (d > monthLen) {
      d = 1;
      mo++;
      if (mo > 12) {
        mo = 1;
        y++;
      }
    }
  }
  return null;
}
