// What a load cell lists: runs of several schedules in progress during a span, in start order, with exact totals.
import { describe, expect, it } from 'vitest';
import { runsInWindow } from '@shared/fleet';
import { MIN, source } from './helpers';

const at = (iso: string): Date => new Date(iso);
const listed = (runs: { key: string; start: number }[]): [string, string][] => runs.map((r) => [r.key, new Date(r.start).toISOString()]);

describe('runsInWindow', () => {
  it('skips a schedule whose expression or zone cannot be read and still lists the others', () => {
    const good = source('0 0 4 * * ?', { key: 'good' });
    const badExpression = source('not a cron', { key: 'bad-expr' });
    const badZone = source('0 0 4 * * ?', { key: 'bad-zone', serverTimeZone: 'Mars/Olympus_Mons' });
    const cell = runsInWindow([badExpression, good, badZone], at('2026-12-01T04:00:00Z'), at('2026-12-01T05:00:00Z'));
    expect(listed(cell.runs)).toEqual([['good', '2026-12-01T04:00:00.000Z']]);
    expect(cell.total).toBe(1);
    expect(cell.truncated).toBe(false);
  });

  it('adds up the runs of every schedule in the span', () => {
    const a = source('0 0 4 * * ?', { key: 'a' });
    const b = source('0 0/20 4 * * ?', { key: 'b' });
    const cell = runsInWindow([a, b], at('2026-12-01T04:00:00Z'), at('2026-12-01T05:00:00Z'));
    expect(cell.total).toBe(4);
    expect(cell.runs).toHaveLength(4);
    expect(cell.truncated).toBe(false);
  });

  it('orders runs of different schedules by start, whatever order the schedules come in', () => {
    const late = source('0 40 4 * * ?', { key: 'a-late' });
    const mid = source('0 20 4 * * ?', { key: 'b-mid' });
    const early = source('0 5 4 * * ?', { key: 'c-early' });
    const cell = runsInWindow([late, mid, early], at('2026-12-01T04:00:00Z'), at('2026-12-01T05:00:00Z'));
    expect(listed(cell.runs)).toEqual([
      ['c-early', '2026-12-01T04:05:00.000Z'],
      ['b-mid', '2026-12-01T04:20:00.000Z'],
      ['a-late', '2026-12-01T04:40:00.000Z'],
    ]);
  });

  it('lists runs starting together by schedule key', () => {
    const keys = ['org-c/j', 'org-a/j', 'org-b/j'];
    for (const order of [keys, [...keys].reverse()]) {
      const cell = runsInWindow(
        order.map((key) => source('0 0 4 * * ?', { key })),
        at('2026-12-01T04:00:00Z'),
        at('2026-12-01T05:00:00Z'),
      );
      expect(cell.runs.map((r) => r.key)).toEqual(['org-a/j', 'org-b/j', 'org-c/j']);
    }
  });

  it('shows at most `limit` runs (the earliest) but counts them all, and says so', () => {
    const a = source('0 30 4 * * ?', { key: 'a' });
    const b = source('0 10 4 * * ?', { key: 'b' });
    const cell = runsInWindow([a, b], at('2026-12-01T04:00:00Z'), at('2026-12-01T05:00:00Z'), 1);
    expect(listed(cell.runs)).toEqual([['b', '2026-12-01T04:10:00.000Z']]);
    expect(cell.total).toBe(2);
    expect(cell.truncated).toBe(true);
  });

  it('flags a truncated list when one schedule alone has more runs than the limit', () => {
    const busy = source('0 * 4 * * ?', { key: 'busy', durationMs: MIN });
    const cell = runsInWindow([busy], at('2026-12-01T04:00:00Z'), at('2026-12-01T05:00:00Z'), 5);
    expect(cell.runs.map((r) => new Date(r.start).toISOString().slice(11, 16))).toEqual(['04:00', '04:01', '04:02', '04:03', '04:04']);
    expect(cell.total).toBe(60);
    expect(cell.truncated).toBe(true);
  });

  it('does not flag a list that holds exactly the limit', () => {
    const a = source('0 0 4 * * ?', { key: 'a' });
    const b = source('0 30 4 * * ?', { key: 'b' });
    const cell = runsInWindow([a, b], at('2026-12-01T04:00:00Z'), at('2026-12-01T05:00:00Z'), 2);
    expect(cell.runs).toHaveLength(2);
    expect(cell.total).toBe(2);
    expect(cell.truncated).toBe(false);
  });

  it('spring-forward night in New York: an hourly schedule has no 02:00 run, and a 01:50 run spills into the cell', () => {
    const hourly = source('0 0 * * * ?', { key: 'hourly', serverTimeZone: 'America/New_York', durationMs: 10 * MIN });
    const late = source('0 50 1 * * ?', { key: 'late', serverTimeZone: 'America/New_York', durationMs: 20 * MIN });
    // 01:00 EST .. 04:00 EDT local is 06:00Z .. 08:00Z: two real hours.
    const cell = runsInWindow([hourly, late], at('2026-03-08T06:55:00Z'), at('2026-03-08T08:00:00Z'));
    expect(listed(cell.runs)).toEqual([
      ['late', '2026-03-08T06:50:00.000Z'],
      ['hourly', '2026-03-08T07:00:00.000Z'], // 03:00 EDT: 02:00 never happens
    ]);
    expect(cell.total).toBe(2);
  });
});
