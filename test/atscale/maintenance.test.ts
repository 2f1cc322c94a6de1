// Contract: the running job, run now, the user's orgs and the session token, against the simulator and
// against the answer shapes AtScale's samples show (the HTTP status is trusted, not status.code).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_AGING_TOKEN,
  DEMO_ANALYST_PASSWORD,
  DEMO_ANALYST_TOKEN,
  DEMO_ANALYST_USER,
  startSimulator,
  TRIGGER_RUN_NOW,
  type Simulator,
} from '@simulator/index';
import { passwordClient, rejection, tokenClient } from './helpers';

let sim: Simulator;
const START = new Date('2027-03-10T12:00:00Z');
beforeEach(async () => {
  sim = await startSimulator({ now: () => START });
});
afterEach(async () => {
  await sim.close();
});

const MIN = 60_000;
const raw = (endpoint: 'running' | 'run-now' | 'orgs' | 'session-token', status: number, body: unknown, times = 1): void => {
  sim.inject({ endpoint, times, action: { type: 'raw', status, body: typeof body === 'string' ? body : JSON.stringify(body) } });
};

describe('getRunningJob', () => {
  it('null while nothing runs; the run-now run while it runs; null again once it ends', async () => {
    const client = tokenClient(sim);
    expect(await client.getRunningJob()).toBeNull();
    await client.runNow();
    const running = await client.getRunningJob();
    expect(running).toMatchObject({ triggerType: TRIGGER_RUN_NOW, startTime: START.toISOString(), creationTime: START.toISOString(), status: 'RUNNING' });
    expect(running?.id).toMatch(/^[0-9a-f-]{36}$/);
    sim.advanceTime(5 * MIN); // org "default" runs take 6 minutes
    expect(await client.getRunningJob()).not.toBeNull();
    sim.advanceTime(1 * MIN + 1);
    expect(await client.getRunningJob()).toBeNull();
  });

  it("a scheduled run shows as running from its fire time for the org's run duration", async () => {
    const client = tokenClient(sim, { orgId: 'sales-analytics' });
    sim.advanceTime(Date.parse('2027-03-11T04:00:00Z') - START.getTime() + 2 * MIN);
    expect(await client.getRunningJob()).toMatchObject({ triggerType: 'ScheduledMaintenance', startTime: '2027-03-11T04:00:00.000Z' });
  });

  it('tolerates every "nothing running" answer: 200 null, 404, 204, an empty body, an empty object, an empty list', async () => {
    const client = tokenClient(sim);
    for (const [status, body] of [
      [200, { status: { code: 0, message: '200 OK' }, response: null }],
      [404, { status: { code: 404 } }],
      [204, ''],
      [200, ''],
      [200, { response: {} }],
      [200, { response: [] }],
    ] as const) {
      raw('running', status, body);
      expect(await client.getRunningJob()).toBeNull();
    }
  });

  it("reads the documented sample (status.code 0, message '200 OK'), epoch times and unknown fields", async () => {
    const client = tokenClient(sim);
    raw('running', 200, {
      status: { code: 0, message: '200 OK' },
      response: {
        triggerType: 'CubeUpdateMaintenance(FirstTimeCubeProcessed)',
        creationTime: 1_804_000_000_000,
        startTime: '2027-03-10T11:58:00Z',
        engineHost: 'node-2',
        id: 77,
      },
    });
    expect(await client.getRunningJob()).toEqual({
      id: '77',
      triggerType: 'CubeUpdateMaintenance(FirstTimeCubeProcessed)',
      creationTime: new Date(1_804_000_000_000).toISOString(),
      startTime: '2027-03-10T11:58:00.000Z',
      status: null,
    });
  });

  it('trusts the HTTP status over status.code (a 200 whose envelope says 500 is still a running job)', async () => {
    raw('running', 200, { status: { code: 500, message: 'weird' }, response: { triggerType: 'x', startTime: '2027-03-10T11:58:00Z' } });
    expect(await tokenClient(sim).getRunningJob()).toMatchObject({ triggerType: 'x' });
  });

  it('a wrong shape is a bad-response naming the field; 503 says Design Center APIs are off', async () => {
    raw('running', 200, { response: { triggerType: 42 } });
    const shape = await rejection(tokenClient(sim).getRunningJob());
    expect(shape.kind).toBe('bad-response');
    expect(shape.message).toContain('triggerType');
    sim.inject({ endpoint: 'running', action: { type: 'status', status: 503 } });
    const off = await rejection(tokenClient(sim).getRunningJob());
    expect(off).toMatchObject({ kind: 'server', status: 503 });
    expect(off.message).toContain('Design Center APIs are not enabled on this server');
  });
});

describe('runNow', () => {
  it("starts a run, answers with the server's words, and the simulator records it", async () => {
    const result = await tokenClient(sim, { orgId: 'finance-prod' }).runNow();
    expect(result.message).toBe('Maintenance successfully started for finance-prod');
    expect(sim.runningJob('finance-prod')).toMatchObject({ triggerType: TRIGGER_RUN_NOW, running: true });
  });

  it('503 -> server error "Design Center APIs are not enabled on this server", sent exactly once', async () => {
    sim.inject({ endpoint: 'run-now', action: { type: 'status', status: 503, message: 'Service Unavailable' } });
    const err = await rejection(tokenClient(sim).runNow());
    expect(err).toMatchObject({ kind: 'server', status: 503 });
    expect(err.message).toMatch(/^Starting maintenance now in org "default" failed: Design Center APIs are not enabled on this server \(HTTP 503\)/);
    expect(sim.requests({ endpoint: 'run-now' })).toHaveLength(1);
    expect(sim.runningJob('default')).toBeNull();
  });

  it('never retried: a 500 or a dropped connection is one request (the run may have started)', async () => {
    sim.inject({ endpoint: 'run-now', times: 1, action: { type: 'status', status: 500 } });
    expect((await rejection(tokenClient(sim).runNow())).kind).toBe('server');
    sim.inject({ endpoint: 'run-now', times: 1, when: 'after', action: { type: 'reset' } });
    expect((await rejection(tokenClient(sim).runNow())).kind).toBe('network');
    expect(sim.requests({ endpoint: 'run-now' })).toHaveLength(2);
    expect(sim.runningJob('default')).not.toBeNull(); // the second one did start: the answer was lost
  });

  it('trusts the HTTP status: a 2xx with an odd body started the run; an HTML page (a proxy login) did not', async () => {
    const client = tokenClient(sim);
    for (const [body, message] of [
      ['', 'Maintenance started'],
      ['OK', 'Maintenance started'],
      ['{"status":{"code":0,"message":"200 OK"}}', '200 OK'],
      ['{"status":{"code":500}}', 'Maintenance started'],
    ] as const) {
      raw('run-now', 200, body);
      expect((await client.runNow()).message, body).toBe(message);
    }
    sim.inject({ endpoint: 'run-now', times: 1, action: { type: 'html', status: 200 } });
    const err = await rejection(client.runNow());
    expect(err).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(err.message).toContain('HTML');
  });

  it('after a 401 with password sign-in, signs in again and sends it once more (the server did not act)', async () => {
    const client = passwordClient(sim);
    await client.signIn();
    sim.expireSessions();
    await client.runNow();
    expect(sim.requests({ endpoint: 'run-now' }).map((r) => r.outcome)).toEqual([401, 200]);
    expect(sim.runs('default', { from: new Date(START.getTime() - 1) }).filter((r) => r.triggerType === TRIGGER_RUN_NOW)).toHaveLength(1);
  });

  it('an org the user cannot reach -> unauthorized (403), no run', async () => {
    const err = await rejection(tokenClient(sim, { orgId: 'finance-prod', credentials: { kind: 'token', token: DEMO_ANALYST_TOKEN } }).runNow());
    expect(err).toMatchObject({ kind: 'unauthorized', status: 403 });
    expect(sim.runningJob('finance-prod')).toBeNull();
  });
});

describe('listOrgs', () => {
  it('the admin reaches every org, with names', async () => {
    const orgs = await tokenClient(sim).listOrgs();
    expect(orgs).toEqual([
      { id: 'default', name: 'Default organization' },
      { id: 'sales-analytics', name: 'Sales Analytics' },
      { id: 'finance-prod', name: 'Finance (production)' },
      { id: 'sandbox', name: 'Sandbox (empty)' },
    ]);
  });

  it('a restricted user lists only the orgs it reaches, and the others answer 403', async () => {
    const analyst = passwordClient(sim, { credentials: { kind: 'password', username: DEMO_ANALYST_USER, password: DEMO_ANALYST_PASSWORD } });
    expect((await analyst.listOrgs()).map((o) => o.id)).toEqual(['default', 'sales-analytics']);
    const other = await rejection(tokenClient(sim, { orgId: 'finance-prod', credentials: { kind: 'token', token: DEMO_ANALYST_TOKEN } }).listSchedules());
    expect(other).toMatchObject({ kind: 'unauthorized', status: 403 });
  });

  it('tolerates other shapes: a bare list, {orgs:[...]}, orgId/displayName keys, strings, numbers, duplicates', async () => {
    const client = tokenClient(sim);
    raw('orgs', 200, [
      { id: 'a', name: 'A' },
      { id: 'a', name: 'A again' },
    ]);
    expect(await client.listOrgs()).toEqual([{ id: 'a', name: 'A' }]);
    raw('orgs', 200, {
      status: { i18n_message: 'ok' },
      response: { orgs: [{ orgId: 'b', displayName: 'B' }, 'c', { organization_id: 7 }, { name: 'no id' }] },
    });
    expect(await client.listOrgs()).toEqual([
      { id: 'b', name: 'B' },
      { id: 'c', name: 'c' },
      { id: '7', name: '7' },
    ]);
  });

  it('an answer with no list, or no entry with an id, is a bad-response', async () => {
    raw('orgs', 200, { response: 'nope' });
    expect((await rejection(tokenClient(sim).listOrgs())).kind).toBe('bad-response');
    raw('orgs', 200, { response: [{ name: 'x' }] });
    expect((await rejection(tokenClient(sim).listOrgs())).message).toContain('no entry has an org id');
  });
});

describe('sessionToken', () => {
  it("an API token's user and issue date (the aging one: 80 days old)", async () => {
    expect(await tokenClient(sim).sessionToken()).toEqual({
      userId: 'admin',
      generatedAt: new Date(START.getTime() - 20 * 86_400_000).toISOString(),
      expiresAt: null,
    });
    const aging = await tokenClient(sim, { credentials: { kind: 'token', token: DEMO_AGING_TOKEN } }).sessionToken();
    expect(aging?.generatedAt).toBe(new Date(START.getTime() - 80 * 86_400_000).toISOString());
  });

  it('a session token from password sign-in: generated when signed in', async () => {
    sim.advanceTime(MIN);
    expect(await passwordClient(sim).sessionToken()).toEqual({ userId: 'admin', generatedAt: new Date(START.getTime() + MIN).toISOString(), expiresAt: null });
  });

  it('404 or 405 (a server without the endpoint) -> null; other spellings and epoch seconds are read', async () => {
    const client = tokenClient(sim);
    sim.inject({ endpoint: 'session-token', times: 1, action: { type: 'status', status: 404 } });
    expect(await client.sessionToken()).toBeNull();
    sim.inject({ endpoint: 'session-token', times: 1, action: { type: 'status', status: 405 } });
    expect(await client.sessionToken()).toBeNull();
    raw('session-token', 200, { userId: 'jo', generatedAt: 1_800_000_000, expires_at: '2027-06-01T00:00:00Z' });
    expect(await client.sessionToken()).toEqual({
      userId: 'jo',
      generatedAt: new Date(1_800_000_000_000).toISOString(),
      expiresAt: '2027-06-01T00:00:00.000Z',
    });
  });

  it('an API token past 90 days stops working (401)', async () => {
    sim.advanceTime(11 * 86_400_000);
    const err = await rejection(tokenClient(sim, { credentials: { kind: 'token', token: DEMO_AGING_TOKEN } }).listSchedules());
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(err.message).toMatch(/expire after 90 days/);
  });
});
