// The heatmap's layout: hourly load buckets placed on days x hours of one display zone. A DST day has a
// 23-hour row (one hour has no bucket) or a 25-hour one (two buckets share an hour: the busier shows).
import { wallTime, type LoadCells } from '@shared/fleet';

const DAY = 86_400_000;

export interface GridCell {
  /** Buckets drawn in this cell (none: the hour does not exist that day). */
  buckets: number[];
  busy: number;
  starts: number;
  /** [from, to) of the cell in epoch ms (null for a missing hour). */
  from: number | null;
  to: number | null;
}

export interface GridRow {
  /** Days since 1970-01-01 of the wall date in the display zone. */
  day: number;
  /** First instant of the row. */
  start: number;
  cells: GridCell[];
}

/** `t` moved to the nearest wall midnight of `zone` (a DST change leaves a day-based step an hour off). */
function snapToMidnight(t: number, zone: string): number {
  const m = wallTime(zone, t).minuteOfDay;
  return t + (m >= 12 * 60 ? (1440 - m) * 60_000 : -m * 60_000);
}

/** Midnight of the wall day containing `at` in `zone`, and `days` wall days later. */
export function dayWindow(at: Date, zone: string, days: number): { from: Date; to: Date } {
  const t = at.getTime() - (at.getTime() % 60_000);
  const from = snapToMidnight(t - wallTime(zone, t).minuteOfDay * 60_000, zone);
  return { from: new Date(from), to: new Date(snapToMidnight(from + days * DAY, zone)) };
}

export function layoutGrid(bucketStarts: readonly number[], bucketMs: number, end: number, cells: LoadCells, zone: string): GridRow[] {
  const rows: GridRow[] = [];
  let row: GridRow | null = null;
  bucketStarts.forEach((start, i) => {
    const w = wallTime(zone, start);
    if (!row || row.day !== w.day) {
      row = { day: w.day, start, cells: Array.from({ length: 24 }, () => ({ buckets: [], busy: 0, starts: 0, from: null, to: null })) };
      rows.push(row);
    }
    const cell = row.cells[w.hour] as GridCell;
    const stop = Math.min(start + bucketMs, end);
    cell.buckets.push(i);
    cell.busy = Math.max(cell.busy, cells.busy[i] ?? 0);
    cell.starts += cells.starts[i] ?? 0;
    cell.from = cell.from === null ? start : Math.min(cell.from, start);
    cell.to = cell.to === null ? stop : Math.max(cell.to, stop);
  });
  return rows;
}

/** Colour step 0..5 of a busy count against the server's peak (0 only when nothing runs). */
export function levelOf(busy: number, peak: number): number {
  if (busy <= 0 || peak <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil((busy / peak) * 5)));
}

/** Where an arrow, Home/End or PageUp/PageDown moves the focus in a rows x cols grid, or null. */
export function gridKeyTarget(key: string, row: number, col: number, rows: number, cols: number, ctrl = false): [number, number] | null {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  switch (key) {
    case 'ArrowRight':
      return [row, clamp(col + 1, cols)];
    case 'ArrowLeft':
      return [row, clamp(col - 1, cols)];
    case 'ArrowDown':
      return [clamp(row + 1, rows), col];
    case 'ArrowUp':
      return [clamp(row - 1, rows), col];
    case 'Home':
      return ctrl ? [0, 0] : [row, 0];
    case 'End':
      return ctrl ? [rows - 1, cols - 1] : [row, cols - 1];
    case 'PageDown':
      return [clamp(row + 7, rows), col];
    case 'PageUp':
      return [clamp(row - 7, rows), col];
    default:
      return null;
  }
}

/** For the heatmap's text alternative: its busiest cell (the first at the peak) and how many hours have runs. */
export function gridSummary(rows: readonly GridRow[]): { busiest: [number, number] | null; busyHours: number; hours: number } {
  let busiest: [number, number] | null = null,
    top = 0,
    busyHours = 0,
    hours = 0;
  rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (cell.buckets.length === 0) return;
      hours++;
      if (cell.busy > 0) busyHours++;
      if (cell.busy > top) [top, busiest] = [cell.busy, [r, c]];
    }),
  );
  return { busiest, busyHours, hours };
}
