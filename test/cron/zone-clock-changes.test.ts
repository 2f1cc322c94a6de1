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

describe('two clock changes a few weeks apart (Morocco keeps UTC+0 through Ramadan)', () => {
  // Casablanca went from +01 to +00 on 2026-02-15 and back on 2026-03-22 (Quartz 2.3.2 agrees).
  it('noon moves to 12:00 UTC for the month and back to 11:00 UTC after it', () => {
    expect(runs('0 0 12 * * ?', 'Africa/Casablanca', '2026-01-10T00:00:00Z', 1)).toEqual(['2026-01-10T11:00:00Z']);
    expect(runs('0 0 12 * * ?', 'Africa/Casablanca', '2026-02-13T00:00:00Z', 4)).toEqual([
      '2026-02-13T11:00:00Z',
      '2026-02-14T11:00:00Z',
      '2026-02-15T12:00:00Z',
      '2026-02-16T12:00:00Z',
    ]);
    expect(runs('0 0 12 * * ?', 'Africa/Casablanca', '2026-03-01T00:00:00Z', 1)).toEqual(['2026-03-01T12:00:00Z']);
    expect(runs('0 0 12 * * ?', 'Africa/Casablanca', '2026-03-20T00:00:00Z', 4)).toEqual([
      '2026-03-20T12:00:00Z',
      '2026-03-21T12:00:00Z',
      '2026-03-22T11:00:00Z',
      '2026-03-23T11:00:00Z',
    ]);
  });

  it('the calendar window over both changes places every noon at its own offset', () => {
    const w = expandWindow('0 0 12 * * ?', {
      from: new Date('2026-02-10T00:00:00Z'),
      to: new Date('2026-03-30T00:00:00Z'),
      timeZone: 'Africa/Casablanca',
      limit: 100,
    });
    const hours = w.runs.map((d) => d.getUTCHours());
    expect(w.total).toBe(48);
    expect(hours).toEqual([...Array<number>(5).fill(11), ...Array<number>(35).fill(12), ...Array<number>(8).fill(11)]);
  });
});

describe('a clock change in the last two days before a new stretch of the offset tables', () => {
  // Sydney sprang forward on 2019-10-06 and Israel fell back on 2020-10-25, each within two days
  // before such a stretch begins (2019-10-07T00:00Z, 2020-10-25T00:00Z); fire times from Quartz 2.3.2.
  it('Sydney 2019 and Jerusalem 2020 keep the new offset for the whole season', () => {
    expect(runs('0 0 12 * * ?', 'Australia/Sydney', '2019-10-04T00:00:00Z', 5)).toEqual([
      '2019-10-04T02:00:00Z',
      '2019-10-05T02:00:00Z',
      '2019-10-06T01:00:00Z',
      '2019-10-07T01:00:00Z',
      '2019-10-08T01:00:00Z',
    ]);
    expect(runs('0 0 12 * * ?', 'Australia/Sydney', '2019-12-01T00:00:00Z', 1)).toEqual(['2019-12-01T01:00:00Z']);
    expect(runs('0 0 12 * * ?', 'Asia/Jerusalem', '2020-10-23T00:00:00Z', 4)).toEqual([
      '2020-10-23T09:00:00Z',
      '2020-10-24T09:00:00Z',
      '2020-10-25T10:00:00Z',
      '2020-10-26T10:00:00Z',
    ]);
    expect(runs('0 0 12 * * ?', 'Asia/Jerusalem', '2020-12-01T00:00:00Z', 1)).toEqual(['2020-12-01T10:00:00Z']);
  });
});
