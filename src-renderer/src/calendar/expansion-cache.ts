// Upcoming runs of a schedule in a window, memoized per (source, expression, zone, window, limit)
// so paging back and forth between months or scrolling lanes in and out never recomputes.
import { describe as describeInLocale } from '@renderer/common/schedule-info';
import { setBounded } from '@shared/bounded-map';
import { expandWindow, type WindowExpansion, type WindowOptions } from '@shared/cron';

export type Expander = (expression: string, options: WindowOptions) => WindowExpansion;

export interface Expandable {
  key: string;
  serverTimeZone: string;
  schedule: { timeExpression: string };
}

/** A window's fire times, kept as numbers: ten thousand lanes of Date objects were most of the heap. */
export interface Expansion {
  /** Fire times (epoch ms) in the window, at most the limit of them. */
  times: Float64Array;
  /** How many fire times fall in the window in all (exact). */
  total: number;
  /** True when total > times.length. */
  truncated: boolean;
  /** Why the runs could not be computed (bad expression, engine error); times are empty then. */
  error: string | null;
}

export class ExpansionCache {
  private readonly entries = new Map<string, Expansion>();
  /** How many expansions were actually computed (cache misses); the bench and tests read it. */
  computed = 0;

  constructor(
    private readonly expander: Expander = expandWindow,
    private readonly capacity = 20_000,
  ) {}

  get(source: Expandable, from: Date, to: Date, limit: number, timeZone: string): Expansion {
    const expr = source.schedule.timeExpression;
    const id = `${source.key}|${expr}|${timeZone}|${from.getTime()}|${to.getTime()}|${limit}`;
    const hit = this.entries.get(id);
    // First in, first out: a true LRU re-inserted on every hit, and hits are most calls (a month
    // redraw asks for thousands); with room for 20,000 windows the order barely matters.
    if (hit) return hit;
    let value: Expansion;
    try {
      const w = this.expander(expr, { from, to, timeZone, limit });
      value = { times: Float64Array.from(w.runs, (r) => r.getTime()), total: w.total, truncated: w.truncated, error: null };
    } catch (e) {
      value = { times: new Float64Array(0), total: 0, truncated: false, error: e instanceof Error ? e.message : String(e) };
    }
    this.computed += 1;
    setBounded(this.entries, id, value, this.capacity);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The one cache both views use, so switching between calendar and timeline reuses work. */
export const sharedExpansions = new ExpansionCache();

/** The expression in words ('every minute'), lower-cased to sit inside a band label. schedule-info's
 * describe caches per expression and never throws, so there is nothing to cache or catch here. */
export function describeLower(expression: string): string {
  const d = describeInLocale(expression);
  return d.charAt(0).toLowerCase() + d.slice(1);
}

// toLocaleString builds a NumberFormat on every call: thousands of band labels made that show up.
// Built on first use: the first Intl object of a page loads locale data, off the first frame's path.
let countFormat: Intl.NumberFormat | undefined;

/** 1440 -> '1,440' */
export function formatCount(count: number): string {
  // Most counts need no grouping: skip Intl, which showed up in month redraws.
  if (count < 1000) return String(count);
  countFormat ??= new Intl.NumberFormat('en-US');
  return countFormat.format(count);
}

/** 'every minute · 1,440 runs' */
export function bandLabel(description: string, count: number): string {
  return `${description} · ${formatCount(count)} run${count === 1 ? '' : 's'}`;
}
