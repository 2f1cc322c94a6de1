// Fire times per (zone, expression), kept across computations: the load view asks again whenever the
// window, axis or filters change, and many orgs share one expression. An entry covers a window; a request
// inside it costs two binary searches, one reaching beyond it widens the entry (up to MAX_SPAN_MS).
// Entries are filled by a walk that starts a day early: in a repeated fall-back hour, which runs Quartz
// fires depends on the previous fire, so a walk must not start inside the window it answers for.
import { expandWindow } from '@shared/cron';

const DAY = 86_400_000;
/** Widest window one entry grows to; a request past it replaces the entry. */
const MAX_SPAN_MS = 400 * DAY;

interface Entry {
  from: number;
  to: number;
  /** Every fire time in [from, to), ascending. */
  starts: number[];
}

/** The fire times in a window: starts[lo] .. starts[hi - 1] (a view into the cache, never to be changed). */
export interface StartsSpan {
  starts: readonly number[];
  lo: number;
  hi: number;
}

/** First index whose value is >= x in an ascending array (within [lo, hi)). */
export function lowerBound(xs: readonly number[], x: number, lo = 0, hi = xs.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs per schedule shape, reusable across computations; bounded, least recently filled dropped first. */
export class RunCache {
  /** By zone, then expression (no key strings built per question); `size` counts entries across zones. */
  private readonly entries = new Map<string, Map<string, Entry>>();
  private size = 0;
  constructor(private readonly maxEntries = 20_000) {}

  /** Fire times of `expression` in `zone` during [from, to), or null when there are more than `limit`. */
  startsIn(expression: string, zone: string, from: number, to: number, limit: number): StartsSpan | null {
    const held = this.entries.get(zone)?.get(expression);
    if (held && held.from <= from - DAY && to <= held.to) return slice(held.starts, from, to, limit);
    const walk = (f: number, t: number, cap: number) => expandWindow(expression, { from: new Date(f), to: new Date(t), timeZone: zone, limit: cap });
    let wide = { from: from - DAY, to };
    if (held && Math.max(to, held.to) - Math.min(wide.from, held.from) <= MAX_SPAN_MS)
      wide = { from: Math.min(wide.from, held.from), to: Math.max(to, held.to) };
    const r = walk(wide.from, wide.to, 2 * limit + 1000);
    if (!r.truncated) return slice(this.keep(zone, expression, { ...wide, starts: r.runs.map((d) => d.getTime()) }).starts, from, to, limit);
    // Too many to keep: answered for this window alone (a count, or its runs when few enough).
    if (walk(from, to, 0).total > limit) return null;
    const early = walk(from - DAY, to, 2 * limit + 1000);
    return slice(
      (early.truncated ? walk(from, to, limit) : early).runs.map((d) => d.getTime()),
      from,
      to,
      limit,
    );
  }

  private keep(zone: string, expression: string, entry: Entry): Entry {
    let inZone = this.entries.get(zone);
    if (!inZone) this.entries.set(zone, (inZone = new Map()));
    if (inZone.delete(expression)) this.size--;
    if (this.size >= this.maxEntries) {
      // Bounded: a long session never grows without limit (the oldest entry of the first zone goes).
      for (const [z, m] of this.entries) {
        const oldest = m.keys().next();
        if (!oldest.done) {
          m.delete(oldest.value);
          this.size--;
          if (m.size === 0 && z !== zone) this.entries.delete(z);
          break;
        }
      }
    }
    inZone.set(expression, entry);
    this.size++;
    return entry;
  }
}

function slice(starts: readonly number[], from: number, to: number, limit: number): StartsSpan | null {
  const lo = lowerBound(starts, from);
  const hi = lowerBound(starts, to, lo);
  return hi - lo > limit ? null : { starts, lo, hi };
}
