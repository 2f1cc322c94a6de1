// Clock changes that fall on awkward instants of the zone's offset tables, compared with fire times the
// Quartz 2.3.2 jar computed for the same expression, zone and start (Java tzdb 2025a, Node's ICU agrees).
import { describe, expect, it } from 'vitest';
import { expandWindow, nextRuns } from '@shared/cron/index';

const runs = (e: string, zone: string, after: string, count: number): string[] =>
  nextRuns(e, { after: new Date(after), count, timeZone: zone }).map((d) => d.toISOString().replace('.000Z', 'Z'));

describe('a clock change exactly at midnight UTC every 128 days is not lost', () => {
  // Moldova fell back from +03 to +02 at 2020-10-25T00:00Z, an instant where the offset tables start a
  // new stretch; for a whole winter every run came an hour early.
  it('Chisinau 2020: the repeated 02:30 fires once at its second occurrence, then winter time holds', () => {
    expect(runs('0 30 2 * * ?', 'Europe/Chisinau', '2020-10-23T00:00:00Z', 4)).toEqual([
      '2020-10-23T23:30:00Z',
      '2020-10-25T00:30:00Z',
      '2020-10-26T00:30:00Z',
      '2020-10-27T00:30:00Z',
    ]);
    expect(runs('0 0 12 * * ?', 'Europe/Chisinau', '2020-12-01T00:00:00Z', 2)).toEqual(['2020-12-01T10:00:00Z', '2020-12-02T10:00:00Z']);
    expect(runs('0 0 12 * * ?', 'Europe/Chisinau', '2021-03-20T00:00:00Z', 2)).toEqual(['2021-03-20T10:00:00Z', '2021-03-21T10:00:00Z']);
  });

  it('Chisinau 2077 (spring forward) and Tunis 2005 (fall back) at the same kind of instant', () => {
    expect(runs('0 0 12 * * ?', 'Europe/Chisinau', '2077-03-26T00:00:00Z', 4)).toEqual([
      '2077-03-26T10:00:00Z',
      '2077-03-27T10:00:00Z',
      '2077-03-28T09:00:00Z',
      '2077-03-29T09:00:00Z',
    ]);
    expect(runs('0 30 2 * * ?', 'Africa/Tunis', '2005-09-28T00:00:00Z', 4)).toEqual([
      '2005-09-28T00:30:00Z',
      '2005-09-29T00:30:00Z',
      '2005-09-30T01:30:00Z',
      '2005-10-01T01:30:00Z',
    ]);
    expect(runs('0 15 * * * ?', 'Africa/Tunis', '2005-09-29T21:00:00Z', 5)).toEqual([
      '2005-09-29T21:15:00Z',
      '2005-09-29T22:15:00Z',
      '2005-09-30T00:15:00Z',
      '2005-09-30T01:15:00Z',
      '2005-09-30T02:15:00Z',
    ]);
  });

  it('the calendar window over that night lists and counts the hourly runs as Quartz walks them', () => {
    const w = expandWindow('0 0 * * * ?', {
      from: new Date('2020-10-24T20:00:00Z'),
      to: new Date('2020-10-25T04:00:00Z'),
      timeZone: 'Europe/Chisinau',
      limit: 100,
    });
    expect(w.runs.map((d) => d.toISOString().slice(11, 16))).toEqual(['20:00', '21:00', '22:00', '00:00', '01:00', '02:00', '03:00']);
    expect(w.total).toBe(7);
  });
});
