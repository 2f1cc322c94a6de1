// Date formatting in a named zone; every time the UI shows says which zone it is in.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, kind: 'datetime' | 'zone' | 'time'): Intl.DateTimeFormat {
  const key = `${kind}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'datetime'
        ? { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { timeZoneName: 'short' };
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

export const localZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** e.g. "Tue, 1 Dec 2026, 04:00" in the given IANA zone. */
export function formatDateTime(date: Date, zone: string): string {
  return formatter(zone, 'datetime').format(date);
}

export function formatTime(date: Date, zone: string): string {
  return formatter(zone, 'time').format(date);
}

/** The zone's short name at that instant, e.g. "UTC", "GMT-5", "CET". */
export function zoneName(date: Date, zone: string): string {
  const part = formatter(zone, 'zone').formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** "04:00 UTC" style label with the zone. */
export function formatWithZone(date: Date, zone: string): string {
  return `${formatDateTime(date, zone)} ${zoneName(date, zone)}`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "in 2 days", "just now". */
export function relativeTime(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const compactFormatters = new Map<string, Intl.DateTimeFormat>();

/** "Sat 28 Nov, 04:00 UTC" (the year only when it is not this year): for tables. */
export function formatCompact(date: Date, zone: string, now: Date): string {
  const withYear = date.getUTCFullYear() !== now.getUTCFullYear();
  const key = `${zone}|${withYear}`;
  let f = compactFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
    compactFormatters.set(key, f);
  }
  return `${f.format(date)} ${zoneName(date, zone)}`;
}
