// Schedules sharing an expression are laid out as one group (source-groups.ts): the month must be
// exactly what laying out each schedule on its own and merging would give.
import { describe, expect, it } from 'vitest';
import { layoutDayRuns, type DayRuns, type DayRunsOptions, type DaySource } from '@renderer/calendar/day-runs';
import { DayLayoutJob } from '@renderer/calendar/day-layout-job';
import { DayTableCache } from '@renderer/calendar/day-tables';
import { ExpansionCache } from '@renderer/calendar/expansion-cache';
import { monthGrid } from '@renderer/calendar/month-grid';

const EXPRESSIONS = ['0 0 4 ? * *', '0 0 4 ? * MON-FRI', '0 0/30 * ? * *', '0 15 */6 ? * *', '0 0 9 L * ?', '0 0 4 * * MON'];
const ENVS = ['Production', 'Test', 'Staging'];

/** Keys deliberately out of order, zones mixed, some deactivated, one expression refused. */
function sources(n = 120): DaySource[] {
  const out: DaySource[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      key: `p${(i * 37) % 120}:job-${i}`,
      profileId: `p${i % 7}`,
      environmentLabel: ENVS[i % 3],
      serverTimeZone: i % 5 === 0 ? 'America/New_York' : 'UTC',
      schedule: { timeExpression: EXPRESSIONS[i % EXPRESSIONS.length] as string, active: i % 11 === 0 ? false : true },
    });
  }
  return out;
}

const days = monthGrid({ year: 2027, month: 3, day: 1 }, 0).flat();
const now = new Date('2027-03-10T10:17:00Z');
// One profile has a blackout window: its runs are flagged, so it must not share a group with the others.
const morning = (t: number) => (new Date(t).getUTCHours() === 4 ? 'mornings' : null);
const options = (keep?: number) => ({
  days,
  displayZone: 'server' as const,
  localZone: 'Europe/Berlin',
  bandThreshold: 4,
  dayLimit: 5,
  keep,
  now,
  cache: new ExpansionCache(),
  tables: new DayTableCache(),
  blackoutOf: (s: DaySource) => (s.profileId === 'p3' ? morning : null),
});

const byTime = (a: { t: number; key: string }, b: { t: number; key: string }) => a.t - b.t || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The month of each schedule alone, merged: the reference the grouped layout must equal. */
function merged(
  list: DaySource[],
  keep: number,
): Pick<DayRuns, 'iso' | 'chipCount' | 'bandCount' | 'runCount' | 'blackoutCount' | 'byEnvironment'>[] & object[] {
  const alone = list.map((s) => layoutDayRuns([s], options()));
  return days.map((_, i) => {
    const each = alone.map((r) => r.days[i] as DayRuns);
    const envs = new Map<string, number>();
    for (const d of each) for (const e of d.byEnvironment) envs.set(e.label, (envs.get(e.label) ?? 0) + e.runs);
    const chips = each.flatMap((d) => d.chips).map((c) => ({ t: c.at.getTime(), key: c.sourceKey, blackout: c.blackout }));
    const bands = each.flatMap((d) => d.bands).map((b) => ({ t: b.first.getTime(), key: b.sourceKey, count: b.count, blackout: b.blackout }));
    const sum = (f: (d: DayRuns) => number) => each.reduce((n, d) => n + f(d), 0);
    return {
      iso: (each[0] as DayRuns).iso,
      chips: chips.sort(byTime).slice(0, keep),
      bands: bands.sort(byTime).slice(0, keep),
      chipCount: sum((d) => d.chipCount),
      bandCount: sum((d) => d.bandCount),
      runCount: sum((d) => d.runCount),
      blackoutCount: sum((d) => d.blackoutCount),
      byEnvironment: [...envs].map(([label, runs]) => ({ label, runs })).sort((a, b) => b.runs - a.runs || (a.label < b.label ? -1 : 1)),
    };
  });
}

function grouped(list: DaySource[], keep: number | undefined) {
  const r = layoutDayRuns(list, options(keep));
  return {
    days: r.days.map((d) => ({
      iso: d.iso,
      chips: d.chips.map((c) => ({ t: c.at.getTime(), key: c.sourceKey, blackout: c.blackout })),
      bands: d.bands.map((b) => ({ t: b.first.getTime(), key: b.sourceKey, count: b.count, blackout: b.blackout })),
      chipCount: d.chipCount,
      bandCount: d.bandCount,
      runCount: d.runCount,
      blackoutCount: d.blackoutCount,
      byEnvironment: d.byEnvironment,
    })),
    errors: r.errors,
    inactive: r.inactive,
  };
}

describe('schedules sharing an expression, laid out as one group', () => {
  it('give the month each schedule alone would, merged: the first three chips and bands by time and key, exact counts', () => {
    const list = sources();
    const r = grouped(list, 3);
    expect(r.days).toEqual(merged(list, 3));
    // The case is not trivial: days hold more than they keep, and the blackout profile is flagged.
    expect(r.days.some((d) => d.chipCount > 3 && d.bandCount > 3)).toBe(true);
    expect(r.days.some((d) => d.blackoutCount > 0)).toBe(true);
    // Schedules of one group tie on time: the kept ones are the first by key.
    expect(r.days.some((d) => d.chips.length === 3 && d.chips[0]?.t === d.chips[2]?.t)).toBe(true);
  });

  it('give every chip and band of a day’s full list, in order', () => {
    const list = sources();
    expect(grouped(list, undefined).days).toEqual(merged(list, Infinity));
  });

  it('report refused expressions for each schedule in the list’s order, and count the deactivated ones', () => {
    const list = sources();
    const r = grouped(list, 3);
    const refused = list.filter((s) => s.schedule.timeExpression === '0 0 4 * * MON' && s.schedule.active !== false);
    expect(r.errors.map((e) => e.sourceKey)).toEqual(refused.map((s) => s.key));
    expect(r.inactive).toBe(list.filter((s) => s.schedule.active === false).length);
  });

  it('give the same month when a long list is grouped and placed over many slices', () => {
    // 3,000 schedules are grouped a slice at a time (a check of the clock every 512): a zero budget
    // stops after each check, so the layout takes many slices and must still equal the one-go layout.
    const list = sources(3_000);
    const whole = layoutDayRuns(list, options(3));
    const job = new DayLayoutJob(list, options(3));
    let slices = 1;
    while (!job.step(0)) slices += 1;
    expect(slices).toBeGreaterThan(6);
    expect(job.result()).toEqual(whole);
    expect(whole.days.some((d) => d.chipCount > 3)).toBe(true);
  });

  it('are made again for another display zone, local zone or blackout check of the same list', () => {
    // One list's grouping is remembered (the months of a list share it); laying the same list out in the
    // local zone, in another local zone or with other blackout checks must not reuse the first grouping.
    const list = sources();
    const fresh = (o: DayRunsOptions) => layoutDayRuns([...list], { ...o, cache: new ExpansionCache(), tables: new DayTableCache() });
    // Variants of one set of options: the same blackout check (a function) unless said otherwise.
    const server = options(3);
    layoutDayRuns(list, server);
    const local = { ...server, displayZone: 'local' as const };
    expect(layoutDayRuns(list, local)).toEqual(fresh(local));
    const tokyo = { ...local, localZone: 'Asia/Tokyo' };
    expect(layoutDayRuns(list, tokyo)).toEqual(fresh(tokyo));
    const none = { ...server, blackoutOf: () => null };
    expect(layoutDayRuns(list, none)).toEqual(fresh(none));
    // The cases differ, so reusing the first grouping would show.
    expect(fresh(local)).not.toEqual(fresh(server));
    expect(fresh(tokyo)).not.toEqual(fresh(local));
    expect(fresh(none)).not.toEqual(fresh(server));
  });
});
