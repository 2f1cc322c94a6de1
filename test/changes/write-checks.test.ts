// The checks a change passes against the org's other schedules before it is sent, and how its writes are
// told and audited, against the simulator: a new time that duplicates another active schedule is refused
// (a deactivated one does not count), the frequency override lets a reactivation or a resume through only
// when given, a bulk delete sends each job once, and only writes made inside a change carry its id.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { DAILY, DEACTIVATED, SUNDAY, activeExpressions, world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

const EVERY_MINUTE = '0 * * ? * *';
const dev = () => ({ profileId: w.dev.id, orgId: 'default' });

/** A too-frequent schedule that exists only as deactivated (created with the override, then deleted). */
async function deactivatedEveryMinute(): Promise<string> {
  const created = await call(w.core, 'schedules:create', { ...dev(), timeExpression: EVERY_MINUTE, allowTooFrequent: true });
  await call(w.core, 'schedules:delete', { ...dev(), jobId: created.jobId });
  return created.jobId;
}

describe('a new time', () => {
  it('that fires as another active schedule does is refused naming it; a deactivated one does not count', async () => {
    w = await world(server);
    server.clearRequests();
    const twin = await callFails(w.core, 'changes:edit', { ...dev(), jobId: DAILY, timeExpression: '0 30 1 ? * 1 *' });
    expect(twin).toEqual({
      kind: 'invalid-input',
      message:
        '"0 30 1 ? * 1 *" was not sent: Expression: fires at the same times as the existing schedule \'0 30 1 ? * SUN *\'. Keep that one, or change the time.',
    });
    expect(writes(server)).toEqual([]);
    const [linted] = await call(w.core, 'changes:lint', { profileId: w.dev.id, expressions: ['0 0 0/6 ? * *'] });
    expect(linted?.verdicts.map((v) => v.code)).not.toContain('duplicate');
    const result = await call(w.core, 'changes:edit', { ...dev(), jobId: DAILY, timeExpression: '0 0 0/6 ? * *' });
    expect(result.status).toBe('done');
    expect(activeExpressions(server, 'default')).toContain('0 0 0/6 ? * *');
  });

  it('that is too frequent is linted as blocked unless the override is asked for', async () => {
    w = await world(server);
    const lint = async (allowTooFrequent?: boolean) =>
      (
        await call(w.core, 'changes:lint', {
          profileId: w.dev.id,
          expressions: [EVERY_MINUTE],
          ...(allowTooFrequent === undefined ? {} : { allowTooFrequent }),
        })
      )[0]?.blocked;
    expect([await lint(), await lint(false), await lint(true)]).toEqual([true, true, false]);
  });
});

describe('a reactivation', () => {
  it('is refused while an active schedule fires at the same times, sending nothing', async () => {
    w = await world(server);
    await call(w.core, 'schedules:create', { ...dev(), timeExpression: '0 0 0/6 ? * * *' });
    server.clearRequests();
    const refused = await callFails(w.core, 'changes:reactivate', { ...dev(), jobId: DEACTIVATED });
    expect(refused.kind).toBe('invalid-input');
    expect(refused.message).toMatch(/^"0 0 0\/6 \? \* \*" was not sent: Expression: fires at the same times as the existing schedule '0 0 0\/6 \? \* \* \*'/);
    expect(writes(server)).toEqual([]);
  });

  it('of a too-frequent schedule goes through only with the override', async () => {
    w = await world(server);
    const jobId = await deactivatedEveryMinute();
    const refused = await callFails(w.core, 'changes:reactivate', { ...dev(), jobId });
    expect(refused.message).toMatch(/allow too-frequent schedules explicitly\.$/);
    const result = await call(w.core, 'changes:reactivate', { ...dev(), jobId, allowTooFrequent: true });
    expect(result.created.timeExpression).toBe(EVERY_MINUTE);
    expect(activeExpressions(server, 'default')).toContain(EVERY_MINUTE);
  });
});

describe('a pause and its resume', () => {
  it('a resume of a too-frequent schedule goes through only with the override; until then it stays paused', async () => {
    w = await world(server);
    const created = await call(w.core, 'schedules:create', { ...dev(), timeExpression: EVERY_MINUTE, allowTooFrequent: true });
    const paused = await call(w.core, 'changes:pause', { ...dev(), jobId: created.jobId });
    if (paused.status !== 'paused') throw new Error(paused.message);
    const request = { ...dev(), pausedId: paused.paused.id };
    const refused = await callFails(w.core, 'changes:resume', request);
    expect(refused.message).toMatch(/allow too-frequent schedules explicitly\.$/);
    expect((await call(w.core, 'changes:paused-list', { profileId: w.dev.id })).paused.map((p) => p.id)).toEqual([paused.paused.id]);
    const resumed = await call(w.core, 'changes:resume', { ...request, allowTooFrequent: true });
    expect(resumed.status).toBe('resumed');
    expect(activeExpressions(server, 'default')).toContain(EVERY_MINUTE);
  });

  it('a pause keeps the schedule’s org, zone and time, with no label unless given', async () => {
    w = await world(server);
    const before = Date.now();
    const paused = await call(w.core, 'changes:pause', { ...dev(), jobId: SUNDAY });
    if (paused.status !== 'paused') throw new Error(paused.message);
    const [listed] = (await call(w.core, 'changes:paused-list', { profileId: w.dev.id })).paused;
    expect(listed).toEqual({ ...paused.paused, orgId: 'default', jobId: SUNDAY, timeExpression: '0 30 1 ? * SUN *', serverTimeZone: 'UTC', state: 'paused' });
    expect(listed).not.toHaveProperty('label');
    expect(Date.parse(listed!.pausedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(listed!.pausedAt)).toBeLessThanOrEqual(Date.now());
  });
});

describe('writes of a change', () => {
  it('a bulk delete sends each job once and audits them as one bulk delete', async () => {
    w = await world(server);
    server.clearRequests();
    const result = await call(w.core, 'changes:bulk-delete', { ...dev(), jobIds: [SUNDAY, SUNDAY, DAILY] });
    expect(result.steps.map((s) => [s.action, s.jobId, s.timeExpression, s.outcome])).toEqual([
      ['delete', SUNDAY, null, 'ok'],
      ['delete', DAILY, null, 'ok'],
    ]);
    expect(result).toMatchObject({ deleted: 2, failed: 0 });
    expect(writes(server)).toEqual(['delete default', 'delete default']);
    const audit = await call(w.core, 'audit:list', { profileId: w.dev.id });
    expect(audit.map((a) => [a.action, a.change, a.changeId])).toEqual([
      ['delete', 'bulk-delete', result.changeId],
      ['delete', 'bulk-delete', result.changeId],
    ]);
  });

  it('a retried delete answers its step, and a write outside a change carries no change id', async () => {
    w = await world(server);
    const step = await call(w.core, 'changes:retry-delete', { ...dev(), jobId: SUNDAY, changeId: 'earlier-change' });
    expect(step).toEqual({ action: 'delete', profileId: w.dev.id, jobId: SUNDAY, timeExpression: null, outcome: 'ok', error: null });
    await call(w.core, 'schedules:create', { ...dev(), timeExpression: '0 0 7 ? * MON' });
    const [plain, retried] = await call(w.core, 'audit:list', { profileId: w.dev.id });
    expect(retried).toMatchObject({ action: 'delete', change: 'edit', changeId: 'earlier-change' });
    expect(plain?.action).toBe('create');
    expect(plain).not.toHaveProperty('changeId');
    expect(plain).not.toHaveProperty('change');
  });
});
