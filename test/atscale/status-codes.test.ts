// Contract: every status code the API page documents, per endpoint, as the client reports it; only GETs
// are retried (500 on a list), and a POST or DELETE is sent exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimEndpoint, type Simulator } from '@simulator/index';
import type { AtScaleClient } from '@core/atscale/index';
import { passwordClient, rejection, tokenClient } from './helpers';

const JOB = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3'; // active in org 'default'
const KINDS = { 400: 'bad-request', 401: 'unauthorized', 404: 'not-found', 500: 'server' } as const;

// As documented on the API page: list 200/400/401/404/500; create and delete 200/401/404/500.
const DOCUMENTED: [SimEndpoint, keyof typeof KINDS, number][] = [
  ['list', 400, 1],
  ['list', 401, 1],
  ['list', 404, 1],
  ['list', 500, 3],
  ['create', 401, 1],
  ['create', 404, 1],
  ['create', 500, 1],
  ['delete', 401, 1],
  ['delete', 404, 1],
  ['delete', 500, 1],
];

const callEndpoint = (client: AtScaleClient, endpoint: SimEndpoint): Promise<unknown> =>
  endpoint === 'list' ? client.listSchedules() : endpoint === 'create' ? client.createSchedule('0 0 3 ? * *') : client.deleteSchedule(JOB);

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

describe('documented status codes (API token)', () => {
  it.each(DOCUMENTED)('%s answering %i -> its kind, sent %i time(s), nothing changed on the server', async (endpoint, status, sent) => {
    sim.inject({ endpoint, action: { type: 'status', status, message: `simulated ${status}` } });
    const before = sim.jobs('default').map((j) => `${j.jobId}:${j.active}`);
    const err = await rejection(callEndpoint(tokenClient(sim), endpoint));
    expect(err).toMatchObject({ kind: KINDS[status], status });
    expect(err.message).toContain(`simulated ${status}`);
    expect(sim.requests({ endpoint })).toHaveLength(sent);
    expect(sim.requests({ endpoint: 'auth' })).toHaveLength(0);
    expect(sim.jobs('default').map((j) => `${j.jobId}:${j.active}`)).toEqual(before);
  });

  it('200 on each endpoint: listed, created, deleted', async () => {
    const client = tokenClient(sim);
    expect((await client.listSchedules()).length).toBe(sim.jobs('default').length);
    const created = await client.createSchedule('0 0 3 ? * *');
    expect(sim.jobs('default', true).map((j) => j.jobId)).toContain(created.jobId);
    await client.deleteSchedule(JOB);
    expect(sim.jobs('default', false).map((j) => j.jobId)).toContain(JOB);
  });

  it('404 from the real endpoint for an org that does not exist, on delete too', async () => {
    const err = await rejection(tokenClient(sim, { orgId: 'no-such-org' }).deleteSchedule(JOB));
    expect(err).toMatchObject({ kind: 'not-found', status: 404 });
    expect(err.message).toContain('"no-such-org"');
    expect(err.message).toContain(JOB);
  });
});

describe('401 with password sign-in', () => {
  it('a DELETE refused with 401 (expired session) re-signs in once and deletes exactly once', async () => {
    const client = passwordClient(sim);
    await client.signIn();
    sim.expireSessions();
    await client.deleteSchedule(JOB);
    expect(sim.requests({ endpoint: 'delete' }).map((r) => r.outcome)).toEqual([401, 200]);
    expect(sim.requests({ endpoint: 'auth' })).toHaveLength(2);
    expect(sim.jobs('default', false).map((j) => j.jobId)).toContain(JOB);
  });

  it('a DELETE that keeps getting 401 gives up after one re-sign-in, with advice about the role', async () => {
    sim.inject({ endpoint: 'delete', action: { type: 'status', status: 401 } });
    const err = await rejection(passwordClient(sim).deleteSchedule(JOB));
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(err.message).toMatch(/Manage Aggregates/);
    expect(sim.requests({ endpoint: 'delete' })).toHaveLength(2);
    expect(sim.requests({ endpoint: 'auth' })).toHaveLength(2);
    expect(sim.jobs('default', true).map((j) => j.jobId)).toContain(JOB);
  });
});
