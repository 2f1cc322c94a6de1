// The lenient calendar Quartz's search is written against (java.util.GregorianCalendar, lenient): a wrong
// day count, weekday or normalization here moves fire times. The reference is the platform's own proleptic
// Gregorian arithmetic (Date.UTC is lenient in every field, like Java's calendar), and for a real zone the
// wall time is resolved once through the zone, as Java's complete() does.
import { describe, expect, it } from 'vitest';
import { LenientCalendar, dayOfWeek, daysFromCivil, isLeapYear, lastDayOfMonth, wallFromFields } from '@shared/cron/calendar';
import { zoneFor } from '@shared/cron/zone';

const DAY = 86_400_000;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fields of a wall time read as UTC, in the calendar's shape (month 0-based, weekday 1 = Sunday). */
function fieldsOf(wall: number) {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    dow: d.getUTCDay() + 1,
  };
}

function read(c: LenientCalendar) {
  return {
    year: c.getYear(),
    month: c.getMonth(),
    day: c.getDay(),
    hour: c.getHour(),
    minute: c.getMinute(),
    second: c.getSecond(),
    dow: c.getDayOfWeek(),
  };
}

describe('calendar arithmetic', () => {
  it('knows which years are leap years, century years included', () => {
    const days = (y: number) => lastDayOfMonth(2, y);
    expect([1900, 1970, 1999, 2000, 2023, 2024, 2096, 2100, 2400].map((y) => [y, days(y), isLeapYear(y)])).toEqual([
      [1900, 28, false],
      [1970, 28, false],
      [1999, 28, false],
      [2000, 29, true],
      [2023, 28, false],
      [2024, 29, true],
      [2096, 29, true],
      [2100, 28, false],
      [2400, 29, true],
    ]);
  });

  it('gives every month its length and refuses a month that does not exist', () => {
    expect(Array.from({ length: 12 }, (_, i) => lastDayOfMonth(i + 1, 2025))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(() => lastDayOfMonth(13, 2025)).toThrow(new RangeError('Illegal month number: 13'));
    expect(() => lastDayOfMonth(0, 2025)).toThrow(new RangeError('Illegal month number: 0'));
  });

  it('counts days and weekdays like the platform calendar, over six centuries and with overflowing fields', () => {
    const next = random(7);
    const wrong: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const y = 1600 + Math.floor(next() * 1000);
      const mo = Math.floor(next() * 40) - 14;
      const d = Math.floor(next() * 80) - 20;
      const h = Math.floor(next() * 60) - 10;
      const mi = Math.floor(next() * 150) - 20;
      const s = Math.floor(next() * 150) - 20;
      const ms = Math.floor(next() * 3000) - 500;
      const want = Date.UTC(y, mo, d, h, mi, s, ms);
      const got = wallFromFields(y, mo, d, h, mi, s, ms);
      if (got !== want) wrong.push(`${y}-${mo}-${d} ${h}:${mi}:${s}.${ms}: ${got} != ${want}`);
      const dow = new Date(Date.UTC(y, mo, d)).getUTCDay() + 1;
      if (dayOfWeek(y, mo, d) !== dow) wrong.push(`weekday of ${y}-${mo}-${d}: ${dayOfWeek(y, mo, d)} != ${dow}`);
    }
    // The days around the ends of centuries and of a 400-year cycle, where the civil formulas branch.
    for (const [y, m, d] of [
      [1900, 2, 28],
      [1900, 3, 1],
      [2000, 2, 29],
      [2000, 3, 1],
      [2100, 2, 28],
      [2100, 3, 1],
      [2400, 2, 29],
      [2400, 3, 1],
      [1970, 1, 1],
      [1969, 12, 31],
    ] as const) {
      if (daysFromCivil(y, m, d) * DAY !== Date.UTC(y, m - 1, d)) wrong.push(`days of ${y}-${m}-${d}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('lenient calendar', () => {
  it('reads back the date, time and weekday of any instant, across six centuries', () => {
    const c = new LenientCalendar(zoneFor('UTC'));
    const next = random(11);
    const wrong: string[] = [];
    const instants = [
      Date.UTC(2400, 1, 29, 23, 59, 59),
      Date.UTC(2400, 2, 1),
      Date.UTC(2100, 1, 28, 12),
      Date.UTC(2100, 2, 1),
      Date.UTC(2000, 1, 29, 6),
      Date.UTC(1900, 1, 28),
      Date.UTC(1900, 2, 1),
      Date.UTC(1969, 11, 31, 23, 59, 59),
    ];
    for (let i = 0; i < 3000; i++) instants.push(Date.UTC(1600, 0, 1) + Math.floor(next() * 1000 * 365.25) * DAY + Math.floor((next() * DAY) / 1000) * 1000);
    for (const t of instants) {
      c.setTime(t);
      const got = read(c);
      const want = fieldsOf(t);
      if (JSON.stringify(got) !== JSON.stringify(want) || c.getTime() !== t) {
        wrong.push(`${new Date(t).toISOString()}: ${JSON.stringify(got)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'])(
    'normalizes every field set out of range, up or down, into the right instant in %s',
    (name) => {
      const zone = zoneFor(name);
      const c = new LenientCalendar(zone);
      const next = random(name.length);
      const wrong: string[] = [];
      const setters = [
        (v: number) => c.setYear(2020 + (v % 8)),
        (v: number) => c.setMonth((v % 30) - 9),
        (v: number) => c.setDay((v % 70) - 15),
        (v: number) => c.setHour((v % 60) - 12),
        (v: number) => c.setMinute((v % 200) - 40),
        (v: number) => c.setSecond((v % 200) - 40),
        (v: number) => c.setMillis((v % 3000) - 1000),
      ];
      for (let i = 0; i < 3000; i++) {
        const start = Date.UTC(2021, 0, 1) + Math.floor(next() * 5 * 365 * DAY);
        c.setTime(start);
        // Read once, so the calendar has settled in this stretch of the zone before the fields change.
        c.getTime();
        const fields = [c.year, c.month, c.day, c.hour, c.minute, c.second, c.millis];
        const k = Math.floor(next() * setters.length);
        const v = Math.floor(next() * 100_000);
        (setters[k] as (v: number) => void)(v);
        fields[k] = [c.year, c.month, c.day, c.hour, c.minute, c.second, c.millis][k] as number;
        const [y, mo, d, h, mi, s, ms] = fields as [number, number, number, number, number, number, number];
        const utc = zone.wallToUtc(Date.UTC(y, mo, d, h, mi, s, ms));
        const want = { ...fieldsOf(utc + zone.offsetAt(utc)), utc };
        const got = { ...read(c), utc: c.getTime() };
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          wrong.push(`set field ${k} to ${fields[k]} from ${new Date(start).toISOString()}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );

  it('keeps the instant it was given inside a repeated hour until a field is set', () => {
    // 02:30 happens twice in Berlin on 2024-10-27: first in summer time (00:30Z), then in winter time (01:30Z).
    const c = new LenientCalendar(zoneFor('Europe/Berlin'));
    const first = Date.parse('2024-10-27T00:30:00Z');
    c.setTime(first);
    expect([c.getHour(), c.getMinute(), c.getTime()]).toEqual([2, 30, first]);
    // Setting a field re-resolves the wall time, which then lands on the standard-time occurrence.
    c.setSecond(0);
    expect(c.getTime()).toBe(Date.parse('2024-10-27T01:30:00Z'));
  });

  it('moves a wall time in a spring-forward gap past the gap, and every setter takes effect', () => {
    const c = new LenientCalendar(zoneFor('America/New_York'));
    c.setTime(Date.parse('2027-03-14T05:00:00Z')); // 00:00 EST, the night clocks skip 02:00-03:00
    c.setHour(2);
    c.setMinute(30);
    expect([c.getHour(), c.getMinute(), c.getTime()]).toEqual([3, 30, Date.parse('2027-03-14T07:30:00Z')]);
    c.setMillis(250);
    expect(c.getTime()).toBe(Date.parse('2027-03-14T07:30:00.250Z'));
    c.setYear(2028);
    c.setMonth(0);
    c.setDay(15);
    c.setSecond(9);
    expect(new Date(c.getTime()).toISOString()).toBe('2028-01-15T08:30:09.250Z');
  });

  it('adds years keeping the day, pinned to the last day of a shorter month', () => {
    const c = new LenientCalendar(zoneFor('UTC'));
    const after = (iso: string, n: number) => {
      c.setTime(Date.parse(iso));
      c.addYears(n);
      return new Date(c.getTime()).toISOString();
    };
    expect(after('2024-02-29T10:00:00Z', 1)).toBe('2025-02-28T10:00:00.000Z');
    expect(after('2024-02-29T10:00:00Z', 4)).toBe('2028-02-29T10:00:00.000Z');
    expect(after('2023-01-31T00:00:00Z', 1)).toBe('2024-01-31T00:00:00.000Z');
    expect(after('2023-05-15T08:00:00Z', 1)).toBe('2024-05-15T08:00:00.000Z');
    expect(after('2023-12-31T23:59:59Z', 2)).toBe('2025-12-31T23:59:59.000Z');
  });
});
