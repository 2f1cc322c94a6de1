// Create and delete told truly: a lost answer is "may have happened", settled by reading the list again,
// never by sending the write a second time; a failed local record is a warning beside the success.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_MS } from '@renderer/store/toasts-slice';
import { err, liveList, ok, profile, schedule, snapshotList, type FakeApi } from './support/fake-api';
import { devStoreWithList, type AppStore } from './support/fake-store';

const EXPR = '0 10 3 ? * * *';
let api: FakeApi;
let store: AppStore;

beforeEach(async () => {
  ({ api, store } = await devStoreWithList());
});
afterEach(() => {
  vi.useRealTimers();
});

const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);
const LOST = 'The connection closed after the request was sent; the schedule may have been created.';

describe('create', () => {
  it('a plain success is confirmed and the list is fetched again', async () => {
    const created = schedule('j2', EXPR);
    api.handle('schedules:create', () => ok({ ...created, warning: null, reconciled: false }));
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [schedule('j1', '0 0 4 ? * * *'), created])));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'created', reconciled: false, warning: null, schedule: { jobId: 'j2' } });
    expect(toasts()).toEqual([`success: Created “${EXPR}” in Dev as job j2.`]);
    expect(store.getState().lists['dev']?.list?.schedules).toHaveLength(2);
  });

  it('a success whose local record failed carries a warning that stays until closed', async () => {
    vi.useFakeTimers();
    api.handle('schedules:create', () => ok({ ...schedule('j2', EXPR), warning: 'The audit log could not be written: disk full.', reconciled: false }));
    await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(toasts()).toEqual([
      `success: Created “${EXPR}” in Dev as job j2.`,
      'warning: The change was made on the server, but the app’s local record of it failed: The audit log could not be written: disk full.',
    ]);
    vi.advanceTimersByTime(TOAST_MS + 1);
    // The confirmation goes by itself; the warning stays.
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toMatch(/^warning:/);
  });

  it('main reconciled a lost answer: shown as created, saying how it was known', async () => {
    api.handle('schedules:create', () => ok({ ...schedule('j9', EXPR), warning: null, reconciled: true }));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'created', reconciled: true });
    expect(toasts()[0]).toBe(`success: The answer was lost, but the list shows it was created as job j9 (“${EXPR}” in Dev).`);
  });

  it('outcome unknown: re-lists at once and finds the job that appeared, without sending the create again', async () => {
    // The create is sent after a list of its own (the jobs just before it), then the answer is lost.
    let created = false;
    api.handle('schedules:create', () => {
      created = true;
      return err('outcome-unknown', LOST);
    });
    api.handle('schedules:list', () =>
      ok(liveList('dev', new Date(), created ? [schedule('j1', '0 0 4 ? * * *'), schedule('j7', EXPR)] : [schedule('j1', '0 0 4 ? * * *')])),
    );
    const listsBefore = api.callsTo('schedules:list').length;
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'created', reconciled: true, schedule: { jobId: 'j7' } });
    expect(api.callsTo('schedules:create')).toHaveLength(1);
    // One list just before the create, one after the lost answer.
    expect(api.callsTo('schedules:list').length).toBe(listsBefore + 2);
    expect(toasts()[0]).toContain('The answer was lost, but the list shows it was created as job j7');
  });

  it('outcome unknown and an older job with the same expression: not taken for the new one', async () => {
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [schedule('j1', EXPR)])));
    await store.getState().refreshProfile('dev');
    api.handle('schedules:create', () => err('outcome-unknown', LOST));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'unknown', listed: true, message: LOST });
    expect(toasts()).toEqual([]);
  });

  it('outcome unknown and the list cannot be fetched: stays unknown; a later check settles it', async () => {
    api.handle('schedules:create', () => {
      api.handle('schedules:list', () => ok(snapshotList('dev', new Date(), [], { kind: 'network', reason: 'connect ECONNREFUSED.' })));
      return err('outcome-unknown', LOST);
    });
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'unknown', listed: false });
    if (outcome.outcome !== 'unknown') throw new Error('expected unknown');
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [schedule('j1', '0 0 4 ? * * *'), schedule('j8', EXPR)])));
    const checked = await outcome.recheck();
    expect(checked).toMatchObject({ outcome: 'created', reconciled: true, schedule: { jobId: 'j8' } });
    expect(api.callsTo('schedules:create')).toHaveLength(1);
  });

  it('a definite failure is thrown with its kind, nothing confirmed', async () => {
    api.handle('schedules:create', () => err('server', 'HTTP 500.'));
    await expect(store.getState().createSchedule('dev', 'org-dev', EXPR)).rejects.toMatchObject({ kind: 'server' });
    expect(toasts()).toEqual([]);
  });
});

describe('delete', () => {
  it('outcome unknown and the job is gone from a live list: deleted', async () => {
    api.handle('schedules:delete', () => err('outcome-unknown', 'The answer was lost.'));
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [schedule('j1', '0 0 4 ? * * *', { active: false })])));
    const outcome = await store.getState().deleteSchedule('dev', 'org-dev', 'j1');
    expect(outcome).toMatchObject({ outcome: 'deleted', reconciled: true, jobId: 'j1' });
    expect(toasts()[0]).toBe('success: The answer was lost, but the list shows job j1 was deleted from Dev.');
    expect(api.callsTo('schedules:delete')).toHaveLength(1);
  });

  it('outcome unknown and the job still listed as active: unknown, never "failed"', async () => {
    api.handle('schedules:delete', () => err('outcome-unknown', 'The answer was lost.'));
    const outcome = await store.getState().deleteSchedule('dev', 'org-dev', 'j1');
    expect(outcome).toMatchObject({ outcome: 'unknown', stillListed: true });
  });

  it('a success is confirmed, with the warning when the local record failed', async () => {
    api.handle('schedules:delete', () => ok({ deleted: true as const, jobId: 'j1', warning: 'audit.jsonl is read-only.', reconciled: false }));
    const outcome = await store.getState().deleteSchedule('dev', 'org-dev', 'j1');
    expect(outcome.outcome).toBe('deleted');
    expect(toasts()).toEqual([
      'success: Deleted job j1 from Dev.',
      'warning: The change was made on the server, but the app’s local record of it failed: audit.jsonl is read-only.',
    ]);
  });
});

describe('a new secret', () => {
  it('is saved with secrets:set, confirmed, and the list is fetched again with it', async () => {
    api.handle('schedules:list', () => err('unauthorized', 'HTTP 401.'));
    await store.getState().refreshProfile('dev');
    api.handle('secrets:set', (request) => ok(profile(request.profileId, { name: 'Dev', secretStorage: request.storage })));
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [])));
    await store.getState().setSecret('dev', 'new-token', 'keychain');
    expect(api.callsTo('secrets:set')).toEqual([{ profileId: 'dev', secret: 'new-token', storage: 'keychain' }]);
    expect(store.getState().lists['dev']?.status).toBe('live');
    expect(toasts()).toEqual(['success: New API token saved for “Dev”.']);
  });
});
