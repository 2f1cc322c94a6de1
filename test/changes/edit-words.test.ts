// What a change of a schedule's time tells the user, word for word, for each way it ends, with the steps
// it took and the retry it offers (a create whose answer was lost may have happened, never "failed"; one
// refused before anything was sent failed, never "may have"); and what a reactivation says. Against the simulator.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call } from '../core/helpers';
import { DEACTIVATED, DAILY, activeExpressions, withLostAnswer, world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

const edit = () => call(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 5 ? * *' });

describe('a change of time', () => {
  it('done names the new job and the old one deleted', async () => {
    w = await world(server);
    const result = await edit();
    if (result.status !== 'done') throw new Error(result.message);
    expect(result.deletedJobId).toBe(DAILY);
    expect(result.message).toBe(`Changed: job ${result.created.jobId} runs "0 0 5 ? * *"; the old job ${DAILY} was deleted.`);
    expect(result.steps.map((s) => [s.action, s.jobId, s.outcome])).toEqual([
      ['create', result.created.jobId, 'ok'],
      ['delete', DAILY, 'ok'],
    ]);
  });

  it('whose delete failed says both run and offers the retry of that delete under the same change', async () => {
    w = await world(server);
    const fault = server.inject({ orgId: 'default', endpoint: 'delete', action: { type: 'status', status: 500, message: 'scheduler busy' } });
    const result = await edit();
    server.removeFault(fault);
    if (result.status !== 'both-exist') throw new Error(result.message);
    expect(result.oldJobId).toBe(DAILY);
    expect(result.message).toMatch(
      new RegExp(
        `^The new schedule \\(job ${result.created.jobId}\\) was created, but the delete of the old one \\(job ${DAILY}\\) did not complete: it failed \\(.*scheduler busy.*\\)\\. Until the old one is deleted, both run\\. Retry the delete\\.$`,
      ),
    );
    expect(result.retry).toEqual({
      channel: 'changes:retry-delete',
      request: { profileId: w.dev.id, orgId: 'default', jobId: DAILY, changeId: result.changeId },
    });
  });

  it('whose delete answer was lost says the old one may or may not have been deleted', async () => {
    w = await world(server);
    const result = await withLostAnswer(server, 'default', 'delete', edit);
    if (result.status !== 'both-exist') throw new Error(result.message);
    expect(result.message).toMatch(/did not complete: its answer was lost, so it may or may not have been deleted \(\S.*\)\. Until the old one/);
    expect(result.steps.map((s) => s.outcome)).toEqual(['ok', 'unknown']);
  });

  it('whose create failed leaves the old one untouched, and says so with the cause', async () => {
    w = await world(server);
    const fault = server.inject({ orgId: 'default', endpoint: 'create', action: { type: 'status', status: 500, message: 'no capacity' } });
    const result = await edit();
    server.removeFault(fault);
    if (result.status !== 'not-changed') throw new Error(result.message);
    expect(result.message).toMatch(
      new RegExp(`^The new schedule could not be created \\(.*no capacity.*\\)\\. The old one \\(job ${DAILY}\\) was not touched\\.$`),
    );
    expect(result.steps.map((s) => [s.action, s.jobId, s.timeExpression, s.outcome])).toEqual([
      ['create', null, '0 0 5 ? * *', 'failed'],
      ['delete', DAILY, '0 0 4 ? * * *', 'not-run'],
    ]);
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(DAILY);
  });
});

describe('a reactivation', () => {
  it('names the new job and says the deactivated entry stays as history', async () => {
    w = await world(server);
    const result = await call(w.core, 'changes:reactivate', { profileId: w.dev.id, orgId: 'default', jobId: DEACTIVATED });
    expect(result.message).toBe(
      `Reactivated as a new job ${result.created.jobId} running "0 0 0/6 ? * *". The deactivated job ${DEACTIVATED} stays in the server's list as deactivated: AtScale keeps deleted jobs as history and has no call to re-enable or remove them.`,
    );
  });
});

describe('a change of time whose create answer was lost', () => {
  it('says the new schedule may have been created, with the cause, and leaves the old one', async () => {
    w = await world(server);
    const result = await withLostAnswer(server, 'default', 'create', () =>
      call(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 5 ? * *' }),
    );
    if (result.status !== 'not-changed') throw new Error(result.message);
    const cause = result.steps[0]?.error?.message ?? '';
    expect(cause).toMatch(/\S/);
    expect(result.message).toBe(
      `The new schedule may have been created (its answer was lost: ${cause}). The old one (job ${DAILY}) was not touched. Refresh the list, then delete whichever you do not want.`,
    );
    expect(result.steps.map((s) => [s.action, s.outcome, s.error?.kind ?? null])).toEqual([
      ['create', 'unknown', 'outcome-unknown'],
      ['delete', 'not-run', null],
    ]);
  });
});

describe('a change whose create was refused before anything was done', () => {
  it('a 401 and then a reset sign-in: the create failed, the old job stays, nothing was created', async () => {
    w = await world(server);
    // Signed in once, so the change's own list reuses the token and the fresh sign-in comes after the 401.
    await call(w.core, 'schedules:list', { profileId: w.dev.id });
    const before = activeExpressions(server, 'default');
    server.inject({ orgId: 'default', endpoint: 'create', action: { type: 'status', status: 401 }, times: 1 });
    // Every sign-in is cut off (the client retries a sign-in, as it does any GET).
    const signIn = server.inject({ orgId: 'default', endpoint: 'auth', action: { type: 'reset' } });
    const result = await call(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 5 ? * *' });
    server.removeFault(signIn);
    expect(activeExpressions(server, 'default')).toEqual(before);
    expect(writes(server)).toEqual(['create default']);
    if (result.status !== 'not-changed') throw new Error(`expected not-changed, got ${result.status}: ${result.message}`);
    expect(result.steps.map((s) => [s.action, s.outcome, s.error?.kind ?? null])).toEqual([
      ['create', 'failed', 'network'],
      ['delete', 'not-run', null],
    ]);
    expect(result.message).not.toMatch(/may have/);
  });
});
