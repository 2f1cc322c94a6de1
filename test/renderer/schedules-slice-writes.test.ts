// Creates and deletes, told truly: what is sent is what the user asked for; a lost answer is settled
// only by a live list of the profile's own org (the list just before a create must be one too); a
// delete is said done only for a job that was listed active before it; a not-found delete is "gone"
// only when a live list no longer shows the job active; a notice after the dialog closed is added only
// while the outcome is still unknown.
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '@renderer/store';
import type { ListedSchedule, ProfileView, ScheduleList } from '@shared/domain';
import { err, installFakeApi, liveList, ok, profile, schedule, snapshotList, type FakeApi } from './support/fake-api';

const EXPR = '0 20 3 ? * * *';
const LOST_CREATE = 'The connection closed after the request was sent; the schedule may have been created.';
const LOST_DELETE = 'The connection closed after the request was sent; the schedule may have been deleted.';
let api: FakeApi;
let store: ReturnType<typeof createAppStore>;
let dev: ProfileView;

const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);
const listOf = (jobs: ListedSchedule[], orgId = 'default'): ScheduleList => ({ ...liveList('dev', new Date(), jobs), orgId });
const snapshotOf = (jobs: ListedSchedule[], stale: ScheduleList['stale']): ScheduleList => ({
  ...snapshotList('dev', new Date(), jobs, stale),
  orgId: 'default',
});
const j1 = schedule('j1', '0 0 2 L * ?');
const j2 = schedule('j2', '0 0 4 ? * * *');
const created = schedule('j9', EXPR);

/** Answers schedules:list for dev with `lists` in turn (the last one from then on); any other profile is not found. */
function listsInTurn(...lists: ScheduleList[]) {
  let i = 0;
  api.handle('schedules:list', (r) => {
    if (r.profileId !== 'dev') return err('not-found', `No profile ${String(r.profileId)}.`);
    const list = lists[Math.min(i, lists.length - 1)];
    i += 1;
    return ok(list as ScheduleList);
  });
}

beforeEach(() => {
  api = installFakeApi();
  store = createAppStore();
  dev = profile('dev', { name: 'Demo dev', orgId: 'default' });
  store.setState({ profiles: [dev] });
});

describe('what a create and a delete send', () => {
  it('the create carries the profile, org and expression; the override only when ticked', async () => {
    listsInTurn(listOf([j1]));
    api.handle('schedules:create', (r) => ok({ ...created, orgId: r.orgId, warning: null, reconciled: false }));
    await store.getState().createSchedule('dev', 'default', EXPR);
    await store.getState().createSchedule('dev', 'default', EXPR, { allowTooFrequent: true });
    expect(api.callsTo('schedules:create')).toEqual([
      { profileId: 'dev', orgId: 'default', timeExpression: EXPR },
      { profileId: 'dev', orgId: 'default', timeExpression: EXPR, allowTooFrequent: true },
    ]);
  });

  it('the delete carries the profile, org and job', async () => {
    listsInTurn(listOf([j1]));
    api.handle('schedules:delete', () => ok({ deleted: true as const, jobId: 'j1', warning: null, reconciled: false }));
    await store.getState().deleteSchedule('dev', 'default', 'j1');
    expect(api.callsTo('schedules:delete')).toEqual([{ profileId: 'dev', orgId: 'default', jobId: 'j1' }]);
  });

  it('a delete confirmed after its profile was removed names it by its id', async () => {
    listsInTurn(listOf([j1]));
    api.handle('schedules:delete', () => {
      store.setState({ profiles: [] });
      return ok({ deleted: true as const, jobId: 'j1', warning: null, reconciled: false });
    });
    await expect(store.getState().deleteSchedule('dev', 'default', 'j1')).resolves.toMatchObject({ outcome: 'deleted' });
    expect(toasts()).toEqual(['success: Deleted job j1 from dev.']);
  });
});

describe('a lost create is settled only against the jobs listed live, for this org, just before it', () => {
  beforeEach(() => {
    api.handle('schedules:create', () => err('outcome-unknown', LOST_CREATE));
  });

  it('the job appears in the list after: created, and told so', async () => {
    listsInTurn(listOf([j1]), listOf([j1, created]));
    const outcome = await store.getState().createSchedule('dev', 'default', EXPR);
    expect(outcome).toMatchObject({ outcome: 'created', reconciled: true, schedule: { jobId: 'j9' } });
    expect(toasts()).toEqual([`success: The answer was lost, but the list shows it was created as job j9 (“${EXPR}” in Demo dev).`]);
  });

  it('settled as created after its dialog closed: the success only, no “may have been created”', async () => {
    listsInTurn(listOf([j1]), listOf([j1, created]));
    store.getState().openDialog({ kind: 'create', profileId: 'dev' });
    api.handle('schedules:create', () => {
      store.getState().closeDialog();
      return err('outcome-unknown', LOST_CREATE);
    });
    await store.getState().createSchedule('dev', 'default', EXPR);
    expect(toasts()).toEqual([`success: The answer was lost, but the list shows it was created as job j9 (“${EXPR}” in Demo dev).`]);
  });

  it('the list just before was a saved snapshot: unknown, though the job appears later', async () => {
    listsInTurn(snapshotOf([j1], { kind: 'network', reason: 'connect ECONNREFUSED.' }), listOf([j1, created]));
    expect(await store.getState().createSchedule('dev', 'default', EXPR)).toMatchObject({ outcome: 'unknown', noBaseline: true });
  });

  it('the list just before was a snapshot without a reason: unknown too', async () => {
    listsInTurn(snapshotOf([j1], null), listOf([j1, created]));
    expect(await store.getState().createSchedule('dev', 'default', EXPR)).toMatchObject({ outcome: 'unknown', noBaseline: true });
  });

  it('the list just before was marked stale: unknown too', async () => {
    listsInTurn({ ...listOf([j1]), stale: { kind: 'network', reason: 'connect ECONNREFUSED.' } }, listOf([j1, created]));
    expect(await store.getState().createSchedule('dev', 'default', EXPR)).toMatchObject({ outcome: 'unknown', noBaseline: true });
  });

  it('the list just before was another org’s: unknown, though the job appears in this org’s list later', async () => {
    listsInTurn(listOf([j1], 'sales'), listOf([j1, created]));
    expect(await store.getState().createSchedule('dev', 'default', EXPR)).toMatchObject({ outcome: 'unknown', noBaseline: true });
    expect(toasts()).toEqual([]);
  });
});

describe('a lost delete', () => {
  beforeEach(() => {
    api.handle('schedules:delete', () => err('outcome-unknown', LOST_DELETE));
  });

  it('listed active before and deactivated after: deleted, and told so', async () => {
    listsInTurn(listOf([j1, j2]), listOf([{ ...j1, active: false }, j2]));
    await store.getState().refreshProfile('dev');
    const outcome = await store.getState().deleteSchedule('dev', 'default', 'j1');
    expect(outcome).toMatchObject({ outcome: 'deleted', jobId: 'j1', reconciled: true });
    expect(toasts()).toEqual(['success: The answer was lost, but the list shows job j1 was deleted from Demo dev.']);
  });

  it('already deactivated before: the list cannot tell, so unknown', async () => {
    listsInTurn(listOf([{ ...j1, active: false }, j2]));
    await store.getState().refreshProfile('dev');
    expect(await store.getState().deleteSchedule('dev', 'default', 'j1')).toMatchObject({ outcome: 'unknown', stillListed: false });
    expect(toasts()).toEqual([]);
  });

  it('a job this window never listed (only others were): unknown, though it is not in the list after', async () => {
    listsInTurn(listOf([j2]));
    await store.getState().refreshProfile('dev');
    expect(await store.getState().deleteSchedule('dev', 'default', 'j1')).toMatchObject({ outcome: 'unknown', stillListed: false });
  });

  it('no list loaded yet: unknown, though the job is not in the list after', async () => {
    listsInTurn(listOf([j2]));
    expect(await store.getState().deleteSchedule('dev', 'default', 'j1')).toMatchObject({ outcome: 'unknown', stillListed: false });
  });

  it('unknown after its dialog closed: a notice that says to check before deleting again', async () => {
    listsInTurn(listOf([j1, j2]));
    await store.getState().refreshProfile('dev');
    store.getState().openDialog({ kind: 'delete', key: 'dev:j1' });
    api.handle('schedules:delete', () => {
      store.getState().closeDialog();
      return err('outcome-unknown', LOST_DELETE);
    });
    expect(await store.getState().deleteSchedule('dev', 'default', 'j1')).toMatchObject({ outcome: 'unknown', stillListed: true });
    expect(toasts()).toEqual([
      'warning: Job j1 may have been deleted from Demo dev: The connection closed after the request was sent; the schedule may have been deleted. Refresh and check the list before deleting it again.',
    ]);
  });

  it('unknown with its dialog still open: the dialog tells it, no notice', async () => {
    listsInTurn(listOf([j1, j2]));
    await store.getState().refreshProfile('dev');
    store.getState().openDialog({ kind: 'delete', key: 'dev:j1' });
    expect(await store.getState().deleteSchedule('dev', 'default', 'j1')).toMatchObject({ outcome: 'unknown' });
    expect(toasts()).toEqual([]);
  });

  it('settled as deleted after its dialog closed: the success only', async () => {
    listsInTurn(listOf([j1, j2]), listOf([j2]));
    await store.getState().refreshProfile('dev');
    store.getState().openDialog({ kind: 'delete', key: 'dev:j1' });
    api.handle('schedules:delete', () => {
      store.getState().closeDialog();
      return err('outcome-unknown', LOST_DELETE);
    });
    expect(await store.getState().deleteSchedule('dev', 'default', 'j1')).toMatchObject({ outcome: 'deleted' });
    expect(toasts()).toEqual(['success: The answer was lost, but the list shows job j1 was deleted from Demo dev.']);
  });
});

describe('a delete answered not-found', () => {
  beforeEach(() => {
    api.handle('schedules:delete', () => err('not-found', 'Deleting the schedule failed: not found (HTTP 404).'));
  });

  it('the job deactivated, another still active: gone', async () => {
    listsInTurn(listOf([{ ...j1, active: false }, j2]));
    expect(await store.getState().deleteSchedule('dev', 'default', 'j1')).toMatchObject({ outcome: 'gone', jobId: 'j1' });
    expect(toasts()[0]).toMatch(/^success: Job j1 was already gone from Demo dev/);
  });

  it('the job still active beside another: still a failure', async () => {
    listsInTurn(listOf([j1, j2]));
    await expect(store.getState().deleteSchedule('dev', 'default', 'j1')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('only a saved snapshot without the job: still a failure (the live list was not read)', async () => {
    listsInTurn(snapshotOf([j2], { kind: 'network', reason: 'connect ECONNREFUSED.' }));
    await expect(store.getState().deleteSchedule('dev', 'default', 'j1')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('the list cannot be fetched and none was ever loaded: still a failure', async () => {
    api.handle('schedules:list', () => err('network', 'connect ECONNREFUSED.'));
    await expect(store.getState().deleteSchedule('dev', 'default', 'j1')).rejects.toMatchObject({ kind: 'not-found' });
    expect(store.getState().lists['dev']).toMatchObject({ status: 'failed', list: null });
  });

  it('the list fetched again is another org’s: still a failure', async () => {
    listsInTurn(listOf([j2], 'sales'));
    await expect(store.getState().deleteSchedule('dev', 'default', 'j1')).rejects.toMatchObject({ kind: 'not-found' });
    expect(store.getState().lists['dev']).toBeUndefined();
  });
});
