// The writes of a change to many schedules or profiles (bulk delete, copy, schedules as code), told as a
// user reads them: what happened in each profile (its name and org) and what to do; an answer that was
// lost is told as "may have been …", never as a failure; each write lists the profiles it touched again.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplyResult, BulkDeleteResult, ChangeStep, CopyResult, CopyTargetResult, SchedulePlan } from '@shared/ipc/channels/changes';
import type { ProfileView } from '@shared/domain';
import type { Result } from '@shared/ipc';
import { sendApply, sendBulkDelete, sendCopy } from '@renderer/changes/change-writes';
import { changeStore, listsRefreshedBy } from './support/change-writes-fixtures';
import { err, ok, profile, type FakeApi } from './support/fake-api';
import type { AppStore } from './support/fake-store';

let api: FakeApi;
let store: AppStore;
let dev: ProfileView;
let prod: ProfileView;
let qa: ProfileView;

const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);
const step = (outcome: ChangeStep['outcome'], jobId: string, patch: Partial<ChangeStep> = {}): ChangeStep => ({
  action: 'delete',
  profileId: 'dev',
  jobId,
  timeExpression: null,
  outcome,
  error: null,
  ...patch,
});
const deleted = (steps: ChangeStep[]): Result<BulkDeleteResult> =>
  ok({ changeId: 'c1', steps, deleted: steps.filter((s) => s.outcome === 'ok').length, failed: steps.filter((s) => s.outcome === 'failed').length });
const bulk = (...groups: [ProfileView, string[]][]) =>
  sendBulkDelete(
    store,
    groups.map(([p, jobIds]) => ({ profile: p, keys: jobIds.map((j) => `${p.id}:${j}`), jobIds })),
  );
const target = (p: ProfileView, status: 'done' | 'stopped' | 'nothing-to-do', steps: ChangeStep[] = [], message = 'Done.'): CopyTargetResult => ({
  profileId: p.id,
  name: p.name,
  status,
  steps,
  message,
});
const copyTo = (targets: { profileId: string; orgId: string }[], allowTooFrequent = false) =>
  sendCopy(store, { source: dev, jobIds: ['j1'], targets, allowTooFrequent, onResult: () => undefined });
const toProdAndQa = [
  { profileId: 'prod', orgId: 'sales-analytics' },
  { profileId: 'qa', orgId: 'qa' },
];
const apply = (allowTooFrequent = false) =>
  sendApply(store, { profile: dev, source: { kind: 'document', json: '{}' }, planId: 'p1', orgId: 'default', allowTooFrequent });

/** The write's dialog is open when it is sent, and Escape closes it before the answer comes. */
function escapeWhileSent() {
  store.getState().openDialog({ kind: 'copy', keys: ['dev:j1'] });
  return <T>(answer: T): T => {
    store.getState().closeDialog();
    return answer;
  };
}
/** The profiles whose lists `send` fetched again. */
const refreshedBy = (send: () => Promise<unknown>) => listsRefreshedBy(api, send);

beforeEach(async () => {
  dev = profile('dev', { name: 'Demo dev', orgId: 'default' });
  prod = profile('prod', { name: 'Demo prod', orgId: 'sales-analytics', environment: { kind: 'production', label: 'Production', color: '#c00' } });
  qa = profile('qa', { name: 'Demo QA', orgId: 'qa' });
  const jobs: [string, string][] = [
    ['j1', '0 0 4 ? * * *'],
    ['j2', '0 0 2 L * ?'],
  ];
  ({ api, store } = await changeStore({ profiles: [dev, prod, qa], jobs, selectedKey: 'dev:j1' }));
});

describe('bulk delete', () => {
  it('one schedule deleted with its dialog open: “Deleted 1 schedule.”, the dialog closes, the deleted row is no longer selected', async () => {
    store.getState().openDialog({ kind: 'bulk-delete', keys: ['dev:j1'] });
    api.handle('changes:bulk-delete', () => deleted([step('ok', 'j1')]));
    expect(await bulk([dev, ['j1']])).toBeNull();
    expect(toasts()).toEqual(['success: Deleted 1 schedule.']);
    expect(store.getState().dialog).toBeNull();
    expect(store.getState().selectedKey).toBeNull();
  });

  it('sends each profile its own jobs and org, then lists every profile it touched again', async () => {
    api.handle('changes:bulk-delete', (r) => deleted(r.jobIds.map((j) => step('ok', j))));
    expect(await refreshedBy(() => bulk([dev, ['j1', 'j2']], [prod, ['j1']]))).toEqual(['dev', 'prod']);
    expect(api.callsTo('changes:bulk-delete')).toEqual([
      { profileId: 'dev', orgId: 'default', jobIds: ['j1', 'j2'] },
      { profileId: 'prod', orgId: 'sales-analytics', jobIds: ['j1'] },
    ]);
  });

  it('two different local-record warnings are told together, each in its own words', async () => {
    api.handle('changes:bulk-delete', () => deleted([step('ok', 'j1', { warning: 'Audit not written.' }), step('ok', 'j2', { warning: 'List not saved.' })]));
    await bulk([dev, ['j1', 'j2']]);
    expect(toasts()).toEqual([
      'success: Deleted 2 schedules.',
      'warning: The change was made on the server, but the app’s local record of it failed: Audit not written. List not saved.',
    ]);
  });

  it('the first profile refused, the second all deleted: only the refused one is named, nothing lost', async () => {
    const answer = escapeWhileSent();
    api.handle('changes:bulk-delete', (r) =>
      answer(r.profileId === 'dev' ? err('profile-mismatch', 'The org typed does not match.') : deleted([step('ok', 'j1')])),
    );
    const out = await bulk([dev, ['j1', 'j2']], [prod, ['j1']]);
    expect(out?.map((g) => [g.profileId, g.error])).toEqual([
      ['dev', 'Nothing was deleted: The org typed does not match.'],
      ['prod', null],
    ]);
    expect(toasts()).toEqual([
      'warning: The delete of 3 schedules did not complete everywhere: Demo dev (org default): nothing was deleted (The org typed does not match). Refresh to see what is left.',
    ]);
  });

  it('one delete whose answer was lost, none failed: not told as deleted, it may or may not be', async () => {
    const answer = escapeWhileSent();
    api.handle('changes:bulk-delete', () =>
      answer(deleted([step('ok', 'j1'), step('unknown', 'j2', { error: { kind: 'outcome-unknown', message: 'socket hang up' } })])),
    );
    expect(await bulk([dev, ['j1', 'j2']])).not.toBeNull();
    expect(toasts()).toEqual([
      'warning: The delete of 2 schedules did not complete everywhere: Demo dev (org default): 1 done, 1 unknown. Some answers were lost, so those may or may not be deleted: refresh and check the list before deleting again.',
    ]);
  });

  it('the one schedule’s delete failed: “1 schedule”, refresh to see what is left', async () => {
    const answer = escapeWhileSent();
    api.handle('changes:bulk-delete', () => answer(deleted([step('failed', 'j1', { error: { kind: 'server', message: 'engine busy' } })])));
    await bulk([dev, ['j1']]);
    expect(toasts()).toEqual(['warning: The delete of 1 schedule did not complete everywhere: Demo dev (org default): 1 failed. Refresh to see what is left.']);
  });
});

describe('copy', () => {
  it('sends the source, the jobs and each target’s org; the too-frequent override only when allowed', async () => {
    api.handle('changes:copy', () => ok({ changeId: 'c1', targets: [target(prod, 'done')] }));
    await copyTo([{ profileId: 'prod', orgId: 'sales-analytics' }]);
    await copyTo([{ profileId: 'prod', orgId: 'sales-analytics' }], true);
    expect(api.callsTo('changes:copy')).toEqual([
      { sourceProfileId: 'dev', jobIds: ['j1'], targets: [{ profileId: 'prod', orgId: 'sales-analytics' }] },
      { sourceProfileId: 'dev', jobIds: ['j1'], targets: [{ profileId: 'prod', orgId: 'sales-analytics' }], allowTooFrequent: true },
    ]);
  });

  it('lists the targets again, not the source', async () => {
    api.handle('changes:copy', () => ok({ changeId: 'c1', targets: [target(prod, 'done'), target(qa, 'done')] }));
    expect(await refreshedBy(() => copyTo(toProdAndQa))).toEqual(['prod', 'qa']);
  });

  it('one target done and one with nothing to do: “Copied to 2 profiles.”', async () => {
    api.handle('changes:copy', () => ok({ changeId: 'c1', targets: [target(prod, 'done'), target(qa, 'nothing-to-do')] }));
    expect(await copyTo(toProdAndQa)).toBeNull();
    expect(toasts()).toEqual(['success: Copied to 2 profiles.']);
  });

  it('one target refused and one stopped at a failed step, after Escape: each named with why; copy again where it did not reach', async () => {
    const answer = escapeWhileSent();
    const result: CopyResult = {
      changeId: 'c1',
      targets: [
        { profileId: 'prod', name: 'Demo prod', status: 'refused', steps: [], error: { kind: 'profile-mismatch', message: 'The org typed does not match.' } },
        target(qa, 'stopped', [step('ok', 'q1'), step('failed', 'q2')], 'Stopped after 1 of 2 steps.'),
      ],
    };
    api.handle('changes:copy', () => answer(ok(result)));
    await copyTo(toProdAndQa);
    expect(toasts()).toEqual([
      'warning: The copy from Demo dev (org default) did not finish everywhere: Demo prod (org sales-analytics): refused (The org typed does not match); Demo QA (org qa): Stopped after 1 of 2 steps. Refresh, then copy again to the profiles it did not reach.',
    ]);
  });

  it('a lost answer in one of two stopped targets: said as lost, a schedule may exist twice', async () => {
    const answer = escapeWhileSent();
    const result: CopyResult = {
      changeId: 'c1',
      targets: [
        target(prod, 'stopped', [step('failed', 'p1')], 'Stopped after 0 of 1 steps.'),
        target(qa, 'stopped', [step('ok', 'q1'), step('unknown', 'q2')], 'Stopped after 1 of 2 steps.'),
      ],
    };
    api.handle('changes:copy', () => answer(ok(result)));
    await copyTo(toProdAndQa);
    expect(toasts()).toEqual([
      'warning: The copy from Demo dev (org default) did not finish everywhere: Demo prod (org sales-analytics): Stopped after 0 of 1 steps; Demo QA (org qa): Stopped after 1 of 2 steps. Some answers were lost: refresh and check those profiles before copying again, or a schedule may exist twice there.',
    ]);
  });

  it('its answer lost after Escape: may have created schedules in each target, named; the dialog says may too', async () => {
    const answer = escapeWhileSent();
    api.handle('changes:copy', () => answer(err('outcome-unknown', 'The connection closed.')));
    const error = await copyTo(toProdAndQa);
    expect(toasts()).toEqual([
      'warning: The copy from Demo dev (org default) may have created schedules in Demo prod (org sales-analytics), Demo QA (org qa): The connection closed. Refresh and check those profiles before copying again.',
    ]);
    // The dialog shows it in the unknown tone and offers no second copy.
    expect(error).toEqual({
      tone: 'unknown',
      text: 'Schedules may have been copied: The connection closed. Refresh and check those profiles before copying again.',
    });
  });

  it('refused before anything was sent: nothing copied, to each target named (a removed profile by its id)', async () => {
    const answer = escapeWhileSent();
    api.handle('changes:copy', () => answer(err('offline', 'The server could not be reached.')));
    expect(await copyTo([...toProdAndQa, { profileId: 'gone', orgId: 'x' }])).toEqual({
      tone: 'error',
      text: 'Nothing was copied: The server could not be reached.',
    });
    expect(toasts()).toEqual([
      'warning: Nothing was copied from Demo dev (org default) to Demo prod (org sales-analytics), Demo QA (org qa), gone: The server could not be reached.',
    ]);
  });
});

describe('schedules as code: apply', () => {
  const done: ApplyResult = { status: 'done', changeId: 'c1', steps: [step('ok', 'j1')], message: 'Done: 1 step succeeded.' };

  it('sends the source, the plan and the org typed; the too-frequent override only when allowed', async () => {
    api.handle('changes:apply', () => ok(done));
    await apply();
    await apply(true);
    const sent = { source: { kind: 'document', json: '{}' }, targetProfileId: 'dev', planId: 'p1', orgId: 'default' };
    expect(api.callsTo('changes:apply')).toEqual([sent, { ...sent, allowTooFrequent: true }]);
  });

  it('done: a confirmation naming the profile, the result for the dialog, and the profile listed again', async () => {
    api.handle('changes:apply', () => ok(done));
    let sent;
    expect(await refreshedBy(async () => (sent = await apply()))).toEqual(['dev']);
    expect(sent).toEqual({ result: done, error: null });
    expect(toasts()).toEqual(['success: Demo dev: Done: 1 step succeeded.']);
  });

  it('the plan outran: the new plan goes back to the dialog, nothing else is said while it is open', async () => {
    const changed: ApplyResult = { status: 'changed', message: 'The target changed.', plan: {} as SchedulePlan };
    store.getState().openDialog({ kind: 'schedules-code', profileId: 'dev' });
    api.handle('changes:apply', () => ok(changed));
    expect(await apply()).toEqual({ result: changed, error: null });
    expect(toasts()).toEqual([]);
  });

  it('stopped with a lost answer, after Escape: where it stopped, and check before applying again', async () => {
    const answer = escapeWhileSent();
    api.handle('changes:apply', () =>
      answer(ok({ status: 'stopped' as const, changeId: 'c1', steps: [step('ok', 'j1'), step('unknown', 'j2')], message: 'Stopped after 1 of 2 steps.' })),
    );
    await apply();
    expect(toasts()).toEqual([
      'warning: Applying the plan to Demo dev (org default) stopped: Stopped after 1 of 2 steps. Some answers were lost: refresh and check the list before applying again.',
    ]);
  });

  it('refused before anything was sent, after Escape: nothing was applied there; the dialog says so', async () => {
    const answer = escapeWhileSent();
    api.handle('changes:apply', () => answer(err('profile-mismatch', 'The org typed does not match.')));
    expect(await apply()).toEqual({ result: null, error: { tone: 'error', text: 'Nothing was applied: The org typed does not match.' } });
    expect(toasts()).toEqual(['warning: Nothing was applied to Demo dev (org default): The org typed does not match.']);
  });

  it('its answer lost after Escape: it may have been applied in part; the dialog says may too', async () => {
    const answer = escapeWhileSent();
    api.handle('changes:apply', () => answer(err('outcome-unknown', 'The connection closed.')));
    const sent = await apply();
    expect(toasts()).toEqual([
      'warning: The plan may have been applied in part to Demo dev (org default): The connection closed. Refresh, then plan again to see where it stands.',
    ]);
    expect(sent.result).toBeNull();
    expect(sent.error).toEqual({
      tone: 'unknown',
      text: 'The plan may have been applied in part: The connection closed. Refresh, then plan again to see where it stands.',
    });
  });
});
