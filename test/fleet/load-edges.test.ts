// Load per server: which runs a bucket counts at its edges, the week-by-hour summary under long buckets,
// and the windows the view refuses.
import { describe, expect, it } from 'vitest';
import { computeLoad, MAX_BUCKETS } from '@shared/fleet';
import { H, MIN, source } from './helpers';

const at = (iso: string): Date => new Date(iso);

describe('computeLoad edges', () => {
  it('a run that ended as the window opens is not counted; a longer one of the same schedule shape is', () => {
    const short = source('0 0 4 * * ?', { durationMs: 30 * MIN });
    const long = source('0 0 4 * * ?', { durationMs: 60 * MIN });
    const longest = source('0 0 4 * * ?', { durationMs: 90 * MIN });
    const load = computeLoad({ sources: [short, long, longest], from: at('2026-12-01T04:30:00Z'), to: at('2026-12-01T06:30:00Z'), bucketMs: H });
    expect(load.servers[0]!.cells.busy).toEqual([2, 0]);
    const onlyShort = computeLoad({ sources: [short], from: at('2026-12-01T04:30:00Z'), to: at('2026-12-01T06:30:00Z'), bucketMs: H });
    expect(onlyShort.servers[0]!.cells.busy).toEqual([0, 0]);
  });

  it('with two-hour buckets the week summary still puts a run in its own wall hour (New York)', () => {
    const five = source('0 0 5 * * ?', { serverTimeZone: 'America/New_York', durationMs: 30 * MIN });
    // Tuesday 2026-12-01 00:00 EST .. Wednesday 00:00 EST.
    const load = computeLoad({
      sources: [five],
      from: at('2026-12-01T05:00:00Z'),
      to: at('2026-12-02T05:00:00Z'),
      bucketMs: 2 * H,
      timeZone: 'America/New_York',
    });
    const s = load.servers[0]!;
    expect(s.cells.busy[2]).toBe(1); // 04:00-06:00 bucket
    expect(s.weekHour.busy[2]![5]).toBe(1);
    expect(s.weekHour.busy[2]![4]).toBe(0);
    expect(s.weekHour.starts[2]![5]).toBe(1);
  });

  it('a dense schedule under two-hour buckets: per-bucket and per-hour counts both right', () => {
    const everyMinute = source('0 * 5 * * ?', { durationMs: MIN });
    const load = computeLoad({ sources: [everyMinute], from: at('2026-12-01T00:00:00Z'), to: at('2026-12-02T00:00:00Z'), bucketMs: 2 * H, runLimit: 10 });
    const s = load.servers[0]!;
    expect(s.dense).toEqual([everyMinute.key]);
    expect(s.cells.starts[2]).toBe(60);
    expect(s.weekHour.starts[2]![5]).toBe(60); // Tuesday 05:00 UTC
    expect(s.weekHour.starts[2]![4]).toBe(0);
  });
});

describe('computeLoad refuses', () => {
  const sources = [source('0 0 4 * * ?')];
  const from = at('2026-12-01T00:00:00Z');

  it('a window without a real start, a real end, or any length', () => {
    expect(() => computeLoad({ sources, from: at('nope'), to: from, bucketMs: H })).toThrow('start before its end');
    expect(() => computeLoad({ sources, from, to: at('nope'), bucketMs: H })).toThrow('start before its end');
    expect(() => computeLoad({ sources, from, to: from, bucketMs: H })).toThrow('start before its end');
  });

  it('buckets under a minute', () => {
    expect(() => computeLoad({ sources, from, to: at('2026-12-01T01:00:00Z'), bucketMs: 30_000 })).toThrow('at least one minute');
    expect(computeLoad({ sources, from, to: at('2026-12-01T01:00:00Z'), bucketMs: MIN }).bucketStarts).toHaveLength(60);
  });

  it('more than MAX_BUCKETS buckets, saying how many were asked for; exactly MAX_BUCKETS is fine', () => {
    const to = (n: number) => new Date(from.getTime() + n * MIN);
    expect(() => computeLoad({ sources, from, to: to(MAX_BUCKETS + 1), bucketMs: MIN })).toThrow(`${MAX_BUCKETS + 1} buckets are too many`);
    expect(computeLoad({ sources, from, to: to(MAX_BUCKETS), bucketMs: MIN }).bucketStarts).toHaveLength(MAX_BUCKETS);
  });
});
