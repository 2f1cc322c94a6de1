// Changing, reactivating and bulk-deleting schedules against the simulator, faults included.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { DEACTIVATED, DAILY, activeExpressions, withLostAnswer, world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

describe('changing a schedule', () => {
  it('creates the new expression, then deletes the old one, audited as one change of two steps', async () => {
    w = await world(server);
    const result = await call(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 5 ? * *' });
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    expect(result.steps.map((s) => [s.action, s.outcome])).toEqual([
      ['create', 'ok'],
      ['delete', 'ok'],
    ]);
    const active = server.jobs('default', true);
    expect(active.map((j) => j.jobId)).toContain(result.created.jobId);
    expect(active.map((j) => j.jobId)).not.toContain(DAILY);
    expect(
      server
        .requests()
        .filter((r) => r.endpoint === 'create' || r.endpoint === 'delete')
        .map((r) => r.endpoint),
    ).toEqual(['create', 'delete']);

    const audit = await call(w.core, 'audit:list', { profileId: w.dev.id });
    expect(audit.map((a) => [a.action, a.outcome, a.change, a.changeId])).toEqual([
      ['delete', 'ok', 'edit', result.changeId],
      ['create', 'ok', 'edit', result.changeId],
    ]);
  });

  it('keeps both when the delete fails, says so, and the retry deletes the old one under the same change', async () => {
    w = await world(server);
    const fault = server.inject({ orgId: 'default', endpoint: 'delete', action: { type: 'status', status: 500, message: 'scheduler busy' } });
    const result = await call(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 5 ? * *' });
    expect(result.status).toBe('both-exist');
    if (result.status !== 'both-exist') return;
    expect(result.message).toContain('both run');
    expect(result.steps.map((s) => [s.action, s.outcome])).toEqual([
      ['create', 'ok'],
      ['delete', 'failed'],
    ]);
    expect(server.jobs('default', true).map((j) => j.jobId)).toEqual(expect.arrayContaining([DAILY, result.created.jobId]));
    expect(result.retry).toEqual({
      channel: 'changes:retry-delete',
      request: { profileId: w.dev.id, orgId: 'default', jobId: DAILY, changeId: result.changeId },
    });

    server.removeFault(fault);
    const step = await call(w.core, result.retry.channel, result.retry.request);
    expect(step.outcome).toBe('ok');
    expect(server.jobs('default', true).map((j) => j.jobId)).not.toContain(DAILY);
    const audit = await call(w.core, 'audit:list', { profileId: w.dev.id });
    expect(audit.map((a) => [a.action, a.outcome, a.changeId])).toEqual([
      ['delete', 'ok', result.changeId],
      ['delete', 'failed', result.changeId],
      ['create', 'ok', result.changeId],
    ]);
  });

  it('leaves the old schedule alone when the create fails', async () => {
    w = await world(server);
    server.inject({ orgId: 'default', endpoint: 'create', action: { type: 'status', status: 503 } });
    const result = await call(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 5 ? * *' });
    expect(result.status).toBe('not-changed');
    expect(result.steps.map((s) => [s.action, s.outcome])).toEqual([
      ['create', 'failed'],
      ['delete', 'not-run'],
    ]);
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(DAILY);
    expect(writes(server)).toEqual(['create default']);
  });

  it("refuses an expression the linter rejects, a confirmed org that is not the profile's, and a no-op change, sending nothing", async () => {
    w = await world(server);
    server.clearRequests();
    const never = await callFails(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 4 30 2 ?' });
    expect(never.kind).toBe('invalid-input');
    expect(never.message).toContain('was not sent');
    const frequent = await callFails(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '* * * ? * *' });
    expect(frequent.message).toMatch(/allow too-frequent/);
    const mismatch = await callFails(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'sales-analytics', jobId: DAILY, timeExpression: '0 0 5 ? * *' });
    expect(mismatch.kind).toBe('profile-mismatch');
    const same = await callFails(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 4 * * ?' });
    expect(same.message).toContain('same times');
    expect(writes(server)).toEqual([]);
    expect(activeExpressions(server, 'default')).toContain('0 0 4 ? * * *');
  });

  it("says the new schedule may exist when the create's answer was lost, and leaves the old one", async () => {
    w = await world(server);
    const result = await withLostAnswer(server, 'default', 'create', () =>
      call(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 5 ? * *' }),
    );
    expect(result.status).toBe('not-changed');
    expect(result.steps.map((s) => s.outcome)).toEqual(['unknown', 'not-run']);
    expect(result.message).toContain('may have been created');
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(DAILY);
  });

  it('lint explains look-alike characters and duplicates of the org before anything is written', async () => {
    w = await world(server);
    const [dash, twin] = await call(w.core, 'changes:lint', { profileId: w.dev.id, expressions: ['0 0 4 ? * MON\u2013FRI', '0 0 4 * * ?'] });
    expect(dash?.verdicts.map((v) => v.code)).toContain('lookalike-character');
    expect(twin?.verdicts.map((v) => [v.code, v.severity])).toContainEqual(['duplicate', 'error']);
    expect(twin?.blocked).toBe(true);
    // The schedule being edited is not its own duplicate.
    const [self] = await call(w.core, 'changes:lint', { profileId: w.dev.id, expressions: ['0 0 4 * * ?'], ignoreJobId: DAILY });
    expect(self?.verdicts.map((v) => v.code)).not.toContain('duplicate');
    expect(writes(server)).toEqual([]);
  });

  it('lets an explicit override through for a too-frequent schedule outside production', async () => {
    w = await world(server);
    const result = await call(w.core, 'changes:edit', {
      profileId: w.dev.id,
      orgId: 'default',
      jobId: DAILY,
      timeExpression: '0 * * ? * *',
      allowTooFrequent: true,
    });
    expect(result.status).toBe('done');
    expect(activeExpressions(server, 'default')).toContain('0 * * ? * *');
  });
});

describe('reactivating and bulk deleting', () => {
  it('reactivates a deactivated schedule as a new job and leaves the deactivated entry as history', async () => {
    w = await world(server);
    const result = await call(w.core, 'changes:reactivate', { profileId: w.dev.id, orgId: 'default', jobId: DEACTIVATED });
    expect(result.previousJobId).toBe(DEACTIVATED);
    expect(result.message).toContain('stays in the server');
    expect(server.jobs('default', true).find((j) => j.jobId === result.created.jobId)?.timeExpression).toBe('0 0 0/6 ? * *');
    expect(server.jobs('default', false).map((j) => j.jobId)).toContain(DEACTIVATED);
    const again = await callFails(w.core, 'changes:reactivate', { profileId: w.dev.id, orgId: 'default', jobId: DAILY });
    expect(again.message).toContain('active already');
    const audit = await call(w.core, 'audit:list', { profileId: w.dev.id });
    expect(audit[0]).toMatchObject({ action: 'create', change: 'reactivate', changeId: result.changeId });
  });

  it('deletes many behind one confirmation and answers per job', async () => {
    w = await world(server);
    const ids = ['9b2d7c1e-4f3a-4e8b-9c6d-2a1b0f9e8d7c', '00000000-0000-4000-8000-000000000000', 'c5e8a1b2-7d4f-4a3e-8b9c-1d2e3f4a5b6c'];
    const result = await call(w.core, 'changes:bulk-delete', { profileId: w.dev.id, orgId: 'default', jobIds: ids });
    expect(result.steps.map((s) => [s.jobId, s.outcome])).toEqual([
      [ids[0], 'ok'],
      [ids[1], 'failed'],
      [ids[2], 'ok'],
    ]);
    expect(result).toMatchObject({ deleted: 2, failed: 1 });
    expect(result.steps[1]?.error?.kind).toBe('not-found');
    expect(server.jobs('default', true).map((j) => j.jobId)).toEqual([DAILY]);
    const audit = await call(w.core, 'audit:list', { profileId: w.dev.id });
    expect(new Set(audit.map((a) => a.changeId))).toEqual(new Set([result.changeId]));
    expect((await callFails(w.core, 'changes:bulk-delete', { profileId: w.dev.id, orgId: 'finance-prod', jobIds: [DAILY] })).kind).toBe('profile-mismatch');
  });
});
