// A change of time whose create was sent and whose answer was lost: the user is told the new schedule may
// exist (with the cause), that the old one was not touched, and what to do; never that it failed.
// Against the simulator.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call } from '../core/helpers';
import { DAILY, withLostAnswer, world, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

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
