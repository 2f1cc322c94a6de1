// The month keeps a day's first three chips and bands, and sums whole steady days per day rule
// (rule-sums.ts) instead of placing each expression on each day. Against the same layout with every
// item kept (placed group by group): the same counts per day and environment, and the same first
// three chips and bands, for seeded lists mixing zones, shared expressions, blackout windows, refused
// expressions, and a now before, inside and after the range.
import { describe, expect, it } from 'vitest';
import { DayLayoutJob } from '@renderer/calendar/day-layout-job';
import { layoutDayRuns, type DayRuns, type DayRunsOptions, type DaySource } from '@renderer/calendar/day-runs';
import { DayTableCache } from '@renderer/calendar/day-tables';
import { ExpansionCache } from '@renderer/calendar/expansion-cache';
import { monthGrid } from '@renderer/calendar/month-grid';
import { startOfZonedDay, type CivilDate } from '@renderer/common/time';
import { expressionFor } from '../harness/seed-mix';

const EXPRESSIONS = [
  // The harness mix, at two sets of times.
  ...[0, 3].flatMap((i) => Array.from({ length: 8 }, (_, j) => expressionFor(i, j))),
  '0 30 2 ? * *',
  '0 0 0 ? * *',
  '0 0/15 0-3 ? * *',
  '5,10 0 0 ? * *',
  '0 0 12 LW * ?',
  '0 0 9,17 15W * ?',
  '0 0 9 ? * 2#5',
  '0 15,45 */2 ? * 1-5',
  '0 0 9 ? * MON,WED,FRI 2027',
  '0 0 6,7,8,9 ? * *',
  // Five a day: a band (past four) with every run built, so its last is known.
  '0 0 6-10 ? * *',
  '0 0 4 * * MON',
  // Dense enough that a band's last run is not built (the day's end stands in).
  '0 * * ? * *',
  '0/10 * 8-20 ? * MON-FRI',
];
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
const ENVS = ['Production', 'Staging', 'Test', ''];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sources(rand: () => number, n: number): DaySource[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  return Array.from({ length: n }, (_, i) => ({
    key: `p${i % 7}:job-${String(Math.floor(rand() * 1000)).padStart(3, '0')}-${i}`,
    profileId: `p${i % 7}`,
    environmentLabel: pick(ENVS),
    serverTimeZone: pick(ZONES),
    schedule: { timeExpression: pick(EXPRESSIONS), active: rand() < 0.95 },
  }));
}

/** What the month draws of a day: its counts and its first three chips and bands. */
function drawn(day: DayRuns) {
  return {
    iso: day.iso,
    counts: [day.chipCount, day.bandCount, day.runCount, day.blackoutCount],
    byEnvironment: day.byEnvironment,
    chips: day.chips.slice(0, 3).map((c) => [c.sourceKey, c.at.getTime(), c.zone, c.blackout]),
    bands: day.bands.slice(0, 3).map((b) => [b.sourceKey, b.count, b.first.getTime(), b.last.getTime(), b.lastKnown, b.zone, b.blackout]),
  };
}

const MONTHS: CivilDate[] = [
  { year: 2027, month: 3, day: 1 },
  { year: 2027, month: 6, day: 1 },
  { year: 2027, month: 11, day: 1 },
];

describe('the month summed per day rule', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`draws what laying out every item draws (seed ${seed})`, () => {
      const rand = random(seed);
      const list = sources(rand, 20 + Math.floor(rand() * 180));
      const first = MONTHS[seed % MONTHS.length] as CivilDate;
      const days = monthGrid(first, seed % 2 === 0 ? 0 : 1).flat();
      const zone = ZONES[seed % ZONES.length] as string;
      const start = startOfZonedDay(days[0] as CivilDate, zone).getTime();
      // Before the range, inside it (a day partly gone), after it.
      const now = [start - 86_400_000, start + (3 + (seed % 20)) * 86_400_000 + 37_000_123, start + 50 * 86_400_000][seed % 3] as number;
      const blackout = (t: number) => (new Date(t).getUTCHours() === 9 ? 'maintenance freeze' : null);
      const opts: DayRunsOptions = {
        days,
        displayZone: seed % 4 === 0 ? 'local' : 'server',
        localZone: zone,
        bandThreshold: 4,
        dayLimit: 5,
        now: new Date(now),
        blackoutOf: (s) => (s.profileId === 'p3' ? blackout : null),
        blackoutKey: 'p3',
      };
      const fresh = () => ({ cache: new ExpansionCache(), tables: new DayTableCache() });
      const month = layoutDayRuns(list, { ...opts, ...fresh(), keep: 3 });
      const everything = layoutDayRuns(list, { ...opts, ...fresh() });
      expect(month.errors).toEqual(everything.errors);
      expect(month.days.map(drawn)).toEqual(everything.days.map(drawn));
      // The case is not empty: runs are drawn on most days ahead.
      if (now < start) expect(month.days.filter((d) => d.runCount > 0).length).toBeGreaterThan(20);
    });
  }
});

it('orders items at the same time by key, whichever expression comes first in the list', () => {
  const at9 = (key: string, timeExpression: string): DaySource => ({ key, serverTimeZone: 'UTC', schedule: { timeExpression, active: true } });
  const days = monthGrid({ year: 2027, month: 3, day: 1 }, 0).flat();
  const opts: DayRunsOptions = { days, displayZone: 'server', localZone: 'UTC', bandThreshold: 4, dayLimit: 5 };
  for (const keep of [3, undefined]) {
    const { days: laid } = layoutDayRuns([at9('p:b', '0 0 9 ? * *'), at9('p:a', '0 0 9,10 ? * *')], { ...opts, keep });
    expect(laid[10]?.chips.map((c) => [c.sourceKey, c.at.toISOString()])).toEqual([
      ['p:a', '2027-03-10T09:00:00.000Z'],
      ['p:b', '2027-03-10T09:00:00.000Z'],
      ['p:a', '2027-03-10T10:00:00.000Z'],
    ]);
  }
});

describe('which layouts sum days per rule', () => {
  const steady = (key: string, timeExpression: string, profileId = 'p'): DaySource => ({
    key,
    profileId,
    serverTimeZone: 'UTC',
    schedule: { timeExpression, active: true },
  });
  const list = [steady('p:a', '0 0 4 ? * *'), steady('p:b', '0 30 4 ? * MON-FRI'), steady('q:c', '0 0 5 ? * *', 'q')];
  const days = monthGrid({ year: 2027, month: 6, day: 1 }, 0).flat();
  const base: DayRunsOptions = { days, displayZone: 'server', localZone: 'UTC', bandThreshold: 4, dayLimit: 5 };
  const summed = (opts: Partial<DayRunsOptions>) => {
    const job = new DayLayoutJob(list, { ...base, ...opts, tables: new DayTableCache(), cache: new ExpansionCache() });
    job.step(Infinity);
    return job.summed;
  };

  it('the month (three items kept a day) sums every group of steady days', () => {
    expect(summed({ keep: 3 })).toBe(3);
  });

  it("a day's full list and the week (every item kept) place group by group", () => {
    expect(summed({})).toBe(0);
    expect(summed({ keep: 3, onlyDay: 10 })).toBe(0);
  });

  it('a profile with blackout windows is placed group by group: each run is checked against them', () => {
    expect(summed({ keep: 3, blackoutOf: (s) => (s.profileId === 'q' ? () => null : null), blackoutKey: 'q' })).toBe(2);
  });

  it('a month with a clock change of the server zone is placed group by group', () => {
    const berlin = list.map((s) => ({ ...s, serverTimeZone: 'Europe/Berlin' }));
    const job = new DayLayoutJob(berlin, { ...base, days: monthGrid({ year: 2027, month: 3, day: 1 }, 0).flat(), keep: 3, tables: new DayTableCache() });
    job.step(Infinity);
    expect(job.summed).toBe(0);
  });
});

it('a day limit of 0 (no run built) lays out as keeping every item does', () => {
  const list: DaySource[] = ['0 0 9 ? * *', '0 0 10 ? * *'].map((timeExpression, i) => ({
    key: `p:${i}`,
    serverTimeZone: 'UTC',
    schedule: { timeExpression, active: true },
  }));
  const opts: DayRunsOptions = {
    days: monthGrid({ year: 2027, month: 6, day: 1 }, 0).flat(),
    displayZone: 'server',
    localZone: 'UTC',
    bandThreshold: 0,
    dayLimit: 0,
  };
  const month = layoutDayRuns(list, { ...opts, keep: 3, tables: new DayTableCache() });
  const everything = layoutDayRuns(list, { ...opts, tables: new DayTableCache() });
  expect(month.days.map(drawn)).toEqual(everything.days.map(drawn));
});

it('flags and counts a band whose first run touches a blackout window of its profile, not one whose later runs do not', () => {
  const source = (key: string): DaySource => ({ key, profileId: 'p', serverTimeZone: 'UTC', schedule: { timeExpression: '0 0 6-10 ? * *', active: true } });
  const days = monthGrid({ year: 2027, month: 6, day: 1 }, 0).flat();
  const freeze = (t: number) => (new Date(t).getUTCHours() === 6 ? 'maintenance freeze' : null);
  const opts: DayRunsOptions = {
    days,
    displayZone: 'server',
    localZone: 'UTC',
    bandThreshold: 4,
    dayLimit: 5,
    keep: 3,
    blackoutOf: () => freeze,
    blackoutKey: 'p',
  };
  const { days: laid } = layoutDayRuns([source('p:a'), source('p:b')], { ...opts, tables: new DayTableCache() });
  for (const day of laid) {
    expect(day.bands.map((b) => [b.sourceKey, b.count, b.blackout])).toEqual([
      ['p:a', 5, 'maintenance freeze'],
      ['p:b', 5, 'maintenance freeze'],
    ]);
    expect(day.blackoutCount).toBe(2);
  }
});
