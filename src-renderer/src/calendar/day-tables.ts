// Runs of one expression per calendar day of a range, computed once per (expression, zone, days)
// and shared by every schedule with that expression: ten thousand schedules carry a few thousand
// distinct expressions. Times are plain numbers (epoch ms); Dates are built only for what is drawn.
import { setBounded, touch } from '@shared/bounded-map';
import { expandWindow } from '@shared/cron';
import type { ExpansionCache } from './expansion-cache';
import { steadyDays, ZoneDays } from './steady-days';
import { pack, PackedWriter, TableArena, type DayEntry, type PackedTable } from './packed-days';
import { expressionShape, firstsOfDay } from './expression-shape';
import type { DayTable, ShapedTable } from './table-reader';

export { type DayEntry } from './packed-days';
export { TableReader, tableEntries, type DayTable } from './table-reader';

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

/** The old way, and the fallback: the engine expands the whole range (or counts day by day when too dense). */
export function engineDayTable(expression: string, evalZone: string, bounds: readonly number[], dayLimit: number): PackedTable {
  const from = bounds[0];
  const to = bounds[bounds.length - 1];
  if (from === undefined || to === undefined) return { kind: 'packed', data: new Uint32Array(0), start: 0, end: 0, base: 0, error: null };
  try {
    const whole = expandWindow(expression, { from: new Date(from), to: new Date(to), timeZone: evalZone, limit: RANGE_LIMIT });
    if (!whole.truncated) {
      const entries = bucket(whole.runs, bounds);
      for (const e of entries) {
        if (e.runs.length > dayLimit) e.runs.length = dayLimit;
      }
      return pack(entries, from);
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
    return pack(entries, from);
  } catch (e) {
    return { kind: 'packed', data: new Uint32Array(0), start: 0, end: 0, base: from, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The table as the expression's shape on the days its rule matches, when every day of the range allows it. */
function shapedTable(expression: string, zoneDays: ZoneDays, bounds: readonly number[], dayLimit: number): ShapedTable | null {
  const shape = expressionShape(expression);
  const days = shape ? zoneDays.matchingDays(shape.dayRule, bounds) : null;
  if (!shape || !days) return null;
  // As packed: a range of at most RANGE_LIMIT runs knows every last run, a denser one only where all were built.
  const lastKnown = shape.perDay * days.length <= RANGE_LIMIT || shape.perDay <= dayLimit;
  return { kind: 'shape', days, starts: bounds, perDay: shape.perDay, firsts: firstsOfDay(shape, dayLimit), lastTod: shape.lastTod, lastKnown, error: null };
}

/** One writer for every table: a table is written at a time. */
const writer = new PackedWriter();

/**
 * Runs per day for `bounds` (day starts in the display zone, plus the end of the last day), with the
 * expression evaluated in `evalZone`. `dayLimit` caps the runs built on a dense day (the count stays
 * exact). Throws nothing: an expression the engine refuses gives `error`. Computed from the
 * expression's shape on steady days (steady-days.ts), to exactly the table engineDayTable gives.
 */
export function computeDayTable(
  expression: string,
  evalZone: string,
  bounds: readonly number[],
  dayLimit: number,
  zoneDays?: ZoneDays,
  arena = new TableArena(),
): DayTable {
  const from = bounds[0];
  const to = bounds[bounds.length - 1];
  if (from === undefined || to === undefined) return { kind: 'packed', data: new Uint32Array(0), start: 0, end: 0, base: 0, error: null };
  const days = zoneDays ?? new ZoneDays(evalZone, from, to);
  const shaped = shapedTable(expression, days, bounds, dayLimit);
  if (shaped) return shaped;
  let total: number;
  try {
    total = steadyDays(expression, days, bounds, dayLimit, RANGE_LIMIT, writer.start(arena, from, bounds));
  } catch {
    total = -1; // the engine's own expansion words the error
  }
  if (total < 0) return engineDayTable(expression, evalZone, bounds, dayLimit);
  return writer.finish(total, dayLimit, RANGE_LIMIT);
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
  private readonly zoneDays = new Map<string, ZoneDays>();
  private readonly arena = new TableArena();

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
      let days = this.zoneDays.get(evalZone);
      if (!days) {
        days = new ZoneDays(evalZone, this.bounds[0] as number, this.bounds[this.bounds.length - 1] as number);
        this.zoneDays.set(evalZone, days);
      }
      table = computeDayTable(expression, evalZone, this.bounds, this.dayLimit, days, this.arena);
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
    const hit = touch(this.ranges, id);
    if (hit) return hit;
    const tables = new RangeTables(this, bounds, dayLimit);
    setBounded(this.ranges, id, tables, this.rangesKept);
    return tables;
  }
}

/** The one table cache the calendar uses, so paging back to a month computes nothing. */
export const sharedDayTables = new DayTableCache();
