// Wall-clock readings of an instant in an IANA zone, from Intl only (platform-free). Offsets are cached per
// 15-minute slice of UTC: every zone in use changes its offset on a quarter hour, so one Intl call answers a
// whole slice and hot loops (slot search, week-by-hour folding) stay arithmetic.

const QUARTER_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone '${zone}': use an IANA zone name such as 'UTC' or 'America/New_York'.`);
    }
    formatters.set(zone, f);
  }
  return f;
}

function probeOffset(zone: string, ms: number): number {
  const parts = formatterFor(zone).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Wall clock minus UTC, in ms, at `ms` in `zone` ('UTC' and 'Etc/UTC' cost nothing). */
export function zoneOffsetMs(zone: string, ms: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  let cache = offsets.get(zone);
  if (!cache) {
    cache = new Map();
    offsets.set(zone, cache);
  }
  const slice = Math.floor(ms / QUARTER_MS);
  let off = cache.get(slice);
  if (off === undefined) {
    off = probeOffset(zone, slice * QUARTER_MS);
    if (cache.size > 50_000) cache.clear(); // bounded: a long session never grows without limit
    cache.set(slice, off);
  }
  return off;
}

export interface WallTime {
  /** 1 = Sunday .. 7 = Saturday, as Quartz numbers days of the week. */
  dayOfWeek: number;
  hour: number;
  minute: number;
  /** Minutes since the wall day's midnight. */
  minuteOfDay: number;
  /** Days since 1970-01-01 of the wall date (a day key). */
  day: number;
}

export function wallTime(zone: string, ms: number): WallTime {
  const wall = ms + zoneOffsetMs(zone, ms);
  const day = Math.floor(wall / DAY_MS);
  const minuteOfDay = Math.floor((wall - day * DAY_MS) / 60_000);
  // 1970-01-01 was a Thursday (Quartz 5).
  const dayOfWeek = ((((day + 4) % 7) + 7) % 7) + 1;
  return { dayOfWeek, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, minuteOfDay, day };
}
