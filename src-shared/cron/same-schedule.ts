// "Same schedule" means the same fire times: two expressions are equal when Quartz fires them at the same
// instants in the zone over the horizon, and first fire after it at the same instant (or neither fires
// again), however they are written ('0 0 4 ? * * *' = '0 0 4 * * ?').
//
// Cost is bounded by days, not fire times: the two streams are compared one local day at a time. Both
// must give the same next fire time; that day is then compared whole, except where the result is
// implied: on a day with a steady UTC offset every (hour, minute, second) of an expression's time sets
// fires once the date matches (as window.ts relies on), so when both fire on that day and their time
// sets are equal, the rest of the day is equal too. Days near a DST change, and expressions whose time
// sets differ, are compared fire by fire (at most one day's runs, under MAX_RUNS). So an every-second
// schedule over 400 days costs about 400 steps, not 34 million fire times.
import { compile } from './compiled-cache';
import { CronSyntaxError } from './errors';
import { timeSets } from './fast-step';
import { timeAfter } from './next';
import { sameCompiled, type CompiledCron } from './parse';
import { expand } from './window';
import { zoneFor, type Zone } from './zone';

const DAY_MS = 86_400_000;
/** As in window.ts: a change within this distance of a day could still move its wall times. */
const MARGIN_MS = 6 * 3_600_000;
/** The largest day (25 h of every second) fits well under this. */
const DAY_RUNS_MAX = 100_000;

/** Default horizon: a little over a year, so every month, both DST changes and a year boundary are seen. */
export const SAME_SCHEDULE_HORIZON_DAYS = 400;
const MAX_HORIZON_DAYS = 36_600;

export interface SameScheduleOptions {
  /** IANA zone of the server. */
  timeZone: string;
  /** Start of the comparison; default now. */
  from?: Date;
  /** Length of the comparison in days; default SAME_SCHEDULE_HORIZON_DAYS. */
  horizonDays?: number;
}

function compiledOrNull(expression: string): CompiledCron | null {
  try {
    return compile(expression); // text that is not a string is a CronSyntaxError too
  } catch (e) {
    // Stryker disable next-line ConditionalExpression,BlockStatement: the parser throws nothing else; a bug must still surface.
    if (e instanceof CronSyntaxError) return null;
    throw e;
  }
}

const sameList = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

function sameDay(a: CompiledCron, b: CompiledCron, zone: Zone, from: number, to: number): boolean {
  const ea = expand(a, zone, from, to, DAY_RUNS_MAX);
  const eb = expand(b, zone, from, to, DAY_RUNS_MAX);
  return ea.total === eb.total && sameList(ea.runs, eb.runs);
}

function compare(a: CompiledCron, b: CompiledCron, zone: Zone, from: number, end: number): boolean {
  const identical = sameCompiled(a, b);
  const ta = timeSets(a),
    tb = timeSets(b);
  const sameTimes = sameList(ta.hs, tb.hs) && sameList(ta.ms, tb.ms) && sameList(ta.ss, tb.ss);
  // Quartz works in whole seconds and answers "strictly after": start a second early to include `from`.
  let after = Math.ceil(from / 1000) * 1000 - 1000;
  for (;;) {
    const na = timeAfter(a, zone, after);
    const nb = timeAfter(b, zone, after);
    // Stryker disable next-line ConditionalExpression: a shortcut; the day-by-day walk gives the same answer, slower.
    if (identical) return true; // once Quartz has shown it can compute a fire time for it
    const aDone = na === null || na >= end,
      bDone = nb === null || nb >= end;
    // Past the horizon the first fire times must agree too (null for never): two schedules that both stay
    // silent over the horizon are not the same when one fires after it ('0 0 0 29 2 ?' and '0 0 0 30 2 ?').
    // Stryker disable next-line LogicalOperator: when only one is done, na !== nb answers false too.
    if (aDone || bDone) return aDone && bDone && na === nb;
    if (na !== nb) return false;
    const off = zone.offsetAt(na);
    const dayStart = Math.floor((na + off) / DAY_MS) * DAY_MS - off;
    const dayEnd = Math.min(dayStart + DAY_MS, end);
    const steady = zone.steady(dayStart - MARGIN_MS, dayStart + DAY_MS + MARGIN_MS);
    if (!(steady && sameTimes) && !sameDay(a, b, zone, na, dayEnd)) return false;
    after = Math.max(after + 1000, Math.ceil(dayEnd / 1000) * 1000 - 1000);
  }
}

/**
 * True when `a` and `b` fire at exactly the same instants in `timeZone` from `from` (default now) for
 * `horizonDays` days (default 400), DST changes included, and their first fire times after that agree
 * (or neither fires again); false when either is not a valid Quartz
 * expression (or one Quartz fails on at run time). Throws RangeError for a bad zone, date or horizon.
 */
export function sameSchedule(a: string, b: string, options: SameScheduleOptions): boolean {
  const zone = zoneFor(options.timeZone);
  const from = options.from === undefined ? Date.now() : options.from instanceof Date ? options.from.getTime() : NaN;
  if (!Number.isFinite(from)) throw new RangeError('from must be a valid Date.');
  const days = options.horizonDays ?? SAME_SCHEDULE_HORIZON_DAYS;
  if (!Number.isFinite(days) || days <= 0 || days > MAX_HORIZON_DAYS) {
    throw new RangeError(`horizonDays must be more than 0 and at most ${MAX_HORIZON_DAYS} (got ${days}).`);
  }
  const ca = compiledOrNull(a),
    cb = compiledOrNull(b);
  if (!ca || !cb) return false;
  try {
    return compare(ca, cb, zone, from, from + days * DAY_MS);
  } catch (e) {
    // Stryker disable next-line ConditionalExpression: the engine throws nothing else; a bug must still surface.
    if (e instanceof CronSyntaxError) return false; // Quartz fails computing a fire time: not a schedule
    throw e;
  }
}
