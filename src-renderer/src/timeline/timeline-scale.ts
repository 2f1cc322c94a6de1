// The timeline's time window per zoom, its axis ticks, and how one lane's runs are drawn:
// single ticks while they fit, otherwise bands with a count. Pure: no DOM.
import { addDays, civilDateOf, compareDates, startOfZonedDay, zonedTimeToInstant } from '@renderer/common/time';

export type Zoom = 'day' | 'week' | 'month' | 'quarter';
export const ZOOMS: readonly Zoom[] = ['day', 'week', 'month', 'quarter'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const ZOOM_SPAN_MS: Record<Zoom, number> = { day: DAY, week: 7 * DAY, month: 30 * DAY, quarter: 91 * DAY };
/** The window starts at an hour (day, week) or day (month, quarter) boundary, so it stays put for a while
 * and the memoized expansions keep hitting as `now` advances. */
const ROUND_MS: Record<Zoom, number> = { day: HOUR, week: HOUR, month: DAY, quarter: DAY };
/** Share of the window before now: enough past to show the latest execution. */
const PAST_SHARE = 0.2;

export interface TimeRange {
  from: Date;
  to: Date;
}

export function timelineRange(now: Date, zoom: Zoom): TimeRange {
  const span = ZOOM_SPAN_MS[zoom];
  const round = ROUND_MS[zoom];
  const from = Math.floor((now.getTime() - span * PAST_SHARE) / round) * round;
  return { from: new Date(from), to: new Date(from + span) };
}

/** Position of an instant in the window, 0 at `from`, 1 at `to` (outside: below 0 or above 1). */
export function fraction(at: Date, range: TimeRange): number {
  return (at.getTime() - range.from.getTime()) / (range.to.getTime() - range.from.getTime());
}

export interface AxisTick {
  at: Date;
  /** Label shown under a major tick; minor ticks draw a line only. */
  major: boolean;
  /** Whether the label includes the hour (day and week zoom). */
  withHour: boolean;
}

/** Ticks at wall-clock boundaries in `zone`: hours for a day, days for a week or month, weeks for a quarter. */
export function axisTicks(range: TimeRange, zoom: Zoom, zone: string): AxisTick[] {
  const ticks: AxisTick[] = [];
  const last = addDays(civilDateOf(range.to, zone), 1);
  let index = 0;
  for (let d = civilDateOf(range.from, zone); compareDates(d, last) <= 0; d = addDays(d, 1), index++) {
    if (zoom === 'day') {
      for (let h = 0; h < 24; h += 3) ticks.push({ at: zonedTimeToInstant(d, h, 0, zone), major: true, withHour: true });
    } else if (zoom === 'week') {
      ticks.push({ at: startOfZonedDay(d, zone), major: true, withHour: false });
      ticks.push({ at: zonedTimeToInstant(d, 12, 0, zone), major: false, withHour: true });
    } else if (zoom === 'month') {
      ticks.push({ at: startOfZonedDay(d, zone), major: index % 3 === 0, withHour: false });
    } else if (index % 7 === 0) {
      ticks.push({ at: startOfZonedDay(d, zone), major: true, withHour: false });
    }
  }
  return ticks.filter((t) => t.at >= range.from && t.at < range.to);
}

export interface LaneBand {
  /** Fractions of the window. */
  x0: number;
  x1: number;
  count: number;
}

export type LaneMarks = { kind: 'ticks'; xs: number[] } | { kind: 'bands'; bands: LaneBand[]; singles: number[] };

export interface LaneMarkOptions {
  /** Track width in pixels: decides what is too dense to draw as separate ticks. */
  widthPx: number;
  /** Runs closer than this many pixels merge into one band. */
  mergePx?: number;
  /** More ticks than this in a lane are drawn as bands (keeps a lane at a few dozen elements). */
  maxTicks?: number;
  /** More bands than this collapse into one band over the whole stretch. */
  maxBands?: number;
}

/**
 * How a lane draws `runs` (sorted, inside the window). `total` counts all runs in the window even when
 * only the first ones were built (`truncated`); those then draw as one band to the window's end.
 */
export function laneMarks(runs: readonly Date[], total: number, truncated: boolean, range: TimeRange, opts: LaneMarkOptions): LaneMarks {
  const mergePx = opts.mergePx ?? 4;
  const maxTicks = opts.maxTicks ?? 48;
  const maxBands = opts.maxBands ?? 24;
  const xs = runs.map((r) => fraction(r, range));
  const first = xs[0];
  if (first === undefined) return { kind: 'ticks', xs: [] };
  if (truncated) return { kind: 'bands', bands: [{ x0: first, x1: 1, count: total }], singles: [] };
  const mergeGap = mergePx / Math.max(1, opts.widthPx);
  const tight = xs.some((x, i) => i > 0 && x - (xs[i - 1] ?? x) < mergeGap);
  if (!tight && xs.length <= maxTicks) return { kind: 'ticks', xs };

  // Runs closer than mergeGap chain into one band; isolated runs stay ticks.
  const bands: LaneBand[] = [];
  const singles: number[] = [];
  let start = first;
  let prev = first;
  let count = 1;
  const close = () => {
    if (count === 1) singles.push(start);
    else bands.push({ x0: start, x1: prev, count });
  };
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] ?? prev;
    if (x - prev < mergeGap) {
      count += 1;
    } else {
      close();
      start = x;
      count = 1;
    }
    prev = x;
  }
  close();
  if (bands.length + singles.length > maxBands || singles.length > maxTicks) {
    return { kind: 'bands', bands: [{ x0: first, x1: xs[xs.length - 1] ?? first, count: xs.length }], singles: [] };
  }
  return { kind: 'bands', bands, singles };
}

/**
 * The window a lane expands for upcoming runs: from `now` rounded down to the zoom's unit (a stable
 * cache key while now advances) to the window's end. Runs not after `now` are dropped when drawn.
 */
export function upcomingWindow(now: Date, zoom: Zoom, range: TimeRange): TimeRange {
  const round = ROUND_MS[zoom];
  const from = Math.max(range.from.getTime(), Math.floor(now.getTime() / round) * round);
  return { from: new Date(from), to: range.to };
}
