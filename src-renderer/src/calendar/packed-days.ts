// The packed form of an expression's runs per day (day-tables.ts computes them, the layout reads
// them): thousands of tables in a few shared arrays, with no object per day or per run.
import type { DaySink } from './steady-days';

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
 * Days with runs, packed in `data` from word `start` to `end`: per day `day, count, last, lastKnown,
 * n, run1 ... run_n`, times as whole seconds after `base` (Quartz fires on whole seconds, and six
 * weeks of seconds fit 32 bits). The tables of a range share their arrays (TableArena). Read it with
 * a TableReader (table-reader.ts).
 */
export interface PackedTable {
  kind: 'packed';
  data: Uint32Array;
  start: number;
  end: number;
  /** Epoch ms the packed times count from: the range's first day start. */
  base: number;
  error: string | null;
}

/** Header words before a day's runs in DayTable.data. */
export const ENTRY_HEADER = 5;

export function pack(entries: readonly DayEntry[], base: number): PackedTable {
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
  return { kind: 'packed', data, start: 0, end: size, base, error: null };
}

/** Words per shared array: a month of ten thousand schedules fills a few. */
const CHUNK_WORDS = 65_536;

/** Where the tables of one range are written: a typed array per table cost more than computing it. */
export class TableArena {
  chunk = new Uint32Array(CHUNK_WORDS);
  used = 0;
}

/** Writes a table's days straight into its range's arena (no object per day): the sink steadyDays fills. */
export class PackedWriter implements DaySink {
  private arena = new TableArena();
  private data = this.arena.chunk;
  private origin = 0;
  private size = 0;
  private at = 0;
  private day = 0;
  private base = 0;
  private bounds: readonly number[] = [];

  start(arena: TableArena, base: number, bounds: readonly number[]): this {
    this.arena = arena;
    this.data = arena.chunk;
    this.origin = arena.used;
    this.size = arena.used;
    this.base = base;
    this.bounds = bounds;
    return this;
  }

  private room(words: number): void {
    if (this.size + words <= this.data.length) return;
    // The chunk is full: carry the table written so far to a fresh one.
    const written = this.size - this.origin;
    const chunk = new Uint32Array(Math.max(CHUNK_WORDS, 2 * (written + words)));
    chunk.set(this.data.subarray(this.origin, this.size));
    this.at -= this.origin;
    this.data = chunk;
    this.arena.chunk = chunk;
    this.arena.used = 0;
    this.origin = 0;
    this.size = written;
  }

  wholeDay(day: number, start: number, tods: readonly number[], count: number, last: number): void {
    const n = tods.length;
    this.room(ENTRY_HEADER + n);
    const d = this.data;
    const at = this.size;
    const from = (start - this.base) / 1000;
    d[at] = day;
    d[at + 1] = count;
    d[at + 2] = Math.floor((last - this.base) / 1000);
    d[at + 3] = 1;
    d[at + 4] = n;
    for (let i = 0; i < n; i++) d[at + ENTRY_HEADER + i] = from + (tods[i] as number) / 1000;
    this.size = at + ENTRY_HEADER + n;
  }

  beginDay(day: number): void {
    this.room(ENTRY_HEADER);
    this.day = day;
    this.at = this.size;
    this.size += ENTRY_HEADER;
  }

  run(t: number): void {
    this.room(1);
    this.data[this.size++] = (t - this.base) / 1000;
  }

  endDay(count: number, last: number): void {
    if (count === 0) {
      this.size = this.at;
      return;
    }
    const d = this.data;
    const at = this.at;
    d[at] = this.day;
    d[at + 1] = count;
    // NaN: settled by `finish` (the range is then too dense for it to be read).
    d[at + 2] = Number.isNaN(last) ? 0 : Math.floor((last - this.base) / 1000);
    d[at + 3] = 1;
    d[at + 4] = this.size - at - ENTRY_HEADER;
  }

  /**
   * The table written, kept in the arena. A range of more than `rangeLimit` runs knows the last run
   * only of the days whose runs were all built (at most `dayLimit`): the others end at their last millisecond.
   */
  finish(total: number, dayLimit: number, rangeLimit: number): PackedTable {
    const d = this.data;
    if (total > rangeLimit) {
      for (let i = this.origin; i < this.size; i += ENTRY_HEADER + (d[i + 4] as number)) {
        if ((d[i + 1] as number) <= dayLimit) continue;
        d[i + 2] = Math.floor(((this.bounds[(d[i] as number) + 1] as number) - 1 - this.base) / 1000);
        d[i + 3] = 0;
      }
    }
    this.arena.used = this.size;
    return { kind: 'packed', data: d, start: this.origin, end: this.size, base: this.base, error: null };
  }
}
