// A lane keeps drawing a schedule that fires more often than can be drawn, however long the app is
// open: the clock advances, the band stays and its count stays exact.
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron';
import { ExpansionCache } from '@renderer/calendar/expansion-cache';
import { laneRuns } from '@renderer/timeline/lane-runs';
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
