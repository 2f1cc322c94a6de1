// A lane keeps drawing a schedule that fires more often than can be drawn, however long the app is
// open: the clock advances, the band stays and its count stays exact.
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron';
import { ExpansionCache } from '@renderer/calendar/expansion-cache';
import { distinctLanes, laneRuns, warmLane } from '@renderer/timeline/lane-runs';
import { timelineRange, ZOOMS } from '@renderer/timeline/timeline-scale';

const everySecond = { key: 'p:every-second', serverTimeZone: 'UTC', schedule: { timeExpression: '* * * ? * *', active: true } };
const start = new Date('2026-12-01T08:00:00.500Z');

function exactUpcoming(now: Date, to: Date): number {
  return expandWindow('* * * ? * *', { from: new Date(now.getTime() + 1), to, timeZone: 'UTC', limit: 0 }).total;
}

describe('a lane firing every second as the clock advances', () => {
  it('draws its band at every zoom for the next two hours, with the exact upcoming count', () => {
    const cache = new ExpansionCache();
    for (const zoom of ZOOMS) {
      for (let minutes = 0; minutes <= 120; minutes += 5) {
        const now = new Date(start.getTime() + minutes * 60_000);
        const range = timelineRange(now, zoom);
        const lane = laneRuns(everySecond, now, zoom, range, 900, cache);
        const where = `${zoom} zoom, ${minutes} min after opening`;
        expect(lane.marks?.kind, where).toBe('bands');
        const bands = lane.marks?.kind === 'bands' ? lane.marks.bands : [];
        expect(bands.length, where).toBeGreaterThan(0);
        // The band starts at now (not somewhere in the past, off the drawn track) and runs to the window's end.
        expect(bands[0]?.x0 ?? -1, where).toBeGreaterThanOrEqual(0);
        expect(bands[0]?.x0 ?? 2, where).toBeLessThan(1);
        expect(lane.count, where).toBe(exactUpcoming(now, range.to));
      }
    }
  });
});

describe('lanes that share an expression and zone', () => {
  const lane = (key: string, timeExpression: string, serverTimeZone = 'UTC', active: boolean | null = true) => ({
    key,
    serverTimeZone,
    schedule: { timeExpression, active },
  });
  const now = new Date('2026-12-01T08:00:00Z');
  const range = timelineRange(now, 'week');

  it('share one expansion, and draw the same runs', () => {
    const cache = new ExpansionCache();
    const a = laneRuns(lane('p1:a', '0 0/30 * ? * * *'), now, 'week', range, 900, cache);
    const b = laneRuns(lane('p2:b', '0 0/30 * ? * * *'), now, 'week', range, 900, cache);
    expect(cache.computed).toBe(1);
    expect(b).toEqual(a);
    expect(a.count).toBe(exactUpcomingOf('0 0/30 * ? * * *', now, range.to));
    // Another zone is another expansion.
    laneRuns(lane('p3:c', '0 0/30 * ? * * *', 'Asia/Kolkata'), now, 'week', range, 900, cache);
    expect(cache.computed).toBe(2);
  });

  it('are warmed once per distinct expression and zone, an active lane first where one is deactivated', () => {
    const sources = [
      lane('1', '0 0 4 ? * * *', 'UTC', false),
      lane('2', '0 0 4 ? * * *'),
      lane('3', '0 0 4 ? * * *'),
      lane('4', '0 0 4 ? * * *', 'Europe/Berlin'),
      lane('5', '0 0 5 ? * * *'),
    ];
    expect(distinctLanes(sources).map((s) => s.key)).toEqual(['1', '2', '4', '5']);
    const cache = new ExpansionCache();
    for (const s of distinctLanes(sources)) warmLane(s, now, 'week', range, cache);
    expect(cache.computed).toBe(3);
    for (const s of sources) laneRuns(s, now, 'week', range, 900, cache);
    expect(cache.computed).toBe(3);
  });
});

function exactUpcomingOf(expression: string, now: Date, to: Date): number {
  return expandWindow(expression, { from: new Date(now.getTime() + 1), to, timeZone: 'UTC', limit: 0 }).total;
}
