// What a copy to other profiles tells the user, word for word: per target what was done and what was
// skipped as already there, a target that no longer exists named by its id, a source job that is gone.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { SUNDAY, DAILY, world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

describe('a copy', () => {
  it('tells per target what was created and what was already there; a target that is gone is named by its id', async () => {
    w = await world(server);
    const result = await call(w.core, 'changes:copy', {
      sourceProfileId: w.dev.id,
      jobIds: [DAILY, SUNDAY, SUNDAY],
      targets: [
        { profileId: w.test.id, orgId: 'finance-prod' },
        { profileId: 'gone-profile', orgId: 'default' },
      ],
    });
    const [done, gone] = result.targets;
    expect(done).toMatchObject({
      profileId: w.test.id,
      name: 'Test',
      status: 'done',
      message: 'Done: 1 step succeeded. 1 already there (same schedule), skipped.',
    });
    expect(gone).toMatchObject({ profileId: 'gone-profile', name: 'gone-profile', status: 'refused', steps: [], error: { kind: 'not-found' } });
    expect(writes(server)).toEqual(['create finance-prod']);
  });

  it('of a job the source no longer has is refused, naming the job and what to do', async () => {
    w = await world(server);
    const request = { sourceProfileId: w.dev.id, jobIds: ['no-such-job'], targets: [{ profileId: w.test.id, orgId: 'finance-prod' }] };
    expect(await callFails(w.core, 'changes:copy', request)).toEqual({
      kind: 'not-found',
      message: '"Dev" has no active schedule with job ID no-such-job; refresh the list and pick again.',
    });
    const preview = await call(w.core, 'changes:copy-preview', { sourceProfileId: w.dev.id, jobIds: [SUNDAY], targetProfileIds: [w.prod.id, w.prod.id] });
    expect(preview.map((p) => [p.name, p.orgId, p.production, p.plan.create.map((c) => c.expression)])).toEqual([
      ['Prod', 'sales-analytics', true, ['0 30 1 ? * SUN *']],
    ]);
    expect(writes(server)).toEqual([]);
  });
});
