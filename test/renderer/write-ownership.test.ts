// Whose list is it, and who is told what a write did: a list of another server or org is never a
// profile's; a lost create is reconciled only against the jobs listed just before it was sent; an
// outcome that comes after its dialog closed stays as a notice; a write refreshes every profile of the
// same org; a run-now dialog never follows a switch to another profile; the refresh toast counts as
// the list does.
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '@renderer/store';
import { buildSources } from '@renderer/store/sources';
import { updatedText, writeBlock } from '@renderer/store/derived';
import { runNowStale } from '@renderer/store/view-slice';
import type { ProfileView, ScheduleList } from '@shared/domain';
import { err, installFakeApi, liveList, ok, profile, schedule, type FakeApi } from './support/fake-api';

const EXPR = '0 20 3 ? * * *';
const LOST = 'The connection closed after the request was sent; the schedule may have been created.';
let api: FakeApi;
let store: ReturnType<typeof createAppStore>;
let dev: ProfileView;

const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);
const listOf = (orgId: string, jobs: ReturnType<typeof schedule>[]): ScheduleList => ({ ...liveList('dev', new Date(), jobs), orgId });

beforeEach(async () => {
  api = installFakeApi();
  store = createAppStore();
  dev = profile('dev', { name: 'Demo dev', orgId: 'default' });
  store.setState({ profiles: [dev] });
  api.handle('schedules:list', () => ok(listOf('default', [schedule('j1', '0 0 2 L * ?'), schedule('j2', '0 0 4 ? * * *')])));
  await store.getState().refreshProfile('dev');
});

describe('a list belongs to the server and org it was fetched from', () => {
  it('an org edit drops the old org’s list: nothing shown, nothing fresh, no writes', async () => {
    expect(buildSources(store.getState().profiles, store.getState().lists, 'dev', true)).toHaveLength(2);
    store.getState().replaceProfile({ ...dev, orgId: 'finance-prod' });
    const s = store.getState();
    expect(s.lists['dev']).toBeUndefined();
    expect(buildSources(s.profiles, s.lists, 'dev', true)).toEqual([]);
    expect(updatedText(s.lists['dev'], new Date())).toBeNull();
    expect(writeBlock(s.lists['dev'])).not.toBeNull();
  });

  it('the new org’s list failing never brings the old org’s list back', async () => {
    store.getState().replaceProfile({ ...dev, orgId: 'finance-prod' });
    api.handle('schedules:list', () => err('server', 'Scheduler store unavailable (HTTP 500).'));
    await store.getState().refreshProfile('dev');
    const entry = store.getState().lists['dev'];
    expect(entry?.status).toBe('failed');
    expect(entry?.list).toBeNull();
    expect(updatedText(entry, new Date())).toBe('not loaded (server error)');
  });

  it('main’s profiles:changed (the store’s profiles set from outside) drops the old org’s list too', () => {
    store.setState({ profiles: [{ ...dev, orgId: 'finance-prod' }] });
    expect(store.getState().lists['dev']).toBeUndefined();
  });

  it('another server, same org: the list is dropped as well', () => {
    store.getState().replaceProfile({ ...dev, apiUrl: 'https://other.example.com:10502' });
    expect(store.getState().lists['dev']).toBeUndefined();
  });

  it('a refresh asked before the edit and answered after it is not the profile’s list', async () => {
    let answer: (list: ScheduleList) => void = () => undefined;
    api.handle('schedules:list', () => new Promise((resolve) => (answer = (list) => resolve(ok(list)))));
    const refresh = store.getState().refreshProfile('dev');
    store.getState().replaceProfile({ ...dev, orgId: 'finance-prod' });
    answer(listOf('default', [schedule('j1', '0 0 2 L * ?')]));
    await refresh;
    const s = store.getState();
    expect(s.lists['dev']?.list ?? null).toBeNull();
    expect(buildSources(s.profiles, s.lists, 'dev', true)).toEqual([]);
  });

  it('a name-only edit keeps the list', () => {
    store.getState().replaceProfile({ ...dev, name: 'Demo dev 2' });
    expect(store.getState().lists['dev']?.list?.schedules).toHaveLength(2);
  });
});

describe('a lost create is reconciled against the jobs listed just before it was sent', () => {
  it('a colleague’s job with the same expression, made since the last refresh, is never taken for ours', async () => {
    // The colleague's job j3 exists on the server before our create; this window's list does not show it.
    const onServer = [schedule('j1', '0 0 2 L * ?'), schedule('j2', '0 0 4 ? * * *'), schedule('j3', EXPR)];
    api.handle('schedules:list', () => ok(listOf('default', onServer)));
    api.handle('schedules:create', () => err('outcome-unknown', LOST));
    const outcome = await store.getState().createSchedule('dev', 'default', EXPR);
    expect(outcome).toMatchObject({ outcome: 'unknown', listed: true });
    expect(toasts()).toEqual([]);
    // The list was fetched just before the create was sent.
    const order = api.calls.map((c) => c.channel).filter((c) => c === 'schedules:list' || c === 'schedules:create');
    expect(order.slice(-3)).toEqual(['schedules:list', 'schedules:create', 'schedules:list']);
  });

  it('the list just before cannot be fetched: a lost answer stays unknown, whatever appears later', async () => {
    api.handle('schedules:list', () => err('server', 'HTTP 500.'));
    api.handle('schedules:create', () => {
      api.handle('schedules:list', () => ok(listOf('default', [schedule('j1', '0 0 2 L * ?'), schedule('j3', EXPR)])));
      return err('outcome-unknown', LOST);
    });
    const outcome = await store.getState().createSchedule('dev', 'default', EXPR);
    expect(outcome).toMatchObject({ outcome: 'unknown', noBaseline: true });
    if (outcome.outcome !== 'unknown') throw new Error('expected unknown');
    expect(await outcome.recheck()).toMatchObject({ outcome: 'unknown', noBaseline: true });
    expect(api.callsTo('schedules:create')).toHaveLength(1);
  });
});

describe('an outcome that comes after its dialog is gone stays as a notice', () => {
  it('create refused while its dialog was closed: a warning that stays', async () => {
    store.getState().openDialog({ kind: 'create', profileId: 'dev' });
    api.handle('schedules:create', () => {
      store.getState().closeDialog();
      return err('server', 'Scheduler store unavailable (HTTP 500).');
    });
    await expect(store.getState().createSchedule('dev', 'default', EXPR)).rejects.toMatchObject({ kind: 'server' });
    expect(toasts()).toEqual([`warning: The server did not create “${EXPR}” in Demo dev: Scheduler store unavailable (HTTP 500).`]);
  });

  it('create unknown while Ctrl+K replaced its dialog: “may have been created — Refresh and check”', async () => {
    store.getState().openDialog({ kind: 'create', profileId: 'dev' });
    api.handle('schedules:create', () => {
      store.getState().openDialog({ kind: 'switcher' });
      api.handle('schedules:list', () => err('network', 'connect ECONNRESET.'));
      return err('outcome-unknown', LOST);
    });
    const outcome = await store.getState().createSchedule('dev', 'default', EXPR);
    expect(outcome.outcome).toBe('unknown');
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toMatch(/^warning: “0 20 3 \? \* \* \*” may have been created in Demo dev: .*Refresh and check/);
  });

  it('delete refused while its dialog was closed: a warning naming the job', async () => {
    store.getState().openDialog({ kind: 'delete', key: 'dev:j1' });
    api.handle('schedules:delete', () => {
      store.getState().closeDialog();
      return err('server', 'Scheduler store unavailable (HTTP 500).');
    });
    await expect(store.getState().deleteSchedule('dev', 'default', 'j1')).rejects.toMatchObject({ kind: 'server' });
    expect(toasts()).toEqual(['warning: Job j1 was not deleted from Demo dev: Scheduler store unavailable (HTTP 500).']);
  });

  it('with the dialog still open, the dialog tells it and no notice is added', async () => {
    store.getState().openDialog({ kind: 'delete', key: 'dev:j1' });
    api.handle('schedules:delete', () => err('server', 'HTTP 500.'));
    await expect(store.getState().deleteSchedule('dev', 'default', 'j1')).rejects.toMatchObject({ kind: 'server' });
    expect(toasts()).toEqual([]);
  });

  it('later confirmations never push a notice out', () => {
    store.getState().notify('The server did not create it.', 'warning');
    for (let i = 0; i < 6; i++) store.getState().notify(`done ${i}`);
    expect(toasts().filter((t) => t.startsWith('warning:'))).toEqual(['warning: The server did not create it.']);
  });
});

describe('profiles on the same server and org', () => {
  beforeEach(async () => {
    const copy = profile('copy', { name: 'Demo dev (copy)', orgId: 'default' });
    const other = profile('other', { name: 'Other org', orgId: 'sales' });
    store.setState({ profiles: [dev, copy, other] });
    api.handle('schedules:list', (r) =>
      ok({ ...listOf(r.profileId === 'other' ? 'sales' : 'default', [schedule('j1', '0 0 2 L * ?')]), profileId: r.profileId }),
    );
    await store.getState().refreshAll();
  });

  it('a delete through one refreshes the other (and not another org’s)', async () => {
    api.handle('schedules:delete', () => ok({ deleted: true as const, jobId: 'j1', warning: null, reconciled: false }));
    api.handle('schedules:list', (r) => ok({ ...listOf('default', [schedule('j1', '0 0 2 L * ?', { active: false })]), profileId: r.profileId }));
    const before = api.callsTo('schedules:list').length;
    await store.getState().deleteSchedule('dev', 'default', 'j1');
    const asked = (api.callsTo('schedules:list').slice(before) as { profileId: string }[]).map((r) => r.profileId).sort();
    expect(asked).toEqual(['copy', 'dev']);
    expect(store.getState().lists['copy']?.list?.schedules[0]?.active).toBe(false);
  });

  it('a delete answered not-found: the list is fetched again and the job is said to be gone already', async () => {
    api.handle('schedules:delete', () => err('not-found', 'Deleting the schedule failed: not found (HTTP 404).'));
    api.handle('schedules:list', (r) => ok({ ...listOf('default', [schedule('j1', '0 0 2 L * ?', { active: false })]), profileId: r.profileId }));
    const outcome = await store.getState().deleteSchedule('copy', 'default', 'j1');
    expect(outcome).toMatchObject({ outcome: 'gone', jobId: 'j1' });
    expect(toasts()[0]).toMatch(/^success: Job j1 was already gone from Demo dev \(copy\)/);
  });

  it('not-found while the list still shows the job active: still a failure', async () => {
    api.handle('schedules:delete', () => err('not-found', 'HTTP 404.'));
    await expect(store.getState().deleteSchedule('copy', 'default', 'j1')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('run now is bound to the profile it was opened for', () => {
  it('switching to another profile closes it', () => {
    const prod = profile('prod', { name: 'Demo prod', orgId: 'finance-prod', environment: { kind: 'production', label: 'Production', color: '#c00' } });
    store.setState({ profiles: [dev, prod], selectedProfileId: 'prod' });
    store.getState().openDialog({ kind: 'run-now', profileId: 'prod', profile: prod });
    store.getState().selectProfile('dev');
    expect(store.getState().dialog).toBeNull();
  });

  it('is stale when the shown profile or its org changes', () => {
    expect(runNowStale(dev, dev, 'dev')).toBe(false);
    expect(runNowStale(dev, dev, 'prod')).toBe(true);
    expect(runNowStale(dev, { ...dev, orgId: 'finance-prod' }, 'dev')).toBe(true);
    expect(runNowStale(dev, undefined, 'dev')).toBe(true);
  });
});

describe('the refresh confirmation counts as the list does', () => {
  it('active and deactivated apart', async () => {
    store.setState({ selectedProfileId: 'dev' });
    api.handle('schedules:list', () =>
      ok(
        listOf('default', [
          schedule('j1', '0 0 2 L * ?'),
          schedule('j2', '0 0 4 ? * * *'),
          schedule('j3', '0 0 5 ? * * *'),
          schedule('j4', '0 0 6 ? * * *', { active: false }),
        ]),
      ),
    );
    await store.getState().refreshShown({ confirm: true });
    expect(toasts()).toEqual(['success: Demo dev refreshed: 3 active schedules, 1 deactivated.']);
  });

  it('no deactivated: the plain count', async () => {
    store.setState({ selectedProfileId: 'dev' });
    await store.getState().refreshShown({ confirm: true });
    expect(toasts()).toEqual(['success: Demo dev refreshed: 2 schedules.']);
  });
});
