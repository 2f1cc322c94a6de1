// Health as the list shows it, straight from the attacher over a real history store in a temp folder:
// the profile's grace (0 is a grace, a negative one is not), a snapshot judged as of when it was fetched
// (later runs unknown to it), another org's runs never counted, the list's own latest run when the
// history cannot be written, the notification hook, and the zone hint's vote over the recent runs.
import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/domain';
import { createHealthAttacher, graceOf, type HealthAttacherDeps } from '@core/health/attach-health';
import type { HistoryStore, StoredExecution } from '@core/health/history-store';
import { DAILY, NOW, PROFILE_ID, historyStores, list, profile, schedule } from './attach-health-fixtures';

const store = historyStores('attach-health-');

function stored(jobId: string, executedAt: string, orgId = 'default'): StoredExecution {
  return {
    id: `${jobId}@${executedAt}@${orgId}`,
    jobId,
    orgId,
    executedAt,
    timeExpression: DAILY,
    jobCreatedAt: '2026-11-01T00:00:00.000Z',
    seenAt: executedAt,
  };
}

function attacher(history: HistoryStore, p: Profile | undefined, over: Partial<HealthAttacherDeps> = {}) {
  return createHealthAttacher({ profiles: { get: (id) => (p && id === p.id ? p : undefined) }, history, now: () => NOW, ...over });
}

describe("the profile's grace", () => {
  it('is minutes when set (0 included), and the default when absent or negative', () => {
    expect(graceOf(undefined)).toBe(30 * 60_000);
    expect(graceOf({})).toBe(30 * 60_000);
    expect(graceOf({ healthGraceMinutes: 0 })).toBe(0);
    expect(graceOf({ healthGraceMinutes: 15 })).toBe(15 * 60_000);
    expect(graceOf({ healthGraceMinutes: -5 })).toBe(30 * 60_000);
  });

  it('decides whether a run 20 minutes after its time is on time or late', async () => {
    const history = await store();
    const run = [schedule('job-a', '2026-11-28T04:20:00.000Z')];
    const verdict = async (p: Profile | undefined) => (await attacher(history, p)(list(run))).schedules[0]?.health.verdict;
    expect(await verdict(undefined)).toBe('on-time');
    expect(await verdict(profile())).toBe('on-time');
    expect(await verdict(profile({ healthGraceMinutes: 10 }))).toBe('late');
    expect(await verdict(profile({ healthGraceMinutes: 0 }))).toBe('late');
    expect(await verdict(profile({ healthGraceMinutes: -5 }))).toBe('on-time');
  });
});

describe('what the history records of a list', () => {
  it('records runs and never-run jobs as seen now for a live list, and as of its fetch for a snapshot', async () => {
    const history = await store();
    const attach = attacher(history, profile());
    // A live list is seen now, even when its fetch began a few seconds earlier.
    await attach(list([schedule('job-a', '2026-11-28T04:00:00.000Z'), schedule('job-new', null)], { fetchedAt: '2026-11-28T11:59:55.000Z' }));
    const fetchedAt = '2026-11-27T12:00:00.000Z';
    await attach(list([schedule('job-b', '2026-11-27T04:00:00.000Z'), schedule('job-newer', null)], { source: 'snapshot', fetchedAt }));
    const h = await history.load(PROFILE_ID);
    expect(h.executions.map((e) => [e.jobId, e.seenAt])).toEqual([
      ['job-b', fetchedAt],
      ['job-a', NOW.toISOString()],
    ]);
    expect(Object.fromEntries(h.neverRun.map((j) => [j.jobId, j.firstSeenAt]))).toEqual({ 'job-new': NOW.toISOString(), 'job-newer': fetchedAt });
  });
});

describe('which runs judge a schedule', () => {
  it('judges a snapshot as of when it was fetched: a run it could not know of does not count, a fire after it is not missed', async () => {
    const history = await store();
    await history.addExecutions(PROFILE_ID, [stored('job-a', '2026-11-28T04:00:00.000Z')]);
    const snapshot = list([schedule('job-a', '2026-11-27T04:00:00.000Z')], { source: 'snapshot', fetchedAt: '2026-11-27T12:00:00.000Z' });
    const [s] = (await attacher(history, profile())(snapshot)).schedules;
    expect(s?.health).toMatchObject({ verdict: 'on-time', executedAt: '2026-11-27T04:00:00.000Z' });
  });

  it('says missed when today’s 04:00 ran only in another org with the same job id', async () => {
    const history = await store();
    await history.addExecutions(PROFILE_ID, [stored('job-a', '2026-11-28T04:00:00.000Z', 'other-org')]);
    const [s] = (await attacher(history, profile())(list([schedule('job-a', '2026-11-27T04:00:00.000Z')]))).schedules;
    expect(s?.health).toMatchObject({ verdict: 'missed', expectedAt: '2026-11-28T04:00:00.000Z' });
  });

  it('still counts the list’s own latest run when the history can be neither written nor read', async () => {
    const history = await store();
    const broken: HistoryStore = {
      ...history,
      addExecutions: () => Promise.reject(new Error('disk full')),
      addNeverRun: () => Promise.reject(new Error('disk full')),
      load: () => Promise.reject(new Error('unreadable')),
    };
    const result = await attacher(broken, profile())(list([schedule('job-a', '2026-11-28T04:00:00.000Z'), schedule('job-b', null)]));
    expect(result.schedules.map((s) => s.health.verdict)).toEqual(['on-time', 'missed']);
    expect(result.schedules[0]?.health.executedAt).toBe('2026-11-28T04:00:00.000Z');
  });
});

describe('the notification hook', () => {
  it('gets each list with its health, not for an unknown profile, and a failing hook never costs the list', async () => {
    const history = await store();
    const seen: string[] = [];
    const p = profile();
    await attacher(history, p, { onList: (pr, l) => seen.push(`${pr.id}:${l.schedules[0]?.health.verdict ?? '-'}`) })(
      list([schedule('job-a', '2026-11-28T04:00:00.000Z')]),
    );
    expect(seen).toEqual(['p-1:on-time']);
    await attacher(history, undefined, { onList: () => seen.push('unknown') })(list([schedule('job-a', '2026-11-28T04:00:00.000Z')]));
    expect(seen).toEqual(['p-1:on-time']);
    const throwing = attacher(history, p, {
      onList: () => {
        throw new Error('notifications unavailable');
      },
    });
    expect((await throwing(list([schedule('job-a', '2026-11-28T04:00:00.000Z')]))).schedules).toHaveLength(1);
  });
});

describe('the zone hint', () => {
  // 04:00 in New York is 09:00 UTC in November; in central Europe, 03:00 UTC (offset -60).
  const days = (from: number, count: number, hourUtc: string) =>
    Array.from({ length: count }, (_, i) => `2026-11-${String(from + i).padStart(2, '0')}T${hourUtc}:00:00.000Z`);

  async function hint(history: HistoryStore, runs: Record<string, string[]>) {
    await history.addExecutions(
      PROFILE_ID,
      Object.entries(runs).flatMap(([jobId, at]) => at.map((t) => stored(jobId, t))),
    );
    return (await attacher(history, profile())(list(Object.keys(runs).map((jobId) => schedule(jobId, null))))).zoneHint;
  }

  it('says runs start later when the server fires west of the profile’s zone', async () => {
    const h = await hint(await store(), { 'job-a': days(20, 3, '09') });
    expect(h).toMatchObject({ zone: 'America/New_York', offsetMinutes: 300 });
    expect(h?.message).toMatch(/Runs start 5 h(ours)? later than UTC expects/);
  });

  it('goes with the zone most schedules point at, and the first one seen on a tie', async () => {
    expect(await hint(await store(), { 'job-a': days(20, 3, '03'), 'job-b': days(20, 3, '09'), 'job-c': days(20, 3, '09') })).toMatchObject({
      zone: 'America/New_York',
    });
    expect(await hint(await store(), { 'job-a': days(20, 3, '03'), 'job-b': days(20, 3, '09') })).toMatchObject({ offsetMinutes: -60 });
  });

  it('weighs the ten most recent runs: an old on-time run does not hide a move of the server', async () => {
    const runs = ['2026-11-01T04:00:00.000Z', ...days(15, 10, '09')];
    expect(await hint(await store(), { 'job-a': runs })).toMatchObject({ zone: 'America/New_York' });
  });
});
