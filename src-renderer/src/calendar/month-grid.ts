// Which civil dates a month or week view shows. Pure: the views call these with the anchor's date.
import { addDays, dayOfWeek, weekdayShort, type CivilDate } from '@renderer/common/time';

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
export function weekdayNames(weekStartsOn: WeekStart): string[] {
  return Array.from({ length: 7 }, (_, i) => weekdayShort((i + weekStartsOn) % 7));
}
