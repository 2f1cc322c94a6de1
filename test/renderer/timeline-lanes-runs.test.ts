// What one timeline lane draws in its window: nothing for a deactivated schedule, the reason for one
// that cannot be read, and for a schedule firing every second, a band from now whatever the clock says.
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron';
import { ExpansionCache } from '@renderer/calendar/expansion-cache';
import { distinctLanes, laneRuns, warmLane, LANE_LIMIT } from '@renderer/timeline/lane-runs';
import { timelineRange, upcomingWindow } from '@renderer/timeline/timeline-scale';

const now = new Date('2026-12-01T08:10:00Z');
const lane = (key: string, timeExpression: string, active: boolean | null = true, serverTimeZone = 'UTC') => ({
  key,
  serverTimeZone,
  schedule: { timeExpression, active },
});

function exactUpcoming(expression: string, at: Date, to: Date): number {
  return expandWindow(expression, { from: new Date(at.getTime() + 1), to, timeZone: 'UTC', limit: 0 }).total;
}

describe('a lane in its window', () => {
  it('draws nothing and counts nothing for a deactivated schedule', () => {
    const range = timelineRange(now, 'week');
    const cache = new ExpansionCache();
    expect(laneRuns(lane('p:off', '0 0 4 ? * *', false), now, 'week', range, 900, cache)).toEqual({ marks: null, count: 0, error: null });
    expect(cache.computed).toBe(0);
  });

  it('draws a schedule whose active state is unknown like an active one', () => {
    const range = timelineRange(now, 'week');
    const drawn = laneRuns(lane('p:unknown', '0 0 4 ? * *', null), now, 'week', range, 900, new ExpansionCache());
    expect(drawn.count).toBe(exactUpcoming('0 0 4 ? * *', now, range.to));
    expect(drawn.marks?.kind).toBe('ticks');
  });

  it('shows why an expression cannot be read, and draws no runs', () => {
    const range = timelineRange(now, 'week');
    const drawn = laneRuns(lane('p:bad', '0 0 25 ? * *'), now, 'week', range, 900, new ExpansionCache());
    expect(drawn.marks).toBeNull();
    expect(drawn.count).toBe(0);
    expect(drawn.error).toContain('25');
  });

  it('draws each upcoming run of a daily schedule where it falls, and none already past', () => {
    const range = timelineRange(now, 'week');
    const drawn = laneRuns(lane('p:daily', '0 0 8 ? * *'), now, 'week', range, 900, new ExpansionCache());
    // 08:00 today is past (now is 08:10): the first tick is tomorrow's.
    const span = range.to.getTime() - range.from.getTime();
    const firstX = (Date.parse('2026-12-02T08:00:00Z') - range.from.getTime()) / span;
    expect(drawn.marks?.kind).toBe('ticks');
    expect(drawn.marks?.kind === 'ticks' && drawn.marks.xs[0]).toBeCloseTo(firstX, 9);
    expect(drawn.count).toBe(exactUpcoming('0 0 8 ? * *', now, range.to));
    expect(drawn.error).toBeNull();
  });

  it('merges runs too close for the lane width into a band', () => {
    // Every 5 minutes for an hour: 3.1 px apart on a 900 px day, closer than the 4 px that merge.
    const range = timelineRange(now, 'day');
    const drawn = laneRuns(lane('p:burst', '0 0/5 12 ? * *'), now, 'day', range, 900, new ExpansionCache());
    expect(drawn.marks).toMatchObject({ kind: 'bands', bands: [{ count: 12 }], singles: [] });
  });
});

describe('a lane firing every second', () => {
  const everySecond = lane('p:every-second', '* * * ? * *');

  it('keeps one expansion while the clock advances through its built runs', () => {
    const cache = new ExpansionCache();
    const start = new Date('2026-12-01T08:00:00.500Z');
    for (let minutes = 0; minutes <= 30; minutes += 1) {
      const at = new Date(start.getTime() + minutes * 60_000);
      const drawn = laneRuns(everySecond, at, 'day', timelineRange(at, 'day'), 900, cache);
      expect(drawn.marks?.kind).toBe('bands');
    }
    expect(cache.computed).toBe(1);
  });

  it('still draws a band from now when now is exactly its last built run', () => {
    const probe = new Date('2026-12-01T08:05:00Z');
    const range = timelineRange(probe, 'day');
    const win = upcomingWindow(probe, 'day', range);
    const built = expandWindow('* * * ? * *', { from: win.from, to: win.to, timeZone: 'UTC', limit: LANE_LIMIT });
    const at = built.runs[built.runs.length - 1]!;
    const drawn = laneRuns(everySecond, at, 'day', range, 900, new ExpansionCache());
    expect(drawn.marks?.kind).toBe('bands');
    const bands = drawn.marks?.kind === 'bands' ? drawn.marks.bands : [];
    expect(bands[0]?.x0 ?? -1).toBeGreaterThan((at.getTime() - range.from.getTime()) / (range.to.getTime() - range.from.getTime()));
    expect(drawn.count).toBe(exactUpcoming('* * * ? * *', at, range.to));
  });
});

describe('lane prefetch', () => {
  const range = timelineRange(now, 'week');

  it('expands nothing for a deactivated schedule', () => {
    const cache = new ExpansionCache();
    warmLane(lane('p:off', '0 0 4 ? * *', false), now, 'week', range, cache);
    expect(cache.computed).toBe(0);
  });

  it('treats a lane of unknown active state like an active one with the same expression and zone', () => {
    const sources = [lane('1', '0 0 4 ? * *', null), lane('2', '0 0 4 ? * *', true), lane('3', '0 0 4 ? * *', false)];
    expect(distinctLanes(sources).map((s) => s.key)).toEqual(['1', '3']);
  });
});
