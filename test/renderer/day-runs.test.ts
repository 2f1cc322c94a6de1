// Layout of runs on calendar days, against the real Quartz engine (src-shared/cron).
import { describe, expect, it } from 'vitest';
import { cachedLayoutDayRuns, dayList, DayLayoutJob, findLayout, layoutDayRuns, layoutJob, prefetchTasks, type DaySource } from '@renderer/calendar/day-runs';
import { DayTableCache } from '@renderer/calendar/day-tables';
import { ExpansionCache, bandLabel } from '@renderer/calendar/expansion-cache';
import { monthGrid, weekDates } from '@renderer/calendar/month-grid';
import { formatTime } from '@renderer/common/time';

const d = (year: number, month: number, day: number) => ({ year, month, day });
let n = 0;
function source(timeExpression: string, serverTimeZone = 'UTC', active: boolean | null = true): DaySource {
  n += 1;
  return { key: `p:${n}`, serverTimeZone, schedule: { timeExpression, active } };
}
const opts = (days = weekDates(d(2027, 3, 14), 0), extra: Partial<Parameters<typeof layoutDayRuns>[1]> = {}) => ({
  days,
  displayZone: 'server' as const,
  localZone: 'Europe/Berlin',
  bandThreshold: 4,
  cache: new ExpansionCache(),
  tables: new DayTableCache(),
  ...extra,
});
const day = (result: ReturnType<typeof layoutDayRuns>, iso: string) => result.days.find((x) => x.iso === iso)!;

describe('runs on calendar days', () => {
  it('draws a daily schedule as one chip per day at its time', () => {
    const s = source('0 0 4 ? * *');
    const r = layoutDayRuns([s], opts());
    expect(r.days.map((x) => x.chips.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(r.days.every((x) => x.bands.length === 0)).toBe(true);
    expect(formatTime(day(r, '2027-03-16').chips[0]!.at, 'UTC')).toBe('04:00');
  });

  it('draws a schedule firing every minute as one band per day with its count, not 1,440 chips', () => {
    const s = source('0 * * ? * *');
    const r = layoutDayRuns([s], opts());
    const tue = day(r, '2027-03-16');
    expect(tue.chips).toHaveLength(0);
    expect(tue.bands).toHaveLength(1);
    expect(tue.bands[0]!.count).toBe(1440);
    expect(tue.bands[0]!.label).toBe('every minute · 1,440 runs');
    expect(tue.bands[0]!.first.toISOString()).toBe('2027-03-16T00:00:00.000Z');
    expect(tue.bands[0]!.last.toISOString()).toBe('2027-03-16T23:59:00.000Z');
  });

  it('counts a schedule too dense to build (every second) per day, exactly', () => {
    const s = source('* * * ? * *');
    const r = layoutDayRuns([s], opts());
    expect(r.days.map((x) => x.bands[0]?.count)).toEqual(Array(7).fill(86_400));
    expect(day(r, '2027-03-16').bands[0]!.label).toBe('every second · 86,400 runs');
  });

  it('bands only the days a schedule is dense on', () => {
    // Every minute from 09:00 to 09:59 on Mondays only; otherwise nothing.
    const s = source('0 * 9 ? * MON');
    const r = layoutDayRuns([s], opts());
    expect(r.days.map((x) => x.bands[0]?.count ?? 0)).toEqual([0, 60, 0, 0, 0, 0, 0]);
  });

  it('keeps up to the threshold as chips: four runs a day stay chips, five become a band', () => {
    const r = layoutDayRuns([source('0 0 0,6,12,18 ? * *'), source('0 0 0,5,10,15,20 ? * *')], opts());
    const tue = day(r, '2027-03-16');
    expect(tue.chips).toHaveLength(4);
    expect(tue.bands.map((b) => b.count)).toEqual([5]);
    // Chips come in time order.
    expect(tue.chips.map((c) => formatTime(c.at, 'UTC'))).toEqual(['00:00', '06:00', '12:00', '18:00']);
  });

  it('does not draw deactivated schedules as upcoming, and says how many were left out', () => {
    const r = layoutDayRuns([source('0 0 4 ? * *', 'UTC', false), source('0 0 5 ? * *', 'UTC', null)], opts());
    expect(r.inactive).toBe(1);
    expect(r.days.every((x) => x.chips.length === 1)).toBe(true);
  });

  it('reports an expression the engine rejects instead of throwing', () => {
    const bad = source('0 0 4 * * MON');
    const r = layoutDayRuns([bad, source('0 0 4 ? * *')], opts());
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.sourceKey).toBe(bad.key);
    expect(r.errors[0]!.message).toMatch(/day-of-week|day-of-month/i);
    expect(r.days.every((x) => x.chips.length === 1)).toBe(true);
  });

  it('skips the run that falls in the spring-forward gap and keeps the month grid days right around DST', () => {
    const s = source('0 30 2 ? * *', 'America/New_York');
    const r = layoutDayRuns([s], opts(monthGrid(d(2027, 3, 1), 0).flat()));
    expect(day(r, '2027-03-13').chips).toHaveLength(1);
    expect(day(r, '2027-03-14').chips).toHaveLength(0);
    expect(day(r, '2027-03-15').chips[0]!.at.toISOString()).toBe('2027-03-15T06:30:00.000Z');
    // 42 days, one run each except the gap day.
    expect(r.days.reduce((sum, x) => sum + x.chips.length, 0)).toBe(41);
  });

  it('fires once on the fall-back day, at the repeated hour’s second occurrence', () => {
    const s = source('0 30 1 ? * *', 'America/New_York');
    const r = layoutDayRuns([s], opts(weekDates(d(2027, 11, 7), 0)));
    const sun = day(r, '2027-11-07');
    expect(sun.chips.map((c) => c.at.toISOString())).toEqual(['2027-11-07T06:30:00.000Z']);
  });

  it('places runs on the local date when times are shown in the local zone', () => {
    const s = source('0 30 23 ? * *', 'UTC');
    const local = layoutDayRuns([s], opts(weekDates(d(2027, 3, 14), 0), { displayZone: 'local', localZone: 'Asia/Tokyo' }));
    // 23:30 UTC on the 15th is 08:30 on the 16th in Tokyo.
    const chip = day(local, '2027-03-16').chips[0]!;
    expect(chip.at.toISOString()).toBe('2027-03-15T23:30:00.000Z');
    expect(chip.zone).toBe('Asia/Tokyo');
    expect(formatTime(chip.at, chip.zone)).toBe('08:30');
  });

  it('expands each expression once per range, shared by its schedules: navigating back to a month computes nothing', () => {
    const tables = new DayTableCache();
    const sources = [source('0 0 4 ? * *'), source('0 15 */6 ? * *'), source('0 0 4 ? * *')];
    const march = monthGrid(d(2027, 3, 1), 0).flat();
    const april = monthGrid(d(2027, 4, 1), 0).flat();
    layoutDayRuns(sources, opts(march, { tables }));
    layoutDayRuns(sources, opts(april, { tables }));
    const afterTwoMonths = tables.computed;
    expect(afterTwoMonths).toBe(4);
    const again = layoutDayRuns(sources, opts(march, { tables }));
    expect(tables.computed).toBe(afterTwoMonths);
    expect(again.days.find((x) => x.iso === '2027-03-10')!.chips).toHaveLength(6);
  });

  it('remembers whole layouts per source list, and the prefetch tasks lay out the next month ahead', () => {
    const tables = new DayTableCache();
    const sources = [source('0 0 4 ? * *')];
    const march = opts(monthGrid(d(2027, 3, 1), 0).flat(), { tables });
    const first = cachedLayoutDayRuns(sources, march);
    expect(cachedLayoutDayRuns(sources, march)).toBe(first);
    // A new list (a schedule was created or deleted) is laid out afresh.
    expect(cachedLayoutDayRuns([...sources], march)).not.toBe(first);
    const april = opts(monthGrid(d(2027, 4, 1), 0).flat(), { tables });
    for (const task of prefetchTasks(sources, april)) while (!task());
    const computed = tables.computed;
    const laidOut = cachedLayoutDayRuns(sources, april);
    expect(cachedLayoutDayRuns(sources, april)).toBe(laidOut);
    expect(tables.computed).toBe(computed);
    expect(laidOut.days.find((x) => x.iso === '2027-04-15')!.chips).toHaveLength(1);
  });

  it('finishes a month the prefetch began from where it got to, with the same runs as a layout in one go', () => {
    const sources = Array.from({ length: 5 }, (_, i) => source(`0 ${i} 9 ? * *`));
    const april = opts(monthGrid(d(2027, 4, 1), 0).flat());
    // The prefetch places two of the five expressions' groups, then the user opens April.
    expect(layoutJob(sources, april).stepGroups(2)).toBe(false);
    expect(findLayout(sources, april)).toBeUndefined();
    const opened = layoutJob(sources, april);
    expect(opened.stepGroups(3)).toBe(true);
    const whole = layoutDayRuns(sources, opts(monthGrid(d(2027, 4, 1), 0).flat()));
    const times = (r: ReturnType<typeof layoutDayRuns>) => r.days.map((x) => x.chips.map((c) => c.at.toISOString()));
    expect(times(opened.result()!)).toEqual(times(whole));
    expect(findLayout(sources, april)).toBe(opened.result());
    // Once finished, a new job for the range starts afresh (a finished layout is found by findLayout).
    expect(layoutJob(sources, april).stepGroups(3)).toBe(false);
  });

  it('never hands a remembered layout to other options: kept items, run limit, one day, blackout windows', () => {
    const sources = [...Array.from({ length: 4 }, (_, i) => source(`0 ${i} 9 ? * *`)), source('0 * * ? * *')];
    const march = opts(monthGrid(d(2027, 3, 1), 0).flat());
    const whole = cachedLayoutDayRuns(sources, march);
    const tue = (r: ReturnType<typeof layoutDayRuns>) => r.days.find((x) => x.iso === '2027-03-16')!;
    expect(tue(whole).chips).toHaveLength(4);
    // A month cell's lines, after the whole range and after another number of lines were laid out.
    expect(tue(cachedLayoutDayRuns(sources, { ...march, keep: 3 })).chips).toHaveLength(3);
    expect(tue(cachedLayoutDayRuns(sources, { ...march, keep: 1 })).chips).toHaveLength(1);
    // A band's runs are built up to the limit asked for: the week view's longer limit is not the month's.
    expect(tue(cachedLayoutDayRuns(sources, { ...march, dayLimit: 2_000 })).bands[0]!.lastKnown).toBe(true);
    expect(tue(cachedLayoutDayRuns(sources, { ...march, dayLimit: 10 })).bands[0]!.lastKnown).toBe(false);
    expect(tue(whole).bands[0]!.lastKnown).toBe(true);
    // One day of the range is that day, not the range's first, nor another day asked for before.
    const isoOf = (onlyDay: number) => cachedLayoutDayRuns(sources, { ...march, onlyDay }).days.map((x) => x.iso);
    expect(isoOf(16)).toEqual([whole.days[16]!.iso]);
    expect(isoOf(5)).toEqual([whole.days[5]!.iso]);
    expect(dayList(sources, march, whole.days[0]!.iso)?.iso).toBe(whole.days[0]!.iso);
    // Other blackout windows in force: another layout.
    const night = cachedLayoutDayRuns(sources, { ...march, blackoutKey: 'night' });
    expect(night).not.toBe(whole);
    expect(cachedLayoutDayRuns(sources, { ...march, blackoutKey: 'day' })).not.toBe(night);
    expect(cachedLayoutDayRuns(sources, march)).toBe(whole);
  });

  it('finishes two months the prefetch began, each from where it got to, and asks nothing more of one laid out', () => {
    const sources = Array.from({ length: 5 }, (_, i) => source(`0 ${i} 9 ? * *`));
    const april = opts(monthGrid(d(2027, 4, 1), 0).flat());
    const may = opts(monthGrid(d(2027, 5, 1), 0).flat());
    expect(layoutJob(sources, april).stepGroups(2)).toBe(false);
    expect(layoutJob(sources, may).stepGroups(4)).toBe(false);
    expect(layoutJob(sources, april).stepGroups(3)).toBe(true);
    expect(layoutJob(sources, may).stepGroups(1)).toBe(true);
    expect(prefetchTasks(sources, april)).toEqual([]);
    expect(prefetchTasks(sources, opts(monthGrid(d(2027, 6, 1), 0).flat()))).toHaveLength(1);
  });

  it('keeps a bounded number of begun layouts per list: the oldest begun is started again', () => {
    const sources = Array.from({ length: 5 }, (_, i) => source(`0 ${i} 9 ? * *`));
    const month = (m: number) => opts(monthGrid(d(2027, m, 1), 0).flat());
    expect(layoutJob(sources, month(1)).stepGroups(4)).toBe(false);
    for (let m = 2; m <= 8; m++) layoutJob(sources, month(m)).stepGroups(1);
    // Eight begun: January's is still the one handed out.
    expect(layoutJob(sources, month(1)).stepGroups(1)).toBe(true);
    expect(layoutJob(sources, month(9)).stepGroups(4)).toBe(false);
    for (let m = 10; m <= 17; m++) layoutJob(sources, month(m)).stepGroups(1);
    // Eight more begun since: September's was let go, and its layout starts over.
    expect(layoutJob(sources, month(9)).stepGroups(1)).toBe(false);
  });

  it('remembers a bounded number of finished layouts per list: the oldest is laid out again', () => {
    const sources = [source('0 0 4 ? * *')];
    const week = (i: number) => opts(weekDates(d(2027, 1, 3 + 7 * i), 0));
    const first = cachedLayoutDayRuns(sources, week(0));
    for (let i = 1; i < 48; i++) cachedLayoutDayRuns(sources, week(i));
    expect(cachedLayoutDayRuns(sources, week(0))).toBe(first);
    cachedLayoutDayRuns(sources, week(48));
    expect(cachedLayoutDayRuns(sources, week(0))).not.toBe(first);
  });

  it('lets a finished layout go from those under way, and a job let go and finished later keeps its successor', () => {
    const sources = Array.from({ length: 5 }, (_, i) => source(`0 ${i} 9 ? * *`));
    const month = (m: number) => opts(monthGrid(d(2027, m, 1), 0).flat());
    const january = layoutJob(sources, month(1));
    january.stepGroups(1);
    // Eight months laid out whole meanwhile take no room from January's.
    for (let m = 2; m <= 9; m++) expect(layoutJob(sources, month(m)).stepGroups(5)).toBe(true);
    expect(layoutJob(sources, month(1))).toBe(january);
    // Eight begun months push January's out; a new job takes its range.
    for (let m = 2; m <= 9; m++) layoutJob(sources, { ...month(m), keep: 2 }).stepGroups(1);
    const again = layoutJob(sources, month(1));
    expect(again).not.toBe(january);
    again.stepGroups(1);
    // The old one, still held by a view, finishes: the new one stays the one handed out.
    expect(january.stepGroups(4)).toBe(true);
    expect(layoutJob(sources, month(1))).toBe(again);
  });

  it('keeps the first chips and bands a month cell shows, with exact counts of all of them', () => {
    const sources = [...Array.from({ length: 6 }, (_, i) => source(`0 ${i} 9 ? * *`)), ...Array.from({ length: 4 }, (_, i) => source(`0 ${i}/10 1${i} ? * *`))];
    const all = layoutDayRuns(sources, opts());
    const kept = layoutDayRuns(sources, opts(undefined, { keep: 3 }));
    const full = day(all, '2027-03-16');
    const tue = day(kept, '2027-03-16');
    expect(tue.chips.map((c) => c.at.toISOString())).toEqual(full.chips.slice(0, 3).map((c) => c.at.toISOString()));
    expect(tue.bands.map((b) => b.sourceKey)).toEqual(full.bands.slice(0, 3).map((b) => b.sourceKey));
    expect([tue.chipCount, tue.bandCount, tue.runCount]).toEqual([6, 4, 6 + 4 * 6]);
    expect([full.chipCount, full.bandCount, full.runCount]).toEqual([6, 4, 30]);
  });

  it('lays out in slices to the same result as in one go', () => {
    const sources = Array.from({ length: 300 }, (_, i) => source(`0 ${i % 60} ${i % 24} ? * *`));
    const days = monthGrid(d(2027, 3, 1), 0).flat();
    const whole = layoutDayRuns(sources, opts(days, { keep: 3 }));
    const job = new DayLayoutJob(sources, opts(days, { keep: 3 }));
    let slices = 0;
    while (!job.stepGroups(7)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(JSON.stringify(job.result())).toBe(JSON.stringify(whole));
  });

  it('words a band label with a thousands separator and singular', () => {
    expect(bandLabel('every minute', 1440)).toBe('every minute · 1,440 runs');
    expect(bandLabel('at 04:00 AM', 1)).toBe('at 04:00 AM · 1 run');
  });
});

describe('upcoming runs only', () => {
  const november = monthGrid(d(2026, 11, 1), 0).flat();
  const now = new Date('2026-11-28T10:00:00Z');

  it('draws no run on days already past, nor earlier today, when given now', () => {
    const r = layoutDayRuns([source('0 0 4 ? * *'), source('0 0 12 ? * *')], opts(november, { now }));
    const past = r.days.filter((x) => x.iso < '2026-11-28');
    expect(past.length).toBeGreaterThan(20);
    expect(past.every((x) => x.chips.length === 0 && x.bands.length === 0)).toBe(true);
    // Today: 04:00 is gone, 12:00 still ahead.
    expect(day(r, '2026-11-28').chips.map((c) => c.at.toISOString())).toEqual(['2026-11-28T12:00:00.000Z']);
    expect(day(r, '2026-11-29').chips).toHaveLength(2);
  });

  it('counts a dense schedule from now on today, and not at all before', () => {
    const r = layoutDayRuns([source('0 * * ? * *')], opts(november, { now }));
    expect(day(r, '2026-11-27').bands).toHaveLength(0);
    expect(day(r, '2026-11-28').bands[0]!.count).toBe(14 * 60);
    expect(day(r, '2026-11-29').bands[0]!.count).toBe(1440);
    // Too dense to build: counted per day from now too.
    const s = layoutDayRuns([source('* * * ? * *')], opts(november, { now }));
    expect(day(s, '2026-11-27').bands).toHaveLength(0);
    expect(day(s, '2026-11-28').bands[0]!.count).toBe(14 * 3600);
  });

  it('draws nothing for a range entirely in the past', () => {
    const r = layoutDayRuns([source('0 0 4 ? * *')], opts(monthGrid(d(2026, 9, 1), 0).flat(), { now }));
    expect(r.days.every((x) => x.chips.length === 0)).toBe(true);
  });

  it('remembers layouts per now, so a new minute does not reuse runs that are gone', () => {
    const sources = [source('0 0 4 ? * *')];
    const a = cachedLayoutDayRuns(sources, opts(november, { now }));
    const b = cachedLayoutDayRuns(sources, opts(november, { now: new Date('2026-11-29T10:00:00Z') }));
    expect(day(a, '2026-11-29').chips).toHaveLength(1);
    expect(day(b, '2026-11-29').chips).toHaveLength(0);
  });
});
