import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import {
  addDays,
  addMonths,
  anchorInstant,
  civilDateOf,
  compareDates,
  daysBetween,
  isoDate,
  parseIsoDate,
  sameDate,
  startOfZonedDay,
  wallMinutes,
  zoneOffsetMs,
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

describe('offsets and wall clocks in zones with half-hour offsets and changes', () => {
  it("gives a zone's offset from UTC at an instant, summer and winter", () => {
    const hours = (ms: number) => ms / 3_600_000;
    expect(hours(zoneOffsetMs(new Date('2027-01-15T12:00:00Z'), 'America/New_York'))).toBe(-5);
    expect(hours(zoneOffsetMs(new Date('2027-07-15T12:00:00Z'), 'America/New_York'))).toBe(-4);
    expect(hours(zoneOffsetMs(new Date('2027-01-15T12:00:00Z'), 'Asia/Kolkata'))).toBe(5.5);
    // Lord Howe Island moves its clocks by half an hour: +11 in the southern summer, +10:30 in winter.
    expect(hours(zoneOffsetMs(new Date('2027-01-15T12:00:00Z'), 'Australia/Lord_Howe'))).toBe(11);
    expect(hours(zoneOffsetMs(new Date('2027-07-15T12:00:00Z'), 'Australia/Lord_Howe'))).toBe(10.5);
    expect(zoneOffsetMs(new Date('2027-07-15T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('reads the minutes since wall-clock midnight, where the week grid places a chip', () => {
    expect(wallMinutes(new Date('2027-01-15T00:00:00Z'), 'Asia/Kolkata')).toBe(5 * 60 + 30);
    expect(wallMinutes(new Date('2027-01-15T03:00:00Z'), 'America/New_York')).toBe(22 * 60);
    expect(wallMinutes(new Date('2027-01-15T13:29:59Z'), 'Australia/Lord_Howe')).toBe(29);
    expect(wallMinutes(new Date('2027-01-15T12:59:00Z'), 'Australia/Lord_Howe')).toBe(23 * 60 + 59);
    // The second 01:30 of a fall-back night is still 90 minutes after midnight on the wall clock.
    expect(wallMinutes(new Date('2027-11-07T06:30:00Z'), 'America/New_York')).toBe(90);
    // Before 1970 the wall time is a negative count of milliseconds: still minutes into its own day.
    expect(wallMinutes(new Date('1969-12-31T23:15:00Z'), 'UTC')).toBe(23 * 60 + 15);
  });

  it('reads a half-hour zone across midnight into the next day', () => {
    expect(zonedParts(new Date('2027-01-15T20:00:00Z'), 'Asia/Kolkata')).toEqual({ year: 2027, month: 1, day: 16, hour: 1, minute: 30, second: 0, weekday: 6 });
  });

  it("resolves Lord Howe's half-hour gap and repeated half hour as the engine does", () => {
    // 4 Oct 2026: 02:00 jumps to 02:30. A wall time of 02:15 moves forward by the 30-minute gap, to 02:45 (+11).
    expect(zonedTimeToInstant(d(2026, 10, 4), 2, 15, 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:45:00.000Z');
    // 4 Apr 2027: 02:00 falls back to 01:30, so 01:45 happens twice; the second (+10:30) is meant.
    expect(zonedTimeToInstant(d(2027, 4, 4), 1, 45, 'Australia/Lord_Howe').toISOString()).toBe('2027-04-03T15:15:00.000Z');
    const engine = nextRuns('0 45 1 4 4 ? 2027', { after: new Date('2027-04-01T00:00:00Z'), count: 1, timeZone: 'Australia/Lord_Howe' });
    expect(engine[0]?.toISOString()).toBe('2027-04-03T15:15:00.000Z');
  });

  it('takes the second 02:30 of the night Berlin falls back, as the engine does', () => {
    expect(zonedTimeToInstant(d(2027, 10, 31), 2, 30, 'Europe/Berlin').toISOString()).toBe('2027-10-31T01:30:00.000Z');
    const engine = nextRuns('0 30 2 * * ?', { after: new Date('2027-10-30T12:00:00Z'), count: 1, timeZone: 'Europe/Berlin' });
    expect(engine[0]?.toISOString()).toBe('2027-10-31T01:30:00.000Z');
    expect(zonedTimeToInstant(d(2027, 3, 28), 2, 30, 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });
});

describe('ordering civil dates', () => {
  it('orders dates by year, then month, then day', () => {
    expect(compareDates(d(2026, 12, 31), d(2027, 1, 1))).toBeLessThan(0);
    expect(compareDates(d(2027, 1, 1), d(2026, 12, 31))).toBeGreaterThan(0);
    expect(compareDates(d(2027, 2, 28), d(2027, 3, 1))).toBeLessThan(0);
    expect(compareDates(d(2027, 3, 1), d(2027, 2, 28))).toBeGreaterThan(0);
    expect(compareDates(d(2027, 3, 1), d(2027, 3, 2))).toBeLessThan(0);
    expect(compareDates(d(2027, 3, 2), d(2027, 3, 1))).toBeGreaterThan(0);
    expect(compareDates(d(2027, 3, 1), d(2027, 3, 1))).toBe(0);
    const sorted = [d(2027, 3, 2), d(2026, 12, 31), d(2027, 3, 1), d(2027, 2, 28)].sort(compareDates).map(isoDate);
    expect(sorted).toEqual(['2026-12-31', '2027-02-28', '2027-03-01', '2027-03-02']);
  });

  it('tells the same date from any other (today in the week grid)', () => {
    expect(sameDate(d(2027, 3, 14), d(2027, 3, 14))).toBe(true);
    expect(sameDate(d(2027, 3, 14), d(2027, 3, 15))).toBe(false);
    expect(sameDate(d(2027, 3, 14), d(2026, 3, 14))).toBe(false);
  });

  it('reads only a whole YYYY-MM-DD text as a date', () => {
    expect(parseIsoDate('x2027-03-01')).toBeNull();
    expect(parseIsoDate('2027-03-01x')).toBeNull();
    expect(parseIsoDate('2027-03-01T00:00:00Z')).toBeNull();
    expect(parseIsoDate('2027-3-1')).toBeNull();
  });
});
