// Every instant the UI shows, formatted one way: British English day-month order, 24-hour clock,
// English names, and the zone label (zones.ts) after any time that stands on its own. Built from the
// engine's wall-clock maths without Intl, so a month of chips costs string concatenation only.
import { dayOfWeek, zonedParts, type CivilDate } from './civil';
import { zoneAbbreviation } from './zones';

export interface TimeFormatOptions {
  /** Show seconds ('08:15:05'): for runs seconds apart (see needsSeconds). */
  seconds?: boolean;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

function clock(p: { hour: number; minute: number; second: number }, opts?: TimeFormatOptions): string {
  return `${two(p.hour)}:${two(p.minute)}${opts?.seconds ? `:${two(p.second)}` : ''}`;
}

/** '04:00' (or '04:00:05' with seconds), wall clock in `zone`, no label: for chips beside a zone caption. */
export function formatTime(at: Date, zone: string, opts?: TimeFormatOptions): string {
  return clock(zonedParts(at, zone), opts);
}

/** 'Tue 1 Dec 2026, 04:00 UTC': a date and time that stands on its own. */
export function formatWithZone(at: Date, zone: string, opts?: TimeFormatOptions): string {
  if (Number.isNaN(at.getTime())) return 'unknown time';
  const p = zonedParts(at, zone);
  return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${clock(p, opts)} ${zoneAbbreviation(zone, at)}`;
}

/** Within this of now a date without its year reads one way only: the nearest such day. */
const YEAR_SHOWN_BEYOND_MS = 182 * 86_400_000;

/**
 * 'Sat 28 Nov, 04:00 UTC', with the year only when the instant is half a year or more from `now`: for
 * tables, whose columns fit this form. A run next January seen in December reads 'Fri 15 Jan'.
 */
export function formatCompact(at: Date, zone: string, now: Date, opts?: TimeFormatOptions): string {
  if (Number.isNaN(at.getTime())) return 'unknown time';
  const p = zonedParts(at, zone);
  const year = Math.abs(at.getTime() - now.getTime()) < YEAR_SHOWN_BEYOND_MS ? '' : ` ${p.year}`;
  return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month - 1]}${year}, ${clock(p, opts)} ${zoneAbbreviation(zone, at)}`;
}

/** Axis labels of the timeline: '14 Mar', or 'Tue 06:00' with the hour. */
export function formatAxis(at: Date, zone: string, withHour: boolean): string {
  const p = zonedParts(at, zone);
  return withHour ? `${WEEKDAYS[p.weekday]} ${clock(p)}` : `${p.day} ${MONTHS[p.month - 1]}`;
}

/** Whether a list of runs needs seconds to tell them apart: two within a minute, or one off the minute. */
export function needsSeconds(runs: readonly Date[]): boolean {
  for (let i = 0; i < runs.length; i++) {
    const t = runs[i]?.getTime() ?? 0;
    if (t % 60_000 !== 0) return true;
    const prev = runs[i - 1];
    if (prev && Math.abs(t - prev.getTime()) < 60_000) return true;
  }
  return false;
}

const LONG_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A calendar date in words for screen readers, e.g. 'Sunday 14 March 2027' (every day cell says one). */
export function formatLongDate(date: CivilDate): string {
  return `${LONG_WEEKDAYS[dayOfWeek(date)]} ${date.day} ${LONG_MONTHS[date.month - 1]} ${date.year}`;
}

/** 'Sun' for 0 ... 'Sat' for 6. */
export function weekdayShort(weekday: number): string {
  return WEEKDAYS[weekday] ?? '';
}

/** The month view's title, e.g. 'March 2027'. */
export function formatMonthTitle(date: CivilDate): string {
  return `${LONG_MONTHS[date.month - 1]} ${date.year}`;
}

/** The week view's title, day before month: '14–20 Mar 2027', '28 Feb – 6 Mar 2027', '27 Dec 2026 – 2 Jan 2027'. */
export function formatDateRange(first: CivilDate, last: CivilDate): string {
  const tail = `${MONTHS[last.month - 1]} ${last.year}`;
  if (first.year !== last.year) return `${first.day} ${MONTHS[first.month - 1]} ${first.year} – ${last.day} ${tail}`;
  if (first.month !== last.month) return `${first.day} ${MONTHS[first.month - 1]} – ${last.day} ${tail}`;
  return `${first.day}–${last.day} ${tail}`;
}

let relative: Intl.RelativeTimeFormat | undefined;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

// A list of thousands of rows asks for a handful of distinct phrases: remember them (Intl is slow).
const phrases = new Map<string, string>();

/** "3 hours ago", "in 2 days", "just now". */
export function relativeTime(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) {
      const value = Math.round(diff / ms);
      const id = `${unit}|${value}`;
      let text = phrases.get(id);
      if (text === undefined) {
        relative ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
        text = relative.format(value, unit);
        phrases.set(id, text);
      }
      return text;
    }
  }
  return 'just now';
}
