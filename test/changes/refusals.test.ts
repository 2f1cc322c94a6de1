// Changes refused before anything is sent, each in words that say what to do: a job that is not there or
// not in the right state, an edit that changes nothing, an org that does not match.
// Against the simulator: nothing reaches the server's write endpoints.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { DEACTIVATED, DAILY, world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

describe('an edit or a reactivation', () => {
  it('is refused for a missing job, a job in the wrong state, or a new time that fires the same', async () => {
    w = await world(server);
    const dev = { profileId: w.dev.id, orgId: 'default' };
    expect(await callFails(w.core, 'changes:edit', { ...dev, jobId: 'no-such-job', timeExpression: '0 0 5 ? * *' })).toEqual({
      kind: 'not-found',
      message: '"Dev" has no schedule with job ID no-such-job; it may have been deleted meanwhile. Refresh the list.',
    });
    expect(await callFails(w.core, 'changes:edit', { ...dev, jobId: DEACTIVATED, timeExpression: '0 0 5 ? * *' })).toEqual({
      kind: 'invalid-input',
      message: `Job ${DEACTIVATED} is deactivated, so there is nothing to change; reactivate it instead.`,
    });
    expect(await callFails(w.core, 'changes:edit', { ...dev, jobId: DAILY, timeExpression: '0 0 4 * * ?' })).toEqual({
      kind: 'invalid-input',
      message: '"0 0 4 * * ?" fires at the same times as the current "0 0 4 ? * * *"; nothing was changed.',
    });
    expect(await callFails(w.core, 'changes:reactivate', { ...dev, jobId: DAILY })).toEqual({
      kind: 'invalid-input',
      message: `Job ${DAILY} is active already; nothing was sent.`,
    });
    expect(await callFails(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'sales', jobId: DAILY, timeExpression: '0 0 5 ? * *' })).toEqual({
      kind: 'profile-mismatch',
      message: 'The change was confirmed for org "sales", but profile "Dev" is connected to org "default". Nothing was sent; check the profile and try again.',
    });
    expect(writes(server)).toEqual([]);
  });
});

describe('a pause or a resume', () => {
  it('is refused for a job that is not active, or a paused entry that is not this profile’s', async () => {
    w = await world(server);
    const dev = { profileId: w.dev.id, orgId: 'default' };
    expect(await callFails(w.core, 'changes:pause', { ...dev, jobId: DEACTIVATED })).toEqual({
      kind: 'not-found',
      message: `"Dev" has no active schedule with job ID ${DEACTIVATED}; nothing was paused. Refresh the list.`,
    });
    expect(await callFails(w.core, 'changes:resume', { ...dev, pausedId: 'no-such-entry' })).toEqual({
      kind: 'not-found',
      message: '"Dev" has no paused schedule with id no-such-entry. Refresh the list.',
    });
    const paused = await call(w.core, 'changes:pause', { ...dev, jobId: DAILY, label: 'Nightly' });
    if (paused.status !== 'paused') throw new Error(`expected paused, got ${paused.status}`);
    expect(paused.message).toMatch(/^Paused "0 0 4 \? \* \* \*"\. \S/);
    expect(await callFails(w.core, 'changes:resume', { profileId: w.test.id, orgId: 'finance-prod', pausedId: paused.paused.id })).toEqual({
      kind: 'not-found',
      message: `"Test" has no paused schedule with id ${paused.paused.id}. Refresh the list.`,
    });
    // Only that profile's paused schedules are listed for it, with the label given.
    expect((await call(w.core, 'changes:paused-list', { profileId: w.test.id })).paused).toEqual([]);
    expect((await call(w.core, 'changes:paused-list', { profileId: w.dev.id })).paused.map((p) => [p.jobId, p.label, p.state])).toEqual([
      [DAILY, 'Nightly', 'paused'],
    ]);
  });

  it('a schedule paused in another org than the profile’s now is not resumed there', async () => {
    w = await world(server);
    const paused = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: DAILY });
    if (paused.status !== 'paused') throw new Error(`expected paused, got ${paused.status}`);
    await call(w.core, 'profiles:save', { profile: { ...w.dev, orgId: 'sales-analytics' } });
    const before = writes(server).length;
    expect(await callFails(w.core, 'changes:resume', { profileId: w.dev.id, orgId: 'sales-analytics', pausedId: paused.paused.id })).toEqual({
      kind: 'profile-mismatch',
      message: 'This schedule was paused in org "default", but "Dev" is now connected to org "sales-analytics". Nothing was sent.',
    });
    expect(writes(server).length).toBe(before);
  });
});
