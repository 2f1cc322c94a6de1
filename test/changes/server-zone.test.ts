// Changes judge "the same schedule" by fire times in the target's server zone, not in UTC: in
// Europe/Berlin 02:30 on the last Sunday of March does not exist (the clocks jump from 02:00 to 03:00) and
// Quartz skips that run, so "last Sunday of March and April at 02:30" fires exactly as "last Sunday of
// April at 02:30" there, while in UTC the two differ. Against the simulator.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

const APRIL = '0 30 2 ? 4 1L';
const MARCH_AND_APRIL = '0 30 2 ? 3,4 1L';

async function berlinDevWithApril(): Promise<string> {
  await call(w.core, 'profiles:save', { profile: { ...w.dev, serverTimeZone: 'Europe/Berlin' } });
  return (await call(w.core, 'schedules:create', { profileId: w.dev.id, orgId: 'default', timeExpression: APRIL })).jobId;
}

describe('in the server zone', () => {
  it('an edit to a time that fires the same there changes nothing and sends nothing', async () => {
    w = await world(server);
    const jobId = await berlinDevWithApril();
    server.clearRequests();
    expect(await callFails(w.core, 'changes:edit', { profileId: w.dev.id, orgId: 'default', jobId, timeExpression: MARCH_AND_APRIL })).toEqual({
      kind: 'invalid-input',
      message: `"${MARCH_AND_APRIL}" fires at the same times as the current "${APRIL}"; nothing was changed.`,
    });
    expect(writes(server)).toEqual([]);
  });

  it('a plan counts a schedule that fires the same there as already there', async () => {
    w = await world(server);
    const jobId = await berlinDevWithApril();
    const json = JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules: [{ expression: MARCH_AND_APRIL }] });
    const plan = await call(w.core, 'changes:plan', { source: { kind: 'document', json }, targetProfileId: w.dev.id });
    expect(plan.serverTimeZone).toBe('Europe/Berlin');
    expect(plan.create).toEqual([]);
    expect(plan.unchanged).toEqual([{ expression: MARCH_AND_APRIL, jobId, targetExpression: APRIL }]);
  });
});
