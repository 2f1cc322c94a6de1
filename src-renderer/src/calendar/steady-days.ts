// Fire times of one expression over a range of days as plain numbers, without a Quartz walk per
// expression: on a day whose UTC offset is steady (no change within six hours), every (hour, minute,
// second) combination of the expression fires if the day matches its day fields, so its runs are
// arithmetic. Which days match is asked of the engine once per day rule (the day-of-month, month,
// day-of-week and year fields), shared by every expression with that rule: ten thousand schedules
// carry a few thousand expressions but a few dozen day rules. Days near a clock change, and any
// expression this cannot read the same way, go to the engine (day-tables.ts), which stays the truth.
import { expandWindow, plainDayMatcher, type DayMatcher } from '@shared/cron';
import { addDays, civilDateOf, startOfZonedDay, zoneOffsetMs } from '@renderer/common/time';
import { combos, combosAtOrAfter, dayProbe, expressionShape, firstsOfDay, lastBefore, probeOf } from './expression-shape';

const DAY_MS = 86_400_000;
const H_MS = 3_600_000;
/** A clock change this close to a day can still move its wall times (the engine's own margin). */
const MARGIN_MS = 6 * H_MS;

/** The days of one zone over a range: where each begins, which are steady, and which match each day rule. */
export class ZoneDays {
  /** Start of each day (epoch ms), then the end of the last. */
  readonly starts: number[] = [];
  readonly steady: boolean[] = [];
  /** The civil date of each day (year, month 1-12, day), three numbers a day. */
  private readonly dates: number[] = [];
  private readonly matches = new Map<string, Uint8Array | null>();
  private readonly plain = new WeakMap<readonly number[], Int32Array>();
  private readonly matching = new WeakMap<readonly number[], Map<string, Int32Array | null>>();

  constructor(
    readonly zone: string,
    from: number,
    to: number,
  ) {
    let date = civilDateOf(new Date(from), zone);
    let start = startOfZonedDay(date, zone).getTime();
    while (start < to) {
      this.starts.push(start);
      this.dates.push(date.year, date.month, date.day);
      date = addDays(date, 1);
      start = startOfZonedDay(date, zone).getTime();
    }
    this.starts.push(start);
    const offset = (t: number) => zoneOffsetMs(new Date(t), zone);
    for (let k = 0; k + 1 < this.starts.length; k++) {
      const s = this.starts[k] as number;
      const e = this.starts[k + 1] as number;
      const o = offset(s);
      this.steady.push(e - s === DAY_MS && offset(s - MARGIN_MS) === o && offset(s + DAY_MS / 2) === o && offset(e) === o && offset(e + MARGIN_MS) === o);
    }
  }

  /** For each display day of `bounds`, the zone day it is exactly when that day is steady, else -1. */
  plainDays(bounds: readonly number[]): Int32Array {
    let plain = this.plain.get(bounds);
    if (plain) return plain;
    plain = new Int32Array(Math.max(0, bounds.length - 1)).fill(-1);
    const { starts, steady } = this;
    let z = 0;
    for (let j = 0; j + 1 < bounds.length; j++) {
      const a = bounds[j] as number;
      while (z < steady.length && (starts[z] as number) < a) z += 1;
      if (z < steady.length && starts[z] === a && starts[z + 1] === bounds[j + 1] && steady[z]) plain[j] = z;
    }
    this.plain.set(bounds, plain);
    return plain;
  }

  /**
   * The display days of `bounds` the rule matches, when every display day is a steady day of this
   * zone (else null: the days must be packed one by one). Shared by every expression with the rule.
   */
  matchingDays(dayRule: string, bounds: readonly number[]): Int32Array | null {
    let byRule = this.matching.get(bounds);
    if (!byRule) {
      byRule = new Map();
      this.matching.set(bounds, byRule);
    }
    let days = byRule.get(dayRule);
    if (days !== undefined) return days;
    const plain = this.plainDays(bounds);
    const matches = this.dayMatches(dayRule);
    days = null;
    if (matches && plain.every((z) => z >= 0)) {
      const out: number[] = [];
      plain.forEach((z, j) => {
        if (matches[z] === 1) out.push(j);
      });
      days = Int32Array.from(out);
    }
    byRule.set(dayRule, days);
    return days;
  }

  /** 1 for each day the rule matches (only read on steady days), or null when the engine's probe failed. */
  dayMatches(dayRule: string): Uint8Array | null {
    let flags = this.matches.get(dayRule);
    if (flags !== undefined) return flags;
    const days = this.steady.length;
    const plain = plainMatcher(dayRule);
    if (plain) {
      flags = new Uint8Array(days);
      const { dates } = this;
      for (let k = 0; k < days; k++) flags[k] = plain(dates[3 * k] as number, dates[3 * k + 1] as number, dates[3 * k + 2] as number) ? 1 : 0;
      this.matches.set(dayRule, flags);
      return flags;
    }
    try {
      const from = this.starts[0] as number;
      const to = this.starts[days] as number;
      const probe = expandWindow(probeOf(dayRule), { from: new Date(from), to: new Date(to), timeZone: this.zone, limit: days + 1 });
      flags = new Uint8Array(days);
      let k = 0;
      for (const run of probe.runs) {
        const t = run.getTime();
        while (k + 1 < days && t >= (this.starts[k + 1] as number)) k += 1;
        flags[k] = 1;
      }
    } catch {
      flags = null;
    }
    this.matches.set(dayRule, flags);
    return flags;
  }
}

const plainMatchers = new Map<string, DayMatcher | null>();

/** The day rule's matcher from its value sets (the engine's day-match.ts), or null when only the walk can tell. */
function plainMatcher(dayRule: string): DayMatcher | null {
  let m = plainMatchers.get(dayRule);
  if (m === undefined) {
    const probe = dayProbe(dayRule);
    m = probe ? plainDayMatcher(probe) : null;
    plainMatchers.set(dayRule, m);
  }
  return m;
}

/** Receives the runs display day by day: a whole steady day at once, or beginDay, the day's first runs in order, then endDay. */
export interface DaySink {
  /** A display day that is one whole steady day: runs at `start` + each of `tods`, `count` in all, the last at `last`. */
  wholeDay(day: number, start: number, tods: readonly number[], count: number, last: number): void;
  beginDay(day: number): void;
  run(t: number): void;
  /** `count` runs in all that day (0: none); `last` is NaN when days near a clock change held more than `lastLimit` runs. */
  endDay(count: number, last: number): void;
}

/** Runs of a stretch of days near a clock change, from the engine: all of them, or null when too many to build. */
interface EngineSpan {
  from: number;
  to: number;
  runs: number[] | null;
}

/** One engine expansion per stretch of unsteady days (a clock change makes one or two) inside [a, b). */
function engineSpans(expression: string, zoneDays: ZoneDays, a: number, b: number, lastLimit: number): EngineSpan[] {
  const { starts, steady } = zoneDays;
  const spans: EngineSpan[] = [];
  for (let z = 0; z < steady.length; z++) {
    if (steady[z]) continue;
    let end = z;
    while (end + 1 < steady.length && !steady[end + 1]) end += 1;
    const from = Math.max(a, starts[z] as number);
    const to = Math.min(b, starts[end + 1] as number);
    if (from < to) {
      const e = expandWindow(expression, { from: new Date(from), to: new Date(to), timeZone: zoneDays.zone, limit: lastLimit + 1 });
      spans.push({ from, to, runs: e.truncated ? null : e.runs.map((r) => r.getTime()) });
    }
    z = end;
  }
  return spans;
}

/** The runs of one display day, part by part (one zone day each). */
class DayCursor {
  count = 0;
  built = 0;
  last = NaN;

  constructor(
    private readonly sink: DaySink,
    private readonly dayLimit: number,
  ) {}

  begin(day: number): void {
    this.count = 0;
    this.built = 0;
    this.last = NaN;
    this.sink.beginDay(day);
  }

  /** Times of day after `start`, in order. */
  push(start: number, tods: readonly number[]): void {
    for (let i = 0; i < tods.length && this.built < this.dayLimit; i++) {
      this.sink.run(start + (tods[i] as number));
      this.built += 1;
    }
  }

  /** Engine runs in [lo, hi) of a span built whole. */
  pushSpan(runs: readonly number[], lo: number, hi: number): void {
    for (const t of runs) {
      if (t < lo) continue;
      if (t >= hi) break;
      this.count += 1;
      if (this.built < this.dayLimit) {
        this.sink.run(t);
        this.built += 1;
      }
      this.last = t;
    }
  }

  /** A part too dense to build: the engine counts it on its own. */
  pushCounted(expression: string, zone: string, lo: number, hi: number): void {
    const e = expandWindow(expression, { from: new Date(lo), to: new Date(hi), timeZone: zone, limit: this.dayLimit });
    if (e.total === 0) return;
    this.count += e.total;
    for (const r of e.runs) {
      if (this.built >= this.dayLimit) break;
      this.sink.run(r.getTime());
      this.built += 1;
    }
    this.last = e.truncated ? NaN : (e.runs[e.runs.length - 1] as Date).getTime();
  }

  end(): void {
    this.sink.endDay(this.count, this.last);
  }
}

/**
 * Runs per display day for `bounds` (day starts, then the end of the last day) into `sink`, the first
 * `dayLimit` of each built; returns how many runs the range holds, or -1 (nothing written) when the
 * engine must expand the expression itself. Days near a clock change are expanded by the engine,
 * their runs built up to `lastLimit` so that their last run is known whenever the range is small
 * enough to build. May throw what the engine throws there.
 */
export function steadyDays(expression: string, zoneDays: ZoneDays, bounds: readonly number[], dayLimit: number, lastLimit: number, sink: DaySink): number {
  const shape = expressionShape(expression);
  const matches = shape ? zoneDays.dayMatches(shape.dayRule) : null;
  if (!shape || !matches || bounds.length < 2) return -1;
  const { starts, steady } = zoneDays;
  const spans = engineSpans(expression, zoneDays, bounds[0] as number, bounds[bounds.length - 1] as number, lastLimit);
  const firsts = firstsOfDay(shape, dayLimit);
  const plain = zoneDays.plainDays(bounds);
  const day = new DayCursor(sink, dayLimit);
  let total = 0;
  let k = 0;
  for (let j = 0; j + 1 < bounds.length; j++) {
    const whole = plain[j] as number;
    if (whole >= 0) {
      // The common case: the display day is a steady day of the zone (the zones agree).
      if (matches[whole] === 1) {
        const start = starts[whole] as number;
        sink.wholeDay(j, start, firsts, shape.perDay, start + shape.lastTod);
        total += shape.perDay;
      }
      continue;
    }
    const a = bounds[j] as number;
    const b = bounds[j + 1] as number;
    day.begin(j);
    while (k + 1 < starts.length && (starts[k + 1] as number) <= a) k += 1;
    // A display day overlaps one zone day when the zones agree, two (or three) when they do not.
    for (let z = k; z + 1 < starts.length && (starts[z] as number) < b; z++) {
      const start = starts[z] as number;
      const lo = Math.max(a, start);
      const hi = Math.min(b, starts[z + 1] as number);
      if (lo >= hi) continue;
      if (!steady[z]) {
        const span = spans.find((s) => s.from <= lo && hi <= s.to);
        if (span?.runs) day.pushSpan(span.runs, lo, hi);
        else day.pushCounted(expression, zoneDays.zone, lo, hi);
        continue;
      }
      if (matches[z] !== 1) continue;
      // Fire times are whole seconds.
      const startTod = Math.ceil((lo - start) / 1000) * 1000;
      const endTod = Math.min(DAY_MS, Math.ceil((hi - start) / 1000) * 1000);
      if (startTod === 0 && endTod === DAY_MS) {
        day.count += shape.perDay;
        day.push(start, firsts);
        day.last = start + shape.lastTod;
        continue;
      }
      const n = combosAtOrAfter(shape, startTod) - combosAtOrAfter(shape, endTod);
      if (n === 0) continue;
      day.count += n;
      day.push(start, combos(shape, dayLimit - day.built, startTod, endTod));
      day.last = start + lastBefore(shape, endTod);
    }
    total += day.count;
    day.end();
  }
  return total;
}
