// A minimal stand-in for java.util.GregorianCalendar in lenient mode, because Quartz's fire-time search is
// written against it: setting a field only marks the calendar dirty; the next read re-resolves the wall
// time through the zone (so 02:30 in a spring-forward gap becomes 03:30, and any re-set inside a repeated
// hour lands on its standard-time occurrence) and normalizes overflow (day 32 -> next month).
import type { Zone } from './zone';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Quartz getLastDayOfMonth (month 1-12). */
export function lastDayOfMonth(month: number, year: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  const v = MONTH_DAYS[month - 1];
  if (v === undefined) throw new RangeError(`Illegal month number: ${month}`);
  return v;
}

/** Wall ms from lenient fields (month 0-based, any overflow allowed). */
export function wallFromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const yy = y + Math.floor(mo / 12);
  const mm = ((mo % 12) + 12) % 12;
  const days = daysFromCivil(yy, mm + 1, 1) + d - 1;
  return days * DAY_MS + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
}

/** Java DAY_OF_WEEK (1 = Sunday) of a lenient date. */
export function dayOfWeek(y: number, mo: number, d: number): number {
  const days = Math.floor(wallFromFields(y, mo, d, 0, 0, 0, 0) / DAY_MS);
  return ((((days + 4) % 7) + 7) % 7) + 1;
}

export class LenientCalendar {
  year = 1970;
  month = 0; // 0-based like java.util.Calendar.MONTH
  day = 1;
  hour = 0;
  minute = 0;
  second = 0;
  millis = 0;
  private dow = 5;
  private utc = 0;
  // Stryker disable next-line BooleanLiteral: every caller sets the time before reading a field.
  private dirty = false;

  constructor(private readonly zone: Zone) {}

  setTime(utc: number): void {
    this.utc = utc;
    this.fromWall(utc + this.zone.offsetAt(utc));
    this.dirty = false;
  }

  // Wall-time range where the zone's offset is one constant with a day of margin on each side: inside
  // it, resolving a wall time is a subtraction (the common case; DST days take the slow path).

  private fromWall(wall: number): void {
    const days = Math.floor(wall / DAY_MS);
    let rest = wall - days * DAY_MS;
    this.hour = Math.floor(rest / 3_600_000);
    rest -= this.hour * 3_600_000;
    this.minute = Math.floor(rest / 60_000);
    rest -= this.minute * 60_000;
    this.second = Math.floor(rest / 1000);
    this.millis = rest - this.second * 1000;
    this.dow = ((((days + 4) % 7) + 7) % 7) + 1;
    // civil from days (Howard Hinnant's algorithm)
    const z = days + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    this.day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    this.year = yoe + era * 400 + (m <= 2 ? 1 : 0);
    this.month = m - 1;
  }

  /** Java's complete(): fields -> time (zone-resolved) -> fields. */
  private complete(): void {
    if (!this.dirty) return;
    // Stryker disable next-line BooleanLiteral: left dirty, the next read would only resolve the same fields again.
    this.dirty = false;
    const wall = wallFromFields(this.year, this.month, this.day, this.hour, this.minute, this.second, this.millis);
    // The shortcut below is speed only: a stricter test sends more cases down the slow path, which gives
    // the same answer (a looser one is caught by test/cron/calendar.test.ts, but is not counted).
    // Stryker disable EqualityOperator,ConditionalExpression,LogicalOperator,BlockStatement
    const inRange =
      this.month >= 0 &&
      this.month < 12 &&
      this.day >= 1 &&
      (this.day <= 28 || this.day <= lastDayOfMonth(this.month + 1, this.year)) &&
      this.hour >= 0 &&
      this.hour < 24 &&
      this.minute >= 0 &&
      this.minute < 60 &&
      this.second >= 0 &&
      this.second < 60 &&
      this.millis >= 0 &&
      this.millis < 1000;
    const z = this.zone;
    if (inRange) {
      const r = z.steady4;
      for (let i = 0; i < 12; i += 3) {
        if (wall >= (r[i] as number) && wall < (r[i + 1] as number)) {
          // Fields are already normal and the offset is fixed here: only the instant and weekday change.
          this.utc = wall - (r[i + 2] as number);
          this.dow = ((((Math.floor(wall / DAY_MS) + 4) % 7) + 7) % 7) + 1;
          return;
        }
      }
    }
    // Stryker restore EqualityOperator,ConditionalExpression,LogicalOperator,BlockStatement
    const utc = z.wallToUtc(wall);
    this.setTime(utc);
    z.rememberSteady(utc);
  }

  // Setters mark dirty, like Calendar.set().
  setYear(v: number): void {
    this.year = v;
    this.dirty = true;
  }
  setMonth(v: number): void {
    this.month = v;
    this.dirty = true;
  }
  setDay(v: number): void {
    this.day = v;
    this.dirty = true;
  }
  setHour(v: number): void {
    this.hour = v;
    this.dirty = true;
  }
  setMinute(v: number): void {
    this.minute = v;
    this.dirty = true;
  }
  setSecond(v: number): void {
    this.second = v;
    this.dirty = true;
  }
  setMillis(v: number): void {
    this.millis = v;
    this.dirty = true;
  }

  // Getters complete first, like Calendar.get().
  getYear(): number {
    this.complete();
    return this.year;
  }
  getMonth(): number {
    this.complete();
    return this.month;
  }
  getDay(): number {
    this.complete();
    return this.day;
  }
  getHour(): number {
    this.complete();
    return this.hour;
  }
  getMinute(): number {
    this.complete();
    return this.minute;
  }
  getSecond(): number {
    this.complete();
    return this.second;
  }
  getDayOfWeek(): number {
    this.complete();
    return this.dow;
  }
  getTime(): number {
    this.complete();
    return this.utc;
  }

  /** Calendar.add(YEAR, n): complete, add, pin the day to the new month length. */
  addYears(n: number): void {
    this.complete();
    this.year += n;
    const last = lastDayOfMonth(this.month + 1, this.year);
    // Stryker disable next-line EqualityOperator: pinning the last day to itself changes nothing.
    if (this.day > last) this.day = last;
    this.dirty = true;
  }
}
