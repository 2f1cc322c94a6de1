// The virtualized schedules list's pure parts: row order and keyboard movement.
import { describe, expect, it } from 'vitest';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { sortByNextRun } from '@renderer/schedules/list-order';
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
