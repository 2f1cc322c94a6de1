// The rows the timeline draws: running maintenance on top, then one lane per schedule (optionally under
// its profile's header), and keyboard moves that stop at the ends.
import { describe, expect, it } from 'vitest';
import { buildRows, nextLaneIndex, type RunningBar } from '@renderer/timeline/timeline-rows';

const s = (profileId: string, job: string) => ({
  key: `${profileId}:${job}`,
  profileId,
  profileName: profileId.toUpperCase(),
  environmentLabel: 'prod',
  color: '#123456',
});
const sources = [s('a', '1'), s('b', '1'), s('a', '2')];
const bar = (profileId: string): RunningBar => ({
  profileId,
  profileName: profileId.toUpperCase(),
  color: '#654321',
  since: new Date('2026-12-01T04:00:00Z'),
  text: 'Running since 04:00 UTC (12 min; usually 6 min)',
});

describe('timeline rows', () => {
  it('puts running maintenance first, one row per profile, before the lanes', () => {
    const running = [bar('b'), bar('a')];
    const rows = buildRows(sources, true, running);
    expect(rows.map((r) => r.id)).toEqual(['running:b', 'running:a', 'group:a', 'lane:a:1', 'lane:a:2', 'group:b', 'lane:b:1']);
    expect(rows[0]).toEqual({ kind: 'running', id: 'running:b', bar: running[0] });
    expect(rows[1]).toEqual({ kind: 'running', id: 'running:a', bar: running[1] });
  });

  it('draws a header per profile with its name, environment, colour and lane count', () => {
    const rows = buildRows(sources, true);
    expect(rows[3]).toEqual({ kind: 'group', id: 'group:b', profileId: 'b', profileName: 'B', environmentLabel: 'prod', color: '#123456', lanes: 1 });
  });

  it('without grouping, draws only lanes in the given order', () => {
    const rows = buildRows(sources, false, [bar('a')]);
    expect(rows.map((r) => r.kind)).toEqual(['running', 'lane', 'lane', 'lane']);
    expect(rows[1]).toEqual({ kind: 'lane', id: 'lane:a:1', source: sources[0] });
  });

  it('stops at the last lane going down and at the first going up', () => {
    const rows = buildRows(sources, true, [bar('a')]);
    // running:a, group:a, lane:a:1, lane:a:2, group:b, lane:b:1
    expect(nextLaneIndex(rows, 5, 1)).toBe(-1);
    expect(nextLaneIndex(rows, 2, -1)).toBe(-1);
    expect(nextLaneIndex(rows, 3, 1)).toBe(5);
  });
});
