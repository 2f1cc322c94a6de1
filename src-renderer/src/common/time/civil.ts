// Calendar dates and wall-clock times in IANA zones. The wall-clock maths is the engine's own zone
// code (@shared/cron/zone), so the views put a run on the same wall time the engine computed it at:
// a time skipped by a spring-forward gap moves forward by the gap, and a repeated fall-back time
// resolves to its second (standard-time) occurrence, as Quartz does.
import { zoneFor, type Zone } from '@shared/cron/zone';

/** A date on a wall calendar, without a zone; instants are plain Dates. */
export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

export interface ZonedParts extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
}

const DAY_MS = 86_400_000;

function zone(timeZone: string): Zone {
  return zoneFor(timeZone);
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (New York in winter: -5 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  return zone(timeZone).offsetAt(instant.getTime());
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const t = instant.getTime();
  const w = new Date(t + zone(timeZone).offsetAt(t));
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    weekday: w.getUTCDay(),
  };
}

/** Minutes since the wall-clock midnight of the instant's day in `timeZone` (0-1439). */
export function wallMinutes(instant: Date, timeZone: string): number {
  const t = instant.getTime();
  const wall = t + zone(timeZone).offsetAt(t);
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/** The instant when the wall clock in `timeZone` reads the given time (gap: moved forward; overlap: second occurrence). */
export function zonedTimeToInstant(date: CivilDate, hour: number, minute: number, timeZone: string): Date {
  return new Date(zone(timeZone).wallToUtc(Date.UTC(date.year, date.month - 1, date.day, hour, minute)));
}

/** The instant the civil `date` begins in `timeZone` (midnight, or the first moment after a gap). */
export function startOfZonedDay(date: CivilDate, timeZone: string): Date {
  return zonedTimeToInstant(date, 0, 0, timeZone);
}

export function civilDateOf(instant: Date, timeZone: string): CivilDate {
  const { year, month, day } = zonedParts(instant, timeZone);
  return { year, month, day };
}

/** Noon of the date in the zone: a safe anchor instant that no DST shift moves to another day. */
export function anchorInstant(date: CivilDate, timeZone: string): Date {
  return zonedTimeToInstant(date, 12, 0, timeZone);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Same day of month `months` later, clamped to the month's length (Jan 31 + 1 -> Feb 28/29). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function sameDate(a: CivilDate, b: CivilDate): boolean {
  return compareDates(a, b) === 0;
}

export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** 'YYYY-MM-DD', used as React keys, test ids and cache keys. */
export function isoDate(date: CivilDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Inverse of isoDate; null for anything that is not 'YYYY-MM-DD'. */
export function parseIsoDate(text: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
