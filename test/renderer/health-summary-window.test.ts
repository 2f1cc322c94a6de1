// Which schedules the All-profiles summary judges: active ones whose verdict is about the last 24 hours
// (an extra run by its execution), not the ones not yet due or never firing; and which orgs it calls
// not loaded.
import { describe, expect, it } from 'vitest';
import type { ListedSchedule, ProfileView } from '@shared/domain';
import { settleWithList, type ProfileSchedules } from '@renderer/store/schedule-state';
import { healthSummary } from '@renderer/health/summary';
import { liveList, profile, schedule } from './support/fake-api';

const now = new Date('2026-12-01T11:00:00Z');
const DAY_AGO = '2026-11-30T11:00:00.000Z';
const DAILY = '0 0 4 ? * * *';

function judged(jobId: string, health: ListedSchedule['health'], patch: Partial<ListedSchedule> = {}): ListedSchedule {
  return schedule(jobId, DAILY, { health, ...patch });
}
const missedAt = (expectedAt: string | null) => judged('m', { verdict: 'missed', expectedAt, executedAt: null });

function lists(entries: Record<string, ListedSchedule[]>): Record<string, ProfileSchedules> {
  return Object.fromEntries(Object.entries(entries).map(([id, schedules]) => [id, settleWithList(undefined, liveList(id, now, schedules), now)]));
}
const textFor = (schedules: ListedSchedule[]) => healthSummary([profile('a')], lists({ a: schedules }), now).text;

describe('what the summary judges', () => {
  it('leaves out a deactivated schedule, even one that was missed', () => {
    expect(textFor([missedAt('2026-12-01T04:00:00.000Z')])).toBe('last 24 h: 1 org missed');
    expect(textFor([{ ...missedAt('2026-12-01T04:00:00.000Z'), active: false }])).toBe('last 24 h: no runs were due');
  });

  it('judges an extra run by when it ran, or by its expected fire when it has no execution', () => {
    const ranInWindow = judged('x', { verdict: 'extra', expectedAt: '2026-11-29T04:00:00.000Z', executedAt: '2026-12-01T08:00:00.000Z' });
    const ranBefore = judged('y', { verdict: 'extra', expectedAt: '2026-12-01T04:00:00.000Z', executedAt: '2026-11-29T08:00:00.000Z' });
    const noExecution = judged('z', { verdict: 'extra', expectedAt: '2026-12-01T04:00:00.000Z', executedAt: null });
    expect(textFor([ranInWindow])).toBe('last 24 h: 1 org with extra runs');
    expect(textFor([ranBefore])).toBe('last 24 h: no runs were due');
    expect(textFor([noExecution])).toBe('last 24 h: 1 org with extra runs');
  });

  it('leaves out a verdict without an expected fire', () => {
    expect(textFor([missedAt(null)])).toBe('last 24 h: no runs were due');
  });

  it('counts a fire exactly 24 hours ago or exactly now, and not one a moment outside', () => {
    expect(textFor([missedAt(DAY_AGO)])).toBe('last 24 h: 1 org missed');
    expect(textFor([missedAt(now.toISOString())])).toBe('last 24 h: 1 org missed');
    expect(textFor([missedAt('2026-11-30T10:59:59.999Z')])).toBe('last 24 h: no runs were due');
    expect(textFor([missedAt('2026-12-01T11:00:00.001Z')])).toBe('last 24 h: no runs were due');
  });

  it('does not judge schedules not due yet or that never fire', () => {
    const notDue = judged('n', { verdict: 'not-due', expectedAt: '2026-12-01T04:00:00.000Z', executedAt: null });
    const never = judged('v', { verdict: 'never-fires', expectedAt: '2026-12-01T04:00:00.000Z', executedAt: null });
    expect(textFor([notDue])).toBe('last 24 h: no runs were due');
    expect(textFor([never])).toBe('last 24 h: no runs were due');
    const s = healthSummary([profile('a')], lists({ a: [notDue, never] }), now);
    expect(s.problems).toBe(0);
  });
});

describe('which orgs are not loaded', () => {
  it('an org loaded through one profile is not called not loaded for its other profile', () => {
    const profiles: ProfileView[] = [profile('a'), profile('b', { orgId: 'org-a' }), profile('c')];
    const s = healthSummary(profiles, lists({ a: [missedAt('2026-12-01T04:00:00.000Z')] }), now);
    expect(s.text).toBe('last 24 h: 1 org missed; 1 not loaded');
  });

  it('an org known from a saved list is named as such, not called not loaded for its other profile', () => {
    const profiles: ProfileView[] = [profile('a'), profile('b', { orgId: 'org-a' })];
    const saved = {
      ...liveList('a', new Date(now.getTime() - 15 * 3_600_000), [missedAt('2026-12-01T04:00:00.000Z')]),
      source: 'snapshot' as const,
      stale: { reason: 'unreachable', kind: 'network' as const },
    };
    const s = healthSummary(profiles, { a: settleWithList(undefined, saved, now) }, now);
    expect(s.text).toBe('last 24 h: no runs were due; Profile a not counted: only its saved list is known (saved 15 hours ago)');
  });
});
