import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import {
  addDays,
  addMonths,
  anchorInstant,
  civilDateOf,
  daysBetween,
  isoDate,
  parseIsoDate,
  startOfZonedDay,
  zonedParts,
  zonedTimeToInstant,
} from '@renderer/common/time';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe("zone conversion with the engine's zone code", () => {
  it('reads the wall clock of an instant in a zone', () => {
    expect(zonedParts(new Date('2027-01-15T12:34:56Z'), 'Asia/Tokyo')).toEqual({ year: 2027, month: 1, day: 15, hour: 21, minute: 34, second: 56, weekday: 5 });
    expect(civilDateOf(new Date('2027-01-15T23:30:00Z'), 'Asia/Tokyo')).toEqual(d(2027, 1, 16));
    expect(civilDateOf(new Date('2027-01-15T03:00:00Z'), 'America/Los_Angeles')).toEqual(d(2027, 1, 14));
  });

  it('turns a wall time into the instant, in winter and summer', () => {
    expect(zonedTimeToInstant(d(2027, 1, 10), 4, 0, 'America/New_York').toISOString()).toBe('2027-01-10T09:00:00.000Z');
    expect(zonedTimeToInstant(d(2027, 7, 10), 4, 0, 'America/New_York').toISOString()).toBe('2027-07-10T08:00:00.000Z');
    expect(zonedTimeToInstant(d(2027, 7, 10), 4, 0, 'UTC').toISOString()).toBe('2027-07-10T04:00:00.000Z');
  });

  it('moves a time inside the spring-forward gap past the gap, and takes the second of a repeated time, as the engine does', () => {
    expect(zonedTimeToInstant(d(2027, 3, 14), 2, 30, 'America/New_York').toISOString()).toBe('2027-03-14T07:30:00.000Z');
    // 01:30 happens twice on 7 Nov 2027 in New York (EDT, then EST): Quartz and the engine take the second.
    expect(zonedTimeToInstant(d(2027, 11, 7), 1, 30, 'America/New_York').toISOString()).toBe('2027-11-07T06:30:00.000Z');
    const engine = nextRuns('0 30 1 7 11 ? 2027', { after: new Date('2027-11-06T00:00:00Z'), count: 1, timeZone: 'America/New_York' });
    expect(engine[0]?.toISOString()).toBe(zonedTimeToInstant(d(2027, 11, 7), 1, 30, 'America/New_York').toISOString());
  });

  it('knows a day shortened or lengthened by daylight saving', () => {
    const len = (date: { year: number; month: number; day: number }, zone: string) =>
      (startOfZonedDay(addDays(date, 1), zone).getTime() - startOfZonedDay(date, zone).getTime()) / 3_600_000;
    expect(len(d(2027, 3, 14), 'America/New_York')).toBe(23);
    expect(len(d(2027, 11, 7), 'America/New_York')).toBe(25);
    expect(len(d(2027, 3, 28), 'Europe/Berlin')).toBe(23);
    // Santiago springs forward at midnight: the day begins at 01:00.
    expect(startOfZonedDay(d(2026, 9, 6), 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('anchors a date at noon so a DST shift never moves it to another day', () => {
    const a = anchorInstant(d(2027, 3, 14), 'America/New_York');
    expect(civilDateOf(a, 'America/New_York')).toEqual(d(2027, 3, 14));
  });

  it('does calendar arithmetic on civil dates', () => {
    expect(addDays(d(2027, 2, 28), 1)).toEqual(d(2027, 3, 1));
    expect(addDays(d(2028, 2, 28), 1)).toEqual(d(2028, 2, 29));
    expect(addMonths(d(2027, 1, 31), 1)).toEqual(d(2027, 2, 28));
    expect(addMonths(d(2027, 12, 15), 1)).toEqual(d(2028, 1, 15));
    expect(addMonths(d(2027, 1, 15), -1)).toEqual(d(2026, 12, 15));
    expect(daysBetween(d(2027, 3, 1), d(2027, 4, 1))).toBe(31);
    expect(isoDate(d(2027, 3, 1))).toBe('2027-03-01');
    expect(parseIsoDate('2027-03-01')).toEqual(d(2027, 3, 1));
    expect(parseIsoDate('March 1')).toBeNull();
  });
});
