// Time-zone offsets from Intl only (platform-free). Asking Intl.DateTimeFormat costs microseconds, so each
// zone's offset history is learnt once per 128-day chunk: sample the offset every 2 days, find each change by
// bisection to the second, and then answer lookups from the cached transitions with plain arithmetic.

const DAY_MS = 86_400_000;
const CHUNK_MS = 128 * DAY_MS;
const SAMPLE_MS = 2 * DAY_MS;

interface Chunk {
  /** Offset (ms, wall minus UTC) at the chunk start. */
  readonly startOffset: number;
  /** Transition instants (UTC ms, first instant of the new offset) and the offset after each. */
  readonly at: number[];
  readonly after: number[];
}

export class Zone {
  /** null for UTC: no Intl at all (its first use loads ICU's zone data, tens of ms in a fresh process). */
  private readonly fmt: Intl.DateTimeFormat | null = null;
  private readonly chunks = new Map<number, Chunk>();
  /** True for zones whose offset never changes (UTC, Etc/GMT+5, ...): no chunk work at all. */
  private readonly fixedOffset: number | null;

  /** Recently used steady wall-time ranges as [from, to, offset] triples (see LenientCalendar.complete). */
  // Stryker disable next-line ArrayDeclaration: empty slots only send every wall time down the slow path (same answer).
  readonly steady4: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  private steadyNext = 0;

  /** Remembers a steady range; four slots cover both sides of a DST change plus neighbours. */
  rememberSteady(utc: number): void {
    const r = this.steadyWallRange(utc);
    // Stryker disable next-line ArithmeticOperator: which slot a range takes only changes how often the slow path runs.
    const i = this.steadyNext * 3;
    this.steady4[i] = r.from;
    this.steady4[i + 1] = r.to;
    this.steady4[i + 2] = r.offset;
    // Stryker disable next-line ArithmeticOperator: as above, any slot holds a true steady range.
    this.steadyNext = (this.steadyNext + 1) % 4;
  }

  constructor(readonly name: string) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral,BlockStatement: UTC through Intl is offset 0 as well, only slower to start.
    if (name === 'UTC' || name === 'Etc/UTC') {
      this.fixedOffset = 0;
      return;
    }
    try {
      this.fmt = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    } catch {
      // A zone is not part of the expression: a RangeError, so callers do not blame the expression.
      throw new RangeError(`Unknown time zone '${name}': use an IANA zone name such as 'UTC', 'Europe/Berlin' or 'America/New_York'.`);
    }
    const id = this.fmt.resolvedOptions().timeZone;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: a UTC alias left to the offset tables answers 0 as well, only slower.
    this.fixedOffset = id === 'UTC' || id === 'Etc/UTC' || id === 'Etc/GMT' ? 0 : null;
  }

  /** Offset straight from Intl (slow path): "GMT", "GMT+5:45"-style text is cheaper than formatToParts. */
  private probe(utc: number): number {
    // Intl only formats instants within +-8.64e15 ms; past that the edge offset stands (LMT / far-future rules).
    const text = (this.fmt as Intl.DateTimeFormat).format(Math.max(-8.64e15, Math.min(8.64e15, utc)));
    // longOffset ends the text with "GMT" or "GMT+05:45", seconds only where the offset has them (Monrovia's -0:44:30).
    const m = /GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
    // Stryker disable next-line ConditionalExpression: Intl always writes the offset; the guard names a changed Intl rather than reading NaN.
    if (!m) throw new Error(`Time zone '${this.name}': unexpected offset text '${text}' from Intl.`);
    if (!m[1]) return 0;
    const ms = (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) * 1000;
    return m[1] === '-' ? -ms : ms;
  }

  private chunk(index: number): Chunk {
    const hit = this.chunks.get(index);
    // Stryker disable next-line ConditionalExpression: the cache only saves asking Intl again.
    if (hit) return hit;
    const start = index * CHUNK_MS;
    const end = start + CHUNK_MS;
    const startOffset = this.probe(start);
    const at: number[] = [];
    const after: number[] = [];
    let prevT = start;
    let prevOff = startOffset;
    // Stryker disable next-line ArithmeticOperator: a first sample before the start records a change the next sample supersedes.
    for (let t = start + SAMPLE_MS; ; t += SAMPLE_MS) {
      const tt = Math.min(t, end);
      const off = this.probe(tt);
      if (off !== prevOff) this.bisect(prevT, prevOff, tt, off, at, after);
      prevT = tt;
      prevOff = off;
      if (tt >= end) break;
    }
    // A change exactly at `end` stays here: the next chunk starts with its offset but searches only after
    // its own start, so nowhere else records the change (Chisinau fell back at such an instant in 2020).
    const c = { startOffset, at, after };
    this.chunks.set(index, c);
    return c;
  }

  /** Finds every change in (lo, hi] to the second; several changes between samples are handled by recursion. */
  private bisect(lo: number, loOff: number, hi: number, hiOff: number, at: number[], after: number[]): void {
    let a = lo,
      b = hi;
    while (b - a > 1000) {
      const m = a + Math.floor((b - a) / 2000) * 1000;
      if (this.probe(m) === loOff) a = m;
      else b = m;
    }
    const off = this.probe(b);
    at.push(b);
    after.push(off);
    if (off !== hiOff) this.bisect(b, off, hi, hiOff, at, after);
  }

  /** Offset in effect at a UTC instant. */
  offsetAt(utc: number): number {
    if (this.fixedOffset !== null) return this.fixedOffset;
    const c = this.chunk(Math.floor(utc / CHUNK_MS));
    let off = c.startOffset;
    for (let i = 0; (c.at[i] ?? Infinity) <= utc; i++) off = c.after[i] as number;
    return off;
  }

  /**
   * Wall-time range around instant `utc` where resolving a wall time is a plain subtraction of one
   * offset: from the last change at or before `utc` (its wall time) to the earliest wall time at which
   * the next change applies. Searches about a year each way; past that the range ends a day early.
   */
  steadyWallRange(utc: number): { from: number; to: number; offset: number } {
    const offset = this.offsetAt(utc);
    // Stryker disable next-line UnaryOperator: an empty range only sends a UTC zone down the slow path (same answer).
    if (this.fixedOffset !== null) return { from: -8.64e15, to: 8.64e15, offset };
    const ci = Math.floor(utc / CHUNK_MS);
    // Nearest changes on either side, chunk by chunk outwards: a DST zone needs one or two chunks, not seven.
    let from = (ci - 3) * CHUNK_MS;
    let to = (ci + 4) * CHUNK_MS;
    let toIsChange = false;
    // Stryker disable next-line ConditionalExpression: searching on past the nearest change finds no later one.
    for (let k = ci; k >= ci - 3 && from === (ci - 3) * CHUNK_MS; k--) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: each list is in time order, so its last change at or before utc wins either way.
      for (const t of this.chunk(k).at) if (t <= utc && t > from) from = t;
    }
    for (let k = ci; k <= ci + 3 && !toIsChange; k++) {
      for (const t of this.chunk(k).at) {
        if (t > utc && t < to) {
          to = t;
          toIsChange = true;
        }
      }
    }
    const next = toIsChange ? this.offsetAt(to) : offset;
    return { from: from + offset, to: to + Math.min(offset, next) - (toIsChange ? 0 : DAY_MS), offset };
  }

  /** True when the offset does not change in (fromUtc, toUtc]. */
  // A false answer only sends a day down the fire-by-fire walk (the same runs, slower), and the range has
  // hours of margin past the day on each side: answering false more often, or missing a change exactly at
  // either end of the range, lists the same runs.
  // Stryker disable next-line BlockStatement: see above (undefined is a false answer).
  steady(fromUtc: number, toUtc: number): boolean {
    // Stryker disable next-line BooleanLiteral: see above.
    if (this.fixedOffset !== null) return true;
    for (let ci = Math.floor(fromUtc / CHUNK_MS); ci <= Math.floor(toUtc / CHUNK_MS); ci++) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: see above.
      for (const t of this.chunk(ci).at) if (t > fromUtc && t <= toUtc) return false;
    }
    // Stryker disable next-line BooleanLiteral: see above.
    return true;
  }

  /**
   * Wall-clock ms -> UTC ms the way java.util.GregorianCalendar (ZoneInfo.getOffsetsByWall) does it:
   * the offset is the one after the last transition whose own wall time (instant + new offset) is at or
   * before the wall time. So a time in a spring-forward gap moves forward by the gap, and a time in a
   * repeated hour resolves to its second (standard-time) occurrence.
   */
  wallToUtc(wall: number): number {
    // Stryker disable next-line ArithmeticOperator: the only fixed offset is UTC's 0.
    if (this.fixedOffset !== null) return wall - this.fixedOffset;
    const lo = wall - 2 * DAY_MS;
    const ci = Math.floor(lo / CHUNK_MS);
    const c0 = this.chunk(ci);
    let off = Zone.lastApplying(c0, wall, c0.startOffset);
    const hiChunk = Math.floor((wall + 2 * DAY_MS) / CHUNK_MS);
    if (hiChunk !== ci) off = Zone.lastApplying(this.chunk(hiChunk), wall, off);
    return wall - off;
  }

  /** Offset after the last change in `c` whose own wall time is at or before `wall`, else `off`. */
  private static lastApplying(c: Chunk, wall: number, off: number): number {
    let result = off;
    c.at.forEach((t, i) => {
      const o = c.after[i] as number;
      if (t + o <= wall) result = o;
    });
    return result;
  }
}

const zones = new Map<string, Zone>();

/** One Zone per name; throws a RangeError for a missing or empty name and one naming an unknown zone. */
export function zoneFor(name: string): Zone {
  // Intl reads a missing zone as the machine's own: a schedule would silently fire in the host's zone.
  if (typeof name !== 'string' || name === '') throw new RangeError("timeZone is required, e.g. 'UTC' or 'Europe/Berlin'.");
  let z = zones.get(name);
  // Stryker disable next-line ConditionalExpression: a new Zone per call answers the same, only slower.
  if (!z) {
    z = new Zone(name);
    zones.set(name, z);
  }
  return z;
}
