// Zones with offsets that are not whole hours, west and east of UTC, fixed ones, and a whole skipped
// day: noon every day must land at the instant the zone's clocks read noon.
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron/index';

const noons = (zone: string, after: string): string[] =>
  nextRuns('0 0 12 * * ?', { after: new Date(after), count: 3, timeZone: zone }).map((d) => d.toISOString().slice(0, 19));

describe('noon in every kind of zone', () => {
  it.each([
    ['Asia/Kathmandu', '2027-01-01T00:00:00Z', ['2027-01-01T06:15:00', '2027-01-02T06:15:00', '2027-01-03T06:15:00']],
    ['America/St_Johns', '2027-01-01T00:00:00Z', ['2027-01-01T15:30:00', '2027-01-02T15:30:00', '2027-01-03T15:30:00']],
    ['Etc/GMT+5', '2027-01-01T00:00:00Z', ['2027-01-01T17:00:00', '2027-01-02T17:00:00', '2027-01-03T17:00:00']],
    ['Etc/UTC', '2027-01-01T00:00:00Z', ['2027-01-01T12:00:00', '2027-01-02T12:00:00', '2027-01-03T12:00:00']],
    ['Etc/GMT', '2027-01-01T00:00:00Z', ['2027-01-01T12:00:00', '2027-01-02T12:00:00', '2027-01-03T12:00:00']],
    ['Pacific/Kiritimati', '2027-01-01T00:00:00Z', ['2027-01-01T22:00:00', '2027-01-02T22:00:00', '2027-01-03T22:00:00']],
    // Liberia kept -0:44:30 until 1972: an offset with seconds.
    ['Africa/Monrovia', '1970-01-01T00:00:00Z', ['1970-01-01T12:44:30', '1970-01-02T12:44:30', '1970-01-03T12:44:30']],
    // Samoa skipped 30 December 2011 (from -10 to +14): no noon that day.
    ['Pacific/Apia', '2011-12-28T00:00:00Z', ['2011-12-28T22:00:00', '2011-12-29T22:00:00', '2011-12-30T22:00:00']],
  ])('%s after %s', (zone, after, want) => {
    expect(noons(zone, after)).toEqual(want);
  });

  it('an unknown zone is a RangeError naming it and how to write one', () => {
    expect(() => noons('Mars/Olympus', '2027-01-01T00:00:00Z')).toThrow(
      new RangeError("Unknown time zone 'Mars/Olympus': use an IANA zone name such as 'UTC', 'Europe/Berlin' or 'America/New_York'."),
    );
  });
});
