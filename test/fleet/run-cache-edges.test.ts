// Fire times kept across load computations: whatever was asked before, a window gets the engine's runs.
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron';
import { RunCache } from '@shared/fleet';
import { lowerBound, type StartsSpan } from '@shared/fleet/run-cache';
import { DAY } from './helpers';

const t = (iso: string): number => Date.parse(iso);
const iso = (span: StartsSpan | null): string[] | null => (span ? span.starts.slice(span.lo, span.hi).map((s) => new Date(s).toISOString()) : null);
const engine = (expression: string, zone: string, from: number, to: number): string[] =>
  expandWindow(expression, { from: new Date(from - DAY), to: new Date(to), timeZone: zone, limit: 100_000 })
    .runs.map((d) => d.getTime())
    .filter((s) => s >= from)
    .map((s) => new Date(s).toISOString());

describe('RunCache.startsIn', () => {
  const noon = '0 0 12 * * ?';

  it('a later question reaching further back gets the earlier days too', () => {
    const cache = new RunCache();
    expect(iso(cache.startsIn(noon, 'UTC', t('2026-12-05T00:00:00Z'), t('2026-12-06T00:00:00Z'), 100))).toEqual(['2026-12-05T12:00:00.000Z']);
    expect(iso(cache.startsIn(noon, 'UTC', t('2026-12-03T00:00:00Z'), t('2026-12-06T00:00:00Z'), 100))).toEqual([
      '2026-12-03T12:00:00.000Z',
      '2026-12-04T12:00:00.000Z',
      '2026-12-05T12:00:00.000Z',
    ]);
    expect(iso(cache.startsIn(noon, 'UTC', t('2026-12-01T00:00:00Z'), t('2026-12-02T00:00:00Z'), 100))).toEqual(['2026-12-01T12:00:00.000Z']);
  });

  it('a later question reaching further ahead gets the later days too', () => {
    const cache = new RunCache();
    cache.startsIn(noon, 'UTC', t('2026-12-01T00:00:00Z'), t('2026-12-03T00:00:00Z'), 100);
    expect(iso(cache.startsIn(noon, 'UTC', t('2026-12-02T00:00:00Z'), t('2026-12-04T00:00:00Z'), 100))).toEqual([
      '2026-12-02T12:00:00.000Z',
      '2026-12-03T12:00:00.000Z',
    ]);
  });

  it('a question inside an earlier one is answered with exactly its own runs', () => {
    const cache = new RunCache();
    cache.startsIn(noon, 'UTC', t('2026-11-01T00:00:00Z'), t('2026-12-31T00:00:00Z'), 100);
    expect(iso(cache.startsIn(noon, 'UTC', t('2026-12-10T12:00:00Z'), t('2026-12-12T12:00:00Z'), 100))).toEqual([
      '2026-12-10T12:00:00.000Z',
      '2026-12-11T12:00:00.000Z',
    ]);
  });

  it('keeps zones apart: the same expression in another zone has its own runs', () => {
    const cache = new RunCache();
    const from = t('2026-12-01T00:00:00Z'),
      to = t('2026-12-02T00:00:00Z');
    expect(iso(cache.startsIn(noon, 'UTC', from, to, 10))).toEqual(['2026-12-01T12:00:00.000Z']);
    expect(iso(cache.startsIn(noon, 'America/New_York', from, to, 10))).toEqual(['2026-12-01T17:00:00.000Z']);
    expect(iso(cache.startsIn(noon, 'UTC', from, to, 10))).toEqual(['2026-12-01T12:00:00.000Z']);
  });

  it('answers right after entries were dropped to stay within its bound', () => {
    const cache = new RunCache(2);
    const from = t('2026-12-01T00:00:00Z'),
      to = t('2026-12-02T00:00:00Z');
    const hours = ['0 0 1 * * ?', '0 0 2 * * ?', '0 0 3 * * ?', '0 0 4 * * ?'];
    for (const zone of ['UTC', 'Europe/Berlin']) for (const e of hours) expect(iso(cache.startsIn(e, zone, from, to, 10))).toEqual(engine(e, zone, from, to));
    for (const e of hours) expect(iso(cache.startsIn(e, 'UTC', from, to, 10))).toEqual(engine(e, 'UTC', from, to));
  });

  it('null when the window holds more than `limit` runs, a list when it holds exactly `limit`', () => {
    const cache = new RunCache();
    const hourly = '0 0 * * * ?';
    expect(cache.startsIn(hourly, 'UTC', t('2026-12-01T00:00:00Z'), t('2026-12-01T05:00:00Z'), 4)).toBeNull();
    expect(iso(cache.startsIn(hourly, 'UTC', t('2026-12-01T00:00:00Z'), t('2026-12-01T04:00:00Z'), 4))).toHaveLength(4);
  });

  describe('a schedule too dense to keep (a run every second in the 03:00 hour)', () => {
    const secondly = '* * 3 * * ?';

    it('a quiet window after the dense hour is empty, not "too many"', () => {
      const span = new RunCache().startsIn(secondly, 'UTC', t('2026-12-01T04:00:00Z'), t('2026-12-01T04:10:00Z'), 10);
      expect(iso(span)).toEqual([]);
    });

    it('exactly `limit` runs at the end of the dense hour are listed', () => {
      const span = new RunCache().startsIn(secondly, 'UTC', t('2026-12-01T03:59:50Z'), t('2026-12-01T04:00:00Z'), 10);
      expect(iso(span)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-12-01T03:59:5${i}.000Z`));
    });

    it('one more than `limit` is "too many"', () => {
      expect(new RunCache().startsIn(secondly, 'UTC', t('2026-12-01T03:59:49Z'), t('2026-12-01T04:00:00Z'), 10)).toBeNull();
    });

    it('after a wide question was kept, a too-wide merge is answered from the days just before the window', () => {
      // 33 minutes of secondly runs each night: 1,980 a day, kept for a first question; widened with a later one
      // they are too many to keep, but the window and the day before it are not.
      const nightly = '* 0-32 3 * * ?';
      const cache = new RunCache();
      expect(iso(cache.startsIn(nightly, 'UTC', t('2026-12-01T05:00:00Z'), t('2026-12-01T06:00:00Z'), 1000))).toEqual([]);
      const span = iso(cache.startsIn(nightly, 'UTC', t('2026-12-03T03:00:00Z'), t('2026-12-03T03:10:00Z'), 1000))!;
      expect(span).toHaveLength(600);
      expect([span[0], span[599]]).toEqual(['2026-12-03T03:00:00.000Z', '2026-12-03T03:09:59.000Z']);
    });
  });

  it('fall-back night in New York: a window opening inside the repeated hour gets the same runs as the whole night', () => {
    const half = '0 0,30 * * * ?';
    const zone = 'America/New_York';
    const night = iso(new RunCache().startsIn(half, zone, t('2026-11-01T04:00:00Z'), t('2026-11-01T08:00:00Z'), 100))!;
    const from = t('2026-11-01T05:15:00Z'); // 01:15 EDT, inside the hour that repeats
    const part = iso(new RunCache().startsIn(half, zone, from, t('2026-11-01T08:00:00Z'), 100))!;
    expect(part).toEqual(night.filter((s) => Date.parse(s) >= from));
    expect(part).toEqual(engine(half, zone, from, t('2026-11-01T08:00:00Z')));
  });
});

describe('lowerBound', () => {
  it('finds the first value at or past x', () => {
    const xs = [1, 3, 3, 5, 8];
    expect([0, 1, 2, 3, 4, 5, 8, 9].map((x) => lowerBound(xs, x))).toEqual([0, 0, 1, 1, 3, 3, 4, 5]);
    expect(lowerBound(xs, 3, 2)).toBe(2);
    expect(lowerBound(xs, 9, 0, 3)).toBe(3);
  });
});
