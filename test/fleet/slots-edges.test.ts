// Quiet slots: which start time is suggested, kept an hour apart around midnight, never running into a blackout.
import { describe, expect, it } from 'vitest';
import { suggestSlots, type Blackout } from '@shared/fleet';
import { H, MIN, source } from './helpers';

const from = new Date('2026-12-06T00:00:00Z'); // a Sunday
const everyDay = [1, 2, 3, 4, 5, 6, 7];

describe('suggestSlots', () => {
  it('keeps daily suggestions an hour apart across midnight (23:15 is too close to 00:00)', () => {
    // Busy every quarter hour from 01:00 to 23:00: the quiet stretch is 23:00 .. 01:00.
    const existing = [source('0 0/15 1-22 * * ?', { durationMs: 15 * MIN })];
    const slots = suggestSlots({ existing, durationMs: 15 * MIN, blackouts: [], timeZone: 'UTC', kind: 'daily', count: 2, from });
    expect(slots.map((s) => s.timeExpression)).toEqual(['0 0 0 ? * *', '0 0 23 ? * *']);
    expect(slots[0]).toMatchObject({ score: 100, overlapMinutes: 0, runs: 28 });
  });

  it('never suggests a run that starts before a blackout but runs into it', () => {
    const blackouts: Blackout[] = [{ kind: 'weekly', days: everyDay, start: '00:45', end: '00:00', timeZone: 'UTC' }];
    const existing = [source('0 0 0 * * ?', { durationMs: 40 * MIN })];
    const slots = suggestSlots({ existing, durationMs: 30 * MIN, blackouts, timeZone: 'UTC', kind: 'daily', count: 1, from });
    // 00:30 would overlap least (10 minutes a day) but runs until 01:00, into the blackout.
    expect(slots.map((s) => [s.timeExpression, s.overlapMinutes])).toEqual([['0 15 0 ? * *', 25 * 28]]);
  });

  it('ignores an existing schedule that cannot be read', () => {
    const existing = [source('not cron'), source('0 0 0 * * ?', { durationMs: 2 * H })];
    const slots = suggestSlots({ existing, durationMs: 30 * MIN, blackouts: [], timeZone: 'UTC', kind: 'daily', count: 1, from });
    expect(slots.map((s) => s.timeExpression)).toEqual(['0 30 2 ? * *']); // 02:00 would have a run just before it
  });

  it('weekly over a single day: only that weekday is suggested, each with its run', () => {
    const slots = suggestSlots({ existing: [], durationMs: 30 * MIN, blackouts: [], timeZone: 'UTC', kind: 'weekly', count: 3, from, horizonDays: 1 });
    expect(slots.map((s) => [s.timeExpression, s.runs])).toEqual([
      ['0 0 0 ? * SUN', 1],
      ['0 0 1 ? * SUN', 1],
      ['0 0 2 ? * SUN', 1],
    ]);
  });

  it('weekly suggestions an hour apart on different days are both kept', () => {
    // Sunday busy from 01:00 to midnight: Sunday 00:00 is quiet, then Monday after 00:30.
    const existing = [source('0 0 1 ? * SUN', { durationMs: 23 * H })];
    const slots = suggestSlots({ existing, durationMs: 30 * MIN, blackouts: [], timeZone: 'UTC', kind: 'weekly', count: 2, from });
    expect(slots.map((s) => s.timeExpression)).toEqual(['0 0 0 ? * SUN', '0 30 0 ? * MON']);
  });
});
