// Contract: creating and deleting schedules, and that a failed POST never leaves a duplicate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@simulator/index';
import { passwordClient, rejection, tokenClient } from './helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => {
  await sim.close();
});

const newJobs = (before: number): number => sim.jobs('sandbox').length - before;

describe('createSchedule', () => {
  it('creates the job on the server, sending the expression URL-encoded in the query and as a JSON body', async () => {
    const client = passwordClient(sim, { orgId: 'sandbox' });
    const created = await client.createSchedule('0 0 0 ? * MON');
    expect(created).toMatchObject({ orgId: 'sandbox', timeExpression: '0 0 0 ? * MON', createdBy: 'admin', latestExecution: null, active: true });
    expect(sim.jobs('sandbox').map((j) => j.jobId)).toEqual([created.jobId]);
    const [post] = sim.requests({ endpoint: 'create' });
    expect(post?.path).toBe('/aggregates/maintenance/scheduler/jobs/orgId/sandbox?time_expression=0%200%200%20%3F%20*%20MON&scheduler_type=time-based');
    const listed = await client.listSchedules({ active: true });
    expect(listed.map((s) => s.jobId)).toEqual([created.jobId]);
  });

  it('refuses an expression Quartz would reject before any request, naming the problem', async () => {
    const client = passwordClient(sim, { orgId: 'sandbox' });
    const err = await rejection(client.createSchedule('0 0 4 * * MON'));
    expect(err.kind).toBe('invalid-input');
    expect(err.message).toContain('0 0 4 * * MON');
    expect(err.message.toLowerCase()).toMatch(/day-of-week|day-of-month|\?/);
    const empty = await rejection(client.createSchedule('   '));
    expect(empty.kind).toBe('invalid-input');
    expect(sim.requests()).toHaveLength(0);
  });

  it('never retries a POST that failed with 500: exactly one request, no job created', async () => {
    const client = tokenClient(sim, { orgId: 'sandbox' });
    sim.inject({ endpoint: 'create', action: { type: 'status', status: 500, message: 'Internal error' } });
    const err = await rejection(client.createSchedule('0 0 3 ? * *'));
    expect(err.kind).toBe('server');
    expect(err.status).toBe(500);
    expect(err.message).toContain('Internal error');
    expect(sim.requests({ endpoint: 'create' })).toHaveLength(1);
    expect(newJobs(0)).toBe(0);
  });

  it('leaves exactly one job when the server created it but the answer never came (timeout, no retry)', async () => {
    const client = tokenClient(sim, { orgId: 'sandbox', timeoutMs: 300 });
    sim.inject({ endpoint: 'create', action: { type: 'hang' }, when: 'after', times: 1 });
    const err = await rejection(client.createSchedule('0 0 3 ? * *'));
    expect(err.kind).toBe('timeout');
    expect(sim.requests({ endpoint: 'create' })).toHaveLength(1);
    expect(newJobs(0)).toBe(1);
  });

  it('leaves exactly one job when the connection drops after the server created it', async () => {
    const client = tokenClient(sim, { orgId: 'sandbox' });
    sim.inject({ endpoint: 'create', action: { type: 'reset' }, when: 'after', times: 1 });
    const err = await rejection(client.createSchedule('0 0 3 ? * *'));
    expect(err.kind).toBe('network');
    expect(sim.requests({ endpoint: 'create' })).toHaveLength(1);
    expect(newJobs(0)).toBe(1);
  });

  it('reports a server-side 400 as bad-request with the server message', async () => {
    sim.inject({ endpoint: 'create', action: { type: 'status', status: 400, message: 'Invalid parameters' }, times: 1 });
    const err = await rejection(tokenClient(sim, { orgId: 'sandbox' }).createSchedule('0 0 3 ? * *'));
    expect(err).toMatchObject({ kind: 'bad-request', status: 400 });
    expect(err.message).toContain('Invalid parameters');
    expect(newJobs(0)).toBe(0);
  });

  it('reports 404 for an org that does not exist', async () => {
    const err = await rejection(tokenClient(sim, { orgId: 'no-such-org' }).createSchedule('0 0 3 ? * *'));
    expect(err).toMatchObject({ kind: 'not-found', status: 404 });
    expect(err.message).toContain('no-such-org');
  });
});

describe('deleteSchedule', () => {
  it('deactivates the job with the documented DELETE path; it is then listed with active=false', async () => {
    const client = passwordClient(sim);
    const jobId = '9b2d7c1e-4f3a-4e8b-9c6d-2a1b0f9e8d7c';
    const result = await client.deleteSchedule(jobId);
    expect(result.jobId).toBe(jobId);
    expect(result.message).toContain(jobId);
    expect(sim.requests({ endpoint: 'delete' })[0]?.path).toBe(`/api/1.0/aggregates/maintenance-schedule/jobs/orgId/default/jobId/${jobId}`);
    expect((await client.listSchedules({ active: true })).map((s) => s.jobId)).not.toContain(jobId);
    expect((await client.listSchedules({ active: false })).map((s) => s.jobId)).toContain(jobId);
  });

  it('refuses a job id that is not a UUID before any request', async () => {
    const client = passwordClient(sim);
    for (const bad of ['', 'abc', '../../etc', '3740f5fd-a6b8-45fb-a3ab-313bf8481af3/x']) {
      const err = await rejection(client.deleteSchedule(bad));
      expect(err.kind).toBe('invalid-input');
      expect(err.message).toContain('UUID');
    }
    expect(sim.requests()).toHaveLength(0);
  });

  it('reports not-found for a job that does not exist (or was already deleted)', async () => {
    const err = await rejection(tokenClient(sim).deleteSchedule('0f1e2d3c-4b5a-4697-8877-665544332211'));
    expect(err).toMatchObject({ kind: 'not-found', status: 404 });
    expect(err.message).toContain('0f1e2d3c-4b5a-4697-8877-665544332211');
  });

  it('never retries a DELETE that failed with 503', async () => {
    sim.inject({ endpoint: 'delete', action: { type: 'status', status: 503 } });
    const err = await rejection(tokenClient(sim).deleteSchedule('3740f5fd-a6b8-45fb-a3ab-313bf8481af3'));
    expect(err).toMatchObject({ kind: 'server', status: 503 });
    expect(sim.requests({ endpoint: 'delete' })).toHaveLength(1);
    expect(sim.jobs('default', true).map((j) => j.jobId)).toContain('3740f5fd-a6b8-45fb-a3ab-313bf8481af3');
  });
});
