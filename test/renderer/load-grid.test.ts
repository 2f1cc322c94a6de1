// The load heatmap's layout on one display zone: days x hours, DST days of 23 and 25 hours, colour steps
// and keyboard movement in the grid.
import { describe, expect, it } from 'vitest';
import { computeLoad, type FleetSource } from '@shared/fleet';
import { dayWindow, gridKeyTarget, layoutGrid, levelOf } from '@renderer/load/load-grid';

const H = 3_600_000;

function source(timeExpression: string, over: Partial<FleetSource> = {}): FleetSource {
  return {
    key: `k/${timeExpression}/${over.profileId ?? 'p'}`,
    serverKey: 'engine:10502',
    profileId: 'p',
    environment: 'production',
    timeExpression,
    serverTimeZone: 'UTC',
    durationMs: 90 * 60_000,
    ...over,
  };
}

function grid(sources: FleetSource[], at: string, zone: string, days: number) {
  const { from, to } = dayWindow(new Date(at), zone, days);
  const load = computeLoad({ sources, from, to, bucketMs: H, timeZone: zone });
  const server = load.servers[0];
  if (!server) throw new Error('no server');
  return { rows: layoutGrid(load.bucketStarts, load.bucketMs, to.getTime(), server.cells, zone), from, to };
}

describe('load grid', () => {
  it('starts at midnight of the display zone and puts a run in progress in every hour it touches', () => {
    // 04:00 UTC daily, 90 minutes long: busy at 05:00 and 06:00 in Berlin (UTC+1 in winter).
    const { rows, from } = grid([source('0 0 4 ? * * *')], '2026-12-01T15:30:00Z', 'Europe/Berlin', 3);
    expect(from.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.cells.map((c) => c.busy).slice(4, 8)).toEqual([0, 1, 1, 0]);
      expect(row.cells[5]?.starts).toBe(1);
    }
  });

  it('draws a 23-hour day with one missing hour and a 25-hour day with the doubled hour once', () => {
    // Europe/Berlin: clocks go forward on 29 March 2026 at 02:00, back on 25 October 2026 at 03:00.
    const spring = grid([source('0 30 * ? * * *', { durationMs: 60_000 })], '2026-03-29T10:00:00Z', 'Europe/Berlin', 1).rows;
    expect(spring).toHaveLength(1);
    expect(spring[0]?.cells[2]?.buckets).toEqual([]);
    expect(spring[0]?.cells.filter((c) => c.buckets.length === 1)).toHaveLength(23);
    const autumn = grid([source('0 30 * ? * * *', { durationMs: 60_000 })], '2026-10-25T10:00:00Z', 'Europe/Berlin', 1).rows;
    expect(autumn).toHaveLength(1);
    expect(autumn[0]?.cells[2]?.buckets).toHaveLength(2);
    // Two runs start in the doubled 02:00 hour; at most one is in progress at a time.
    expect(autumn[0]?.cells[2]?.starts).toBe(2);
    expect(autumn[0]?.cells[2]?.busy).toBe(1);
    const dayTo = grid([source('0 0 4 ? * * *')], '2026-10-25T10:00:00Z', 'Europe/Berlin', 1).to;
    expect(dayTo.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('counts a pile-up of several orgs at the same hour on one server', () => {
    const pile = ['a', 'b', 'c', 'd'].map((p) => source('0 0 2 ? * * *', { profileId: p, durationMs: 20 * 60_000 }));
    const { rows } = grid([...pile, source('0 0 14 ? * * *')], '2026-12-01T00:00:00Z', 'UTC', 2);
    expect(rows[0]?.cells[2]?.busy).toBe(4);
    expect(rows[1]?.cells[14]?.busy).toBe(1);
    expect(levelOf(4, 4)).toBe(5);
    expect(levelOf(1, 4)).toBe(2);
    expect(levelOf(0, 4)).toBe(0);
  });

  it('moves focus with arrows, pages by a week and stops at the edges', () => {
    expect(gridKeyTarget('ArrowRight', 0, 23, 14, 24)).toEqual([0, 23]);
    expect(gridKeyTarget('ArrowDown', 3, 5, 14, 24)).toEqual([4, 5]);
    expect(gridKeyTarget('PageDown', 10, 5, 14, 24)).toEqual([13, 5]);
    expect(gridKeyTarget('Home', 3, 5, 14, 24)).toEqual([3, 0]);
    expect(gridKeyTarget('End', 3, 5, 14, 24, true)).toEqual([13, 23]);
    expect(gridKeyTarget('x', 3, 5, 14, 24)).toBeNull();
  });
});
