// Which civil dates a month or week view shows. Pure: the views call these with the anchor's date.
import { addDays, dayOfWeek, type CivilDate } from '@renderer/common/time';

/** 0 = Sunday (Quartz's day 1, and the US convention AtScale documents use), 1 = Monday. */
export type WeekStart = 0 | 1;

export function startOfWeek(date: CivilDate, weekStartsOn: WeekStart): CivilDate {
  const back = (dayOfWeek(date) - weekStartsOn + 7) % 7;
  return addDays(date, -back);
}

/** The 7 dates of the week holding `date`. */
export function weekDates(date: CivilDate, weekStartsOn: WeekStart): CivilDate[] {
  const first = startOfWeek(date, weekStartsOn);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/**
 * Always 6 weeks, so the grid keeps its height from month to month; leading and trailing days
 * come from the neighbouring months.
 */
export function monthGrid(date: CivilDate, weekStartsOn: WeekStart): CivilDate[][] {
  const first = startOfWeek({ year: date.year, month: date.month, day: 1 }, weekStartsOn);
  return Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(first, w * 7 + d)));
}

/** Short weekday names in display order, e.g. ['Sun', 'Mon', ...]. */
export function weekdayNames(weekStartsOn: WeekStart, locale = 'en-US', width: 'short' | 'long' = 'short'): string[] {
  const fmt = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(new Date(Date.UTC(2023, 0, 1 + ((i + weekStartsOn) % 7)))));
}

export function monthTitle(date: CivilDate, locale = 'en-US'): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(date.year, date.month - 1, 1)),
  );
}

export function weekTitle(dates: CivilDate[], locale = 'en-US'): string {
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return '';
  const fmt = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return fmt.formatRange(new Date(Date.UTC(first.year, first.month - 1, first.day)), new Date(Date.UTC(last.year, last.month - 1, last.day)));
}

/** Long date for a screen reader, e.g. 'Tuesday, March 14, 2027'. */
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

export function longDate(date: CivilDate, locale = 'en-US'): string {
  // Called for every cell on every render: keep the formatter.
  let f = longDateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    longDateFormats.set(locale, f);
  }
  return f.format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}
