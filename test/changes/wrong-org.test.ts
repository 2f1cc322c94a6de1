// Every change confirmed for an org its profile is not connected to is refused before anything is sent,
// naming the action, the org confirmed and the profile's org, so a write never lands in another org.
// Against the simulator.
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
