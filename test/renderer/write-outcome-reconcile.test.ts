// A lost answer to a create or delete, settled by the list fetched again: "created" or "deleted" only
// when a live list proves it, and "unknown" (with what the dialog needs to say why) whenever it cannot.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleList } from '@shared/domain';
import type { Result } from '@shared/ipc';
import { err, liveList, ok, schedule, snapshotList, type FakeApi } from './support/fake-api';
import { devStoreWithList, type AppStore } from './support/fake-store';

const EXPR = '0 10 3 ? * * *';
const OLD = schedule('j1', '0 0 4 ? * * *');
const LOST = 'The connection closed after the request was sent.';
let api: FakeApi;
let store: AppStore;

beforeEach(async () => {
  ({ api, store } = await devStoreWithList());
});

const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);

/** The create is sent and its answer lost; the lists after it answer with `after`. */
function loseCreate(after: () => Result<ScheduleList>) {
  api.handle('schedules:create', () => {
    api.handle('schedules:list', after);
    return err('outcome-unknown', LOST);
  });
}

/** The delete is sent and its answer lost; the lists after it answer with `after`. */
function loseDelete(after: () => Result<ScheduleList>) {
  api.handle('schedules:delete', () => {
    api.handle('schedules:list', after);
    return err('outcome-unknown', LOST);
  });
}

describe('a create whose answer was lost', () => {
  it('a new job with the expression that is listed as deactivated is not taken for the one just created', async () => {
    loseCreate(() => ok(liveList('dev', new Date(), [OLD, schedule('j7', EXPR, { active: false })])));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'unknown', listed: true, message: LOST });
    expect(toasts()).toEqual([]);
  });

  it('a new job with another expression (someone else’s) is not taken for the one just created', async () => {
    loseCreate(() => ok(liveList('dev', new Date(), [OLD, schedule('j7', '0 30 6 ? * * *')])));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'unknown', listed: true });
    expect(toasts()).toEqual([]);
  });

  it('the server listing the expression with spaces around it still shows it was created', async () => {
    loseCreate(() => ok(liveList('dev', new Date(), [OLD, schedule('j7', ` ${EXPR} `)])));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'created', reconciled: true, schedule: { jobId: 'j7' } });
  });

  it('an expression sent with spaces around it is found as the server lists it', async () => {
    loseCreate(() => ok(liveList('dev', new Date(), [OLD, schedule('j7', EXPR)])));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', `  ${EXPR} `);
    expect(outcome).toMatchObject({ outcome: 'created', reconciled: true, schedule: { jobId: 'j7' } });
    expect(toasts()[0]).toContain('the list shows it was created as job j7');
  });

  it('no list from just before the create: unknown, saying no list can tell it from another’s', async () => {
    api.handle('schedules:list', () => err('network', 'connect ECONNREFUSED.'));
    loseCreate(() => ok(liveList('dev', new Date(), [OLD, schedule('j7', EXPR)])));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    // Even though the list after it shows a job with the expression: it may be a colleague's.
    expect(outcome).toMatchObject({ outcome: 'unknown', listed: false, noBaseline: true, message: LOST });
    expect(toasts()).toEqual([]);
  });

  it('the list fetched again answers for another org: unknown, not read as this profile’s list', async () => {
    loseCreate(() => ok({ ...liveList('dev', new Date(), [OLD, schedule('j7', EXPR)]), orgId: 'org-other' }));
    const outcome = await store.getState().createSchedule('dev', 'org-dev', EXPR);
    expect(outcome).toMatchObject({ outcome: 'unknown', listed: false, message: LOST });
    expect(outcome).not.toHaveProperty('noBaseline', true);
  });
});

describe('a delete whose answer was lost', () => {
  it('the job still active beside others: unknown and still listed, not deleted', async () => {
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [OLD, schedule('j2', EXPR)])));
    await store.getState().refreshProfile('dev');
    loseDelete(() => ok(liveList('dev', new Date(), [OLD, schedule('j2', EXPR)])));
    const outcome = await store.getState().deleteSchedule('dev', 'org-dev', 'j1');
    expect(outcome).toMatchObject({ outcome: 'unknown', stillListed: true, message: LOST });
    expect(toasts()).toEqual([]);
  });

  it('the job gone while another job stays active: deleted', async () => {
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [OLD, schedule('j2', EXPR)])));
    await store.getState().refreshProfile('dev');
    loseDelete(() => ok(liveList('dev', new Date(), [schedule('j2', EXPR)])));
    const outcome = await store.getState().deleteSchedule('dev', 'org-dev', 'j1');
    expect(outcome).toMatchObject({ outcome: 'deleted', jobId: 'j1', reconciled: true });
    expect(toasts()).toEqual(['success: The answer was lost, but the list shows job j1 was deleted from Dev.']);
  });

  it('only a snapshot comes back: unknown, not claimed as still listed', async () => {
    loseDelete(() => ok(snapshotList('dev', new Date(), [], { kind: 'network', reason: 'connect ECONNREFUSED.' })));
    const outcome = await store.getState().deleteSchedule('dev', 'org-dev', 'j1');
    expect(outcome).toMatchObject({ outcome: 'unknown', stillListed: false, message: LOST });
    expect(toasts()).toEqual([]);
  });

  it('a job already deactivated before the delete cannot be told deleted by the list (a deleted job lingers deactivated)', async () => {
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [schedule('j1', '0 0 4 ? * * *', { active: false })])));
    await store.getState().refreshProfile('dev');
    loseDelete(() => ok(liveList('dev', new Date(), [])));
    const outcome = await store.getState().deleteSchedule('dev', 'org-dev', 'j1');
    expect(outcome).toMatchObject({ outcome: 'unknown', stillListed: false, message: LOST });
    expect(toasts()).toEqual([]);
  });

  it('unknown, then a later check that finds it gone: deleted', async () => {
    loseDelete(() => ok(snapshotList('dev', new Date(), [], { kind: 'network', reason: 'connect ECONNREFUSED.' })));
    const outcome = await store.getState().deleteSchedule('dev', 'org-dev', 'j1');
    if (outcome.outcome !== 'unknown') throw new Error('expected unknown');
    api.handle('schedules:list', () => ok(liveList('dev', new Date(), [])));
    expect(await outcome.recheck()).toMatchObject({ outcome: 'deleted', jobId: 'j1', reconciled: true });
    expect(api.callsTo('schedules:delete')).toHaveLength(1);
  });
});
