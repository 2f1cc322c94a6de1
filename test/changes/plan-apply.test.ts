// Schedules as code against the simulator: export (its text, paused schedules of the profile's org only,
// from the last saved list when the server is down), plan (document or profile), apply exactly the plan,
// re-plan when the target changed in between, stop at the first failure, audit every step.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { SUNDAY, activeExpressions, world, writes, type World, useSimulator, listFromSnapshot } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

const doc = (schedules: { expression: string; label?: string }[]): string => JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules });

describe('an exported schedules document', () => {
  it('is versioned, holds the active schedules, and nothing server-specific', async () => {
    w = await world(server);
    const result = await call(w.core, 'changes:export', { profileId: w.dev.id });
    expect(result.source).toBe('live');
    expect(result.document).toEqual({
      format: 'atscale-maintenance-schedules',
      version: 1,
      schedules: [{ expression: '0 0 4 ? * * *' }, { expression: '0 30 1 ? * SUN *' }, { expression: '0 0 2 L * ?' }],
    });
    expect(JSON.parse(result.json)).toEqual(result.document);
    for (const tied of [server.url, 'default', '3740f5fd', 'atscale-demo', 'admin']) expect(result.json).not.toContain(tied);
  });

  it('is the document as indented JSON ending in one newline, its paused schedules marked with their labels', async () => {
    w = await world(server);
    const paused = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY, label: 'weekly' });
    if (paused.status !== 'paused') throw new Error(paused.message);
    const result = await call(w.core, 'changes:export', { profileId: w.dev.id });
    expect(result.json).toBe(`${JSON.stringify(result.document, null, 2)}\n`);
    expect(result.document.schedules).toEqual([
      { expression: '0 0 4 ? * * *' },
      { expression: '0 0 2 L * ?' },
      { expression: '0 30 1 ? * SUN *', label: 'weekly', paused: true },
    ]);
  });

  it('says it was made from the last saved list when the server cannot be reached', async () => {
    w = await world(server);
    await listFromSnapshot(server, w.core, w.dev);
    const result = await call(w.core, 'changes:export', { profileId: w.dev.id });
    expect(result.source).toBe('snapshot');
    expect(result.document.schedules).toHaveLength(3);
  });

  it('leaves out a schedule paused in the org the profile pointed at before', async () => {
    w = await world(server);
    const paused = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY });
    if (paused.status !== 'paused') throw new Error(paused.message);
    await call(w.core, 'profiles:save', { profile: { ...w.dev, orgId: 'sales-analytics' } });
    const result = await call(w.core, 'changes:export', { profileId: w.dev.id });
    expect(result.document.schedules.filter((s) => s.paused)).toEqual([]);
    expect(result.document.schedules.map((s) => s.expression)).not.toContain('0 30 1 ? * SUN *');
  });
});

describe('plan and apply', () => {
  it('plans a document against a profile: create, delete and unchanged by fire times, with the linter verdicts', async () => {
    w = await world(server);
    const source = {
      kind: 'document' as const,
      json: doc([{ expression: '0 0 4 * * ?', label: 'nightly' }, { expression: '0 0 6 ? * MON-FRI' }, { expression: '0 0 4 30 2 ?' }]),
    };
    const plan = await call(w.core, 'changes:plan', { source, targetProfileId: w.prod.id });
    expect(plan).toMatchObject({ targetOrgId: 'sales-analytics', production: true, targetSource: 'live', hasChanges: true, blocked: true });
    expect(plan.unchanged).toEqual([
      { expression: '0 0 4 * * ?', label: 'nightly', jobId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', targetExpression: '0 0 4 ? * * *' },
    ]);
    expect(plan.create.map((c) => [c.expression, c.blocked])).toEqual([
      ['0 0 6 ? * MON-FRI', false],
      ['0 0 4 30 2 ?', true],
    ]);
    expect(plan.create[1]?.verdicts.map((v) => v.code)).toContain('never-fires');
    expect(plan.delete.map((x) => x.expression).sort()).toEqual(['0 0 3 ? * 6#3', '0 15 22 ? * MON-FRI', '0 45 23 ? * SAT']);

    // A blocked plan is refused as a whole, before anything is sent.
    server.clearRequests();
    const refused = await callFails(w.core, 'changes:apply', { source, targetProfileId: w.prod.id, planId: plan.planId, orgId: 'sales-analytics' });
    expect(refused.kind).toBe('invalid-input');
    expect(refused.message).toContain('0 0 4 30 2 ?');
    expect(writes(server)).toEqual([]);
  });

  it('says which schedules of the target would start at the same instant as a new one', async () => {
    w = await world(server);
    const source = { kind: 'document' as const, json: doc([{ expression: '0 0 4 ? * MON' }, { expression: '0 0 7 ? * MON' }]) };
    const plan = await call(w.core, 'changes:plan', { source, targetProfileId: w.prod.id });
    const [monday, seven] = plan.create;
    expect(monday?.collisions).toEqual([
      { jobId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', expression: '0 0 4 ? * * *', firstAt: expect.stringMatching(/T04:00:00\.000Z$/) },
    ]);
    expect(new Date(monday!.collisions[0]!.firstAt).getUTCDay()).toBe(1);
    expect(seven?.collisions).toEqual([]);
  });

  it('applies exactly the plan (creates first, then deletes), audited step by step under one change', async () => {
    w = await world(server);
    const source = { kind: 'profile' as const, profileId: w.dev.id };
    const plan = await call(w.core, 'changes:plan', { source, targetProfileId: w.test.id });
    expect(plan.source).toEqual({ kind: 'profile', profileId: w.dev.id, name: 'Dev', serverTimeZone: 'UTC', listSource: 'live' });
    expect(plan.create.map((c) => c.expression)).toEqual(['0 30 1 ? * SUN *', '0 0 2 L * ?']);
    expect(plan.delete.map((x) => x.expression)).toEqual(['0 0 5 LW * ?']);
    const mismatch = await callFails(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: plan.planId, orgId: 'default' });
    expect(mismatch.kind).toBe('profile-mismatch');

    server.clearRequests();
    const result = await call(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: plan.planId, orgId: 'finance-prod' });
    expect(result.status).toBe('done');
    if (result.status === 'changed') return;
    expect(writes(server)).toEqual(['create finance-prod', 'create finance-prod', 'delete finance-prod']);
    expect(activeExpressions(server, 'finance-prod')).toEqual(activeExpressions(server, 'default'));
    const audit = await call(w.core, 'audit:list', { profileId: w.test.id });
    expect(audit.map((a) => [a.action, a.outcome, a.change, a.changeId])).toEqual([
      ['delete', 'ok', 'apply', result.changeId],
      ['create', 'ok', 'apply', result.changeId],
      ['create', 'ok', 'apply', result.changeId],
    ]);
    const again = await call(w.core, 'changes:plan', { source, targetProfileId: w.test.id });
    expect(again.hasChanges).toBe(false);
    expect((await call(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: again.planId, orgId: 'finance-prod' })).status).toBe(
      'nothing-to-do',
    );
  });

  it('writes nothing and answers the new plan when the target changed between plan and apply', async () => {
    w = await world(server);
    const source = { kind: 'document' as const, json: doc([{ expression: '0 0 4 ? * * *' }, { expression: '0 0 6 ? * MON-FRI' }]) };
    const plan = await call(w.core, 'changes:plan', { source, targetProfileId: w.test.id });
    // Someone else adds a schedule to the target in between.
    await call(w.core, 'schedules:create', { profileId: w.test.id, orgId: 'finance-prod', timeExpression: '0 0 6 ? * MON-FRI' });
    server.clearRequests();
    const result = await call(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: plan.planId, orgId: 'finance-prod' });
    expect(result.status).toBe('changed');
    if (result.status !== 'changed') return;
    expect(result.message).toContain('nothing was written');
    expect(writes(server)).toEqual([]);
    expect(result.plan.planId).not.toBe(plan.planId);
    expect(result.plan.create).toEqual([]);
    expect(result.plan.unchanged.map((u) => u.expression)).toEqual(['0 0 4 ? * * *', '0 0 6 ? * MON-FRI']);
    const applied = await call(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: result.plan.planId, orgId: 'finance-prod' });
    expect(applied.status).toBe('done');
    expect(activeExpressions(server, 'finance-prod')).toEqual(['0 0 4 ? * * *', '0 0 6 ? * MON-FRI']);
  });

  it('stops at the first failure and reports every step, sent or not', async () => {
    w = await world(server);
    const source = { kind: 'document' as const, json: doc([{ expression: '0 0 6 ? * MON' }, { expression: '0 0 6 ? * TUE' }]) };
    const plan = await call(w.core, 'changes:plan', { source, targetProfileId: w.test.id });
    server.inject({ orgId: 'finance-prod', endpoint: 'create', action: { type: 'status', status: 500, message: 'quota' }, times: 1 });
    const result = await call(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: plan.planId, orgId: 'finance-prod' });
    expect(result.status).toBe('stopped');
    if (result.status === 'changed') return;
    expect(result.steps.map((s) => [s.action, s.outcome])).toEqual([
      ['create', 'failed'],
      ['create', 'not-run'],
      ['delete', 'not-run'],
      ['delete', 'not-run'],
    ]);
    expect(result.message).toMatch(/Stopped after 0 of 4 steps/);
    expect(activeExpressions(server, 'finance-prod')).toEqual(['0 0 4 ? * * *', '0 0 5 LW * ?']);
  });

  it('names what is wrong in a document', async () => {
    w = await world(server);
    const plan = (json: string) => callFails(w.core, 'changes:plan', { source: { kind: 'document', json }, targetProfileId: w.dev.id });
    expect((await plan('{nope')).message).toContain('not valid JSON');
    expect((await plan('{"format":"other"}')).message).toContain('not a schedules document');
    expect((await plan(JSON.stringify({ format: 'atscale-maintenance-schedules', version: 2, schedules: [] }))).message).toContain('reads version 1');
    expect((await plan(doc([{ expression: '' }]))).message).toContain('schedules.0.expression');
  });
});

describe('a schedules document to plan from', () => {
  it('that is JSON null is refused as not valid, naming the document', async () => {
    w = await world(server);
    const refused = await callFails(w.core, 'changes:plan', { source: { kind: 'document', json: 'null' }, targetProfileId: w.dev.id });
    expect(refused.kind).toBe('invalid-input');
    expect(refused.message).toBe('The schedules document is not valid: document: Invalid input: expected object, received null.');
  });

  it('with a problem other than its version does not offer the version this app reads', async () => {
    w = await world(server);
    const json = JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules: [{ expression: '' }] });
    const refused = await callFails(w.core, 'changes:plan', { source: { kind: 'document', json }, targetProfileId: w.dev.id });
    expect(refused.message).toBe('The schedules document is not valid: schedules.0.expression: Too small: expected string to have >=1 characters.');
  });
});
