// What a copy to other profiles tells the user, word for word: per target what was done and what was
// skipped as already there, a target that no longer exists named by its id, a source job that is gone, a
// target that cannot be reached refused on its own (nothing written from its saved list) while the next is
// copied, and a too-frequent schedule copied only with the override.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { SUNDAY, DAILY, activeExpressions, world, writes, type World, useSimulator, listFromSnapshot } from './setup';

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
    expect(preview[0]?.plan.source).toEqual({ kind: 'profile', profileId: w.dev.id, name: 'Dev', serverTimeZone: 'UTC', listSource: 'live' });
    expect(writes(server)).toEqual([]);
  });
});

describe('a copy to several targets', () => {
  it('refuses a target that cannot be reached on its own and copies to the next', async () => {
    w = await world(server);
    await listFromSnapshot(server, w.core, w.test);
    server.clearRequests();
    const result = await call(w.core, 'changes:copy', {
      sourceProfileId: w.dev.id,
      jobIds: [SUNDAY],
      targets: [
        { profileId: w.test.id, orgId: 'finance-prod' },
        { profileId: w.prod.id, orgId: 'sales-analytics' },
      ],
    });
    const [offline, copied] = result.targets;
    expect(offline).toMatchObject({
      name: 'Test',
      status: 'refused',
      steps: [],
      error: {
        kind: 'offline',
        message: '"Test" cannot be reached, so nothing was sent: the plan was made from its last saved list. Try again once the server answers.',
      },
    });
    expect(copied).toMatchObject({ name: 'Prod', status: 'done', message: 'Done: 1 step succeeded.' });
    expect(writes(server)).toEqual(['create sales-analytics']);
  });

  it('copies a too-frequent schedule only with the override', async () => {
    w = await world(server);
    const frequent = await call(w.core, 'schedules:create', { profileId: w.dev.id, orgId: 'default', timeExpression: '0 * * ? * *', allowTooFrequent: true });
    const request = { sourceProfileId: w.dev.id, jobIds: [frequent.jobId], targets: [{ profileId: w.test.id, orgId: 'finance-prod' }] };
    const refused = (await call(w.core, 'changes:copy', request)).targets[0];
    expect(refused?.status === 'refused' ? refused.error : null).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/^Nothing was sent: the linter refuses a schedule of the plan \("0 \* \* \? \* \*": /),
    });
    expect(activeExpressions(server, 'finance-prod')).not.toContain('0 * * ? * *');
    const copied = (await call(w.core, 'changes:copy', { ...request, allowTooFrequent: true })).targets[0];
    expect(copied?.status).toBe('done');
    expect(activeExpressions(server, 'finance-prod')).toContain('0 * * ? * *');
  });
});
