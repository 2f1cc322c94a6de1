// The month's dense days: runs counted per environment, the density scale, a day's full list read
// from the month's own tables, and runs flagged in their profile's blackout windows (real engine).
import { describe, expect, it } from 'vitest';
import { dayList, layoutDayRuns, type DayRunsOptions, type DaySource } from '@renderer/calendar/day-runs';
import { DayTableCache } from '@renderer/calendar/day-tables';
import { ExpansionCache } from '@renderer/calendar/expansion-cache';
import { monthGrid } from '@renderer/calendar/month-grid';
import { DENSE_ITEMS, densityLevel, environmentLines, isDense, maxRunCount } from '@renderer/calendar/density';
import { blackoutLayout } from '@renderer/calendar/use-blackouts';
import { formatTime } from '@renderer/common/time';

let n = 0;
function source(timeExpression: string, environmentLabel: string, profileId = environmentLabel): DaySource {
  n += 1;
  return { key: `${profileId}:${n}`, profileId, environmentLabel, serverTimeZone: 'UTC', schedule: { timeExpression, active: true } };
}
const month = monthGrid({ year: 2027, month: 3, day: 1 }, 0).flat();
const opts = (extra: Partial<DayRunsOptions> = {}): DayRunsOptions => ({
  days: month,
  displayZone: 'server',
  localZone: 'UTC',
  bandThreshold: 4,
  dayLimit: 5,
  keep: 3,
  cache: new ExpansionCache(),
  tables: new DayTableCache(),
  ...extra,
});
const dayOf = (r: ReturnType<typeof layoutDayRuns>, iso: string) => r.days.find((x) => x.iso === iso)!;

/** Ten daily schedules at distinct minutes in Production, five in Test, one every 30 minutes in Test. */
function fleet(): DaySource[] {
  const prod = Array.from({ length: 10 }, (_, i) => source(`0 ${i} 4 ? * *`, 'Production'));
  const test = Array.from({ length: 5 }, (_, i) => source(`0 ${i} 6 ? * *`, 'Test'));
  return [...prod, ...test, source('0 0/30 * ? * *', 'Test')];
}

describe('dense month days', () => {
  it('counts each day’s runs per environment, busiest first, while keeping only three chips', () => {
    const r = layoutDayRuns(fleet(), opts());
    const tue = dayOf(r, '2027-03-16');
    expect(tue.byEnvironment).toEqual([
      { label: 'Test', runs: 5 + 48 },
      { label: 'Production', runs: 10 },
    ]);
    expect(tue.runCount).toBe(63);
    expect(tue.chips).toHaveLength(3);
    expect(tue.chipCount + tue.bandCount).toBe(16);
    expect(isDense(tue)).toBe(true);
  });

  it('keeps a day with a few runs listed (not dense)', () => {
    const r = layoutDayRuns([source('0 0 4 ? * *', 'Production'), source('0 0 5 ? * *', 'Test')], opts());
    const tue = dayOf(r, '2027-03-16');
    expect(isDense(tue)).toBe(false);
    expect(tue.byEnvironment).toEqual([
      { label: 'Production', runs: 1 },
      { label: 'Test', runs: 1 },
    ]);
    expect(DENSE_ITEMS).toBeGreaterThanOrEqual(3);
  });

  it('scales the density colour against the busiest day in view', () => {
    expect(densityLevel(0, 100)).toBe(0);
    expect(densityLevel(1, 100)).toBe(1);
    expect(densityLevel(50, 100)).toBe(2);
    expect(densityLevel(100, 100)).toBe(4);
    const r = layoutDayRuns([source('0 0 4 ? * MON', 'Production'), source('0 0 5 ? * *', 'Production')], opts());
    expect(maxRunCount(r.days)).toBe(2);
  });

  it('names up to four environments and sums the rest on one line', () => {
    const counts = ['A', 'B', 'C', 'D', 'E'].map((label, i) => ({ label, runs: 50 - i }));
    expect(environmentLines(counts.slice(0, 4)).rest).toBeNull();
    const five = environmentLines(counts);
    expect(five.lines.map((l) => l.label)).toEqual(['A', 'B', 'C']);
    expect(five.rest).toEqual({ environments: 2, runs: 47 + 46 });
  });

  it('lists every run of one day, in time order, from the same tables as the month', () => {
    const sources = fleet();
    const o = opts();
    const tables = o.tables as DayTableCache;
    layoutDayRuns(sources, o);
    const computed = tables.computed;
    const list = dayList(sources, o, '2027-03-16');
    expect(tables.computed).toBe(computed);
    expect(list?.chips).toHaveLength(15);
    expect(list?.bands).toHaveLength(1);
    expect(list?.bands[0]?.count).toBe(48);
    const times = list!.chips.map((c) => c.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(formatTime(list!.chips[0]!.at, 'UTC')).toBe('04:00');
    expect(dayList(sources, o, '2027-05-01')).toBeNull();
  });

  it('builds only the first runs of a long day until all are asked for, with exact counts', () => {
    const sources = fleet();
    const o = opts();
    const first = dayList(sources, o, '2027-03-16', 4);
    expect(first?.chips.map((c) => formatTime(c.at, 'UTC'))).toEqual(['04:00', '04:01', '04:02', '04:03']);
    expect(first?.chipCount).toBe(15);
    expect(first?.bandCount).toBe(1);
    expect(dayList(sources, o, '2027-03-16')?.chips).toHaveLength(15);
  });
});

describe('blackout flags in the month', () => {
  // Weekdays 03:30-05:00 UTC for profile "eu" only; runs are assumed to take 30 minutes.
  const settings = {
    eu: {
      profileId: 'eu',
      runMinutes: 30,
      blackouts: [{ kind: 'weekly' as const, days: [2, 3, 4, 5, 6], start: '03:30', end: '05:00', timeZone: 'UTC', label: 'Night shift' }],
    },
  };

  it('flags a run inside its own profile’s window, on the days the window holds, and counts them', () => {
    const inWindow = source('0 0 4 ? * *', 'Production', 'eu');
    const outside = source('0 0 6 ? * *', 'Production', 'eu');
    const otherProfile = source('0 0 4 ? * *', 'Production', 'us');
    const r = layoutDayRuns([inWindow, outside, otherProfile], opts({ ...blackoutLayout(settings) }));
    const tue = dayOf(r, '2027-03-16');
    const flagged = tue.chips.filter((c) => c.blackout !== null).map((c) => c.sourceKey);
    expect(flagged).toEqual([inWindow.key]);
    expect(tue.chips.find((c) => c.sourceKey === inWindow.key)?.blackout).toContain('Night shift');
    expect(tue.blackoutCount).toBe(1);
    // Sunday is outside the window's days.
    expect(dayOf(r, '2027-03-14').blackoutCount).toBe(0);
  });

  it('flags a run that starts before the window but runs into it (its assumed length)', () => {
    const r = layoutDayRuns([source('0 15 3 ? * *', 'Production', 'eu')], opts({ ...blackoutLayout(settings) }));
    expect(dayOf(r, '2027-03-16').chips[0]?.blackout).not.toBeNull();
  });

  it('flags a frequent schedule’s band when its runs fall in the window', () => {
    const r = layoutDayRuns([source('0 0/10 3-4 ? * *', 'Production', 'eu')], opts({ ...blackoutLayout(settings) }));
    const tue = dayOf(r, '2027-03-16');
    expect(tue.bands).toHaveLength(1);
    expect(tue.bands[0]?.blackout).toContain('Night shift');
  });

  it('flags nothing without windows, and names the windows in the layout key', () => {
    const none = blackoutLayout({});
    expect(none.blackoutKey).toBe('');
    const r = layoutDayRuns([source('0 0 4 ? * *', 'Production', 'eu')], opts({ ...none }));
    expect(r.days.every((d) => d.blackoutCount === 0 && d.chips.every((c) => c.blackout === null))).toBe(true);
    expect(blackoutLayout(settings).blackoutKey).toContain('Night shift');
  });
});
