// Who is told what a change did when its dialog is gone (Escape, Close, or replaced by Ctrl+K) before
// the answer comes: a failure or an unknown outcome stays as a notice until dismissed, saying what may
// have happened, where and what to do; a late success never closes the dialog open by then nor moves
// the selection; with the dialog still open, the dialog tells it and no notice is added. A change
// refreshes every profile of the same server and org, each once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplyResult, CopyResult, SchedulePlan } from '@shared/ipc/channels/changes';
import type { ProfileView } from '@shared/domain';
import type { Channel, ResponseOf, Result } from '@shared/ipc';
import { TOAST_MS } from '@renderer/store/toasts-slice';
import { sendApply, sendBulkDelete, sendCopy, sendEdit, sendPause, sendRecreate, sendRetryDelete } from '@renderer/changes/change-writes';
import { changeStore, created, editStep as step, NEW, OLD, pausedSchedule, retry } from './support/change-writes-fixtures';
import { err, ok, profile, type FakeApi } from './support/fake-api';
import type { AppStore } from './support/fake-store';

let api: FakeApi;
let store: AppStore;
let dev: ProfileView;
let copy: ProfileView;
let prod: ProfileView;

const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);
const warnings = () => toasts().filter((t) => t.startsWith('warning: '));
const pausedEntry = pausedSchedule('pausing');
const edit = (onSteps = () => undefined) => sendEdit(store, { profile: dev, jobId: 'j1', expression: NEW, allowTooFrequent: false, onSteps });
/** The edit's answer when both its steps ran: the new job j9 created, the old job j1 deleted. */
const editDone = (message: string) =>
  ok({
    status: 'done' as const,
    changeId: 'c1',
    created,
    deletedJobId: 'j1',
    steps: [step('create', 'ok', 'j9'), step('delete', 'ok', 'j1')],
    message,
  });
const retryDelete = () => sendRetryDelete(store, { profile: dev, retry, newJobId: 'j9', expression: NEW, onStep: () => undefined });
const copyToProd = () =>
  sendCopy(store, {
    source: dev,
    jobIds: ['j1'],
    targets: [{ profileId: 'prod', orgId: 'sales-analytics' }],
    allowTooFrequent: false,
    onResult: () => undefined,
  });

/** Applies a plan to dev from the Schedules as code dialog, which Escape closes before `answer` comes. */
async function applyAfterEscape(answer: ApplyResult) {
  store.getState().openDialog({ kind: 'schedules-code', profileId: 'dev' });
  api.handle('changes:apply', () => {
    store.getState().closeDialog();
    return ok(answer);
  });
  await sendApply(store, { profile: dev, source: { kind: 'document', json: '{}' }, planId: 'p1', orgId: 'default', allowTooFrequent: false });
}

/**
 * The change's dialog is open when it is sent; `leave`, run while its request to `channel` is in flight,
 * takes it away (Escape), replaces it (Ctrl+K) or leaves it open ('stay'); then `answer` comes.
 */
function openEditThen<C extends Channel>(leave: 'escape' | 'ctrl-k' | 'stay', channel: C, answer: Result<ResponseOf<C>>) {
  store.getState().openDialog({ kind: 'edit', key: 'dev:j1' });
  api.handle(channel, () => {
    if (leave === 'escape') store.getState().closeDialog();
    if (leave === 'ctrl-k') store.getState().openDialog({ kind: 'switcher' });
    return answer;
  });
}

beforeEach(async () => {
  dev = profile('dev', { name: 'Demo dev', orgId: 'default' });
  copy = profile('copy', { name: 'Demo dev (copy)', orgId: 'default' });
  prod = profile('prod', { name: 'Demo prod', orgId: 'sales-analytics', environment: { kind: 'production', label: 'Production', color: '#c00' } });
  const jobs: [string, string][] = [
    ['j1', OLD],
    ['j2', '0 0 2 L * ?'],
  ];
  ({ api, store } = await changeStore({ profiles: [dev, copy, prod], jobs, selectedKey: 'dev:j1' }));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('edit', () => {
  it('refused while its dialog was closed (Escape): a notice naming the job, the profile and its org, that stays', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    openEditThen('escape', 'changes:edit', err('server', 'Scheduler store unavailable (HTTP 500).'));
    const sent = await edit();
    expect(sent.error).toMatch(/^Nothing was changed/);
    expect(toasts()).toEqual([
      `warning: Job j1 in Demo dev (org default) was not changed to “${NEW}”: Scheduler store unavailable (HTTP 500). Nothing was changed.`,
    ]);
    vi.advanceTimersByTime(TOAST_MS * 3);
    expect(warnings()).toHaveLength(1);
  });

  it('the create’s answer lost while Ctrl+K replaced the dialog: “may have been created — refresh”, the switcher stays', async () => {
    openEditThen(
      'ctrl-k',
      'changes:edit',
      ok({
        status: 'not-changed' as const,
        changeId: 'c1',
        steps: [step('create', 'unknown', null, 'socket hang up'), step('delete', 'not-run', 'j1')],
        message:
          'The new schedule may have been created (its answer was lost: socket hang up). The old one (job j1) was not touched. Refresh the list, then delete whichever you do not want.',
      }),
    );
    await edit();
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/^warning: Changing job j1 in Demo dev \(org default\) to “0 0 6 \? \* \* \*”: The new schedule may have been created/);
    expect(warnings()[0]).toContain('Refresh the list');
    expect(store.getState().dialog).toEqual({ kind: 'switcher' });
  });

  it('the delete failing after the dialog closed: both run, said with the old job to delete', async () => {
    openEditThen(
      'escape',
      'changes:edit',
      ok({
        status: 'both-exist' as const,
        changeId: 'c1',
        created,
        oldJobId: 'j1',
        steps: [step('create', 'ok', 'j9'), step('delete', 'failed', 'j1', 'engine busy')],
        message:
          'The new schedule (job j9) was created, but the delete of the old one (job j1) did not complete: it failed (engine busy). Until the old one is deleted, both run. Retry the delete.',
        retry,
      }),
    );
    await edit();
    expect(warnings()).toEqual([
      `warning: Job j1 in Demo dev (org default) was changed only halfway: the new job j9 runs “${NEW}”, but the delete of the old job j1 failed (engine busy). Until it is deleted both run: refresh, and delete job j1 if it is still listed.`,
    ]);
  });

  it('a success after Ctrl+K never closes the switcher nor moves the selection; it is confirmed', async () => {
    openEditThen('ctrl-k', 'changes:edit', editDone(`Changed: job j9 runs "${NEW}"; the old job j1 was deleted.`));
    await edit();
    expect(store.getState().dialog).toEqual({ kind: 'switcher' });
    expect(store.getState().selectedKey).toBe('dev:j1');
    expect(toasts()).toEqual([`success: Changed: job j9 runs "${NEW}"; the old job j1 was deleted.`]);
  });

  it('a success with the dialog open closes it and selects the new job; a failure with it open adds no notice', async () => {
    openEditThen('stay', 'changes:edit', editDone('Changed.'));
    await edit();
    expect(store.getState().dialog).toBeNull();
    expect(store.getState().selectedKey).toBe('dev:j9');
    openEditThen('stay', 'changes:edit', err('server', 'HTTP 500.'));
    await edit();
    expect(warnings()).toEqual([]);
    expect(store.getState().dialog).toEqual({ kind: 'edit', key: 'dev:j1' });
  });

  it('the retried delete failing again after Escape: both still run, delete the old job', async () => {
    openEditThen('escape', 'changes:retry-delete', ok(step('delete', 'failed', 'j1', 'engine busy')));
    const failed = await retryDelete();
    expect(failed).toMatch(/did not complete again/);
    expect(warnings()).toEqual([
      'warning: The old job j1 in Demo dev (org default) was not deleted again: engine busy. Both schedules still run: refresh, then delete job j1 if it is still listed.',
    ]);
  });

  it('the retried delete succeeding after Ctrl+K leaves the switcher open', async () => {
    openEditThen('ctrl-k', 'changes:retry-delete', ok(step('delete', 'ok', 'j1')));
    expect(await retryDelete()).toBeNull();
    expect(store.getState().dialog).toEqual({ kind: 'switcher' });
    expect(toasts()[0]).toMatch(/^success: Changed: the old job j1 is deleted now/);
  });
});

describe('pause, resume, reactivate', () => {
  beforeEach(() => store.getState().openDialog({ kind: 'pause', key: 'dev:j1' }));

  it('a pause refused after Escape: not paused, it still runs', async () => {
    api.handle('changes:pause', () => {
      store.getState().closeDialog();
      return err('server', 'Not paused: the delete on the server failed (engine busy). The schedule still runs.');
    });
    const outcome = await sendPause(store, { profile: dev, jobId: 'j1', expression: OLD });
    expect(outcome?.tone).toBe('error');
    expect(warnings()).toEqual([
      `warning: “${OLD}” was not paused in Demo dev (org default): the delete on the server failed (engine busy). The schedule still runs.`,
    ]);
  });

  it('a pause whose delete lost its answer, after Ctrl+K: it may still run, refresh and check', async () => {
    api.handle('changes:pause', () => {
      store.getState().openDialog({ kind: 'switcher' });
      return ok({
        status: 'unknown' as const,
        changeId: 'c1',
        paused: pausedEntry,
        message: 'The delete was sent but its answer was lost (socket hang up); the job may still run.',
      });
    });
    const outcome = await sendPause(store, { profile: dev, jobId: 'j1', expression: OLD });
    expect(outcome?.tone).toBe('unknown');
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(
      /^warning: “0 0 4 \? \* \* \*” in Demo dev \(org default\) may still run: .*Refresh and check whether job j1 is still listed/,
    );
    expect(store.getState().dialog).toEqual({ kind: 'switcher' });
  });

  it('a pause that succeeds after Ctrl+K leaves the switcher open and the selection alone', async () => {
    api.handle('changes:pause', () => {
      store.getState().openDialog({ kind: 'switcher' });
      return ok({ status: 'paused' as const, changeId: 'c1', paused: { ...pausedEntry, state: 'paused' as const }, message: `Paused "${OLD}".` });
    });
    expect(await sendPause(store, { profile: dev, jobId: 'j1', expression: OLD })).toBeNull();
    expect(store.getState().dialog).toEqual({ kind: 'switcher' });
    expect(store.getState().selectedKey).toBe('dev:j1');
    expect(toasts()).toEqual([`success: Paused "${OLD}".`]);
  });

  it('a reactivate whose answer was lost after Escape: may have been reactivated, may run twice; the dialog says unknown too', async () => {
    api.handle('changes:reactivate', () => {
      store.getState().closeDialog();
      return err('outcome-unknown', 'The connection closed after the request was sent.');
    });
    const outcome = await sendRecreate(store, {
      profile: dev,
      expression: OLD,
      how: {
        verb: 'reactivate',
        errorPrefix: 'Not reactivated: ',
        create: async () => {
          const { call } = await import('@renderer/api-client');
          const r = await call('changes:reactivate', { profileId: 'dev', orgId: 'default', jobId: 'j1' });
          return { message: r.message, jobId: r.created.jobId };
        },
      },
    });
    expect(outcome?.tone).toBe('unknown');
    expect(warnings()).toEqual([
      `warning: “${OLD}” may have been reactivated in Demo dev (org default): The connection closed after the request was sent. Refresh and check the list before you reactivate it again, or it may run twice.`,
    ]);
  });

  it('a resume that succeeds after Ctrl+K leaves the switcher open', async () => {
    const outcome = await sendRecreate(store, {
      profile: dev,
      expression: OLD,
      how: {
        verb: 'resume',
        errorPrefix: '',
        create: async () => {
          store.getState().openDialog({ kind: 'switcher' });
          return { message: `Resumed "${OLD}" as job j7.`, jobId: 'j7' };
        },
      },
    });
    expect(outcome).toBeNull();
    expect(store.getState().dialog).toEqual({ kind: 'switcher' });
    expect(store.getState().selectedKey).toBe('dev:j1');
  });
});

describe('bulk delete', () => {
  const groups = () => [
    { profile: dev, keys: ['dev:j1', 'dev:j2'], jobIds: ['j1', 'j2'] },
    { profile: prod, keys: ['prod:j1'], jobIds: ['j1'] },
  ];
  beforeEach(() => {
    for (const k of ['dev:j1', 'dev:j2', 'prod:j1', 'dev:other']) store.getState().setChecked(k, true);
    store.getState().openDialog({ kind: 'bulk-delete', keys: ['dev:j1', 'dev:j2', 'prod:j1'] });
  });

  it('not everything deleted after Escape: a notice per profile, lost answers said as such', async () => {
    api.handle('changes:bulk-delete', (r) => {
      store.getState().closeDialog();
      if (r.profileId === 'prod') return err('profile-mismatch', 'The org typed does not match.');
      return ok({ changeId: 'c1', steps: [step('delete', 'ok', 'j1'), step('delete', 'unknown', 'j2', 'socket hang up')], deleted: 1, failed: 0 });
    });
    const out = await sendBulkDelete(store, groups());
    expect(out).toHaveLength(2);
    expect(warnings()).toEqual([
      'warning: The delete of 3 schedules did not complete everywhere: Demo dev (org default): 1 done, 1 unknown; Demo prod (org sales-analytics): nothing was deleted (The org typed does not match). Some answers were lost, so those may or may not be deleted: refresh and check the list before deleting again.',
    ]);
  });

  it('all deleted after Ctrl+K: confirmed, the switcher stays, only the deleted rows are unpicked', async () => {
    api.handle('changes:bulk-delete', (r) => {
      store.getState().openDialog({ kind: 'switcher' });
      return ok({ changeId: 'c1', steps: r.jobIds.map((j) => step('delete', 'ok', j)), deleted: r.jobIds.length, failed: 0 });
    });
    expect(await sendBulkDelete(store, groups())).toBeNull();
    expect(store.getState().dialog).toEqual({ kind: 'switcher' });
    expect(store.getState().selectedKey).toBe('dev:j1');
    expect(store.getState().checkedKeys).toEqual(['dev:other']);
    expect(toasts()).toEqual(['success: Deleted 3 schedules.']);
  });
});

describe('copy and apply', () => {
  beforeEach(() => store.getState().openDialog({ kind: 'copy', keys: ['dev:j1'] }));

  it('a copy that stopped in one target after Escape: a notice naming it, lost answers said', async () => {
    const result: CopyResult = {
      changeId: 'c1',
      targets: [
        {
          profileId: 'prod',
          name: 'Demo prod',
          status: 'stopped',
          steps: [step('create', 'unknown', null, 'socket hang up')],
          message: 'Stopped after 0 of 1 steps.',
        },
      ],
    };
    api.handle('changes:copy', () => {
      store.getState().closeDialog();
      return ok(result);
    });
    expect(await copyToProd()).toBeNull();
    expect(warnings()).toEqual([
      'warning: The copy from Demo dev (org default) did not finish everywhere: Demo prod (org sales-analytics): Stopped after 0 of 1 steps. Some answers were lost: refresh and check those profiles before copying again, or a schedule may exist twice there.',
    ]);
  });

  it('a copy refused before anything was sent, after Ctrl+K: nothing was copied, where to', async () => {
    api.handle('changes:copy', () => {
      store.getState().openDialog({ kind: 'switcher' });
      return err('offline', 'The server could not be reached.');
    });
    const error = await copyToProd();
    expect(error).toMatchObject({ tone: 'error', text: expect.stringMatching(/^Nothing was copied/) });
    expect(warnings()).toEqual([
      'warning: Nothing was copied from Demo dev (org default) to Demo prod (org sales-analytics): The server could not be reached.',
    ]);
  });

  it('a plan applied only in part, after Escape: where it stopped and what to do', async () => {
    await applyAfterEscape({
      status: 'stopped',
      changeId: 'c1',
      steps: [step('create', 'ok', 'j9'), step('delete', 'failed', 'j1', 'engine busy')],
      message: 'Stopped after 1 of 2 steps at delete j1; 0 steps were not sent. Plan again to see where the target stands.',
    });
    expect(warnings()).toEqual([
      'warning: Applying the plan to Demo dev (org default) stopped: Stopped after 1 of 2 steps at delete j1; 0 steps were not sent. Plan again to see where the target stands.',
    ]);
  });

  it('a plan the target outran, after Escape: nothing applied, plan again', async () => {
    await applyAfterEscape({ status: 'changed', message: 'changed', plan: {} as SchedulePlan });
    expect(warnings()).toEqual([
      'warning: Nothing was applied to Demo dev (org default): it or the source changed since the plan was made. Open Schedules as code and plan again.',
    ]);
  });
});

describe('after a change', () => {
  it('every profile of the same server and org is fetched again, each once, and not another org’s', async () => {
    const before = api.callsTo('schedules:list').length;
    await store.getState().afterChange(['dev', 'copy', 'dev']);
    const asked = (api.callsTo('schedules:list').slice(before) as { profileId: string }[]).map((r) => r.profileId).sort();
    expect(asked).toEqual(['copy', 'dev']);
    expect(api.callsTo('changes:paused-list').length).toBeGreaterThan(0);
  });

  it('an edit through one profile refreshes its same-org copy', async () => {
    openEditThen('stay', 'changes:edit', editDone('Changed.'));
    const before = api.callsTo('schedules:list').length;
    await edit();
    const asked = (api.callsTo('schedules:list').slice(before) as { profileId: string }[]).map((r) => r.profileId).sort();
    expect(asked).toEqual(['copy', 'dev']);
  });
});
