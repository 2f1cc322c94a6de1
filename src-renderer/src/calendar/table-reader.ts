// An expression's runs per day of a range, in one of two forms, and the one way to read them. Where
// every day of the range is a steady day of the server's zone shown in that zone (UTC all year, any
// zone outside the weeks of a clock change), the table is only the expression's shape and the days
// its day rule matches, shared by every expression with that rule: a new month computes nothing per
// expression. Elsewhere the days are packed (packed-days.ts).
import { ENTRY_HEADER, type DayEntry, type PackedTable } from './packed-days';

export interface ShapedTable {
  kind: 'shape';
  /** Display days the expression fires on, in order (indexes into the range). */
  days: Int32Array;
  /** Start of each display day, then the end of the last (epoch ms). */
  starts: readonly number[];
  /** Runs each of those days, the times of day (ms) of the first ones built, and of the last. */
  perDay: number;
  firsts: readonly number[];
  lastTod: number;
  /** Whether the last run is known (as packed: the range small enough to build, or the day built whole). */
  lastKnown: boolean;
  error: null;
}

export type DayTable = PackedTable | ShapedTable;

/** Reads a table day by day into its own fields; one reader is reused for every table (no allocation per day). */
export class TableReader {
  day = 0;
  count = 0;
  /** The first `n` runs of the day (epoch ms) are `runs[0 .. n-1]`. */
  n = 0;
  runs = new Float64Array(64);
  last = 0;
  lastKnown = true;
  /** Word `at` of a packed table, or the index into a shaped table's days: where the current day is. */
  private at = 0;
  private table: DayTable | null = null;

  /** Starts reading `table` from its first day. */
  read(table: DayTable): this {
    this.table = table;
    this.at = table.kind === 'packed' ? table.start : 0;
    return this;
  }

  /** Starts reading a shaped table from its first day at or after `day` (days are in order). */
  readFrom(table: ShapedTable, day: number): this {
    const { days } = table;
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((days[mid] as number) < day) lo = mid + 1;
      else hi = mid;
    }
    this.table = table;
    this.at = lo;
    return this;
  }

  /** Moves to the next day with runs; false at the end. */
  next(): boolean {
    const table = this.table;
    if (!table) return false;
    if (table.kind === 'packed') {
      if (this.at >= table.end) return false;
      const d = table.data;
      const at = this.at;
      const n = d[at + 4] as number;
      this.day = d[at] as number;
      this.count = d[at + 1] as number;
      this.lastKnown = d[at + 3] === 1;
      // A counted day's stand-in end is its last millisecond, which whole seconds cannot hold.
      this.last = table.base + (d[at + 2] as number) * 1000 + (this.lastKnown ? 0 : 999);
      const runs = this.room(n);
      for (let k = 0; k < n; k++) runs[k] = table.base + (d[at + ENTRY_HEADER + k] as number) * 1000;
      this.n = n;
      this.at = at + ENTRY_HEADER + n;
      return true;
    }
    if (this.at >= table.days.length) return false;
    const day = table.days[this.at] as number;
    this.at += 1;
    const start = table.starts[day] as number;
    const firsts = table.firsts;
    const runs = this.room(firsts.length);
    for (let k = 0; k < firsts.length; k++) runs[k] = start + (firsts[k] as number);
    this.day = day;
    this.count = table.perDay;
    this.n = firsts.length;
    this.lastKnown = table.lastKnown;
    this.last = table.lastKnown ? start + table.lastTod : (table.starts[day + 1] as number) - 1;
    return true;
  }

  /** The current day as an object (for the one day `fromNow` re-reads, and the tests). */
  entry(): DayEntry {
    return { day: this.day, count: this.count, runs: Array.from(this.runs.subarray(0, this.n)), last: this.last, lastKnown: this.lastKnown };
  }

  private room(n: number): Float64Array {
    if (this.runs.length < n) this.runs = new Float64Array(Math.max(n, this.runs.length * 2));
    return this.runs;
  }
}

/** Every day of a table as objects: for tests and tools, not the layout's loop. */
export function tableEntries(table: DayTable): DayEntry[] {
  const reader = new TableReader().read(table);
  const out: DayEntry[] = [];
  while (reader.next()) out.push(reader.entry());
  return out;
}
