// The fast load (schedules counted once and multiplied, runs from a cache, frequent schedules counted per
// bucket) against the definition: for every schedule and bucket, the engine's count of the runs starting
// in it and of those in progress during it. Seeded mixes over DST days, with duplicates and frequent ones.
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron';
import { computeLoad, RunCache, wallTime, type FleetSource, type LoadResult } from '@shared/fleet';
import { H, MIN } from './helpers';

const count = (e: string, zone: string, from: number, to: number): number =>
  to <= from ? 0 : expandWindow(e, { from: new Date(from), to: new Date(to), timeZone: zone, limit: 0 }).total;

/**
 * Bucket i is [bounds[i], bounds[i + 1]). Each schedule's runs come from one walk that starts two days early
 * (as the engine fires continuously); a run counts in every bucket its [start, start + length) meets. A
 * schedule with more than `runLimit` runs is counted per bucket from the engine's window totals.
 */
function referenceCells(sources: readonly FleetSource[], bounds: readonly number[], runLimit: number): { busy: number[]; starts: number[] } {
  const n = bounds.length - 1;
  const busy = Array<number>(n).fill(0),
    starts = Array<number>(n).fill(0);
  const from = bounds[0]!,
    to = bounds[n]!;
  for (const x of sources) {
    const len = Math.max(1000, x.durationMs);
    const runs = expandWindow(x.timeExpression, { from: new Date(from - len + 1 - 2 * 24 * H), to: new Date(to), timeZone: x.serverTimeZone, limit: 100_000 })
      .runs.map((d) => d.getTime())
      .filter((t) => t >= from - len + 1);
    for (let i = 0; i < n; i++) {
      const b0 = bounds[i]!,
        b1 = bounds[i + 1]!;
      if (runs.length > runLimit) {
        starts[i]! += count(x.timeExpression, x.serverTimeZone, b0, b1);
        busy[i]! += count(x.timeExpression, x.serverTimeZone, b0 - len + 1, b1);
      } else {
        starts[i]! += runs.filter((t) => t >= b0 && t < b1).length;
        busy[i]! += runs.filter((t) => t < b1 && t + len > b0).length;
      }
    }
  }
  return { busy, starts };
}

/** Wall-hour boundaries of `zone` in [from, to): every offset in use is a whole quarter hour. */
function wallHourBounds(from: number, to: number, zone: string): number[] {
  const out = [from];
  for (let t = Math.ceil((from + 1) / (15 * MIN)) * 15 * MIN; t < to; t += 15 * MIN) if (wallTime(zone, t).minute === 0) out.push(t);
  out.push(to);
  return out;
}

function reference(sources: readonly FleetSource[], from: number, to: number, bucketMs: number, zone: string, runLimit: number): LoadResult {
  const bounds: number[] = [];
  for (let t = from; t < to; t += bucketMs) bounds.push(t);
  bounds.push(to);
  const servers = [...new Set(sources.map((s) => s.serverKey))].sort().map((serverKey) => {
    const mine = sources.filter((s) => s.serverKey === serverKey);
    const environments = [...new Set(mine.map((s) => s.environment))].sort().map((environment) => ({
      environment,
      cells: referenceCells(
        mine.filter((s) => s.environment === environment),
        bounds,
        runLimit,
      ),
    }));
    const cells = referenceCells(mine, bounds, runLimit);
    const hours = wallHourBounds(from, to, zone);
    const hourCells = referenceCells(mine, hours, runLimit);
    const weekHour = { busy: [...Array(7)].map(() => Array<number>(24).fill(0)), starts: [...Array(7)].map(() => Array<number>(24).fill(0)) };
    hours.slice(0, -1).forEach((b, i) => {
      const w = wallTime(zone, b);
      weekHour.busy[w.dayOfWeek - 1]![w.hour]! += hourCells.busy[i]!;
      weekHour.starts[w.dayOfWeek - 1]![w.hour]! += hourCells.starts[i]!;
    });
    const dense = mine.filter((s) => count(s.timeExpression, s.serverTimeZone, from - Math.max(1000, s.durationMs) + 1, to) > runLimit).map((s) => s.key);
    return { serverKey, cells, environments, weekHour, peak: Math.max(0, ...cells.busy), sourceKeys: mine.map((s) => s.key), dense };
  });
  return { bucketStarts: bounds.slice(0, -1), bucketMs, timeZone: zone, servers, skipped: [] };
}

const POOL = [
  '0 0 4 * * ?',
  '0 30 2 * * ?', // inside the spring-forward gap in New York and Berlin
  '0 30 1 ? * SUN', // inside the repeated hour of a fall-back Sunday
  '0 15 0/6 * * ?',
  '0 0/15 * * * ?', // more runs than hourly buckets
  '0 * 9-10 * * ?', // every minute for two hours a day
  '30 10 23 L * ?',
  '0 45 3 ? * MON-FRI',
  '0 0 * * * ?',
];
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const LENGTHS = [0, 1000, 10 * MIN, 45 * MIN, 2 * H, 25 * H];

/** A seeded mix with many alike schedules (same server, environment, zone, expression and length). */
function mix(seed: number, n: number): FleetSource[] {
  let x = seed;
  const pick = <T>(xs: readonly T[]): T => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return xs[x % xs.length]!;
  };
  return Array.from({ length: n }, (_, i) => ({
    key: `p${i % 7}/j${i}`,
    serverKey: pick(['engine-a:443', 'engine-b:443']),
    profileId: `p${i % 7}`,
    environment: pick(['production', 'test']),
    timeExpression: pick(POOL),
    serverTimeZone: pick(ZONES),
    durationMs: pick(LENGTHS),
  }));
}

const CASES = [
  { name: 'spring forward in New York, hourly, on New York wall hours', from: '2026-03-07T05:00:00Z', days: 3, bucketMs: H, zone: 'America/New_York' },
  { name: 'fall back in New York, half-hour buckets, UTC', from: '2026-10-31T00:00:00Z', days: 3, bucketMs: (30 * H) / 60, zone: 'UTC' },
  { name: 'spring forward in Berlin, hourly, summary on India wall hours', from: '2026-03-28T00:00:00Z', days: 3, bucketMs: H, zone: 'Asia/Kolkata' },
  { name: "Lord Howe's half-hour DST change, 6-hour buckets", from: '2026-04-04T00:00:00Z', days: 2, bucketMs: 6 * H, zone: 'Australia/Lord_Howe' },
];

describe('computeLoad equals the per-bucket definition', () => {
  for (const [k, c] of CASES.entries()) {
    it(c.name, () => {
      const sources = mix(17 + k, 60);
      const from = Date.parse(c.from),
        to = from + c.days * 24 * H;
      // 200: the every-minute and quarter-hour schedules with long runs are counted per bucket (dense).
      const runLimit = 200;
      const input = { sources, from: new Date(from), to: new Date(to), bucketMs: c.bucketMs, timeZone: c.zone, runLimit };
      const fast = computeLoad(input);
      expect(fast).toEqual(reference(sources, from, to, c.bucketMs, c.zone, runLimit));
      expect(fast.servers.some((s) => s.dense.length > 0)).toBe(true);
      expect(fast.servers.every((s) => s.dense.length < s.sourceKeys.length)).toBe(true);
    });
  }

  it('a cache kept across windows and filters answers as a fresh computation does', () => {
    const sources = mix(99, 80);
    const cache = new RunCache();
    const at = Date.parse('2026-03-07T00:00:00Z');
    const ask = (days: number, list: FleetSource[], shift = 0, withCache = true) =>
      computeLoad({
        sources: list,
        from: new Date(at + shift),
        to: new Date(at + shift + days * 24 * H),
        bucketMs: H,
        timeZone: 'Europe/Berlin',
        runLimit: 500,
        ...(withCache ? { cache } : {}),
      });
    for (const [days, list, shift] of [
      [2, sources, 0],
      [4, sources, 0], // wider: the cache widens its entries
      [1, sources.slice(20), 0], // narrower and filtered: answered from them
      [2, sources.filter((s) => s.environment === 'test'), -6 * H], // earlier start
      [3, sources, 36 * H],
    ] as const) {
      expect(ask(days, [...list], shift)).toEqual(ask(days, [...list], shift, false));
    }
  });

  it('a cache asked again with sources changed in place answers for the changed sources', () => {
    const sources = mix(7, 40);
    const cache = new RunCache();
    const window = { from: new Date('2026-10-24T00:00:00Z'), to: new Date('2026-10-27T00:00:00Z'), bucketMs: H, timeZone: 'Europe/Berlin', runLimit: 500 };
    const both = (): [LoadResult, LoadResult] => [computeLoad({ ...window, sources, cache }), computeLoad({ ...window, sources })];
    const first = both();
    expect(first[0]).toEqual(first[1]);
    expect(both()[0]).toEqual(first[1]); // the same sources again: the same answer
    const edits: ((s: FleetSource) => void)[] = [
      (s) => (s.timeExpression = '0 0 13 * * ?'),
      (s) => (s.durationMs = 3 * H),
      (s) => (s.environment = 'staging'),
      (s) => (s.serverKey = 'engine-c:443'),
      (s) => (s.serverTimeZone = 'Asia/Kolkata'),
      (s) => (s.timeExpression = 'not a schedule'),
    ];
    let before = first[1];
    for (const [i, edit] of edits.entries()) {
      edit(sources[i * 5]!);
      const [cached, fresh] = both();
      expect(cached).toEqual(fresh);
      expect(cached, `edit ${i} changes the load`).not.toEqual(before);
      before = fresh;
    }
    sources.push({ ...sources[1]!, key: 'added' });
    const [cached, fresh] = both();
    expect(cached).toEqual(fresh);
    expect(cached.servers.flatMap((s) => s.sourceKeys)).toContain('added');
  });
});
