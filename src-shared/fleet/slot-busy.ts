// Concurrency of the existing runs as a step function with its running integral: the overlap of any
// interval with the runs is the difference of two integrals. When every question falls on a whole minute
// (candidate slots start on one, and their runs last whole minutes), it is kept per minute: each change
// lands in its minute with the share of the minute it covers, no sorting and no list of changes. Otherwise
// the changes are kept and sorted once.
const MIN = 60_000;
/** Longest span kept per minute (a longer one is answered from the sorted changes). */
const MAX_MINUTES = 600_000;

interface Sorted {
  at: Float64Array;
  level: Float64Array;
  area: Float64Array;
}

export class Busy {
  private readonly at: number[] = [];
  private readonly delta: number[] = [];
  private readonly origin: number;
  private readonly minutes: number;
  /** Per minute from `origin`: changes of level and of the integral within it, then level and integral at its start. */
  private readonly perMinute: { dLevel: Float64Array; dArea: Float64Array; level: Float64Array; area: Float64Array } | null;
  private sorted: Sorted | null = null;

  /** Every change falls in [lo, hi]; `wholeMinutes`: every question will be a whole minute (epoch ms). */
  constructor(lo: number, hi: number, wholeMinutes: boolean) {
    this.origin = Math.floor(lo / MIN) * MIN;
    this.minutes = Math.floor((hi - this.origin) / MIN) + 1;
    const m = this.minutes;
    this.perMinute =
      wholeMinutes && m <= MAX_MINUTES
        ? { dLevel: new Float64Array(m), dArea: new Float64Array(m), level: new Float64Array(m + 1), area: new Float64Array(m + 1) }
        : null;
  }

  /** `mult` runs occupying [start, start + len). */
  run(start: number, len: number, mult = 1): void {
    this.change(start, mult);
    this.change(start + len, -mult);
  }

  /** A fractional level over [from, to) (a schedule too frequent to list). */
  level(from: number, to: number, level: number): void {
    this.change(from, level);
    this.change(to, -level);
  }

  private change(t: number, d: number): void {
    const pm = this.perMinute;
    if (!pm) {
      this.at.push(t);
      this.delta.push(d);
      return;
    }
    const off = t - this.origin;
    const k = Math.floor(off / MIN);
    if (k < 0 || k >= this.minutes) throw new RangeError('A run outside the span given to Busy.');
    pm.dLevel[k]! += d;
    pm.dArea[k]! += d * ((k + 1) * MIN - off);
  }

  /** Done adding: builds the running integral. */
  seal(): void {
    const pm = this.perMinute;
    if (!pm) return;
    const { dLevel, dArea, level, area } = pm;
    for (let k = 0; k < this.minutes; k++) {
      level[k + 1] = (level[k] as number) + (dLevel[k] as number);
      area[k + 1] = (area[k] as number) + (level[k] as number) * MIN + (dArea[k] as number);
    }
  }

  /** Run-ms of existing runs in progress during [a, b). */
  overlap(a: number, b: number): number {
    return this.upTo(b) - this.upTo(a);
  }

  /** Integral of concurrency up to x. */
  private upTo(x: number): number {
    const pm = this.perMinute;
    if (!pm) return upToSorted((this.sorted ??= sortChanges(this.at, this.delta)), x);
    const k = (x - this.origin) / MIN;
    if (!Number.isInteger(k)) throw new RangeError('Busy was built for whole minutes only.');
    if (k <= 0) return 0;
    const m = this.minutes;
    return k >= m ? (pm.area[m] as number) + (pm.level[m] as number) * (x - this.origin - m * MIN) : (pm.area[k] as number);
  }
}

function sortChanges(at: readonly number[], delta: readonly number[]): Sorted {
  const order = Array.from(at.keys()).sort((i, j) => (at[i] as number) - (at[j] as number));
  const times: number[] = [],
    levels: number[] = [],
    areas: number[] = [];
  let c = 0,
    acc = 0;
  for (const i of order) {
    const t = at[i] as number;
    const last = times.length - 1;
    if (last >= 0 && times[last] === t) {
      c += delta[i] as number;
      levels[last] = c;
      continue;
    }
    if (last >= 0) acc += c * (t - (times[last] as number));
    c += delta[i] as number;
    times.push(t);
    levels.push(c);
    areas.push(acc);
  }
  return { at: Float64Array.from(times), level: Float64Array.from(levels), area: Float64Array.from(areas) };
}

function upToSorted({ at, level, area }: Sorted, x: number): number {
  if (at.length === 0 || x <= (at[0] as number)) return 0;
  let lo = 0,
    hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((at[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return (area[lo] as number) + (level[lo] as number) * (x - (at[lo] as number));
}
