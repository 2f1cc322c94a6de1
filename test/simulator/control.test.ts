// Fault injection and the /__sim/ control endpoint, offline mode and clean shutdown.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_TOKEN, startSimulator, type Simulator } from '@simulator/index';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const LIST = '/aggregates/maintenance/scheduler/jobs/orgId/';
const bearer = { authorization: `Bearer ${DEMO_TOKEN}` };
const list = (s: Simulator, org = 'default'): Promise<Response> => fetch(`${s.url}${LIST}${org}`, { headers: bearer });
const control = (s: Simulator, method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${s.url}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

describe('fault injection', () => {
  it('applies a per-request fault the given number of times, then answers normally', async () => {
    sim = await startSimulator();
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 503 }, times: 2 });
    expect((await list(sim)).status).toBe(503);
    expect((await list(sim)).status).toBe(503);
    expect((await list(sim)).status).toBe(200);
    expect(sim.state().faults).toEqual([]);
  });

  it('targets one org; HTML, malformed JSON and raw answers come back as configured', async () => {
    sim = await startSimulator();
    sim.inject({ orgId: 'sales-analytics', action: { type: 'html', status: 500 }, times: 1 });
    expect((await list(sim)).status).toBe(200);
    const html = await list(sim, 'sales-analytics');
    expect(html.status).toBe(500);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
    sim.inject({ action: { type: 'malformed-json' }, times: 1 });
    await expect((await list(sim)).json()).rejects.toThrow();
  });

  it('adds latency globally, per org and per rule', async () => {
    sim = await startSimulator();
    await list(sim); // warm-up: first answers pay for JIT and the engine's first expansion
    sim.setLatency(400, 'finance-prod');
    const order: string[] = [];
    let t = Date.now();
    const slow = list(sim, 'finance-prod').then(() => {
      order.push('finance-prod');
      return Date.now() - t;
    });
    await list(sim).then(() => order.push('default'));
    expect(await slow).toBeGreaterThanOrEqual(395);
    expect(order).toEqual(['default', 'finance-prod']); // other orgs are not slowed (order, not a timing guess)
    sim.setLatency(0, 'finance-prod');
    sim.inject({ latencyMs: 120, times: 1 });
    t = Date.now();
    await list(sim);
    expect(Date.now() - t).toBeGreaterThanOrEqual(115);
  });

  it('drops a hanging connection on close, and close() does not wait for it', async () => {
    sim = await startSimulator();
    sim.inject({ action: { type: 'hang' } });
    const pending = list(sim).then(
      () => 'answered',
      () => 'dropped',
    );
    // Wait until the server holds the request (no fixed sleep: the machine may be slow).
    const s = sim;
    await vi.waitFor(() => expect(s.requests()[0]?.outcome).toBe('hang'), { timeout: 10_000, interval: 10 });
    const t = Date.now();
    await sim.close();
    expect(Date.now() - t).toBeLessThan(1000);
    expect(await pending).toBe('dropped');
  });
});

describe('hold', () => {
  it('keeps matching requests waiting until released, and lets the others through', async () => {
    sim = await startSimulator();
    const held = sim.hold({ orgId: 'default', endpoint: 'list' });
    let answered = false;
    const pending = list(sim).then((res) => {
      answered = true;
      return res.status;
    });
    await vi.waitFor(() => expect(held.waiting()).toBe(1), { timeout: 5000, interval: 10 });
    expect((await list(sim, 'sales-analytics')).status).toBe(200);
    expect(answered).toBe(false);
    held.release();
    expect(await pending).toBe(200);
    expect(held.waiting()).toBe(0);
    expect((await list(sim)).status).toBe(200); // released for good
  });
});

describe('offline mode', () => {
  it('closes the port and opens it again on the same port', async () => {
    sim = await startSimulator();
    const { port } = sim;
    await sim.setOffline(true);
    expect(sim.isOffline()).toBe(true);
    await expect(list(sim)).rejects.toThrow();
    await sim.setOffline(false);
    expect(sim.port).toBe(port);
    expect((await list(sim)).status).toBe(200);
  });
});

describe('HTTP control endpoint', () => {
  it('is off unless enabled', async () => {
    sim = await startSimulator();
    expect((await control(sim, 'GET', 'state')).status).toBe(404);
  });

  it('injects faults, sets latency, expires sessions, moves the clock and resets', async () => {
    sim = await startSimulator({ control: true, now: () => new Date('2027-01-01T00:00:00Z') });
    const state = (await (await control(sim, 'GET', 'state')).json()) as { orgs: unknown[]; now: string };
    expect(state.orgs).toHaveLength(4);

    const added = (await (await control(sim, 'POST', 'faults', { endpoint: 'list', action: { type: 'status', status: 500 }, times: 1 })).json()) as {
      id: number;
    };
    expect(added.id).toBeGreaterThan(0);
    expect((await list(sim)).status).toBe(500);
    expect((await list(sim)).status).toBe(200);

    const id = ((await (await control(sim, 'POST', 'faults', { action: { type: 'status', status: 404 } })).json()) as { id: number }).id;
    expect((await list(sim)).status).toBe(404);
    expect((await control(sim, 'DELETE', `faults/${id}`)).status).toBe(200);
    expect((await list(sim)).status).toBe(200);

    expect((await control(sim, 'POST', 'faults', { times: 0, action: { type: 'hang' } })).status).toBe(400);
    expect((await control(sim, 'POST', 'latency', { ms: -1 })).status).toBe(400);
    expect((await control(sim, 'POST', 'latency', { ms: 5 })).status).toBe(200);
    expect(((await (await control(sim, 'POST', 'advance', { ms: 86_400_000 })).json()) as { now: string }).now).toBe('2027-01-02T00:00:00.000Z');
    expect((await control(sim, 'POST', 'expire-sessions')).status).toBe(200);
    expect((await control(sim, 'POST', 'orgs', { orgId: 'bench-1' })).status).toBe(200);
    expect((await list(sim, 'bench-1')).status).toBe(200);

    const requests = (await (await control(sim, 'GET', 'requests')).json()) as unknown[];
    expect(requests.length).toBe(5);
    expect(JSON.stringify(requests)).not.toContain(DEMO_TOKEN);

    expect((await control(sim, 'POST', 'reset')).status).toBe(200);
    const after = (await (await control(sim, 'GET', 'state')).json()) as { orgs: unknown[]; now: string; latencyMs: number; requests: number };
    expect(after).toMatchObject({ now: '2027-01-01T00:00:00.000Z', latencyMs: 0, requests: 0 });
    expect(after.orgs).toHaveLength(4);
    expect((await control(sim, 'GET', 'nope')).status).toBe(404);
  });

  it('adds an org with jobs created days ago, whose past fires have run', async () => {
    sim = await startSimulator({ control: true, now: () => new Date('2027-01-10T12:00:00Z') });
    const res = await control(sim, 'POST', 'orgs', {
      orgId: 'ops',
      jobs: [
        { timeExpression: '0 0 9 ? * * *', createdDaysAgo: 3 },
        { jobId: 'kept-id', timeExpression: '0 0 10 ? * *' },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { orgId: string; jobs: { jobId: string; timeExpression: string }[] };
    expect(body.orgId).toBe('ops');
    expect(body.jobs.map((j) => j.timeExpression)).toEqual(['0 0 9 ? * * *', '0 0 10 ? * *']);
    expect(body.jobs[1]?.jobId).toBe('kept-id');
    const jobs = sim.jobs('ops');
    expect(jobs.map((j) => j.jobId)).toEqual(body.jobs.map((j) => j.jobId));
    expect(jobs[0]?.createdAt).toBe('2027-01-07T12:00:00.000Z');
    // Created three days ago at noon: the 09:00 fires of the 8th, 9th and 10th ran; the new job has not run.
    expect(sim.runs('ops').map((r) => r.creationTime)).toEqual(['2027-01-08T09:00:00.000Z', '2027-01-09T09:00:00.000Z', '2027-01-10T09:00:00.000Z']);

    for (const jobs of ['0 0 9 ? * *', [{}], [{ timeExpression: '0 0 9 ? * *', createdDaysAgo: -1 }], [{ timeExpression: '0 0 9 ? * *', jobId: 7 }]]) {
      const bad = await control(sim, 'POST', 'orgs', { orgId: 'other', jobs });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/"jobs"\?: \[\{ "timeExpression"/);
    }
    expect((await control(sim, 'POST', 'orgs', { orgId: 'ops' })).status).toBe(400); // exists already
  });
});
