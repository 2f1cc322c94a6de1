// Every 20 minutes across one clock change in zones of every kind (a whole hour, half an hour, an offset
// with seconds, a skipped day, a midnight gap, Ireland's negative DST), as the Quartz 2.3.2 jar lists
// them; and the calendar window over the same hours lists exactly those runs.
import { describe, expect, it } from 'vitest';
import { expandWindow, nextRuns } from '@shared/cron/index';

const EVERY_20 = '0 0/20 * * * ?';
const short = (d: Date): string => d.toISOString().replace(/(:00)?\.000Z$/, '');

// zone, start, the next ten fire times (UTC, seconds shown only when not :00)
const QUARTZ: [string, string, string[]][] = [
  [
    'America/New_York',
    '2027-03-14T05:30:00Z',
    [
      '2027-03-14T05:40',
      '2027-03-14T06:00',
      '2027-03-14T06:20',
      '2027-03-14T06:40',
      '2027-03-14T07:00',
      '2027-03-14T07:20',
      '2027-03-14T07:40',
      '2027-03-14T08:00',
      '2027-03-14T08:20',
      '2027-03-14T08:40',
    ],
  ],
  [
    'America/New_York',
    '2027-11-07T04:30:00Z',
    [
      '2027-11-07T04:40',
      '2027-11-07T06:00',
      '2027-11-07T06:20',
      '2027-11-07T06:40',
      '2027-11-07T07:00',
      '2027-11-07T07:20',
      '2027-11-07T07:40',
      '2027-11-07T08:00',
      '2027-11-07T08:20',
      '2027-11-07T08:40',
    ],
  ],
  [
    'Australia/Lord_Howe',
    '2027-04-03T13:30:00Z',
    [
      '2027-04-03T13:40',
      '2027-04-03T14:00',
      '2027-04-03T14:20',
      '2027-04-03T15:10',
      '2027-04-03T15:30',
      '2027-04-03T15:50',
      '2027-04-03T16:10',
      '2027-04-03T16:30',
      '2027-04-03T16:50',
      '2027-04-03T17:10',
    ],
  ],
  [
    'Pacific/Chatham',
    '2027-09-25T12:30:00Z',
    [
      '2027-09-25T12:35',
      '2027-09-25T12:55',
      '2027-09-25T13:15',
      '2027-09-25T13:35',
      '2027-09-25T13:55',
      '2027-09-25T14:15',
      '2027-09-25T14:35',
      '2027-09-25T14:55',
      '2027-09-25T15:15',
      '2027-09-25T15:35',
    ],
  ],
  [
    'Africa/Monrovia',
    '1972-01-06T23:30:00Z',
    [
      '1972-01-06T23:44:30',
      '1972-01-07T00:04:30',
      '1972-01-07T00:24:30',
      '1972-01-07T01:00',
      '1972-01-07T01:20',
      '1972-01-07T01:40',
      '1972-01-07T02:00',
      '1972-01-07T02:20',
      '1972-01-07T02:40',
      '1972-01-07T03:00',
    ],
  ],
  [
    'America/Sao_Paulo',
    '2018-11-04T01:30:00Z',
    [
      '2018-11-04T01:40',
      '2018-11-04T02:00',
      '2018-11-04T02:20',
      '2018-11-04T02:40',
      '2018-11-04T03:00',
      '2018-11-04T03:20',
      '2018-11-04T03:40',
      '2018-11-04T04:00',
      '2018-11-04T04:20',
      '2018-11-04T04:40',
    ],
  ],
  [
    'Pacific/Apia',
    '2011-12-30T08:30:00Z',
    [
      '2011-12-30T08:40',
      '2011-12-30T09:00',
      '2011-12-30T09:20',
      '2011-12-30T09:40',
      '2011-12-30T10:00',
      '2011-12-30T10:20',
      '2011-12-30T10:40',
      '2011-12-30T11:00',
      '2011-12-30T11:20',
      '2011-12-30T11:40',
    ],
  ],
  [
    'Europe/Dublin',
    '2027-10-30T23:30:00Z',
    [
      '2027-10-30T23:40',
      '2027-10-31T01:00',
      '2027-10-31T01:20',
      '2027-10-31T01:40',
      '2027-10-31T02:00',
      '2027-10-31T02:20',
      '2027-10-31T02:40',
      '2027-10-31T03:00',
      '2027-10-31T03:20',
      '2027-10-31T03:40',
    ],
  ],
];

describe('every 20 minutes across a clock change, as Quartz lists it', () => {
  it.each(QUARTZ)('%s from %s', (zone, start, want) => {
    expect(nextRuns(EVERY_20, { after: new Date(start), count: want.length, timeZone: zone }).map(short)).toEqual(want);
    const last = Date.parse(`${want[want.length - 1] as string}Z`);
    const w = expandWindow(EVERY_20, { from: new Date(start), to: new Date(last + 1), timeZone: zone, limit: 100 });
    expect(w.runs.map(short)).toEqual(want);
    expect(w.total).toBe(want.length);
  });
});

describe('the far end of the date range', () => {
  it('an instant at the last date JavaScript can hold gives no runs, not an error, in any zone', () => {
    const after = new Date(8.64e15);
    for (const zone of ['Europe/Berlin', 'America/New_York', 'UTC']) {
      expect(nextRuns('0 0 12 * * ?', { after, count: 2, timeZone: zone }), zone).toEqual([]);
    }
  });
});
