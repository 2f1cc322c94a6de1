// Contract: listing schedules against the simulator over real sockets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, DEFAULT_EXPRESSION, type Simulator } from '@simulator/index';
import { passwordClient, tokenClient } from './helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => {
  await sim.close();
});

describe('listSchedules', () => {
  it('lists every job of the org, mapped to the app shape, with the documented path and no active filter', async () => {
    const client = passwordClient(sim);
    const schedules = await client.listSchedules();
    expect(schedules).toHaveLength(sim.jobs('default').length);
    const daily = schedules.find((s) => s.timeExpression === DEFAULT_EXPRESSION);
    expect(daily).toMatchObject({ jobId: '3740f5fd-a6b8-45fb-a3ab-313bf8481af3', orgId: 'default', fullBuild: false, createdBy: 'admin', active: null });
    expect(daily?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(daily?.latestExecution?.executedAt).toMatch(/T04:00:00\.000Z$/);
    const [get] = sim.requests({ endpoint: 'list' });
    expect(get?.path).toBe('/aggregates/maintenance/scheduler/jobs/orgId/default');
    expect(get?.auth).toBe('bearer');
  });

  it('asks with ?active=true / ?active=false only when asked, and labels the jobs accordingly', async () => {
    const client = tokenClient(sim);
    const active = await client.listSchedules({ active: true });
    const inactive = await client.listSchedules({ active: false });
    expect(active.every((s) => s.active === true)).toBe(true);
    expect(inactive.map((s) => s.jobId)).toEqual(['0f1e2d3c-4b5a-4697-8877-665544332211']);
    expect(inactive[0]?.active).toBe(false);
    expect(sim.requests({ endpoint: 'list' }).map((r) => r.path.split('?')[1])).toEqual(['active=true', 'active=false']);
  });

  it('signs in once with a password and reuses the token, also for concurrent calls', async () => {
    const client = passwordClient(sim);
    await Promise.all([client.listSchedules(), client.listSchedules(), client.listSchedules()]);
    await client.listSchedules({ active: true });
    const auth = sim.requests({ endpoint: 'auth' });
    expect(auth).toHaveLength(1);
    expect(auth[0]?.auth).toBe('basic');
    expect(auth[0]?.path).toBe('/default/auth');
    expect(sim.requests({ endpoint: 'list' })).toHaveLength(4);
  });

  it('sends an API token as the bearer directly, without any sign-in', async () => {
    const schedules = await tokenClient(sim, { orgId: 'sales-analytics' }).listSchedules();
    expect(schedules.length).toBeGreaterThan(3);
    expect(sim.requests({ endpoint: 'auth' })).toHaveLength(0);
  });

  it('treats a job that never ran as normal: latestExecution is null', async () => {
    const schedules = await tokenClient(sim, { orgId: 'sales-analytics' }).listSchedules();
    const fresh = schedules.find((s) => s.jobId === '7f8e9d0c-1b2a-4394-8576-a7b8c9d0e1f2');
    expect(fresh).toBeDefined();
    expect(fresh?.latestExecution).toBeNull();
  });

  it('tolerates unknown fields and a missing latest_execution (payload as the docs show it, plus extras)', async () => {
    const body = JSON.stringify({
      status: { code: 200, message: 'success', traceId: 'x' },
      responseCreated: '2022-04-02T14:34:23.585278Z',
      extra: true,
      response: [
        {
          job_id: '3740f5fd-a6b8-45fb-a3ab-313bf8481af3',
          organization_Id: 'default',
          full_build: false,
          time_expression: '0 0 4 ? * * *',
          created_by_user: 'admin',
          created_at: '2022-03-31T15:18:50.311944Z',
          latest_execution: {
            id: '8fe6e402-843b-4d04-a441-38ae4cc330b3',
            jobId: '3740f5fd-a6b8-45fb-a3ab-313bf8481af3',
            executedAt: '2022-04-02T10:56:35.160070Z',
          },
          path: 'time-based',
          future_field: { nested: 1 },
        },
        { job_id: '73274ded-b1cf-4c9b-bf25-c8d2e418ef90', time_expression: '0 0 0 ? * MON', created_at: '2021-06-17T12:17:03.964072Z' },
      ],
    });
    sim.inject({ endpoint: 'list', action: { type: 'raw', status: 200, body }, times: 1 });
    const [first, second] = await tokenClient(sim).listSchedules();
    expect(first?.createdAt).toBe('2022-03-31T15:18:50.311Z');
    expect(first?.latestExecution).toEqual({ id: '8fe6e402-843b-4d04-a441-38ae4cc330b3', executedAt: '2022-04-02T10:56:35.160Z' });
    expect(second).toMatchObject({ jobId: '73274ded-b1cf-4c9b-bf25-c8d2e418ef90', orgId: 'default', fullBuild: false, createdBy: '', latestExecution: null });
  });

  it('percent-encodes the org id in the path', async () => {
    sim.addOrg('team a?b#c%2e', [
      { jobId: '11111111-2222-4333-8444-555555555555', timeExpression: DEFAULT_EXPRESSION, fullBuild: false, createdBy: 'x', createdDaysAgo: 3 },
    ]);
    const schedules = await passwordClient(sim, { orgId: 'team a?b#c%2e' }).listSchedules();
    expect(schedules.map((s) => s.orgId)).toEqual(['team a?b#c%2e']);
    expect(sim.requests({ endpoint: 'list' })[0]?.path).toBe('/aggregates/maintenance/scheduler/jobs/orgId/team%20a%3Fb%23c%252e');
    expect(sim.requests({ endpoint: 'auth' })[0]?.path).toBe('/team%20a%3Fb%23c%252e/auth');
  });

  it('keeps a path prefix of the API URL (server behind a reverse proxy)', async () => {
    // The simulator has no prefix, so the prefixed path is an unknown endpoint: a 404 naming the org proves the path was used.
    const err = await tokenClient(sim, { apiUrl: `${sim.url}/atscale/` })
      .listSchedules()
      .catch((e: unknown) => e);
    expect(sim.requests()[0]?.path).toBe('/atscale/aggregates/maintenance/scheduler/jobs/orgId/default');
    expect(err).toMatchObject({ kind: 'not-found' });
  });
});
