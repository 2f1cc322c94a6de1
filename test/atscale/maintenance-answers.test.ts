// Contract: the tolerant reading of the maintenance and account answers (the running job, run now, the
// user's orgs, the session token) beyond the documented samples: other spellings, list and bare payloads,
// time formats, what counts as "nothing", and the requests these calls put on the wire.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtScaleClient } from '@core/atscale/index';
import { startSimulator, type Simulator } from '@simulator/index';
import { FAST_RETRY, rejection, tokenClient } from './helpers';
import { answerLikeAtScale, startRawServer, type RawServer } from './raw-server';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator({ now: () => new Date('2027-03-10T12:00:00Z') });
});
afterEach(async () => {
  await sim.close();
});

type Endpoint = 'running' | 'run-now' | 'orgs' | 'session-token';
const raw = (endpoint: Endpoint, status: number, body: unknown): void => {
  sim.inject({ endpoint, times: 1, action: { type: 'raw', status, body: typeof body === 'string' ? body : JSON.stringify(body) } });
};
const STARTED = '2027-03-10T11:58:00.000Z';

describe('getRunningJob: what counts as nothing running, and which job is the running one', () => {
  it('a bare JSON null, or a body of only white space, means nothing runs', async () => {
    const client = tokenClient(sim);
    raw('running', 200, 'null');
    expect(await client.getRunningJob()).toBeNull();
    raw('running', 200, ' \r\n ');
    expect(await client.getRunningJob()).toBeNull();
  });

  it('a list answer: the first entry that is not null is the running job (id or jobId)', async () => {
    const client = tokenClient(sim);
    raw('running', 200, { response: [null, { jobId: 'job-9', triggerType: 'ScheduledMaintenance', startTime: STARTED }] });
    expect(await client.getRunningJob()).toEqual({ id: 'job-9', triggerType: 'ScheduledMaintenance', creationTime: null, startTime: STARTED, status: null });
    raw('running', 200, [{ id: 5, status: 'RUNNING', startTime: STARTED }]);
    expect(await client.getRunningJob()).toEqual({ id: '5', triggerType: null, creationTime: null, startTime: STARTED, status: 'RUNNING' });
  });

  it('a job with an end time is the last run, not a running one; a null or unreadable end time is still running', async () => {
    const client = tokenClient(sim);
    raw('running', 200, { response: { id: 'j1', triggerType: 'Manual', startTime: STARTED, endTime: '2027-03-10T11:59:30Z' } });
    expect(await client.getRunningJob()).toBeNull();
    raw('running', 200, { response: { id: 'j1', triggerType: 'Manual', startTime: STARTED, endTime: 1_804_680_000_000 } });
    expect(await client.getRunningJob()).toBeNull();
    for (const endTime of [null, '', 'pending']) {
      raw('running', 200, { response: { id: 'j1', triggerType: 'Manual', creationTime: null, startTime: STARTED, endTime } });
      expect(await client.getRunningJob()).toEqual({ id: 'j1', triggerType: 'Manual', creationTime: null, startTime: STARTED, status: null });
    }
  });

  it('reads times with an offset, epoch milliseconds or seconds as text (fractions, padding); an unreadable one is unknown', async () => {
    const client = tokenClient(sim);
    for (const [startTime, expected] of [
      ['2027-03-10T12:58:00+01:00', STARTED],
      ['2027-03-10T11:58:00Z', STARTED],
      ['1804679880000', STARTED],
      [' 1804679880000 ', STARTED],
      ['1804679880', STARTED],
      ['1804679880.25', '2027-03-10T11:58:00.250Z'],
      [1_804_679_880, STARTED],
      ['11:58', null],
      ['', null],
      [1e20, null], // a number of milliseconds no date can hold
    ] as const) {
      raw('running', 200, { response: { id: 'j1', triggerType: 'Manual', startTime } });
      expect((await client.getRunningJob())?.startTime, JSON.stringify(startTime)).toBe(expected);
    }
  });

  it('a failure says what was being read, in which org', async () => {
    sim.inject({ endpoint: 'running', action: { type: 'status', status: 500 } });
    const err = await rejection(tokenClient(sim, { orgId: 'sales-analytics' }).getRunningJob());
    expect(err).toMatchObject({ kind: 'server', status: 500 });
    expect(err.message).toMatch(/^Reading the running maintenance job of org "sales-analytics" failed: AtScale had a server error \(HTTP 500\)/);
  });
});

describe('runNow: the request and the words shown', () => {
  let server: RawServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('is one POST to run-immediately with an empty body', async () => {
    server = await startRawServer((req, res) => answerLikeAtScale(req, res));
    const client = createAtScaleClient({ apiUrl: server.url, orgId: 'default', credentials: { kind: 'token', token: 'raw-test-token-0123456789' } });
    expect(await client.runNow()).toEqual({ message: 'Maintenance successfully started' });
    expect(server.requests).toEqual(['POST /api/1.0/aggregates/maintenance/orgId/default/run-immediately']);
    expect(server.received[0]?.body).toBe('');
    client.close();
  });

  it("shows status.message (with or without a response key), else a text response, else 'Maintenance started'", async () => {
    const client = tokenClient(sim);
    for (const [body, expected] of [
      ['{"status":{"code":0,"message":"200 OK"}}', '200 OK'],
      ['{"response":"Maintenance queued for default"}', 'Maintenance queued for default'],
      ['{"status":{"code":200},"response":"Run 42 started"}', 'Run 42 started'],
      ['{"status":{"code":200,"message":"Started"},"response":"Run 42 started"}', 'Started'],
      ['{"status":{"code":200},"response":{"runId":42}}', 'Maintenance started'],
      ['{"status":{"code":200,"message":"  "},"response":null}', 'Maintenance started'],
      ['"started"', 'Maintenance started'],
      ['OK', 'Maintenance started'],
      ['', 'Maintenance started'],
    ] as const) {
      raw('run-now', 200, body);
      expect((await client.runNow()).message, body).toBe(expected);
    }
    expect(sim.requests({ endpoint: 'run-now' })).toHaveLength(9);
  });
});

describe('listOrgs: other wrappers and spellings', () => {
  it('reads the list under organizations, items or data', async () => {
    const client = tokenClient(sim);
    for (const key of ['organizations', 'items', 'data']) {
      raw('orgs', 200, { response: { [key]: [{ id: `org-${key}`, name: key }] } });
      expect(await client.listOrgs()).toEqual([{ id: `org-${key}`, name: key }]);
    }
  });

  it('trims ids; a blank id or one too big for a JSON number gives way to the next spelling, a blank name to the next name', async () => {
    // As the server wrote it: the third id has more digits than a JSON number keeps.
    raw(
      'orgs',
      200,
      '[" c ", {"id":"  ","orgId":" b ","name":"  ","displayName":"Bee"}, {"id":12345678901234567890,"guid":"g-1"}, {"id":3,"name":"Three"}, "   "]',
    );
    expect(await tokenClient(sim).listOrgs()).toEqual([
      { id: 'c', name: 'c' },
      { id: 'b', name: 'Bee' },
      { id: 'g-1', name: 'g-1' },
      { id: '3', name: 'Three' },
    ]);
  });

  it('an empty list is no orgs, not an error; an answer that is no list says so', async () => {
    raw('orgs', 200, { status: { code: 0, message: '200 OK' }, response: [] });
    expect(await tokenClient(sim).listOrgs()).toEqual([]);
    raw('orgs', 200, { response: { orgs: 'none' } });
    const err = await rejection(tokenClient(sim).listOrgs());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(
      /^Listing the orgs this user can reach got an answer of the wrong shape from 127\.0\.0\.1:\d+ \(response: expected a list of orgs\)/,
    );
  });

  it('trusts the HTTP status over status.code, retries a server error (a read), and names the call when it fails', async () => {
    raw('orgs', 200, { status: { code: 500, message: 'weird' }, response: [{ id: 'a', name: 'A' }] });
    expect(await tokenClient(sim).listOrgs()).toEqual([{ id: 'a', name: 'A' }]);
    sim.inject({ endpoint: 'orgs', times: 1, action: { type: 'status', status: 502 } });
    expect((await tokenClient(sim).listOrgs()).map((o) => o.id)).toContain('default');
    expect(sim.requests({ endpoint: 'orgs' }).map((r) => r.outcome)).toEqual([200, 502, 200]);
    sim.inject({ endpoint: 'orgs', action: { type: 'status', status: 500 } });
    const err = await rejection(tokenClient(sim).listOrgs());
    expect(err).toMatchObject({ kind: 'server', status: 500 });
    expect(err.message).toMatch(/^Listing the orgs this user can reach failed: AtScale had a server error \(HTTP 500\)/);
  });
});

describe('sessionToken: other shapes', () => {
  it('a null response means the server gives no details', async () => {
    raw('session-token', 200, { status: { code: 0, message: '200 OK' }, response: null });
    expect(await tokenClient(sim).sessionToken()).toBeNull();
  });

  it('a payload that is not an object is a bad-response saying what was expected', async () => {
    for (const response of ['admin', ['admin'], 42]) {
      raw('session-token', 200, { response });
      const err = await rejection(tokenClient(sim).sessionToken());
      expect(err.kind, JSON.stringify(response)).toBe('bad-response');
      expect(err.message).toContain('(response: expected an object with user_id and generated_at)');
    }
  });

  it('an unreadable time gives way to the next spelling; none readable is unknown', async () => {
    raw('session-token', 200, {
      response: {
        user_id: 'jo',
        generated_at: { epochSecond: 1_800_000_000, nano: 0 },
        createdAt: 'yesterday',
        issued_at: '2027-01-01T00:00:00Z',
        expiry: 'never',
      },
    });
    expect(await tokenClient(sim).sessionToken()).toEqual({ userId: 'jo', generatedAt: '2027-01-01T00:00:00.000Z', expiresAt: null });
  });

  it('trusts the HTTP status over status.code, retries a server error (a read), and names the call when it fails', async () => {
    raw('session-token', 200, { status: { code: 500 }, response: { user_id: 'jo', generated_at: '2027-01-01T00:00:00Z' } });
    expect(await tokenClient(sim).sessionToken()).toEqual({ userId: 'jo', generatedAt: '2027-01-01T00:00:00.000Z', expiresAt: null });
    sim.inject({ endpoint: 'session-token', times: 1, action: { type: 'status', status: 502 } });
    expect(await tokenClient(sim).sessionToken()).toMatchObject({ userId: 'admin' });
    expect(sim.requests({ endpoint: 'session-token' }).map((r) => r.outcome)).toEqual([200, 502, 200]);
    sim.inject({ endpoint: 'session-token', action: { type: 'status', status: 500 } });
    const err = await rejection(tokenClient(sim, { retry: { ...FAST_RETRY, attempts: 1 } }).sessionToken());
    expect(err).toMatchObject({ kind: 'server', status: 500 });
    expect(err.message).toMatch(/^Reading the session token details failed: AtScale had a server error \(HTTP 500\)/);
  });
});
