// Calendar windows that start and end mid-minute, at a fire time and a millisecond after one, on
// weekday and day-of-month rules, across clock changes and with a list cut short: the count and the
// first eight runs as the Quartz 2.3.2 jar lists them (fire times in [from, to)).
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron/index';

// expression, zone, from, to, how many fire in [from, to), the first eight (UTC)
const QUARTZ: [string, string, string, string, number, string[]][] = [
  [
    '10,20,30 5,15 1,2 * * ?',
    'UTC',
    '2027-03-01T01:15:20.500Z',
    '2027-03-03T02:05:10Z',
    25,
    [
      '2027-03-01T01:15:30',
      '2027-03-01T02:05:10',
      '2027-03-01T02:05:20',
      '2027-03-01T02:05:30',
      '2027-03-01T02:15:10',
      '2027-03-01T02:15:20',
      '2027-03-01T02:15:30',
      '2027-03-02T01:05:10',
    ],
  ],
  [
    '10,20,30 5,15 1,2 * * ?',
    'UTC',
    '2027-03-01T01:05:10Z',
    '2027-03-01T02:15:20Z',
    10,
    [
      '2027-03-01T01:05:10',
      '2027-03-01T01:05:20',
      '2027-03-01T01:05:30',
      '2027-03-01T01:15:10',
      '2027-03-01T01:15:20',
      '2027-03-01T01:15:30',
      '2027-03-01T02:05:10',
      '2027-03-01T02:05:20',
    ],
  ],
  [
    '10,20,30 5,15 1,2 * * ?',
    'UTC',
    '2027-03-01T01:05:10.001Z',
    '2027-03-01T02:15:20.001Z',
    10,
    [
      '2027-03-01T01:05:20',
      '2027-03-01T01:05:30',
      '2027-03-01T01:15:10',
      '2027-03-01T01:15:20',
      '2027-03-01T01:15:30',
      '2027-03-01T02:05:10',
      '2027-03-01T02:05:20',
      '2027-03-01T02:05:30',
    ],
  ],
  [
    '10,20,30 5,15 1,2 * * ?',
    'Asia/Kathmandu',
    '2027-03-01T00:00:00Z',
    '2027-03-02T20:16:00Z',
    18,
    [
      '2027-03-01T19:20:10',
      '2027-03-01T19:20:20',
      '2027-03-01T19:20:30',
      '2027-03-01T19:30:10',
      '2027-03-01T19:30:20',
      '2027-03-01T19:30:30',
      '2027-03-01T20:20:10',
      '2027-03-01T20:20:20',
    ],
  ],
  [
    '0 0/30 9-17 ? * MON-FRI',
    'Europe/Berlin',
    '2027-03-01T00:00:00Z',
    '2027-03-08T00:00:00Z',
    90,
    [
      '2027-03-01T08:00:00',
      '2027-03-01T08:30:00',
      '2027-03-01T09:00:00',
      '2027-03-01T09:30:00',
      '2027-03-01T10:00:00',
      '2027-03-01T10:30:00',
      '2027-03-01T11:00:00',
      '2027-03-01T11:30:00',
    ],
  ],
  [
    '0 0 6,18 1,31 * ?',
    'America/New_York',
    '2027-01-30T00:00:00Z',
    '2027-04-02T00:00:00Z',
    10,
    [
      '2027-01-31T11:00:00',
      '2027-01-31T23:00:00',
      '2027-02-01T11:00:00',
      '2027-02-01T23:00:00',
      '2027-03-01T11:00:00',
      '2027-03-01T23:00:00',
      '2027-03-31T10:00:00',
      '2027-03-31T22:00:00',
    ],
  ],
  [
    '0 15 1,2,3 * * ?',
    'Europe/Berlin',
    '2027-10-30T12:00:00Z',
    '2027-11-01T12:00:00Z',
    6,
    ['2027-10-30T23:15:00', '2027-10-31T01:15:00', '2027-10-31T02:15:00', '2027-11-01T00:15:00', '2027-11-01T01:15:00', '2027-11-01T02:15:00'],
  ],
  ['0 0 12 1 1 ? 2028', 'UTC', '2027-06-01T00:00:00Z', '2029-06-01T00:00:00Z', 1, ['2028-01-01T12:00:00']],
  ['0 0 12 * * ?', 'UTC', '2027-06-01T12:00:00.001Z', '2027-06-02T11:59:59Z', 0, []],
  [
    '30 59 23 L * ?',
    'Australia/Lord_Howe',
    '2027-01-01T00:00:00Z',
    '2027-06-01T00:00:00Z',
    5,
    ['2027-01-31T12:59:30', '2027-02-28T12:59:30', '2027-03-31T12:59:30', '2027-04-30T13:29:30', '2027-05-31T13:29:30'],
  ],
  [
    '0 0,30 0,23 ? * SUN',
    'Pacific/Chatham',
    '2027-09-01T00:00:00Z',
    '2027-10-15T00:00:00Z',
    24,
    [
      '2027-09-04T11:15:00',
      '2027-09-04T11:45:00',
      '2027-09-05T10:15:00',
      '2027-09-05T10:45:00',
      '2027-09-11T11:15:00',
      '2027-09-11T11:45:00',
      '2027-09-12T10:15:00',
      '2027-09-12T10:45:00',
    ],
  ],
];

const iso = (d: Date): string => d.toISOString().replace('.000Z', '');

describe('expandWindow lists and counts what Quartz fires in the window', () => {
  it.each(QUARTZ)('%s in %s from %s to %s', (e, timeZone, from, to, total, first) => {
    const window = (limit: number): ReturnType<typeof expandWindow> => expandWindow(e, { from: new Date(from), to: new Date(to), timeZone, limit });
    const all = window(8);
    expect({ total: all.total, runs: all.runs.map(iso), truncated: all.truncated }).toEqual({ total, runs: first, truncated: total > 8 });
    // A list cut at three keeps the exact count.
    const cut = window(3);
    expect({ total: cut.total, runs: cut.runs.map(iso), truncated: cut.truncated }).toEqual({ total, runs: first.slice(0, 3), truncated: total > 3 });
  });
});
