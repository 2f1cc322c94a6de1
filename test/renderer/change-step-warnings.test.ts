// A change step the server did whose local record failed: the dialogs' step list (StepList draws
// stepText) says the warning, and a change that succeeded leaves it as a warning that stays (even when
// its dialog closes on success).
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeStep } from '@shared/ipc/channels/changes';
import type { ProfileView } from '@shared/domain';
import { sendApply, sendBulkDelete, sendCopy, sendEdit, sendPause, sendRetryDelete } from '@renderer/changes/change-writes';
import { stepSummary, stepText } from '@renderer/changes/step-text';
import { changeStore, created, NEW } from './support/change-writes-fixtures';
import { ok, profile, type FakeApi } from './support/fake-api';
import type { AppStore } from './support/fake-store';

let api: FakeApi;
let store: AppStore;
let dev: ProfileView;

const AUDIT = 'Created on the server, but the local audit record could not be written: EISDIR.';
const GONE = 'Deleted on the server, but the local audit record could not be written: EISDIR.';
const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);
const step = (action: ChangeStep['action'], jobId: string, warning?: string): ChangeStep => ({
  action,
  profileId: 'dev',
  jobId,
  timeExpression: action === 'create' ? NEW : null,
  outcome: 'ok',
  error: null,
  ...(warning ? { warning } : {}),
});

beforeEach(async () => {
  dev = profile('dev', { name: 'Demo dev', orgId: 'default' });
  ({ api, store } = await changeStore({ profiles: [dev], jobs: [['j1', '0 0 4 ? * * *']] }));
});

describe('a step with a warning, in words', () => {
  it('says it after the outcome; a step without one is said as before', () => {
    expect(stepText(step('create', 'j9', AUDIT))).toBe(`Create “${NEW}” as job j9 — done. Warning: ${AUDIT}`);
    expect(stepText(step('create', 'j9'))).toBe(`Create “${NEW}” as job j9 — done`);
  });
});

describe('a step in words', () => {
  const bare = (patch: Partial<ChangeStep>): ChangeStep => ({ ...step('delete', 'j1'), ...patch });

  it('a create names its expression and the job it became, or only the expression before it has one', () => {
    expect(stepText(bare({ action: 'create', jobId: null, timeExpression: NEW, outcome: 'not-run' }))).toBe(
      `Create “${NEW}” — not sent (an earlier step stopped the change)`,
    );
    expect(stepText(bare({ action: 'create', jobId: null, timeExpression: null, outcome: 'not-run' }))).toBe(
      'Create “” — not sent (an earlier step stopped the change)',
    );
  });

  it('a delete names its job and the expression it ran, or what it knows of them', () => {
    expect(stepText(bare({ timeExpression: '0 0 4 ? * * *' }))).toBe('Delete job j1 (“0 0 4 ? * * *”) — done');
    expect(stepText(bare({}))).toBe('Delete job j1 — done');
    expect(stepText(bare({ jobId: null }))).toBe('Delete job ? — done');
  });

  it('a lost answer is said as unknown with its reason, never as failed', () => {
    const lost = stepText(bare({ outcome: 'unknown', error: { kind: 'outcome-unknown', message: 'socket hang up' } }));
    expect(lost).toBe('Delete job j1 — outcome unknown (the answer was lost; refresh to see): socket hang up');
    expect(stepText(bare({ outcome: 'failed', error: { kind: 'server', message: 'engine busy' } }))).toBe('Delete job j1 — failed: engine busy');
  });

  it('a done step carries no error text, even when one came with it', () => {
    expect(stepText(bare({ error: { kind: 'server', message: 'retried once' } }))).toBe('Delete job j1 — done');
  });

  it('a summary counts each outcome it has, and says when nothing was sent', () => {
    const steps = [bare({}), bare({ outcome: 'failed' }), bare({ outcome: 'unknown' }), bare({ outcome: 'unknown' }), bare({ outcome: 'not-run' })];
    expect(stepSummary(steps)).toBe('1 done, 1 failed, 2 unknown, 1 not sent');
    expect(stepSummary([])).toBe('nothing sent');
  });
});

describe('a change that succeeded with a step warning', () => {
  it('edit: its message (which says the warning) stays as a warning after the dialog closed', async () => {
    store.getState().openDialog({ kind: 'edit', key: 'dev:j1' });
    const message = `Changed: job j9 runs "${NEW}"; the old job j1 was deleted. Warning: ${AUDIT}`;
    api.handle('changes:edit', () =>
      ok({ status: 'done' as const, changeId: 'c1', created, deletedJobId: 'j1', steps: [step('create', 'j9', AUDIT), step('delete', 'j1')], message }),
    );
    await sendEdit(store, { profile: dev, jobId: 'j1', expression: NEW, allowTooFrequent: false, onSteps: () => undefined });
    expect(store.getState().dialog).toBeNull();
    expect(toasts()).toEqual([`warning: ${message}`]);
  });

  it('retried delete and bulk delete: confirmed, and the warning told beside it', async () => {
    api.handle('changes:retry-delete', () => ok(step('delete', 'j1', GONE)));
    const retry = { channel: 'changes:retry-delete' as const, request: { profileId: 'dev', orgId: 'default', jobId: 'j1', changeId: 'c1' } };
    await sendRetryDelete(store, { profile: dev, retry, newJobId: 'j9', expression: NEW, onStep: () => undefined });
    api.handle('changes:bulk-delete', () => ok({ changeId: 'c2', steps: [step('delete', 'j1', GONE), step('delete', 'j2', GONE)], deleted: 2, failed: 0 }));
    store.getState().openDialog({ kind: 'bulk-delete', keys: ['dev:j1', 'dev:j2'] });
    expect(await sendBulkDelete(store, [{ profile: dev, keys: ['dev:j1', 'dev:j2'], jobIds: ['j1', 'j2'] }])).toBeNull();
    expect(store.getState().dialog).toBeNull();
    const told = `warning: The change was made on the server, but the app’s local record of it failed: ${GONE}`;
    expect(toasts()).toEqual([`success: Changed: the old job j1 is deleted now; job j9 runs “${NEW}”.`, told, 'success: Deleted 2 schedules.', told]);
  });

  it('copy and apply: the warning is told; pause: its warning message stays', async () => {
    api.handle('changes:copy', () =>
      ok({
        changeId: 'c1',
        targets: [{ profileId: 'dev', name: 'Demo dev', status: 'done' as const, steps: [step('create', 'j9', AUDIT)], message: 'Done.' }],
      }),
    );
    await sendCopy(store, {
      source: dev,
      jobIds: ['j1'],
      targets: [{ profileId: 'dev', orgId: 'default' }],
      allowTooFrequent: false,
      onResult: () => undefined,
    });
    api.handle('changes:apply', () =>
      ok({ status: 'done' as const, changeId: 'c2', steps: [step('create', 'j9', AUDIT)], message: `Done: 1 step succeeded. Warning: ${AUDIT}` }),
    );
    await sendApply(store, { profile: dev, source: { kind: 'document', json: '{}' }, planId: 'p1', orgId: 'default', allowTooFrequent: false });
    const paused = {
      id: 'p1',
      profileId: 'dev',
      orgId: 'default',
      jobId: 'j1',
      timeExpression: '0 0 4 ? * * *',
      serverTimeZone: 'UTC',
      pausedAt: '2026-11-27T08:00:00.000Z',
      state: 'paused' as const,
    };
    api.handle('changes:pause', () => ok({ status: 'paused' as const, changeId: 'c3', paused, message: `Paused. ${GONE}`, warning: GONE }));
    await sendPause(store, { profile: dev, jobId: 'j1', expression: '0 0 4 ? * * *' });
    expect(toasts()).toEqual([
      'success: Copied to 1 profile.',
      `warning: The change was made on the server, but the app’s local record of it failed: ${AUDIT}`,
      `warning: Demo dev: Done: 1 step succeeded. Warning: ${AUDIT}`,
      `warning: Paused. ${GONE}`,
    ]);
  });
});
