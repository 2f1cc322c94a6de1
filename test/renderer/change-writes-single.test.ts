// The writes of a change to one schedule (edit, the retried delete of a half-done edit, pause, resume,
// reactivate), told as a user reads them: what happened, where (the profile and its org) and what to do;
// an answer that was lost is told as "may have been …", never as a failure; a success moves the
// selection only while the dialog that sent it is open; each write refreshes its org's lists.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeStep } from '@shared/ipc/channels/changes';
import type { AppError, ProfileView } from '@shared/domain';
import type { Channel, ResponseOf, Result } from '@shared/ipc';
import { ApiError } from '@renderer/api-client';
import { sendEdit, sendPause, sendRecreate, sendRetryDelete, type RecreateWrite } from '@renderer/changes/change-writes';
import { changeStore, created, editStep as step, NEW, OLD, pausedSchedule, listsRefreshedBy, retry } from './support/change-writes-fixtures';
import { err, ok, profile, type FakeApi } from './support/fake-api';
import type { AppStore } from './support/fake-store';

let api: FakeApi;
let store: AppStore;
let dev: ProfileView;

const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);
const pausedEntry = pausedSchedule('paused');
const edit = (allowTooFrequent = false) => sendEdit(store, { profile: dev, jobId: 'j1', expression: NEW, allowTooFrequent, onSteps: () => undefined });
const editDone = ok({
  status: 'done' as const,
  changeId: 'c1',
  created,
  deletedJobId: 'j1',
  steps: [step('create', 'ok', 'j9'), step('delete', 'ok', 'j1')],
  message: 'Changed.',
});
/** The edit's answer when the new job j9 was created and the old job's delete did not complete. */
const halfway = (steps: ChangeStep[]) => ok({ status: 'both-exist' as const, changeId: 'c1', created, oldJobId: 'j1', steps, message: 'Both exist.', retry });
const retryDelete = () => sendRetryDelete(store, { profile: dev, retry, newJobId: 'j9', expression: NEW, onStep: () => undefined });
const pause = () => sendPause(store, { profile: dev, jobId: 'j1', expression: OLD });
const thrown = (kind: AppError['kind'], message: string) => () => Promise.reject(new ApiError({ kind, message }));
const recreate = (verb: RecreateWrite['verb'], create: RecreateWrite['create']) =>
  sendRecreate(store, { profile: dev, expression: OLD, how: { verb, errorPrefix: verb === 'resume' ? 'Resume: ' : 'Reactivate: ', create } });

/** The dialog is open when the write is sent and Escape closes it before `answer` comes. */
function answerAfterEscape<C extends Channel>(channel: C, answer: Result<ResponseOf<C>>) {
  store.getState().openDialog({ kind: 'edit', key: 'dev:j1' });
  api.handle(channel, () => {
    store.getState().closeDialog();
    return answer;
  });
}
/** Recreate's write, sent from an open dialog that Escape closes before it fails with `kind`. */
function failAfterEscape(kind: AppError['kind'], message: string): RecreateWrite['create'] {
  store.getState().openDialog({ kind: 'pause', key: 'dev:j1' });
  return () => {
    store.getState().closeDialog();
    return thrown(kind, message)();
  };
}

/** The profiles whose lists `send` fetched again. */
const refreshedBy = (send: () => Promise<unknown>) => listsRefreshedBy(api, send);

beforeEach(async () => {
  dev = profile('dev', { name: 'Demo dev', orgId: 'default' });
  const copy = profile('copy', { name: 'Demo dev (copy)', orgId: 'default' });
  const other = profile('other', { name: 'Other org', orgId: 'sales' });
  ({ api, store } = await changeStore({ profiles: [dev, copy, other], jobs: [['j1', OLD]], selectedKey: 'dev:j1' }));
});

describe('edit', () => {
  it('sends the job, its profile’s org and the new expression; the too-frequent override only when allowed', async () => {
    api.handle('changes:edit', () => editDone);
    await edit();
    await edit(true);
    expect(api.callsTo('changes:edit')).toEqual([
      { profileId: 'dev', orgId: 'default', jobId: 'j1', timeExpression: NEW },
      { profileId: 'dev', orgId: 'default', jobId: 'j1', timeExpression: NEW, allowTooFrequent: true },
    ]);
  });

  it('a success gives the dialog the done view and no error', async () => {
    api.handle('changes:edit', () => editDone);
    expect(await edit()).toEqual({ view: { tone: 'done', text: 'Changed.', newJobId: 'j9' }, error: null });
  });

  it('sent with no dialog open, a success leaves the selection where it is', async () => {
    api.handle('changes:edit', () => editDone);
    await edit();
    expect(store.getState().selectedKey).toBe('dev:j1');
    expect(toasts()).toEqual(['success: Changed.']);
  });

  it('its answer lost after Escape: “may have been changed”, check before changing again; the dialog’s text says may too', async () => {
    answerAfterEscape('changes:edit', err('outcome-unknown', 'The connection closed after the request was sent.'));
    const sent = await edit();
    expect(toasts()).toEqual([
      `warning: Job j1 in Demo dev (org default) may have been changed to “${NEW}”: The connection closed after the request was sent. Refresh and check the list before changing it again.`,
    ]);
    // The dialog shows it in the unknown tone, with Change schedule off (settled), never as an error.
    expect(sent.error).toBeNull();
    expect(sent.view).toEqual({
      tone: 'unknown',
      text: 'It may have been changed: The connection closed after the request was sent. Refresh and check the list before changing it again.',
    });
  });

  it('only halfway, the old job’s delete lost its answer: it may or may not be deleted, never “failed”', async () => {
    answerAfterEscape('changes:edit', halfway([step('create', 'ok', 'j9'), step('delete', 'unknown', 'j1', 'socket hang up')]));
    await edit();
    expect(toasts()).toEqual([
      `warning: Job j1 in Demo dev (org default) was changed only halfway: the new job j9 runs “${NEW}”, but the delete of the old job j1 lost its answer, so it may or may not be deleted (socket hang up). Until it is deleted both run: refresh, and delete job j1 if it is still listed.`,
    ]);
  });

  it('only halfway, the delete failed without a reason: “failed”, with no empty brackets', async () => {
    answerAfterEscape('changes:edit', halfway([step('create', 'ok', 'j9'), step('delete', 'failed', 'j1')]));
    await edit();
    expect(toasts()[0]).toContain('but the delete of the old job j1 failed. Until it is deleted both run');
  });

  it('only halfway, an answer that lists no delete step: told as failed, both run', async () => {
    answerAfterEscape('changes:edit', halfway([step('create', 'ok', 'j9')]));
    await edit();
    expect(toasts()[0]).toContain('but the delete of the old job j1 failed. Until it is deleted both run');
  });
});

describe('the retried delete of the old job', () => {
  it('refused before it was sent, after Escape: not sent again, both still run; the dialog says so, in one sentence', async () => {
    answerAfterEscape('changes:retry-delete', err('profile-mismatch', 'The org typed does not match.'));
    expect(await retryDelete()).toBe('The delete was not sent again: The org typed does not match. Both schedules still run.');
    expect(toasts()).toEqual([
      'warning: The delete of the old job j1 in Demo dev (org default) was not sent again: The org typed does not match. Both schedules still run: refresh, then delete job j1 if it is still listed.',
    ]);
  });

  it('its answer lost after Escape: the old job may have been deleted, refresh and check', async () => {
    answerAfterEscape('changes:retry-delete', ok(step('delete', 'unknown', 'j1', 'The connection closed.')));
    expect(await retryDelete()).toBe('The delete of the old job did not complete again: The connection closed. Both schedules still run.');
    expect(toasts()).toEqual([
      'warning: The old job j1 in Demo dev (org default) may have been deleted: the answer was lost (The connection closed). Refresh and check: if it is still listed, both schedules run; delete it.',
    ]);
  });

  it('failed again without a reason: said by its outcome', async () => {
    answerAfterEscape('changes:retry-delete', ok(step('delete', 'failed', 'j1')));
    expect(await retryDelete()).toBe('The delete of the old job did not complete again: failed. Both schedules still run.');
    expect(toasts()[0]).toMatch(/^warning: The old job j1 in Demo dev \(org default\) was not deleted again: failed\. Both schedules still run/);
  });

  it('done: the profile and its same-org copy are listed again, not another org', async () => {
    api.handle('changes:retry-delete', () => ok(step('delete', 'ok', 'j1')));
    expect(await refreshedBy(retryDelete)).toEqual(['copy', 'dev']);
  });
});

describe('pause', () => {
  it('sends the job with its profile’s org, then lists the org again', async () => {
    api.handle('changes:pause', () => ok({ status: 'paused' as const, changeId: 'c1', paused: pausedEntry, message: 'Paused.' }));
    expect(await refreshedBy(pause)).toEqual(['copy', 'dev']);
    expect(api.callsTo('changes:pause')).toEqual([{ profileId: 'dev', orgId: 'default', jobId: 'j1' }]);
  });

  it('refused with a reason that does not say it still runs: the notice adds that it does', async () => {
    answerAfterEscape('changes:pause', err('offline', 'Not paused: the server could not be reached.'));
    expect(await pause()).toEqual({ tone: 'error', text: 'Not paused: the server could not be reached.' });
    expect(toasts()).toEqual([`warning: “${OLD}” was not paused in Demo dev (org default): the server could not be reached. It still runs.`]);
  });

  it('main’s “Not paused:” is dropped only where it leads the reason', async () => {
    answerAfterEscape('changes:pause', err('server', 'The server answered “Not paused: locked”. The schedule still runs.'));
    await pause();
    expect(toasts()).toEqual([
      `warning: “${OLD}” was not paused in Demo dev (org default): The server answered “Not paused: locked”. The schedule still runs.`,
    ]);
  });
});

describe('resume and reactivate', () => {
  it('a resume refused after Escape: “was not resumed”, where, in main’s words', async () => {
    const outcome = await recreate('resume', failAfterEscape('server', 'Not resumed: the scheduler is read-only (it stays paused).'));
    expect(outcome).toEqual({ tone: 'error', text: 'Resume: Not resumed: the scheduler is read-only (it stays paused).' });
    expect(toasts()).toEqual([`warning: “${OLD}” was not resumed in Demo dev (org default): the scheduler is read-only (it stays paused).`]);
  });

  it('a resume main says may have been created: “may have been resumed”, and resume may be sent again', async () => {
    const message = 'Not resumed: engine busy (its answer was lost, so it may have been created; resume again: it checks the server first).';
    const outcome = await recreate('resume', failAfterEscape('server', message));
    expect(toasts()).toEqual([
      `warning: “${OLD}” may have been resumed in Demo dev (org default): engine busy (its answer was lost, so it may have been created; resume again: it checks the server first). Refresh and check the list before you resume it again (resume checks the server first).`,
    ]);
    // The dialog lets it be resumed again (resume checks first), in main's words.
    expect(outcome).toEqual({ tone: 'error', text: `Resume: ${message}` });
  });

  it('a resume whose answer was lost: may have been resumed, and the dialog lets it be sent again', async () => {
    const outcome = await recreate('resume', failAfterEscape('outcome-unknown', 'The connection closed.'));
    expect(toasts()[0]).toMatch(/^warning: “0 0 4 \? \* \* \*” may have been resumed in Demo dev \(org default\): The connection closed\. /);
    expect(outcome).toEqual({ tone: 'error', text: 'Resume: The connection closed.' });
  });

  it('a reactivate refused after Escape: “was not reactivated”; the dialog says why', async () => {
    const outcome = await recreate('reactivate', failAfterEscape('server', 'Not reactivated: job j1 is active already.'));
    expect(toasts()).toEqual([`warning: “${OLD}” was not reactivated in Demo dev (org default): job j1 is active already.`]);
    expect(outcome).toEqual({ tone: 'error', text: 'Reactivate: Not reactivated: job j1 is active already.' });
  });

  it('a reactivate whose answer was lost: the dialog says it may have been reactivated and may run twice', async () => {
    const outcome = await recreate('reactivate', thrown('outcome-unknown', 'The connection closed.'));
    expect(outcome).toEqual({
      tone: 'unknown',
      text: 'It may have been reactivated: The connection closed. Refresh and check the list before reactivating it again, or it may run twice.',
    });
  });

  it('a success lists the org again; a warning beside it stays as a warning, otherwise a confirmation', async () => {
    const refreshed = await refreshedBy(() => recreate('resume', async () => ({ message: 'Resumed as job j7.', jobId: 'j7' })));
    expect(refreshed).toEqual(['copy', 'dev']);
    await recreate('reactivate', async () => ({ message: 'Reactivated as job j8. Audit not written.', jobId: 'j8', warning: 'Audit not written.' }));
    expect(toasts()).toEqual(['success: Resumed as job j7.', 'warning: Reactivated as job j8. Audit not written.']);
  });
});
