// Whether a civil date is one of an expression's days, read from its value sets alone, for the day rules
// whose Quartz walk reduces to set membership: plain values, ranges, lists and steps in the day-of-month
// or day-of-week field (the other one '?'), with the month and year fields. Quartz's getTimeAfter then
// only moves forward to the next member of each set, so a date matches exactly when each of its parts
// is a member. L, W, LW, L-n, nL and n#k need the walk (their day depends on the month): null.
import { dayOfWeek } from './calendar';
import type { CompiledCron } from './parse';
import { NO_SPEC } from './value-sets';

/** Month 1-12, day 1-31. */
export type DayMatcher = (year: number, month: number, day: number) => boolean;

export function plainDayMatcher(c: CompiledCron): DayMatcher | null {
  if (c.lastdayOfWeek || c.nthdayOfWeek !== 0 || c.lastdayOfMonth || c.nearestWeekday || c.lastdayOffset !== 0) return null;
  const domAny = c.daysOfMonth.includes(NO_SPEC);
  const dowAny = c.daysOfWeek.includes(NO_SPEC);
  // The parser refuses both or neither; should one slip through, the walk decides.
  if (domAny === dowAny) return null;
  const years = new Set(c.years);
  const months = new Set(c.months);
  const doms = new Set(c.daysOfMonth);
  const dows = new Set(c.daysOfWeek);
  return (year, month, day) => years.has(year) && months.has(month) && (dowAny ? doms.has(day) : dows.has(dayOfWeek(year, month - 1, day)));
}
