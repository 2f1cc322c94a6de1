// A copy to several targets, each carried out on its own, against the simulator: a target that cannot be
// reached is refused (nothing written from its saved list) while the next is copied, and a too-frequent
// schedule is copied only with the override.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call } from '../core/helpers';
import { SUNDAY, activeExpressions, world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

describe('a copy', () => {
  it('refuses a target that cannot be reached on its own and copies to the next', async () => {
    w = await world(server);
    await call(w.core, 'schedules:list', { profileId: w.test.id });
    server.inject({ orgId: 'finance-prod', endpoint: 'list', action: { type: 'reset' } });
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
