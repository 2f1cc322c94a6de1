// Next fire time after an instant, step for step as Quartz 2.3.2's CronExpression.getTimeAfter walks a
// lenient GregorianCalendar. Following its exact sequence of field sets and reads is what makes the
// daylight-saving behaviour (and its quirks with W, L and # days) come out identical.
import { LenientCalendar, lastDayOfMonth, wallFromFields } from './calendar';
import { CronSyntaxError } from './errors';
import { excerpt } from './parse-notes';
import { fieldLabel } from './fields';
import { MAX_YEAR, NO_SPEC, type CompiledCron } from './parse';
import { LAST_SEARCHED_YEAR } from './value-sets';
import type { Zone } from './zone';

/** Far above any real search (a never-firing expression walks ~1,200 months to MAX_YEAR). */
const MAX_STEPS = 200_000;
const DAY_MS = 86_400_000;

/** Smallest element >= x (TreeSet.tailSet(x).first()), or -1 when there is none. */
function ceil(arr: readonly number[], x: number): number {
  let lo = 0,
    hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((arr[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < arr.length ? (arr[lo] as number) : -1;
}

function first(arr: readonly number[], field: 'seconds' | 'minutes' | 'hours' | 'day-of-month' | 'month' | 'day-of-week'): number {
  const v = arr[0];
  // Quartz accepts e.g. "L" or "," in the seconds field but then fails at run time with an empty set.
  if (v === undefined) throw new CronSyntaxError(field, `${fieldLabel(field)}: has no values, so the schedule never fires; give it a value such as *.`);
  return v;
}

/**
 * Java DAY_OF_WEEK (1 = Sunday) that Quartz's W rules read: that of the day's 00:00:00 resolved in the zone,
 * so a calendar day the zone skips (Pacific/Apia 2011-12-30) reads as the day the clock lands on.
 */
function zonedDayOfWeek(zone: Zone, year: number, mon: number, day: number): number {
  const utc = zone.wallToUtc(wallFromFields(year, mon - 1, day, 0, 0, 0, 0));
  const days = Math.floor((utc + zone.offsetAt(utc)) / DAY_MS);
  return ((((days + 4) % 7) + 7) % 7) + 1;
}

/** Nearest weekday to a day (Quartz's W rule, not crossing the month) for the given lenient date. */
function nearestWeekdayDay(zone: Zone, year: number, mon: number, day: number): number {
  const ldom = lastDayOfMonth(mon, year);
  const dow = zonedDayOfWeek(zone, year, mon, day);
  if (dow === 7 && day === 1) return day + 2;
  if (dow === 7) return day - 1;
  if (dow === 1 && day === ldom) return day - 2;
  if (dow === 1) return day + 1;
  return day;
}

/**
 * Quartz getTimeAfter: first fire time strictly after `afterMs` (whole seconds), or null. `sameSecondBefore`:
 * the W rules count a candidate on the start's next whole second as before it (see firesBefore).
 */
export function timeAfter(c: CompiledCron, zone: Zone, afterMs: number, sameSecondBefore = false): number | null {
  const cl = new LenientCalendar(zone);
  // The W rules compare with afterTime to the whole second (see firesBefore).
  const afterTime = Math.floor((afterMs + 1000) / 1000) * 1000 + (sameSecondBefore ? 1 : 0);
  cl.setTime(afterMs + 1000);
  cl.setMillis(0);
  const domSpec = !c.daysOfMonth.includes(NO_SPEC);
  const dowSpec = !c.daysOfWeek.includes(NO_SPEC);

  for (let guard = 0; ; guard++) {
    if (cl.getYear() > LAST_SEARCHED_YEAR) return null;
    if (guard > MAX_STEPS) {
      // From a start with milliseconds Quartz draws its clock's milliseconds anew on every pass, so a W day whose
      // candidate is the start's next second but never fires (its midnight skipped, Asia/Kathmandu 1986-01-01)
      // is in the end counted as before the start and its month skipped: search again that way.
      if (!sameSecondBefore && afterMs % 1000 !== 0) return timeAfter(c, zone, afterMs, true);
      // Quartz itself never returns here (e.g. "0W", or LW when the month's last weekday starts with a midnight
      // skipped by a clock change, as in Pacific/Apia 2011); fail clearly instead of hanging.
      throw new CronSyntaxError(
        'expression',
        `Expression: Quartz's search for the next fire time of '${excerpt(c.source)}' after ${new Date(afterMs).toISOString()} in ${zone.name} never ends ` +
          '(as with W on day 0, or a W/L day whose midnight a clock change skips); choose another day or time of day.',
      );
    }

    let sec = cl.getSecond();
    let min = cl.getMinute();
    let t: number;
    const s1 = ceil(c.seconds, sec);
    if (s1 !== -1) {
      sec = s1;
    } else {
      sec = first(c.seconds, 'seconds');
      min++;
      cl.setMinute(min);
    }
    cl.setSecond(sec);

    min = cl.getMinute();
    let hr = cl.getHour();
    t = -1;
    const m1 = ceil(c.minutes, min);
    if (m1 !== -1) {
      t = min;
      min = m1;
    } else {
      min = first(c.minutes, 'minutes');
      hr++;
    }
    if (min !== t) {
      cl.setSecond(0);
      cl.setMinute(min);
      setCalendarHour(cl, hr);
      continue;
    }
    cl.setMinute(min);

    hr = cl.getHour();
    let day = cl.getDay();
    t = -1;
    const h1 = ceil(c.hours, hr);
    if (h1 !== -1) {
      t = hr;
      hr = h1;
    } else {
      hr = first(c.hours, 'hours');
      day++;
    }
    if (hr !== t) {
      cl.setSecond(0);
      cl.setMinute(0);
      cl.setDay(day);
      setCalendarHour(cl, hr);
      continue;
    }
    cl.setHour(hr);

    day = cl.getDay();
    let mon = cl.getMonth() + 1;
    t = -1;
    let tmon = mon;

    if (domSpec && !dowSpec) {
      if (c.lastdayOfMonth) {
        if (!c.nearestWeekday) {
          t = day;
          day = lastDayOfMonth(mon, cl.getYear()) - c.lastdayOffset;
          if (t > day) {
            mon++;
            if (mon > 12) {
              mon = 1;
              tmon = 3333; // forces the "changed" branch below, as Quartz does
              cl.addYears(1);
            }
            day = 1;
          }
        } else {
          t = day;
          const year = cl.getYear();
          day = lastDayOfMonth(mon, year) - c.lastdayOffset;
          day = nearestWeekdayDay(zone, year, mon, day);
          if (firesBefore(zone, year, mon, day, hr, min, sec, afterTime)) {
            day = 1;
            mon++;
          }
        }
      } else if (c.nearestWeekday) {
        t = day;
        const year = cl.getYear();
        day = first(c.daysOfMonth, 'day-of-month');
        day = nearestWeekdayDay(zone, year, mon, day);
        if (firesBefore(zone, year, mon, day, hr, min, sec, afterTime)) {
          day = first(c.daysOfMonth, 'day-of-month');
          mon++;
        }
      } else {
        const d1 = ceil(c.daysOfMonth, day);
        if (d1 !== -1) {
          t = day;
          day = d1;
          if (day > lastDayOfMonth(mon, cl.getYear())) {
            day = first(c.daysOfMonth, 'day-of-month');
            mon++;
          }
        } else {
          day = first(c.daysOfMonth, 'day-of-month');
          mon++;
        }
      }
      if (day !== t || mon !== tmon) {
        resetTime(cl);
        cl.setDay(day);
        cl.setMonth(mon - 1);
        continue;
      }
    } else if (dowSpec && !domSpec) {
      const want = first(c.daysOfWeek, 'day-of-week');
      if (c.lastdayOfWeek) {
        const cDow = cl.getDayOfWeek();
        let add = cDow < want ? want - cDow : cDow > want ? want + (7 - cDow) : 0;
        const lDay = lastDayOfMonth(mon, cl.getYear());
        if (day + add > lDay) {
          resetTime(cl);
          cl.setDay(1);
          cl.setMonth(mon);
          continue;
        }
        while (day + add + 7 <= lDay) add += 7;
        day += add;
        if (add > 0) {
          resetTime(cl);
          cl.setDay(day);
          cl.setMonth(mon - 1);
          continue;
        }
      } else if (c.nthdayOfWeek !== 0) {
        // Quartz stores the weekday of 'n#k' unchecked ('8#3'): no day ever is one, so its month-by-month walk
        // ends empty at the last year. The answer is the same without the walk (seconds in a DST zone).
        if (want > 7) return null;
        const cDow = cl.getDayOfWeek();
        let add = cDow < want ? want - cDow : cDow > want ? want + (7 - cDow) : 0;
        const shifted = add > 0;
        day += add;
        let weekOfMonth = Math.trunc(day / 7);
        if (day % 7 > 0) weekOfMonth++;
        add = (c.nthdayOfWeek - weekOfMonth) * 7;
        day += add;
        if (add < 0 || day > lastDayOfMonth(mon, cl.getYear())) {
          resetTime(cl);
          cl.setDay(1);
          cl.setMonth(mon);
          continue;
        } else if (add > 0 || shifted) {
          resetTime(cl);
          cl.setDay(day);
          cl.setMonth(mon - 1);
          continue;
        }
      } else {
        const cDow = cl.getDayOfWeek();
        const d1 = ceil(c.daysOfWeek, cDow);
        const dow = d1 !== -1 ? d1 : want;
        const add = cDow < dow ? dow - cDow : cDow > dow ? dow + (7 - cDow) : 0;
        const lDay = lastDayOfMonth(mon, cl.getYear());
        if (day + add > lDay) {
          resetTime(cl);
          cl.setDay(1);
          cl.setMonth(mon);
          continue;
        } else if (add > 0) {
          resetTime(cl);
          cl.setDay(day + add);
          cl.setMonth(mon - 1);
          continue;
        }
      }
    } else {
      throw new CronSyntaxError('day-of-week', "Day-of-week: put '?' in exactly one of day-of-month and day-of-week.");
    }
    cl.setDay(day);

    mon = cl.getMonth() + 1;
    let year = cl.getYear();
    t = -1;
    if (year > MAX_YEAR) return null;

    const mo1 = ceil(c.months, mon);
    if (mo1 !== -1) {
      t = mon;
      mon = mo1;
    } else {
      mon = first(c.months, 'month');
      year++;
    }
    if (mon !== t) {
      resetTime(cl);
      cl.setDay(1);
      cl.setMonth(mon - 1);
      cl.setYear(year);
      continue;
    }
    cl.setMonth(mon - 1);

    year = cl.getYear();
    t = -1;
    const y1 = ceil(c.years, year);
    if (y1 === -1) return null;
    t = year;
    year = y1;
    if (year !== t) {
      resetTime(cl);
      cl.setDay(1);
      cl.setMonth(0);
      cl.setYear(year);
      continue;
    }
    cl.setYear(year);
    return cl.getTime();
  }
}

function resetTime(cl: LenientCalendar): void {
  cl.setSecond(0);
  cl.setMinute(0);
  cl.setHour(0);
}

/** Quartz setCalendarHour: if the hour does not exist (DST gap), take the next one. */
function setCalendarHour(cl: LenientCalendar, hour: number): void {
  cl.setHour(hour);
  if (cl.getHour() !== hour && hour !== 24) cl.setHour(hour + 1);
}

/**
 * The W rules build a second calendar (set to day/hr:min:sec of month `mon`) and skip the month when that
 * instant is before afterTime. Quartz's extra calendar keeps the milliseconds of the machine's clock at that
 * moment, so for a start with milliseconds and a W day's first second as the candidate, Quartz skips the
 * whole month or not at random. Comparing whole seconds is Quartz whenever its clock's milliseconds are at
 * least the start's (always for whole-second starts), and is what the expression means: a fire time
 * after the start is not skipped. Only where that candidate never fires and the walk would never end does
 * timeAfter search again with it counted as before, which is where Quartz's draws end up.
 * Quartz builds the candidate in the calendar it read the weekday from; when that day's midnight was skipped
 * into the next year (Pacific/Kiritimati 1994-12-31) the candidate lands a year late and Quartz hands back
 * the same fire time again and again. The engine keeps the candidate's own year and moves on.
 */
function firesBefore(zone: Zone, year: number, mon: number, day: number, hr: number, min: number, sec: number, afterTime: number): boolean {
  const wall = wallFromFields(year, mon - 1, day, hr, min, sec, 0);
  return zone.wallToUtc(wall) < afterTime;
}
