// Times on the load view's one axis (local zone or UTC), always with the zone's name.
import { formatTime, zoneAbbreviation } from '../common/time';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Tue 1 Dec" in the zone. */
export function dayLabel(at: number, zone: string): string {
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone });
    dayFormats.set(zone, f);
  }
  return f.format(at);
}

/** "Tue 1 Dec, 04:00 CET". */
export function atLabel(at: number, zone: string): string {
  return `${dayLabel(at, zone)}, ${formatTime(new Date(at), zone)} ${zoneAbbreviation(zone, new Date(at))}`;
}

/** "04:00–04:30". */
export function spanLabel(from: number, to: number, zone: string): string {
  return `${formatTime(new Date(from), zone)}–${formatTime(new Date(to), zone)}`;
}

export function minutesLabel(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m >= 90 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`;
}

/** "04" for hour 4 of the wall clock. */
export const hourLabel = (hour: number): string => String(hour).padStart(2, '0');

/** What a heatmap cell holds, in words: its day, its wall hours and its runs. */
export function cellWords(day: string, hour: number, busy: number, starts: number, missing: boolean): string {
  if (missing) return `${day}, ${hourLabel(hour)}:00: this hour does not exist (clocks go forward)`;
  return `${day}, ${hourLabel(hour)}:00 to ${hourLabel((hour + 1) % 24)}:00: ${busy} run${busy === 1 ? '' : 's'} in progress, ${starts} starting`;
}
