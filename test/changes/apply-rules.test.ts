// Apply as the user relies on it, against the simulator: it carries out only the plan that was shown (a
// plan for another document, or for a target whose zone changed, is answered with the new plan and
// nothing is written; the same schedules listed in another order are the same plan), stops at the first
// delete that fails, takes the frequency override only when given, and never writes from a saved list.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { activeExpressions, world, writes, type World, useSimulator, listFromSnapshot } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

/** The Test profile's org and its two active seed jobs, in the order the server lists them. */
const ORG = 'finance-prod';
const TEST_JOBS = [
  { jobId: 'd4c3b2a1-f6e5-4d7c-9b8a-1234567890ab', expression: '0 0 4 ? * * *' },
  { jobId: 'b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', expression: '0 0 5 LW * ?' },
];

const doc = (expressions: string[]) =>
  ({
    kind: 'document',
    json: JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules: expressions.map((expression) => ({ expression })) }),
  }) as const;

const plan = (source: ReturnType<typeof doc>) => call(w.core, 'changes:plan', { source, targetProfileId: w.test.id });
const apply = (source: ReturnType<typeof doc>, planId: string, extra: { allowTooFrequent?: boolean } = {}) =>
  call(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId, orgId: ORG, ...extra });

describe('apply carries out only the plan that was shown', () => {
  it('answers the new plan for another document, writing nothing', async () => {
    w = await world(server);
    const shown = await plan(doc(['0 0 6 ? * MON']));
    server.clearRequests();
    const result = await apply(doc(['0 0 6 ? * TUE']), shown.planId);
    if (result.status !== 'changed') throw new Error(`expected changed, got ${result.status}`);
    expect(result.message).toBe('"Test" or the source changed since the plan was made; nothing was written. Here is the new plan: review it and apply again.');
    expect(result.plan.create.map((c) => c.expression)).toEqual(['0 0 6 ? * TUE']);
    expect(writes(server)).toEqual([]);
  });

  it('answers the new plan when a document keeps the same schedules written another way', async () => {
    w = await world(server);
    const shown = await plan(doc(['0 0 4 ? * * *', '0 0 5 LW * ?']));
    expect(shown.hasChanges).toBe(false);
    const result = await apply(doc(['0 0 4 * * ?', '0 0 5 LW * ?']), shown.planId);
    expect(result.status).toBe('changed');
  });

  it('answers the new plan when the target’s server zone changed, since the same expressions fire at other instants', async () => {
    w = await world(server);
    const source = doc(['0 0 6 ? * MON']);
    const shown = await plan(source);
    await call(w.core, 'profiles:save', { profile: { ...w.test, serverTimeZone: 'Europe/Berlin' } });
    server.clearRequests();
    const result = await apply(source, shown.planId);
    if (result.status !== 'changed') throw new Error(`expected changed, got ${result.status}`);
    expect(result.plan.serverTimeZone).toBe('Europe/Berlin');
    expect(writes(server)).toEqual([]);
  });

  it('answers a new plan, with a new fingerprint, once a schedule of the target was replaced by another', async () => {
    w = await world(server);
    const source = doc(['0 0 6 ? * MON']);
    const shown = await plan(source);
    const created = await call(w.core, 'schedules:create', { profileId: w.test.id, orgId: ORG, timeExpression: '0 0 7 ? * TUE' });
    await call(w.core, 'schedules:delete', { profileId: w.test.id, orgId: ORG, jobId: TEST_JOBS[1]!.jobId });
    const result = await apply(source, shown.planId);
    if (result.status !== 'changed') throw new Error(`expected changed, got ${result.status}`);
    expect(result.plan.fingerprint).not.toBe(shown.fingerprint);
    expect(result.plan.delete.map((x) => x.jobId)).toEqual([TEST_JOBS[0]!.jobId, created.jobId]);
  });

  it('is refused for an org the target is not connected to, naming both, before anything is sent', async () => {
    w = await world(server);
    const source = doc(['0 0 6 ? * MON']);
    const shown = await plan(source);
    server.clearRequests();
    const refused = await callFails(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: shown.planId, orgId: 'default' });
    expect(refused).toEqual({
      kind: 'profile-mismatch',
      message:
        'The apply was confirmed for org "default", but profile "Test" is connected to org "finance-prod". Nothing was sent; check the profile and try again.',
    });
    expect(writes(server)).toEqual([]);
  });

  it('is the same plan when the server lists the same schedules in another order', async () => {
    w = await world(server);
    const source = doc(['0 0 4 ? * * *', '0 0 5 LW * ?', '0 0 6 ? * MON']);
    const shown = await plan(source);
    // Both list requests (active and deactivated) answer the same jobs, last one first.
    const reversed = [...TEST_JOBS].reverse().map((j) => ({ job_id: j.jobId, organization_Id: ORG, time_expression: j.expression, latest_execution: null }));
    const body = JSON.stringify({ status: { code: 200, message: 'success' }, responseCreated: new Date().toISOString(), response: reversed });
    server.inject({ orgId: ORG, endpoint: 'list', action: { type: 'raw', status: 200, contentType: 'application/json', body }, times: 2 });
    const result = await apply(source, shown.planId);
    expect(result.status).toBe('done');
    expect(activeExpressions(server, ORG)).toEqual(['0 0 4 ? * * *', '0 0 5 LW * ?', '0 0 6 ? * MON']);
  });
});

describe('apply in steps', () => {
  it('runs every delete when each succeeds, and counts them', async () => {
    w = await world(server);
    const source = doc([]);
    const shown = await plan(source);
    expect([shown.create, shown.hasChanges]).toEqual([[], true]);
    const result = await apply(source, shown.planId);
    if (result.status === 'changed') throw new Error('the plan changed');
    expect(result.steps.map((s) => [s.action, s.jobId, s.outcome])).toEqual(TEST_JOBS.map((j) => ['delete', j.jobId, 'ok']));
    expect(result.message).toBe('Done: 2 steps succeeded.');
    expect(activeExpressions(server, ORG)).toEqual([]);
  });

  it('stops at the first delete that fails: the deletes after it are not sent', async () => {
    w = await world(server);
    const source = doc([]);
    const shown = await plan(source);
    server.inject({ orgId: ORG, endpoint: 'delete', action: { type: 'status', status: 500, message: 'scheduler busy' }, times: 1 });
    server.clearRequests();
    const result = await apply(source, shown.planId);
    if (result.status === 'changed') throw new Error('the plan changed');
    expect(result.status).toBe('stopped');
    expect(result.steps.map((s) => [s.action, s.jobId, s.timeExpression, s.outcome])).toEqual([
      ['delete', TEST_JOBS[0]!.jobId, TEST_JOBS[0]!.expression, 'failed'],
      ['delete', TEST_JOBS[1]!.jobId, TEST_JOBS[1]!.expression, 'not-run'],
    ]);
    expect(result.message).toMatch(
      new RegExp(`^Stopped after 0 of 2 steps at delete job ${TEST_JOBS[0]!.jobId}: failed \\(.*scheduler busy.*\\); 1 step was not sent\\.`),
    );
    expect(writes(server)).toEqual([`delete ${ORG}`]);
    expect(activeExpressions(server, ORG)).toEqual(['0 0 4 ? * * *', '0 0 5 LW * ?']);
  });

  it('creates a too-frequent schedule only when the override is given', async () => {
    w = await world(server);
    const source = doc(['0 0 4 ? * * *', '0 0 5 LW * ?', '0 * * ? * *']);
    const shown = await plan(source);
    expect(shown.blocked).toBe(true);
    const refused = await callFails(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: shown.planId, orgId: ORG });
    expect(refused.kind).toBe('invalid-input');
    expect(refused.message).toMatch(/^Nothing was sent: the linter refuses a schedule of the plan \("0 \* \* \? \* \*": .*\)\.$/);
    expect(writes(server)).toEqual([]);
    const result = await apply(source, shown.planId, { allowTooFrequent: true });
    expect(result.status).toBe('done');
    expect(activeExpressions(server, ORG)).toContain('0 * * ? * *');
  });
});

describe('apply while the target cannot be reached', () => {
  it('refuses a plan made from the last saved list, naming the target, and sends nothing', async () => {
    w = await world(server);
    await listFromSnapshot(server, w.core, w.test);
    const source = doc(['0 0 6 ? * MON']);
    const shown = await plan(source);
    expect(shown.targetSource).toBe('snapshot');
    server.clearRequests();
    const refused = await callFails(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: shown.planId, orgId: ORG });
    expect(refused).toEqual({
      kind: 'offline',
      message: '"Test" cannot be reached, so nothing was sent: the plan was made from its last saved list. Try again once the server answers.',
    });
    expect(writes(server)).toEqual([]);
  });
});
