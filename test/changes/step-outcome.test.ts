// A step is "outcome unknown" only when its write may have reached the server. A create refused with a
// 401 whose fresh sign-in is then cut off never sent a second create: the step failed, and the server
// has nothing new. Against the simulator.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call } from '../core/helpers';
import { DAILY, activeExpressions, world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

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
