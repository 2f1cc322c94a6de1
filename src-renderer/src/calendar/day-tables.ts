// Runs of one expression per calendar day of a range, computed once per (expression, zone, days)
// and shared by every schedule with that expression: ten thousand schedules carry a few thousand
// distinct expressions. Times are plain numbers (epoch ms); Dates are built only for what is drawn.
import { expandWindow } from '@shared/cron';
import type { ExpansionCache } from './expansion-cache';

export interface DayEntry {
  /** Index of the day in the range. */
  day: number;
  /** Exact number of runs that day. */
  count: number;
  /** Every run of the day when they were built (count <= the day limit), else the first `dayLimit`. */
  runs: number[];
  /** Last run, or the day's last millisecond when the runs were only counted (`lastKnown` false). */
  last: number;
  lastKnown: boolean;
}

/**
 * Days with runs, packed (thousands of tables stay a few MB): per day `day, count, last, lastKnown,
 * n, run1 ... run_n`, times as whole seconds after `base` (Quartz fires on whole seconds, and six
 * weeks of seconds fit 32 bits). Read it with entryAt or the loop in day-runs.ts.
 */
export interface DayTable {
  data: Uint32Array;
  /** Epoch ms the packed times count from: the range's first day start. */
  base: number;
  error: string | null;
}

/** Header words before a day's runs in DayTable.data. */
export const ENTRY_HEADER = 5;

function pack(entries: readonly DayEntry[], base: number): Uint32Array {
  let size = 0;
  for (const e of entries) size += ENTRY_HEADER + e.runs.length;
  const data = new Uint32Array(size);
  let i = 0;
  for (const e of entries) {
    data[i] = e.day;
    data[i + 1] = e.count;
    data[i + 2] = Math.floor((e.last - base) / 1000);
    data[i + 3] = e.lastKnown ? 1 : 0;
    data[i + 4] = e.runs.length;
    i += ENTRY_HEADER;
    for (const t of e.runs) data[i++] = (t - base) / 1000;
  }
  return data;
}

/** The day packed at word `i` of the table, as an object (for the one day `fromNow` re-reads). */
export function entryAt(table: DayTable, i: number): DayEntry {
  const d = table.data;
  const n = d[i + 4] as number;
  const runs: number[] = [];
  for (let k = 0; k < n; k++) runs.push(table.base + (d[i + ENTRY_HEADER + k] as number) * 1000);
  const lastKnown = d[i + 3] === 1;
  // A counted day's stand-in end is its last millisecond, which whole seconds cannot hold.
  const last = table.base + (d[i + 2] as number) * 1000 + (lastKnown ? 0 : 999);
  return { day: d[i] as number, count: d[i + 1] as number, runs, last, lastKnown };
}

/** Runs built for a whole range in one go; past that the expression is counted day by day. */
const RANGE_LIMIT = 5_000;

function bucket(runs: readonly Date[], bounds: readonly number[]): DayEntry[] {
  const entries: DayEntry[] = [];
  let day = 0;
  let current: DayEntry | null = null;
  for (const run of runs) {
    const t = run.getTime();
    while (day < bounds.length - 2 && t >= (bounds[day + 1] as number)) day += 1;
    if (!current || current.day !== day) {
      current = { day, count: 0, runs: [], last: t, lastKnown: true };
      entries.push(current);
    }
    current.count += 1;
    current.runs.push(t);
    current.last = t;
  }
  return entries;
}

/**
 * Runs per day for `bounds` (day starts in the display zone, plus the end of the last day), with the
 * expression evaluated in `evalZone`. `dayLimit` caps the runs built on a dense day (the count stays
 * exact). Throws nothing: an expression the engine refuses gives `error`.
 */
export function computeDayTable(expression: string, evalZone: string, bounds: readonly number[], dayLimit: number): DayTable {
  const from = bounds[0];
  const to = bounds[bounds.length - 1];
  if (from === undefined || to === undefined) return { data: new Uint32Array(0), base: 0, error: null };
  try {
    const whole = expandWindow(expression, { from: new Date(from), to: new Date(to), timeZone: evalZone, limit: RANGE_LIMIT });
    if (!whole.truncated) {
      const entries = bucket(whole.runs, bounds);
      for (const e of entries) {
        if (e.runs.length > dayLimit) e.runs.length = dayLimit;
      }
      return { data: pack(entries, from), base: from, error: null };
    }
    // Too dense to build (every minute over six weeks is 60,000 runs): the engine counts each day exactly.
    const entries: DayEntry[] = [];
    for (let day = 0; day < bounds.length - 1; day++) {
      const dayTo = bounds[day + 1] as number;
      const e = expandWindow(expression, { from: new Date(bounds[day] as number), to: new Date(dayTo), timeZone: evalZone, limit: dayLimit });
      if (e.total === 0) continue;
      const runs = e.runs.map((r) => r.getTime());
      entries.push({ day, count: e.total, runs, last: e.truncated ? dayTo - 1 : (runs[runs.length - 1] as number), lastKnown: !e.truncated });
    }
    return { data: pack(entries, from), base: from, error: null };
  } catch (e) {
    return { data: new Uint32Array(0), base: from, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The part of one day from `now` on (today): the entry itself when its runs were all built, else a fresh count. */
export function fromNow(
  entry: DayEntry,
  now: number,
  dayTo: number,
  dayLimit: number,
  expression: string,
  evalZone: string,
  cache: ExpansionCache,
): DayEntry | null {
  if (entry.runs.length === entry.count) {
    const runs = entry.runs.filter((t) => t >= now);
    if (runs.length === 0) return null;
    return { day: entry.day, count: runs.length, runs, last: entry.last, lastKnown: entry.lastKnown };
  }
  // Counted, not built: count again from now (one small window per dense expression, cached per now).
  const e = cache.get({ key: '', serverTimeZone: evalZone, schedule: { timeExpression: expression } }, new Date(now), new Date(dayTo), dayLimit, evalZone);
  if (e.error || e.total === 0) return null;
  const runs = Array.from(e.times);
  return { day: entry.day, count: e.total, runs, last: e.truncated ? dayTo - 1 : (runs[runs.length - 1] as number), lastKnown: !e.truncated };
}

/** Ranges whose tables are kept: the month in view, its neighbours (prefetched) and one more. */
const RANGES_KEPT = 4;

/** The tables of one range, by zone then expression: lookups with the sources' own strings, no key building. */
export class RangeTables {
  private readonly byZone = new Map<string, Map<string, DayTable>>();

  constructor(
    private readonly owner: DayTableCache,
    private readonly bounds: readonly number[],
    private readonly dayLimit: number,
  ) {}

  get(expression: string, evalZone: string): DayTable {
    let tables = this.byZone.get(evalZone);
    if (!tables) {
      tables = new Map();
      this.byZone.set(evalZone, tables);
    }
    let table = tables.get(expression);
    if (!table) {
      table = computeDayTable(expression, evalZone, this.bounds, this.dayLimit);
      this.owner.computed += 1;
      tables.set(expression, table);
    }
    return table;
  }
}

/** Day tables per range; only the last `rangesKept` ranges used are kept. */
export class DayTableCache {
  private readonly ranges = new Map<string, RangeTables>();
  /** Tables actually computed (misses): the tests and the bench read it. */
  computed = 0;

  constructor(private readonly rangesKept = RANGES_KEPT) {}

  /** The tables for day starts `bounds` (named `boundsKey`) at `dayLimit` runs built per dense day. */
  range(bounds: readonly number[], boundsKey: string, dayLimit: number): RangeTables {
    const id = `${boundsKey}|${dayLimit}`;
    let tables = this.ranges.get(id);
    if (tables) {
      // Most recently used last.
      this.ranges.delete(id);
    } else {
      tables = new RangeTables(this, bounds, dayLimit);
      if (this.ranges.size >= this.rangesKept) {
        const oldest = this.ranges.keys().next().value;
        if (oldest !== undefined) this.ranges.delete(oldest);
      }
    }
    this.ranges.set(id, tables);
    return tables;
  }
}

/** The one table cache the calendar uses, so paging back to a month computes nothing. */
export const sharedDayTables = new DayTableCache();
