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
