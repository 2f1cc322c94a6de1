// What the tests of the change writes (change-writes.ts) share: a store whose profiles' lists were read,
// the edit of job j1 from OLD to NEW (its steps, the job it creates, the retry of its delete) and a
// paused schedule of dev.
import type { ChangeStep, PausedSchedule, RetryDelete } from '@shared/ipc/channels/changes';
import type { ProfileView } from '@shared/domain';
import { liveList, ok, schedule, type FakeApi } from './fake-api';
import { fakeStore, type AppStore } from './fake-store';

export const OLD = '0 0 4 ? * * *';
export const NEW = '0 0 6 ? * * *';

/**
 * A new fake API and store with `profiles`, dev selected (and the row `selectedKey`, if given), after a
 * refresh of every profile: each lists `jobs` ([jobId, expression]) under its own org, none is paused.
 */
export async function changeStore(options: {
  profiles: ProfileView[];
  jobs: [jobId: string, expression: string][];
  selectedKey?: string;
}): Promise<{ api: FakeApi; store: AppStore }> {
  const { profiles, jobs, selectedKey } = options;
  const { api, store } = fakeStore({ profiles, selectedProfileId: 'dev', ...(selectedKey ? { selectedKey } : {}) });
  api.handle('schedules:list', (r) => {
    const orgId = store.getState().profiles.find((p) => p.id === r.profileId)?.orgId ?? 'default';
    return ok({
      ...liveList(
        r.profileId,
        new Date(),
        jobs.map(([jobId, expression]) => schedule(jobId, expression)),
      ),
      orgId,
    });
  });
  api.handle('changes:paused-list', () => ok({ paused: [], problem: null }));
  await store.getState().refreshAll();
  return { api, store };
}

/** The profiles whose lists `send` fetched again. */
export async function listsRefreshedBy(api: FakeApi, send: () => Promise<unknown>): Promise<string[]> {
  const before = api.callsTo('schedules:list').length;
  await send();
  return (api.callsTo('schedules:list').slice(before) as { profileId: string }[]).map((r) => r.profileId).sort();
}

/** A step of the edit of dev's job j1 (a create runs NEW, a delete OLD), failed or unknown with `message`. */
export const editStep = (action: ChangeStep['action'], outcome: ChangeStep['outcome'], jobId: string | null, message?: string): ChangeStep => ({
  action,
  profileId: 'dev',
  jobId,
  timeExpression: action === 'create' ? NEW : OLD,
  outcome,
  error: message ? { kind: outcome === 'unknown' ? 'outcome-unknown' : 'server', message } : null,
});

/** The job an edit to NEW creates in dev's org: j9. */
export const created = {
  jobId: 'j9',
  orgId: 'default',
  timeExpression: NEW,
  fullBuild: false,
  createdBy: 'admin',
  createdAt: '2026-11-01T00:00:00.000Z',
  latestExecution: null,
  active: true,
};

/** The retry of the old job j1's delete, as the edit's answer hands it back. */
export const retry: RetryDelete = { channel: 'changes:retry-delete', request: { profileId: 'dev', orgId: 'default', jobId: 'j1', changeId: 'c1' } };

/** Dev's job j1 (at OLD) as paused locally, in `state`. */
export const pausedSchedule = (state: PausedSchedule['state']): PausedSchedule => ({
  id: 'p1',
  profileId: 'dev',
  orgId: 'default',
  jobId: 'j1',
  timeExpression: OLD,
  serverTimeZone: 'UTC',
  pausedAt: '2026-11-27T08:00:00.000Z',
  state,
});
