// The virtualized schedules list's pure parts: row order and keyboard movement.
import { describe, expect, it } from 'vitest';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { advanceOrdering, nextRunOf, sortByNextRun, startOrdering } from '@renderer/schedules/list-order';
import { nextRun } from '@renderer/common/schedule-info';
import { rowKeyTarget } from '@renderer/schedules/list-keys';

const now = new Date('2026-11-28T10:00:00Z');
function source(profileName: string, timeExpression: string, serverTimeZone = 'UTC'): ScheduleSource {
  return {
    key: `${profileName}:${timeExpression}`,
    profileId: profileName,
    profileName,
    environmentLabel: 'Dev',
    color: '#000',
    serverTimeZone,
    schedule: { timeExpression } as ScheduleSource['schedule'],
  };
}

describe('list order', () => {
  it('puts the soonest next run first and schedules that never fire again last', () => {
    const rows = sortByNextRun(
      [source('a', '0 0 4 ? * * *'), source('a', '0 0 4 1 1 ? 2020'), source('a', '0 30 10 ? * * *'), source('b', '0 0 12 ? * * *')],
      now,
    );
    expect(rows.map((r) => r.source.schedule.timeExpression)).toEqual(['0 30 10 ? * * *', '0 0 12 ? * * *', '0 0 4 ? * * *', '0 0 4 1 1 ? 2020']);
    expect(rows[0]?.next?.toISOString()).toBe('2026-11-28T10:30:00.000Z');
    expect(rows[3]?.next).toBeNull();
  });

  it('orders ties by profile name, so the all-profiles list does not reshuffle between renders', () => {
    const rows = sortByNextRun([source('zeta', '0 0 4 ? * * *'), source('alpha', '0 0 4 ? * * *'), source('mid', '0 0 4 ? * * *')], now);
    expect(rows.map((r) => r.source.profileName)).toEqual(['alpha', 'mid', 'zeta']);
  });
});

describe('list order in slices', () => {
  const many = Array.from({ length: 100 }, (_, i) => source(`p${String(i).padStart(3, '0')}`, `0 ${i % 60} ${i % 24} ? * * *`));

  it('stops when the budget is spent and orders only once every next run is known', () => {
    let t = 0;
    // Each clock read advances 1 ms: a 3 ms budget is spent after three checks (every 16 rows).
    const clock = () => (t += 1);
    const job = startOrdering(many, now);
    expect(advanceOrdering(job, 3, clock)).toBe(false);
    expect(job.rows).toBeNull();
    expect(job.nexts.length).toBeGreaterThan(0);
    expect(job.nexts.length).toBeLessThan(many.length);
    let slices = 1;
    while (!advanceOrdering(job, 3, clock)) slices += 1;
    expect(slices).toBeGreaterThan(1);
    expect(job.rows?.map((r) => r.source.key)).toEqual(sortByNextRun(many, now).map((r) => r.source.key));
  });

  it('finishes at once within the budget when it is ample', () => {
    const job = startOrdering(many.slice(0, 5), now);
    expect(advanceOrdering(job, 1_000)).toBe(true);
    expect(job.rows).toHaveLength(5);
  });
});

// A large mixed list: the same order as comparing the strings with localeCompare on every tie.
const PROFILES = ['Zeta', 'alpha', 'Alpha', 'émile', 'Emile', 'beta 10', 'beta 9', 'ß-org'];
const EXPRESSIONS = ['0 0 4 ? * * *', '0 0 4 ? * MON-FRI *', '0 0/30 * ? * * *', '0 0 4 1 1 ? 2020', '0 15 10 ? * * *', '0 0 12 L * ?', '0 0 4 * * MON'];

function mixed(n: number): ScheduleSource[] {
  return Array.from({ length: n }, (_, i) => {
    const profileName = PROFILES[(i * 7) % PROFILES.length] as string;
    const timeExpression = EXPRESSIONS[(i * 3 + Math.floor(i / 5)) % EXPRESSIONS.length] as string;
    const s = source(profileName, timeExpression, i % 4 === 0 ? 'Europe/Berlin' : 'UTC');
    return { ...s, key: `${profileName}:${i}`, ...(i % 11 === 0 ? { paused: true } : {}) };
  });
}

/** The order by definition: next run, then profile and expression compared as text, then the sources' order. */
function reference(sources: ScheduleSource[]): string[] {
  return sources
    .map((source, i) => ({ source, i, next: nextRunOf(source, now)?.getTime() ?? Infinity }))
    .sort(
      (a, b) =>
        (a.next === b.next ? 0 : a.next - b.next) ||
        a.source.profileName.localeCompare(b.source.profileName) ||
        a.source.schedule.timeExpression.localeCompare(b.source.schedule.timeExpression) ||
        a.i - b.i,
    )
    .map((r) => r.source.key);
}

describe('list order on a large mixed list', () => {
  it('orders by next run, ties by profile then expression as text, never-again and paused last', () => {
    const sources = mixed(700);
    const keys = sortByNextRun(sources, now).map((r) => r.source.key);
    expect(keys).toEqual(reference(sources));
    // The rows that never run again (paused, or a past year) are the tail.
    const rows = sortByNextRun(sources, now);
    const firstNone = rows.findIndex((r) => r.next === null);
    expect(firstNone).toBeGreaterThan(0);
    expect(rows.slice(firstNone).every((r) => r.next === null)).toBe(true);
  });

  it('sorts a large list in a slice of its own once its last next runs spent the budget', () => {
    const sources = mixed(700);
    const job = startOrdering(sources, now);
    // The budget is spent exactly when the last next run is in: the sort waits for the next slice.
    const clock = () => (job.nexts.length < sources.length ? 0 : 1_000);
    expect(advanceOrdering(job, 50, clock)).toBe(false);
    expect(job.nexts).toHaveLength(sources.length);
    expect(job.rows).toBeNull();
    expect(advanceOrdering(job, 50, clock)).toBe(true);
    expect(job.rows?.map((r) => r.source.key)).toEqual(reference(sources));
  });
});

describe('next run as the clock moves', () => {
  it('stays the same run until that run passes, then moves to the following one', () => {
    const expression = '0 0/30 * ? * * *';
    expect(nextRun(expression, 'UTC', new Date('2026-11-28T10:00:00Z'))?.toISOString()).toBe('2026-11-28T10:30:00.000Z');
    expect(nextRun(expression, 'UTC', new Date('2026-11-28T10:29:59Z'))?.toISOString()).toBe('2026-11-28T10:30:00.000Z');
    expect(nextRun(expression, 'UTC', new Date('2026-11-28T10:30:00Z'))?.toISOString()).toBe('2026-11-28T11:00:00.000Z');
    // An earlier time than any asked before (the clock set back) is computed afresh, never answered from later.
    expect(nextRun(expression, 'UTC', new Date('2026-11-28T09:00:00Z'))?.toISOString()).toBe('2026-11-28T09:30:00.000Z');
  });
});

describe('keyboard movement between rows', () => {
  it('moves one row with the arrows, ten with the page keys, to the ends with Home/End', () => {
    expect(rowKeyTarget('ArrowDown', 3, 2000)).toBe(4);
    expect(rowKeyTarget('ArrowUp', 3, 2000)).toBe(2);
    expect(rowKeyTarget('PageDown', 3, 2000)).toBe(13);
    expect(rowKeyTarget('PageUp', 3, 2000)).toBe(0);
    expect(rowKeyTarget('Home', 1500, 2000)).toBe(0);
    expect(rowKeyTarget('End', 3, 2000)).toBe(1999);
  });

  it('stops at the first and last rows and ignores other keys', () => {
    expect(rowKeyTarget('ArrowUp', 0, 5)).toBe(0);
    expect(rowKeyTarget('ArrowDown', 4, 5)).toBe(4);
    expect(rowKeyTarget('Enter', 2, 5)).toBeNull();
    expect(rowKeyTarget('ArrowDown', 0, 0)).toBeNull();
  });
});
