// A change while its profile's server cannot be reached: the list comes from the last saved copy, and a
// change is never planned against it. Each is refused naming the profile, the action and why the server
// was not reached, and nothing reaches the write endpoints. Against the simulator.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { DAILY, DEACTIVATED, SUNDAY, world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

describe('a change of a profile that cannot be reached', () => {
  it('is refused for an edit, a reactivation, a pause and a resume, each named, sending nothing', async () => {
    w = await world(server);
    const dev = { profileId: w.dev.id, orgId: 'default' };
    const paused = await call(w.core, 'changes:pause', { ...dev, jobId: SUNDAY });
    if (paused.status !== 'paused') throw new Error(paused.message);
    // The live list is saved; from now on the org's lists fail and the saved copy answers.
    await call(w.core, 'schedules:list', { profileId: w.dev.id });
    server.inject({ orgId: 'default', endpoint: 'list', action: { type: 'reset' } });
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
