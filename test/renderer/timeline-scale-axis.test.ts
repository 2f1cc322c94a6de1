// The tick labels under the timeline for each zoom: 3-hourly hours for a day, midnight days with a
// noon line for a week, days with every third labelled for a month, weeks for a quarter.
import { describe, expect, it } from 'vitest';
import { axisTicks, timelineRange, timeStepKey } from '@renderer/timeline/timeline-scale';

const now = new Date('2027-03-10T10:17:00Z');
const iso = (d: Date) => d.toISOString();

describe('axis ticks per zoom', () => {
  it('day: every three hours inside the window, each labelled with its hour', () => {
    // The window is 05:00Z to 05:00Z next day.
    const ticks = axisTicks(timelineRange(now, 'day'), 'day', 'UTC');
    expect(ticks.map((t) => iso(t.at).slice(0, 16))).toEqual([
      '2027-03-10T06:00',
      '2027-03-10T09:00',
      '2027-03-10T12:00',
      '2027-03-10T15:00',
      '2027-03-10T18:00',
      '2027-03-10T21:00',
      '2027-03-11T00:00',
      '2027-03-11T03:00',
    ]);
    expect(ticks.every((t) => t.major && t.withHour)).toBe(true);
  });

  it('week: a labelled day at each midnight and an unlabelled line at noon with its hour', () => {
    const range = timelineRange(now, 'week');
    expect(iso(range.from)).toBe('2027-03-09T00:00:00.000Z');
    const ticks = axisTicks(range, 'week', 'UTC');
    expect(ticks).toHaveLength(14);
    expect(ticks.slice(0, 3)).toEqual([
      { at: new Date('2027-03-09T00:00:00Z'), major: true, withHour: false },
      { at: new Date('2027-03-09T12:00:00Z'), major: false, withHour: true },
      { at: new Date('2027-03-10T00:00:00Z'), major: true, withHour: false },
    ]);
    expect(iso(ticks[13]!.at)).toBe('2027-03-15T12:00:00.000Z');
  });

  it('week: midnights of the zone, not of UTC', () => {
    const ticks = axisTicks(timelineRange(now, 'week'), 'week', 'Asia/Tokyo').filter((t) => t.major);
    expect(ticks.map((t) => iso(t.at).slice(11, 16)).every((s) => s === '15:00')).toBe(true);
  });

  it('month: a line each midnight, every third day labelled, none with an hour', () => {
    const range = timelineRange(now, 'month');
    expect(iso(range.from)).toBe('2027-03-04T00:00:00.000Z');
    const ticks = axisTicks(range, 'month', 'UTC');
    expect(ticks).toHaveLength(30);
    expect(ticks.every((t, i) => iso(t.at) === iso(new Date(range.from.getTime() + i * 86_400_000)))).toBe(true);
    expect(ticks.map((t) => t.major)).toEqual(ticks.map((_, i) => i % 3 === 0));
    expect(ticks.some((t) => t.withHour)).toBe(false);
  });

  it('quarter: a labelled tick every seven days, without hours', () => {
    const range = timelineRange(now, 'quarter');
    const ticks = axisTicks(range, 'quarter', 'UTC');
    expect(ticks.map((t) => iso(t.at).slice(0, 10))).toEqual([
      '2027-02-20',
      '2027-02-27',
      '2027-03-06',
      '2027-03-13',
      '2027-03-20',
      '2027-03-27',
      '2027-04-03',
      '2027-04-10',
      '2027-04-17',
      '2027-04-24',
      '2027-05-01',
      '2027-05-08',
      '2027-05-15',
    ]);
    expect(ticks.every((t) => t.major && !t.withHour)).toBe(true);
  });
});

describe('keys that step the window', () => {
  it('PageUp and [ step back, PageDown and ] step forth', () => {
    expect(['PageUp', '[', 'PageDown', ']'].map(timeStepKey)).toEqual([-1, -1, 1, 1]);
  });

  it('other keys do nothing', () => {
    expect(['', 'ArrowLeft', 'a', 'Page'].map(timeStepKey)).toEqual([null, null, null, null]);
  });
});
