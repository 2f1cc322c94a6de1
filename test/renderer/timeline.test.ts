import { describe, expect, it } from 'vitest';
import { axisTicks, fraction, laneMarks, timelineRange, upcomingWindow } from '@renderer/timeline/timeline-scale';
import { buildRows, nextLaneIndex } from '@renderer/timeline/timeline-rows';
import { expandWindow } from '@shared/cron';

const now = new Date('2027-03-10T10:17:00Z');

describe('timeline window and axis', () => {
  it('shows a fifth of the window before now, starting at a round time', () => {
    const day = timelineRange(now, 'day');
    expect(day.from.toISOString()).toBe('2027-03-10T05:00:00.000Z');
    expect(day.to.getTime() - day.from.getTime()).toBe(86_400_000);
    expect(fraction(now, day)).toBeCloseTo(0.2, 1);
    const quarter = timelineRange(now, 'quarter');
    expect(quarter.from.toISOString()).toBe('2027-02-20T00:00:00.000Z');
    expect((quarter.to.getTime() - quarter.from.getTime()) / 86_400_000).toBe(91);
  });

  it('keeps the same window while now moves on by minutes, so expansions stay cached', () => {
    const later = new Date('2027-03-10T10:35:00Z');
    expect(timelineRange(later, 'week')).toEqual(timelineRange(now, 'week'));
    expect(upcomingWindow(later, 'day', timelineRange(later, 'day')).from.toISOString()).toBe('2027-03-10T10:00:00.000Z');
  });

  it('puts axis ticks on wall-clock boundaries of the zone', () => {
    const ticks = axisTicks(timelineRange(now, 'day'), 'day', 'America/New_York');
    expect(ticks.length).toBe(8);
    // 3-hourly in New York (UTC-5 in winter): 12:00 local = 17:00Z.
    expect(ticks.map((t) => t.at.toISOString())).toContain('2027-03-10T17:00:00.000Z');
    const week = axisTicks(timelineRange(now, 'week'), 'week', 'UTC').filter((t) => t.major);
    expect(week.map((t) => t.at.toISOString().slice(11, 16)).every((s) => s === '00:00')).toBe(true);
    expect(week.length).toBeGreaterThanOrEqual(6);
  });
});

describe('lane marks', () => {
  const range = timelineRange(now, 'week');
  const runs = (expr: string, limit = 2000) => expandWindow(expr, { from: now, to: range.to, timeZone: 'UTC', limit });

  it('draws a daily schedule as separate ticks', () => {
    const e = runs('0 0 4 ? * *');
    const m = laneMarks(e.runs, e.total, e.truncated, range, { widthPx: 1000 });
    expect(m.kind).toBe('ticks');
    expect(m.kind === 'ticks' && m.xs.length).toBe(5);
  });

  it('draws an every-minute schedule as a band with the full count', () => {
    const e = runs('0 * * ? * *');
    expect(e.truncated).toBe(true);
    const m = laneMarks(e.runs, e.total, e.truncated, range, { widthPx: 1000 });
    expect(m).toMatchObject({ kind: 'bands', singles: [] });
    expect(m.kind === 'bands' && m.bands[0]!.count).toBe(e.total);
    expect(e.total).toBeGreaterThan(7000);
  });

  it('merges runs closer than a few pixels into bands but keeps gaps between working days', () => {
    // Every 5 minutes from 09:00 to 16:55 on weekdays: one band per weekday.
    const e = runs('0 0/5 9-16 ? * MON-FRI');
    const m = laneMarks(e.runs, e.total, e.truncated, range, { widthPx: 1000 });
    expect(m.kind).toBe('bands');
    if (m.kind !== 'bands') return;
    expect(m.bands.length).toBeGreaterThanOrEqual(3);
    expect(m.bands.every((b) => b.count === 96 || b.x0 === fraction(e.runs[0]!, range))).toBe(true);
  });

  it('draws nothing for no runs', () => {
    expect(laneMarks([], 0, false, range, { widthPx: 500 })).toEqual({ kind: 'ticks', xs: [] });
  });
});

describe('timeline rows', () => {
  const s = (profileId: string, job: string) => ({
    key: `${profileId}:${job}`,
    profileId,
    profileName: profileId.toUpperCase(),
    environmentLabel: 'prod',
    color: '#000',
  });
  const sources = [s('a', '1'), s('b', '1'), s('a', '2')];

  it('groups lanes under their profile, in first-seen order', () => {
    const rows = buildRows(sources, true);
    expect(rows.map((r) => r.id)).toEqual(['group:a', 'lane:a:1', 'lane:a:2', 'group:b', 'lane:b:1']);
    expect(rows[0]).toMatchObject({ kind: 'group', lanes: 2, profileName: 'A' });
    expect(buildRows(sources, false).map((r) => r.id)).toEqual(['lane:a:1', 'lane:b:1', 'lane:a:2']);
  });

  it('moves between lanes past group headers', () => {
    const rows = buildRows(sources, true);
    expect(nextLaneIndex(rows, 2, 1)).toBe(4);
    expect(nextLaneIndex(rows, 4, -1)).toBe(2);
    expect(nextLaneIndex(rows, -1, 1)).toBe(1);
    expect(nextLaneIndex(rows, 1, -1)).toBe(-1);
  });
});
