// Health as the list shows it, at its edges: a profile that moved or went away while its list was being
// judged keeps none of the list's runs, a run just after the moment judged (a server clock a little ahead)
// counts, inactive schedules cast no zone vote, and the zone hint's sentence when runs start early.
import { describe, expect, it } from 'vitest';
import type { Profile, Schedule } from '@shared/domain';
import { createHealthAttacher, type HealthAttacherDeps } from '@core/health/attach-health';
import type { StoredExecution } from '@core/health/history-store';
import { DAILY, NOW, PROFILE_ID, historyStores, list, profile, schedule } from './attach-health-fixtures';

const HOURLY = '0 0 * ? * * *';
const store = historyStores('attach-health-edges-');

function stored(jobId: string, executedAt: string, over: Partial<StoredExecution> = {}): StoredExecution {
  return {
    id: `${jobId}@${executedAt}`,
    jobId,
    orgId: 'default',
    executedAt,
    timeExpression: DAILY,
    jobCreatedAt: '2026-11-01T00:00:00.000Z',
    seenAt: executedAt,
    ...over,
  };
}

/** A profile that reads as `first` when the list is handed over and as `later` from then on. */
function changing(first: Profile | undefined, later: Profile | undefined): HealthAttacherDeps['profiles'] {
  let calls = 0;
  return { get: (id) => (id !== PROFILE_ID ? undefined : calls++ === 0 ? first : later) };
}

describe('what the history keeps of a list whose profile changed meanwhile', () => {
  const lists = list([schedule('job-a', '2026-11-28T04:00:00.000Z'), schedule('job-new', null)]);

  it('keeps the runs and never-run jobs of a profile still pointing at the same server and org', async () => {
    const history = await store();
    const result = await createHealthAttacher({ profiles: changing(profile(), profile({ name: 'Renamed' })), history, now: () => NOW })(lists);
    expect(result.schedules.map((s) => s.health.verdict)).toEqual(['on-time', 'missed']);
    const h = await history.load(PROFILE_ID);
    expect(h.executions.map((e) => [e.jobId, e.server, e.orgId])).toEqual([['job-a', 'atscale.example.com:10502', 'default']]);
    expect(h.neverRun.map((j) => [j.jobId, j.server, j.lastSeenAt])).toEqual([['job-new', 'atscale.example.com:10502', NOW.toISOString()]]);
  });

  for (const [what, later] of [
    ['deleted', undefined],
    ['pointed at another org', profile({ orgId: 'other' })],
    ['pointed at another server', profile({ apiUrl: 'https://elsewhere.example.com:10502' })],
  ] as const) {
    it(`keeps nothing of a profile ${what} meanwhile, and still judges the list by its own latest runs`, async () => {
      const history = await store();
      const result = await createHealthAttacher({ profiles: changing(profile(), later), history, now: () => NOW })(lists);
      expect(result.schedules.map((s) => [s.health.verdict, s.health.executedAt])).toEqual([
        ['on-time', '2026-11-28T04:00:00.000Z'],
        ['missed', null],
      ]);
      const h = await history.load(PROFILE_ID);
      expect(h.executions).toEqual([]);
      expect(h.neverRun).toEqual([]);
    });
  }

  it('keeps nothing of a list for a profile that is no profile', async () => {
    const history = await store();
    const result = await createHealthAttacher({ profiles: changing(undefined, undefined), history, now: () => NOW })(lists);
    expect(result.schedules.map((s) => s.health.verdict)).toEqual(['on-time', 'missed']);
    const h = await history.load(PROFILE_ID);
    expect(h.executions).toEqual([]);
    expect(h.neverRun).toEqual([]);
  });
});

describe('which recorded runs count for the moment judged', () => {
  // A snapshot fetched at 12:00:00 of an hourly job: the 12:00 fire is judged with the runs known by then.
  const snapshot = (latestAt: string) => list([schedule('job-h', latestAt, { timeExpression: HOURLY })], { source: 'snapshot', fetchedAt: NOW.toISOString() });

  it('counts a run recorded up to a minute after it (a server clock a little ahead), not later', async () => {
    const history = await store();
    await history.addExecutions(PROFILE_ID, [
      stored('job-h', '2026-11-28T11:00:00.000Z', { timeExpression: HOURLY }),
      stored('job-h', '2026-11-28T12:01:00.000Z', { timeExpression: HOURLY }),
    ]);
    const [s] = (await createHealthAttacher({ profiles: changing(profile(), profile()), history, now: () => NOW })(snapshot('2026-11-28T11:00:00.000Z')))
      .schedules;
    expect(s?.health).toMatchObject({ executedAt: '2026-11-28T12:01:00.000Z' });
  });

  it('does not count a run recorded more than a minute after it', async () => {
    const history = await store();
    await history.addExecutions(PROFILE_ID, [
      stored('job-h', '2026-11-28T11:00:00.000Z', { timeExpression: HOURLY }),
      stored('job-h', '2026-11-28T12:01:01.000Z', { timeExpression: HOURLY }),
    ]);
    const [s] = (await createHealthAttacher({ profiles: changing(profile(), profile()), history, now: () => NOW })(snapshot('2026-11-28T11:00:00.000Z')))
      .schedules;
    expect(s?.health.executedAt).toBe('2026-11-28T11:00:00.000Z');
  });

  it('counts runs recorded for another job only for that job', async () => {
    const history = await store();
    await history.addExecutions(PROFILE_ID, [stored('job-b', '2026-11-28T04:00:00.000Z')]);
    const result = await createHealthAttacher({ profiles: changing(profile(), profile()), history, now: () => NOW })(
      list([schedule('job-a', '2026-11-27T04:00:00.000Z'), schedule('job-b', '2026-11-27T04:00:00.000Z')]),
    );
    expect(result.schedules.map((s) => [s.jobId, s.health.verdict])).toEqual([
      ['job-a', 'missed'],
      ['job-b', 'on-time'],
    ]);
  });
});

describe('the zone hint at its edges', () => {
  const days = (from: number, count: number, hourUtc: string) =>
    Array.from({ length: count }, (_, i) => `2026-11-${String(from + i).padStart(2, '0')}T${hourUtc}:00:00.000Z`);

  async function hintOf(runs: Record<string, string[]>, over: Record<string, Partial<Schedule>> = {}) {
    const history = await store();
    await history.addExecutions(
      PROFILE_ID,
      Object.entries(runs).flatMap(([jobId, at]) => at.map((t) => stored(jobId, t))),
    );
    const schedules = Object.keys(runs).map((jobId) => schedule(jobId, null, over[jobId] ?? {}));
    return (await createHealthAttacher({ profiles: changing(profile(), profile()), history, now: () => NOW })(list(schedules))).zoneHint;
  }

  it('says in full that runs start an hour earlier when the server fires east of the profile’s zone', async () => {
    expect(await hintOf({ 'job-a': days(20, 3, '03') })).toEqual({
      zone: expect.any(String),
      offsetMinutes: -60,
      message: expect.stringMatching(
        /^Executions match (.+); this profile says UTC\. Runs start 1 h earlier than UTC expects: set the profile's server time zone to \1 if that is where the server runs\.$/,
      ),
    });
  });

  it('says in full that runs start five hours later when the server fires west of it', async () => {
    expect((await hintOf({ 'job-a': days(20, 3, '09') }))?.message).toBe(
      "Executions match America/New_York; this profile says UTC. Runs start 5 h later than UTC expects: set the profile's server time zone to America/New_York if that is where the server runs.",
    );
  });

  it('gives no hint from an inactive schedule’s runs, and none when the profile’s zone explains them', async () => {
    expect(await hintOf({ 'job-a': days(20, 3, '09') }, { 'job-a': { active: false } })).toBeNull();
    expect(await hintOf({ 'job-a': days(20, 3, '04') })).toBeNull();
    // An inactive schedule does not outvote the active ones either.
    expect(
      await hintOf(
        { 'job-a': days(20, 3, '03'), 'job-b': days(20, 3, '09'), 'job-c': days(20, 3, '09') },
        { 'job-b': { active: false }, 'job-c': { active: false } },
      ),
    ).toMatchObject({ offsetMinutes: -60 });
  });

  it('counts every schedule’s vote: two for one zone beat one for another listed first', async () => {
    expect(await hintOf({ 'job-a': days(20, 3, '09'), 'job-b': days(20, 3, '03'), 'job-c': days(20, 3, '03') })).toMatchObject({ offsetMinutes: -60 });
    expect(await hintOf({ 'job-a': days(20, 3, '03'), 'job-b': days(20, 3, '09'), 'job-c': days(20, 3, '09'), 'job-d': days(20, 3, '09') })).toMatchObject({
      zone: 'America/New_York',
      offsetMinutes: 300,
    });
  });
});

describe('the moment a live list is judged', () => {
  it('is now, not when its fetch began: a list fetched yesterday noon and handed over now misses today’s 04:00', async () => {
    const history = await store();
    const stale = list([schedule('job-a', '2026-11-27T04:00:00.000Z')], { fetchedAt: '2026-11-27T12:00:00.000Z' });
    const [s] = (await createHealthAttacher({ profiles: changing(profile(), profile()), history, now: () => NOW })(stale)).schedules;
    expect(s?.health).toMatchObject({ verdict: 'missed', expectedAt: '2026-11-28T04:00:00.000Z', executedAt: '2026-11-27T04:00:00.000Z' });
  });
});
