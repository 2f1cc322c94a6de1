// Runs of one schedule occupying a window: a run started at t occupies [t, t + duration).
import { describe, expect, it } from 'vitest';
import { occupyingRuns } from '@shared/fleet';
import { occupyingCount, startCount } from '@shared/fleet/runs';
import { H, MIN, source } from './helpers';

const t = (iso: string): number => Date.parse(iso);
const times = (starts: number[]): string[] => starts.map((s) => new Date(s).toISOString().slice(11, 19));

describe('occupyingRuns', () => {
  const half = source('0 0 4 * * ?', { durationMs: 30 * MIN }); // 04:00-04:30 UTC daily

  it('a run that ended exactly when the window opens does not occupy it', () => {
    expect(occupyingRuns(half, t('2026-12-01T04:30:00Z'), t('2026-12-01T05:00:00Z'))).toEqual({ starts: [], total: 0, truncated: false });
  });

  it('a run still in progress in the window’s first millisecond occupies it', () => {
    const r = occupyingRuns(half, t('2026-12-01T04:29:59.999Z'), t('2026-12-01T05:00:00Z'));
    expect(times(r.starts)).toEqual(['04:00:00']);
    expect(r.total).toBe(1);
  });

  it('a run starting exactly when the window closes is not in it', () => {
    const hourly = source('0 0 * * * ?', { durationMs: 10 * MIN });
    const r = occupyingRuns(hourly, t('2026-12-01T04:00:00Z'), t('2026-12-01T06:00:00Z'));
    expect(times(r.starts)).toEqual(['04:00:00', '05:00:00']);
    expect(r).toMatchObject({ total: 2, truncated: false });
  });

  it('lists every run of a window busier than one engine request (a run a minute for an hour)', () => {
    const minutely = source('0 * * * * ?', { durationMs: 1000 });
    const r = occupyingRuns(minutely, t('2026-12-01T04:00:00Z'), t('2026-12-01T05:00:00Z'));
    expect(r.starts).toHaveLength(60);
    expect(r.starts[59]! - r.starts[0]!).toBe(59 * MIN);
    expect(r).toMatchObject({ total: 60, truncated: false });
  });

  it('stops at a schedule’s last run (a one-off in a given year)', () => {
    const once = source('0 0 4 1 12 ? 2026');
    const r = occupyingRuns(once, t('2026-11-30T00:00:00Z'), t('2027-02-01T00:00:00Z'));
    expect(r.starts.map((s) => new Date(s).toISOString())).toEqual(['2026-12-01T04:00:00.000Z']);
    expect(r).toMatchObject({ total: 1, truncated: false });
  });

  it('keeps the first `limit` runs and counts the rest exactly', () => {
    const quarter = source('0 0/15 * * * ?', { durationMs: MIN });
    const r = occupyingRuns(quarter, t('2026-12-01T04:00:00Z'), t('2026-12-01T06:00:00Z'), 3);
    expect(times(r.starts)).toEqual(['04:00:00', '04:15:00', '04:30:00']);
    expect(r).toMatchObject({ total: 8, truncated: true });
  });

  it('a limit of one keeps the first run', () => {
    const quarter = source('0 0/15 * * * ?', { durationMs: MIN });
    const r = occupyingRuns(quarter, t('2026-12-01T04:00:00Z'), t('2026-12-01T05:00:00Z'), 1);
    expect(times(r.starts)).toEqual(['04:00:00']);
    expect(r).toMatchObject({ total: 4, truncated: true });
  });

  it('exactly `limit` runs in the window is a full list, not a truncated one', () => {
    const quarter = source('0 0/15 * * * ?', { durationMs: MIN });
    const r = occupyingRuns(quarter, t('2026-12-01T04:00:00Z'), t('2026-12-01T05:00:00Z'), 4);
    expect(times(r.starts)).toEqual(['04:00:00', '04:15:00', '04:30:00', '04:45:00']);
    expect(r).toMatchObject({ total: 4, truncated: false });
  });

  it('with no room to list (limit 0 or below), only counts', () => {
    const quarter = source('0 0/15 * * * ?', { durationMs: MIN });
    for (const limit of [0, -1]) {
      expect(occupyingRuns(quarter, t('2026-12-01T04:00:00Z'), t('2026-12-01T05:00:00Z'), limit)).toEqual({ starts: [], total: 4, truncated: true });
      expect(occupyingRuns(quarter, t('2026-12-01T05:00:00Z'), t('2026-12-01T04:00:00Z'), limit)).toEqual({ starts: [], total: 0, truncated: false });
    }
  });

  it('a window that ends before it begins holds nothing', () => {
    const quarter = source('0 0/15 * * * ?', { durationMs: MIN });
    expect(occupyingRuns(quarter, t('2026-12-01T05:00:00Z'), t('2026-12-01T04:00:00Z'))).toEqual({ starts: [], total: 0, truncated: false });
  });

  it('a whole-second run starting exactly at the first instant that still reaches the window is listed', () => {
    // 1.5 s runs: the window [04:00:01.499, ...) is reached by the 04:00:00 run (until 04:00:01.500).
    const secondly = source('* 0 4 * * ?', { durationMs: 1500 });
    const r = occupyingRuns(secondly, t('2026-12-01T04:00:01.499Z'), t('2026-12-01T04:00:03Z'));
    expect(times(r.starts)).toEqual(['04:00:00', '04:00:01', '04:00:02']);
  });

  it('fall-back night in New York: the runs listed are the engine’s, with the window counted in real time', () => {
    const hourly = source('0 0 * * * ?', { serverTimeZone: 'America/New_York', durationMs: 10 * MIN });
    // 00:00 EDT (04:00Z) .. 03:00 EST (08:00Z): four real hours.
    const r = occupyingRuns(hourly, t('2026-11-01T04:00:00Z'), t('2026-11-01T08:00:00Z'));
    expect(r.total).toBe(r.starts.length);
    expect(r.starts.every((s, i) => i === 0 || s - r.starts[i - 1]! >= H)).toBe(true);
    expect(r.starts[0]).toBe(t('2026-11-01T04:00:00Z'));
    expect(r.starts.at(-1)).toBe(t('2026-11-01T07:00:00Z'));
  });
});

describe('occupyingCount and startCount', () => {
  const half = source('0 0 4 * * ?', { durationMs: 30 * MIN });

  it('counts a run in progress when the window opens, but not one that just ended', () => {
    expect(occupyingCount(half, t('2026-12-01T04:29:59.999Z'), t('2026-12-01T05:00:00Z'))).toBe(1);
    expect(occupyingCount(half, t('2026-12-01T04:30:00Z'), t('2026-12-01T05:00:00Z'))).toBe(0);
    expect(occupyingCount(half, t('2026-12-01T03:00:00Z'), t('2026-12-01T04:00:00Z'))).toBe(0);
  });

  it('counts starts only, and nothing in an empty or reversed window', () => {
    expect(startCount(half, t('2026-12-01T04:10:00Z'), t('2026-12-01T05:00:00Z'))).toBe(0);
    expect(startCount(half, t('2026-12-01T04:00:00Z'), t('2026-12-03T04:00:00Z'))).toBe(2);
    expect(startCount(half, t('2026-12-03T04:00:00Z'), t('2026-12-01T04:00:00Z'))).toBe(0);
  });
});
