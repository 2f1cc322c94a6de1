// The health the window shows from the lists main answered: the All-profiles summary line, the
// problems-only filter, and a profile's sidebar verdicts. Health is classified by the real engine.
import { describe, expect, it } from 'vitest';
import { classifyHealth, DEFAULT_GRACE_MS } from '@shared/health';
import type { ListedSchedule, ProfileView } from '@shared/domain';
import { settleWithList, type ProfileSchedules } from '@renderer/store/schedule-state';
import { healthSummary } from '@renderer/health/summary';
import { filterProblems, healthOf } from '@renderer/health/verdicts';
import { profileVerdicts } from '@renderer/health/profile-health';
import { worstVerdict } from '@shared/health';
import { liveList, profile, schedule } from './support/fake-api';

const now = new Date('2026-12-01T11:00:00Z');
const DAILY = '0 0 4 ? * * *';

/** A listed schedule whose health the classifier gives from its latest execution. */
function listed(jobId: string, expression: string, executedAt: string | null, patch: Partial<ListedSchedule> = {}): ListedSchedule {
  const base = schedule(jobId, expression, {
    createdAt: '2026-10-01T00:00:00.000Z',
    latestExecution: executedAt ? { id: `${jobId}-x`, executedAt } : null,
    ...patch,
  });
  const health = classifyHealth(
    { timeExpression: expression, createdAt: base.createdAt, active: base.active, executions: executedAt ? [{ id: `${jobId}-x`, executedAt }] : [] },
    { timeZone: 'UTC', now, graceMs: DEFAULT_GRACE_MS },
  );
  return { ...base, health };
}

function lists(entries: Record<string, ListedSchedule[]>): Record<string, ProfileSchedules> {
  return Object.fromEntries(Object.entries(entries).map(([id, schedules]) => [id, settleWithList(undefined, liveList(id, now, schedules), now)]));
}

const onTime = (id: string) => listed(id, DAILY, '2026-12-01T04:02:00.000Z');
const missed = (id: string) => listed(id, DAILY, '2026-11-29T04:01:00.000Z');

describe('the All-profiles summary', () => {
  it('counts each org once at its worst verdict of the last 24 hours', () => {
    const profiles = ['a', 'b', 'c'].map((id) => profile(id));
    const summary = healthSummary(profiles, lists({ a: [onTime('a1'), onTime('a2')], b: [onTime('b1')], c: [onTime('c1'), missed('c2')] }), now);
    expect(missed('x').health.verdict).toBe('missed');
    expect(summary.text).toBe('last 24 h: 2 orgs on time, 1 missed');
    expect(summary.problems).toBe(1);
  });

  it('counts two profiles of one server and org as one org', () => {
    const profiles: ProfileView[] = [profile('a'), profile('b', { orgId: 'org-a', apiUrl: 'https://ATSCALE.example.com:10502/' })];
    expect(healthSummary(profiles, lists({ a: [onTime('a1')], b: [missed('b1')] }), now).text).toBe('last 24 h: 1 org missed');
  });

  it('leaves out what is not about the window, and says which orgs had nothing due or no list', () => {
    const weekly = listed('w', '0 0 4 ? * MON *', '2026-11-30T04:01:00.000Z'); // Monday: 31 hours before now
    const off = listed('off', DAILY, '2026-11-20T04:00:00.000Z', { active: false });
    const profiles = ['a', 'b', 'c'].map((id) => profile(id));
    const summary = healthSummary(profiles, lists({ a: [onTime('a1')], b: [weekly, off] }), now);
    expect(summary.text).toBe('last 24 h: 1 org on time; 1 with nothing due; 1 not loaded');
    expect(healthSummary([profile('b')], lists({ b: [weekly] }), now).text).toBe('last 24 h: no runs were due');
  });

  it('does not count an org known only from its saved list as on time, and names it', () => {
    const profiles = ['a', 'b'].map((id) => profile(id));
    const saved = {
      ...liveList('b', new Date(now.getTime() - 15 * 3_600_000), [onTime('b1')]),
      source: 'snapshot' as const,
      stale: { reason: 'unreachable', kind: 'network' as const },
    };
    const all = { ...lists({ a: [onTime('a1')] }), b: settleWithList(undefined, saved, now) };
    expect(healthSummary(profiles, all, now).text).toBe('last 24 h: 1 org on time; Profile b not counted: only its saved list is known (saved 15 hours ago)');
  });

  it('names a late run as a problem, and an extra run not', () => {
    const late = listed('l', DAILY, '2026-12-01T05:10:00.000Z');
    expect(late.health.verdict).toBe('late');
    const summary = healthSummary([profile('a')], lists({ a: [late] }), now);
    expect(summary.text).toBe('last 24 h: 1 org late');
    expect(summary.problems).toBe(1);
  });
});

describe('problems only', () => {
  const sources = [
    onTime('a'),
    missed('b'),
    listed('c', DAILY, '2026-12-01T05:10:00.000Z'),
    listed('d', '0 0 4 30 2 ? *', null),
    listed('e', DAILY, null, { createdAt: '2026-12-01T10:00:00.000Z' }),
  ].map((s) => ({
    key: s.jobId,
    schedule: s,
  }));

  it('keeps missed, late and never-firing schedules, and everything when off', () => {
    expect(sources.map((s) => healthOf(s.schedule).verdict)).toEqual(['on-time', 'missed', 'late', 'never-fires', 'not-due']);
    expect(filterProblems(sources, true).map((s) => s.key)).toEqual(['b', 'c', 'd']);
    expect(filterProblems(sources, false)).toHaveLength(5);
  });

  it('is a view setting of the store, off at start', async () => {
    const { createAppStore } = await import('@renderer/store');
    const store = createAppStore();
    expect(store.getState().problemsOnly).toBe(false);
    store.getState().setProblemsOnly(true);
    expect(store.getState().problemsOnly).toBe(true);
  });
});

describe('a profile in the sidebar', () => {
  it('shows the worst verdict of its active schedules, nothing before its list', () => {
    const entries = lists({ a: [onTime('a1'), missed('a2'), listed('a3', DAILY, '2026-11-01T04:00:00.000Z', { active: false })], b: [onTime('b1')] });
    expect(worstVerdict(profileVerdicts(entries['a']) ?? [])).toBe('missed');
    expect(worstVerdict(profileVerdicts(entries['b']) ?? [])).toBe('on-time');
    expect(profileVerdicts(undefined)).toBeNull();
  });
});
