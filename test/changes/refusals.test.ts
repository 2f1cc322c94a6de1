// Changes refused before anything is sent, each in words that say what to do: a job that is not there or
// not in the right state, an edit that changes nothing, an org that does not match (each kind of change
// names its action), a profile whose server cannot be reached (its list comes from the last saved copy,
// and a change is never planned against it). Against the simulator: nothing reaches the write endpoints.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { DEACTIVATED, DAILY, SUNDAY, world, writes, type World, useSimulator, listFromSnapshot } from './setup';

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

describe('a change of a profile that cannot be reached', () => {
  it('is refused for an edit, a reactivation, a pause and a resume, each named, sending nothing', async () => {
    w = await world(server);
    const dev = { profileId: w.dev.id, orgId: 'default' };
    const paused = await call(w.core, 'changes:pause', { ...dev, jobId: SUNDAY });
    if (paused.status !== 'paused') throw new Error(paused.message);
    await listFromSnapshot(server, w.core, w.dev);
    const saved = await call(w.core, 'schedules:list', { profileId: w.dev.id });
    expect(saved.source).toBe('snapshot');
    expect(saved.stale?.reason).toMatch(/\S/);
    const refusedAs = (action: string) => `"Dev" cannot be reached, so the ${action} was not sent: ${saved.stale?.reason} Try again once the server answers.`;
    server.clearRequests();

    const edit = await callFails(w.core, 'changes:edit', { ...dev, jobId: DAILY, timeExpression: '0 0 5 ? * *' });
    const reactivate = await callFails(w.core, 'changes:reactivate', { ...dev, jobId: DEACTIVATED });
    const pause = await callFails(w.core, 'changes:pause', { ...dev, jobId: DAILY });
    const resume = await callFails(w.core, 'changes:resume', { ...dev, pausedId: paused.paused.id });
    expect([edit, reactivate, pause, resume].map((e) => e.kind)).toEqual(['offline', 'offline', 'offline', 'offline']);
    expect(edit.message).toBe(refusedAs('change'));
    expect(reactivate.message).toBe(refusedAs('reactivation'));
    expect(pause.message).toBe(refusedAs('pause'));
    expect(resume.message).toBe(refusedAs('resume'));
    expect(writes(server)).toEqual([]);
    // The paused schedule is still there to resume once the server answers.
    expect((await call(w.core, 'changes:paused-list', { profileId: w.dev.id })).paused.map((p) => p.id)).toEqual([paused.paused.id]);
  });
});

const mismatch = (action: string) => ({
  kind: 'profile-mismatch',
  message: `The ${action} was confirmed for org "sales-analytics", but profile "Dev" is connected to org "default". Nothing was sent; check the profile and try again.`,
});

describe('a change confirmed for another org', () => {
  it('is refused naming the action, for each kind of change', async () => {
    w = await world(server);
    const paused = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY });
    if (paused.status !== 'paused') throw new Error(paused.message);
    server.clearRequests();
    const wrong = { profileId: w.dev.id, orgId: 'sales-analytics' };
    expect(await callFails(w.core, 'changes:reactivate', { ...wrong, jobId: DEACTIVATED })).toEqual(mismatch('reactivation'));
    expect(await callFails(w.core, 'changes:retry-delete', { ...wrong, jobId: DAILY, changeId: 'c1' })).toEqual(mismatch('delete'));
    expect(await callFails(w.core, 'changes:bulk-delete', { ...wrong, jobIds: [DAILY] })).toEqual(mismatch('delete'));
    expect(await callFails(w.core, 'changes:pause', { ...wrong, jobId: DAILY })).toEqual(mismatch('pause'));
    expect(await callFails(w.core, 'changes:resume', { ...wrong, pausedId: paused.paused.id })).toEqual(mismatch('resume'));
    const copy = await call(w.core, 'changes:copy', { sourceProfileId: w.test.id, jobIds: ['d4c3b2a1-f6e5-4d7c-9b8a-1234567890ab'], targets: [wrong] });
    expect(copy.targets).toEqual([{ profileId: w.dev.id, name: 'Dev', status: 'refused', steps: [], error: mismatch('copy') }]);
    expect(writes(server)).toEqual([]);
  });
});
