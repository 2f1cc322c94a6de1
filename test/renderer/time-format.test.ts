// The one way the renderer writes instants: 24-hour clock, day before month, and one zone label per
// zone and instant, whichever view asks (list, calendar, timeline, audit log, run preview).
import { describe, expect, it } from 'vitest';
import {
  formatAxis,
  formatCompact,
  formatLongDate,
  formatTime,
  formatWithZone,
  needsSeconds,
  relativeTime,
  weekdayShort,
  zoneAbbreviation,
  zoneCaption,
  zoneLabel,
} from '@renderer/common/time';

const at = new Date('2026-12-01T04:00:00Z');
const now = new Date('2026-11-28T10:00:00Z');

describe('one label per zone', () => {
  it('names each zone the same way in the list, the calendar caption and titles', () => {
    expect(zoneAbbreviation('UTC', at)).toBe('UTC');
    expect(zoneAbbreviation('Europe/Berlin', at)).toBe('CET');
    expect(zoneAbbreviation('Europe/Berlin', new Date('2027-07-01T04:00:00Z'))).toBe('CEST');
    expect(zoneAbbreviation('America/New_York', at)).toBe('EST');
    expect(zoneAbbreviation('Europe/London', new Date('2027-07-01T04:00:00Z'))).toBe('BST');
    // No common abbreviation: the offset from UTC, never a bare 'GMT+9'.
    expect(zoneAbbreviation('Asia/Tokyo', at)).toBe('UTC+9');
    expect(zoneAbbreviation('Asia/Kolkata', at)).toBe('UTC+5:30');
    // The list row, the calendar caption and a chip's title agree for Berlin.
    expect(formatCompact(at, 'Europe/Berlin', now)).toMatch(/ CET$/);
    expect(zoneCaption([], 'local', 'Europe/Berlin', at)).toBe('Times in local time: Europe/Berlin (CET)');
    expect(zoneLabel('Asia/Tokyo', at)).toBe('Asia/Tokyo (UTC+9)');
  });
});

describe('one format for instants', () => {
  it('writes a standalone date and time with its zone (details, dialogs, timeline titles)', () => {
    expect(formatWithZone(at, 'UTC')).toBe('Tue 1 Dec 2026, 04:00 UTC');
    expect(formatWithZone(at, 'Europe/Berlin')).toBe('Tue 1 Dec 2026, 05:00 CET');
    expect(formatWithZone(at, 'America/New_York')).toBe('Mon 30 Nov 2026, 23:00 EST');
  });

  it('writes the audit log in 24-hour time with seconds and the zone', () => {
    expect(formatWithZone(new Date('2026-12-01T16:05:09Z'), 'UTC', { seconds: true })).toBe('Tue 1 Dec 2026, 16:05:09 UTC');
  });

  it('writes list cells without the year within half a year of now, either way, and with it beyond', () => {
    expect(formatCompact(at, 'UTC', now)).toBe('Tue 1 Dec, 04:00 UTC');
    // Across the new year the nearest such day is meant: no year, so the cell keeps its width.
    expect(formatCompact(new Date('2027-01-05T04:00:00Z'), 'UTC', now)).toBe('Tue 5 Jan, 04:00 UTC');
    expect(formatCompact(new Date('2026-06-05T04:00:00Z'), 'UTC', now)).toBe('Fri 5 Jun, 04:00 UTC');
    expect(formatCompact(new Date('2027-05-20T04:00:00Z'), 'UTC', now)).toBe('Thu 20 May, 04:00 UTC');
    // Half a year or more away, the same weekday and date recur: the year says which.
    expect(formatCompact(new Date('2027-06-01T04:00:00Z'), 'UTC', now)).toBe('Tue 1 Jun 2027, 04:00 UTC');
    expect(formatCompact(new Date('2026-05-20T04:00:00Z'), 'UTC', now)).toBe('Wed 20 May 2026, 04:00 UTC');
    expect(formatCompact(new Date('2030-12-01T04:00:00Z'), 'UTC', now)).toBe('Sun 1 Dec 2030, 04:00 UTC');
    // Exactly 182 days away is half a year: the year is shown.
    expect(formatCompact(new Date(now.getTime() + 182 * 86_400_000), 'UTC', now)).toBe('Sat 29 May 2027, 10:00 UTC');
    expect(formatCompact(new Date(now.getTime() + 182 * 86_400_000 - 60_000), 'UTC', now)).toBe('Sat 29 May, 09:59 UTC');
    expect(formatCompact(new Date(Number.NaN), 'UTC', now)).toBe('unknown time');
  });

  it('writes chip times and timeline axis labels on the same 24-hour clock', () => {
    expect(formatTime(new Date('2026-12-01T16:30:00Z'), 'UTC')).toBe('16:30');
    expect(formatAxis(new Date('2026-12-01T18:00:00Z'), 'UTC', true)).toBe('Tue 18:00');
    expect(formatAxis(at, 'UTC', false)).toBe('1 Dec');
  });

  it("writes a day cell's date in words, day before month", () => {
    expect(formatLongDate({ year: 2027, month: 3, day: 14 })).toBe('Sunday 14 March 2027');
  });
});

describe('seconds when runs are seconds apart', () => {
  it('asks for seconds only when two runs share a minute or a run is off the minute', () => {
    const everySecond = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 11, 1, 8, 15, i)));
    expect(needsSeconds(everySecond)).toBe(true);
    expect(new Set(everySecond.map((r) => formatTime(r, 'UTC', { seconds: needsSeconds(everySecond) }))).size).toBe(10);
    expect(needsSeconds([new Date('2026-12-01T08:15:30Z')])).toBe(true);
    const minutely = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 11, 1, 8, 15 + i)));
    expect(needsSeconds(minutely)).toBe(false);
  });
});

describe('instants around clock changes and in half-hour zones', () => {
  it('tells the two 02:30s of the night Berlin falls back apart by their labels', () => {
    expect(formatWithZone(new Date('2027-10-31T00:30:00Z'), 'Europe/Berlin')).toBe('Sun 31 Oct 2027, 02:30 CEST');
    expect(formatWithZone(new Date('2027-10-31T01:30:00Z'), 'Europe/Berlin')).toBe('Sun 31 Oct 2027, 02:30 CET');
  });

  it("writes Lord Howe's repeated half hour with the offset in force", () => {
    expect(formatWithZone(new Date('2027-04-03T14:45:00Z'), 'Australia/Lord_Howe')).toBe('Sun 4 Apr 2027, 01:45 UTC+11');
    expect(formatWithZone(new Date('2027-04-03T15:15:00Z'), 'Australia/Lord_Howe')).toBe('Sun 4 Apr 2027, 01:45 UTC+10:30');
  });

  it('writes a half-hour zone past midnight on the next day', () => {
    expect(formatWithZone(new Date('2027-01-15T20:00:00Z'), 'Asia/Kolkata')).toBe('Sat 16 Jan 2027, 01:30 UTC+5:30');
  });

  it('writes an invalid instant as unknown time in every standalone form', () => {
    expect(formatWithZone(new Date(Number.NaN), 'Europe/Berlin')).toBe('unknown time');
  });
});

describe('seconds for duplicates and list ends', () => {
  it('asks for seconds when the same minute appears twice', () => {
    const run = new Date('2026-12-01T08:15:00Z');
    expect(needsSeconds([run, new Date(run.getTime())])).toBe(true);
    expect(needsSeconds([new Date('2026-12-01T08:14:00Z'), run, new Date(run.getTime())])).toBe(true);
  });

  it('needs no seconds for one run on the minute, even at 00:00 on 1 Jan 1970', () => {
    expect(needsSeconds([])).toBe(false);
    expect(needsSeconds([new Date(0)])).toBe(false);
    expect(needsSeconds([new Date('2026-12-01T08:14:00Z'), new Date(0)])).toBe(false);
  });
});

describe('relative times', () => {
  const base = new Date('2026-12-01T12:00:00Z');
  const ago = (ms: number) => relativeTime(new Date(base.getTime() - ms), base);
  const ahead = (ms: number) => relativeTime(new Date(base.getTime() + ms), base);
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;

  it('says just now within a minute, either way', () => {
    expect(ago(0)).toBe('just now');
    expect(ago(59_999)).toBe('just now');
    expect(ahead(30_000)).toBe('just now');
  });

  it('switches to the larger unit exactly at its length', () => {
    expect(ago(MIN)).toBe('1 minute ago');
    expect(ago(59 * MIN)).toBe('59 minutes ago');
    expect(ago(HOUR)).toBe('1 hour ago');
    expect(ahead(3 * HOUR)).toBe('in 3 hours');
    expect(ahead(2 * DAY)).toBe('in 2 days');
    expect(ago(7 * DAY)).toBe('last week');
    expect(ago(365 * DAY)).toBe('last year');
  });

  it('names the day before and after in words', () => {
    expect(ago(DAY)).toBe('yesterday');
    expect(ahead(DAY)).toBe('tomorrow');
  });

  it('gives each distinct phrase its own text, in any order', () => {
    const phrases = [ahead(5 * MIN), ago(5 * MIN), ahead(5 * HOUR), ago(2 * DAY)];
    expect(phrases).toEqual(['in 5 minutes', '5 minutes ago', 'in 5 hours', '2 days ago']);
    expect(ahead(5 * MIN)).toBe('in 5 minutes');
  });
});

describe('weekday names', () => {
  it('names the weekdays Sunday first and nothing outside 0-6', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(weekdayShort)).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(weekdayShort(7)).toBe('');
  });
});
