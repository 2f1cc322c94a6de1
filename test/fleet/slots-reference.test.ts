// The quiet-slot search (existing runs as a per-minute integral, weekly slots taken from the daily ones)
// against the definition: each candidate expression expanded by the engine, its overlap with every existing
// run summed interval by interval. Over DST changes, with alike schedules and a run length of odd seconds.
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron';
import { RunCache, suggestSlots, type FleetSource, type SlotInput, type SlotSuggestion } from '@shared/fleet';
import { DAY, H, MIN, source } from './helpers';

const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const runsOf = (e: string, zone: string, from: number, to: number): number[] =>
  expandWindow(e, { from: new Date(from), to: new Date(to), timeZone: zone, limit: 100_000 }).runs.map((d) => d.getTime());
const meet = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

function reference(input: SlotInput): SlotSuggestion[] {
  const from = input.from.getTime();
  const to = from + (input.horizonDays ?? 28) * DAY;
  const len = input.durationMs;
  const existing = input.existing.flatMap((s) =>
    runsOf(s.timeExpression, s.serverTimeZone, from - len - s.durationMs + 1 - 2 * DAY, to + 2 * len).map((t) => [t, t + s.durationMs] as const),
  );
  const overlap = (runs: readonly (readonly [number, number])[], a: number, b: number) => runs.reduce((sum, [s, e]) => sum + meet(a, b, s, e), 0);
  const near = (t: number) => existing.filter(([s, e]) => s < t + 2 * len && e > t - len);
  const all: (SlotSuggestion & { overlapMs: number; nearMs: number; position: number })[] = [];
  for (const dow of input.kind === 'weekly' ? [1, 2, 3, 4, 5, 6, 7] : [0]) {
    for (let m = 0; m < 1440; m += input.stepMinutes ?? 15) {
      const e = `0 ${m % 60} ${Math.floor(m / 60)} ? * ${dow ? DAYS[dow - 1] : '*'}`;
      const fires = runsOf(e, input.timeZone, from, to);
      if (fires.length === 0) continue;
      let overlapMs = 0,
        nearMs = 0;
      for (const t of fires) {
        const close = near(t);
        overlapMs += overlap(close, t, t + len);
        nearMs += overlap(close, t - len, t) + overlap(close, t + len, t + 2 * len);
      }
      all.push({
        timeExpression: e,
        dayOfWeek: dow || null,
        hour: Math.floor(m / 60),
        minute: m % 60,
        score: Math.round(100 / (1 + (overlapMs + 0.25 * nearMs) / (fires.length * len))),
        overlapMinutes: Math.round(overlapMs / MIN),
        runs: fires.length,
        overlapMs,
        nearMs,
        position: (Math.max(dow, 1) - 1) * 1440 + m,
      });
    }
  }
  all.sort((x, y) => x.overlapMs - y.overlapMs || x.nearMs - y.nearMs || x.position - y.position);
  const period = input.kind === 'weekly' ? 7 * 1440 : 1440;
  const apart = Math.max(60, Math.ceil(len / MIN));
  const chosen: typeof all = [];
  for (const c of all) {
    if (chosen.length >= input.count) break;
    if (!chosen.some((o) => Math.min(Math.abs(o.position - c.position) % period, period - (Math.abs(o.position - c.position) % period)) < apart))
      chosen.push(c);
  }
  return chosen.map(({ overlapMs: _o, nearMs: _n, position: _p, ...s }) => s);
}

/** A busy server: alike schedules of several orgs, a few zones, nightly piles and a quarter-hourly one. */
function server(seed: number): FleetSource[] {
  let x = seed;
  const pick = (n: number): number => (x = (x * 1103515245 + 12345) % 2147483648) % n;
  const zones = ['UTC', 'America/New_York', 'Europe/Berlin'];
  const out = Array.from({ length: 30 }, () => {
    const zone = zones[pick(3)]!;
    const e = pick(4) === 0 ? `0 ${pick(4) * 15} ${pick(24)} ? * ${DAYS[pick(7)]}` : `0 ${pick(4) * 15} ${pick(6)} * * ?`;
    return source(e, { serverTimeZone: zone, durationMs: (1 + pick(6)) * 15 * MIN });
  });
  return [...out, ...out.slice(0, 10).map((s) => ({ ...s, key: `${s.key}-twin` })), source('0 0/15 9-17 ? * MON-FRI', { durationMs: 5 * MIN })];
}

describe('suggestSlots equals the per-candidate definition', () => {
  const cases: { name: string; input: Omit<SlotInput, 'existing'> }[] = [
    {
      name: 'daily, New York, over the spring-forward change',
      input: {
        durationMs: 30 * MIN,
        blackouts: [],
        timeZone: 'America/New_York',
        kind: 'daily',
        count: 5,
        from: new Date('2026-03-01T05:00:00Z'),
        horizonDays: 14,
      },
    },
    {
      name: 'weekly, Berlin, over the fall-back change',
      input: {
        durationMs: 45 * MIN,
        blackouts: [],
        timeZone: 'Europe/Berlin',
        kind: 'weekly',
        count: 6,
        from: new Date('2026-10-12T00:00:00Z'),
        horizonDays: 21,
      },
    },
    {
      name: 'weekly, New York, fall back, 10-minute steps',
      input: {
        durationMs: H,
        blackouts: [],
        timeZone: 'America/New_York',
        kind: 'weekly',
        count: 4,
        from: new Date('2026-10-20T00:00:00Z'),
        stepMinutes: 10,
        horizonDays: 14,
      },
    },
    {
      name: 'daily, a run length of odd seconds (no per-minute integral)',
      input: { durationMs: 20 * MIN + 1500, blackouts: [], timeZone: 'UTC', kind: 'daily', count: 4, from: new Date('2026-12-01T00:00:00Z'), horizonDays: 14 },
    },
  ];
  for (const [i, c] of cases.entries()) {
    it(c.name, () => {
      const input = { ...c.input, existing: server(7 + i) };
      const fast = suggestSlots(input);
      expect(fast).toEqual(reference(input));
      expect(fast).toHaveLength(input.count);
      // A cache kept across calls (the dialog switching daily and weekly) answers the same.
      const cache = new RunCache();
      suggestSlots({ ...input, kind: input.kind === 'daily' ? 'weekly' : 'daily', cache });
      expect(suggestSlots({ ...input, cache })).toEqual(fast);
    });
  }
});
