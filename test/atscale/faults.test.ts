// Contract: every documented status code and every simulator fault, as the client reports them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@simulator/index';
import { createAtScaleClient } from '@core/atscale/index';
import { fullBacklogPort } from './full-backlog';
import { expectNoSecret, passwordClient, rejection, tokenClient } from './helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => {
  await sim.close();
});

const listCount = (): number => sim.requests({ endpoint: 'list' }).length;

describe('status codes', () => {
  it('400 -> bad-request, not retried', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 400, message: 'Invalid request: missing parameters' } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err).toMatchObject({ kind: 'bad-request', status: 400 });
    expect(err.message).toContain('missing parameters');
    expect(listCount()).toBe(1);
  });

  it('404 for an unknown org -> not-found naming the org and what to check', async () => {
    const err = await rejection(tokenClient(sim, { orgId: 'nope' }).listSchedules());
    expect(err).toMatchObject({ kind: 'not-found', status: 404 });
    expect(err.message).toContain('"nope"');
    expect(err.message).toMatch(/org ID/);
  });

  it('500 on every try -> server, after exactly 3 GETs (the retry budget)', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 500 } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err).toMatchObject({ kind: 'server', status: 500 });
    expect(err.message).toMatch(/try again later/i);
    expect(listCount()).toBe(3);
  });

  it('503 twice then 200 -> the GET retries and succeeds', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 503 }, times: 2 });
    const schedules = await tokenClient(sim).listSchedules();
    expect(schedules.length).toBeGreaterThan(0);
    expect(sim.requests({ endpoint: 'list' }).map((r) => r.outcome)).toEqual([503, 503, 200]);
  });

  it("honours a 503's Retry-After, capped at retry.maxDelayMs", async () => {
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 503, retryAfterSeconds: 1 }, times: 1 });
    const started = Date.now();
    await tokenClient(sim, { retry: { baseDelayMs: 5, maxDelayMs: 300 } }).listSchedules();
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1000);
    expect(listCount()).toBe(2);
  });

  it('the retry budget is configurable (1 try = no retry)', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 503 } });
    await rejection(tokenClient(sim, { retry: { attempts: 1 } }).listSchedules());
    expect(listCount()).toBe(1);
  });

  it('200 with an error envelope (status.code 500) is reported as the envelope says', async () => {
    const body = JSON.stringify({ status: { code: 500, message: 'engine unavailable' }, response: null });
    sim.inject({ endpoint: 'list', action: { type: 'raw', status: 200, body } });
    const err = await rejection(tokenClient(sim, { retry: { attempts: 1 } }).listSchedules());
    expect(err).toMatchObject({ kind: 'server', status: 500 });
    expect(err.message).toContain('engine unavailable');
  });
});

describe('faults', () => {
  it('an HTML error page -> bad-response that points at the URL', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'html', status: 200 } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('HTML');
    expect(err.message).toMatch(/API URL/);
  });

  it('an HTML 502 page from a proxy -> server error, retried like any 5xx', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'html' } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err).toMatchObject({ kind: 'server', status: 502 });
    expect(listCount()).toBe(3);
  });

  it('malformed JSON -> bad-response', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'malformed-json' } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('malformed JSON');
  });

  it('JSON of the wrong shape -> bad-response naming the field', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'wrong-shape' } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('response');
  });

  it('a job without job_id -> bad-response naming response[0].job_id', async () => {
    const body = JSON.stringify({ status: { code: 200 }, response: [{ time_expression: '0 0 4 ? * * *' }] });
    sim.inject({ endpoint: 'list', action: { type: 'raw', status: 200, body } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('response[0].job_id');
  });

  it('a hanging connection -> timeout after timeoutMs, not retried', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'hang' } });
    const started = Date.now();
    const err = await rejection(tokenClient(sim, { timeoutMs: 400 }).listSchedules());
    const elapsed = Date.now() - started;
    expect(err.kind).toBe('timeout');
    expect(err.step).toBeUndefined(); // connected fine: the server itself is silent
    expect(err.message).toContain('did not answer within 400 ms');
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(2000);
    expect(listCount()).toBe(1);
  });

  it('a server that never completes the TCP connect -> timeout at the connect step, not retried', async () => {
    const blackhole = await fullBacklogPort();
    try {
      const started = Date.now();
      const err = await rejection(tokenClient(sim, { apiUrl: `http://127.0.0.1:${blackhole.port}`, timeoutMs: 300 }).listSchedules());
      const elapsed = Date.now() - started;
      expect(err).toMatchObject({ kind: 'timeout', step: 'connect', code: 'ETIMEDOUT' });
      expect(err.message).toContain(`Could not connect to 127.0.0.1:${blackhole.port} within 300 ms`);
      expect(err.message).toMatch(/firewall/);
      // One deadline, no retry: a timed-out connect is not tried again (the user already waited once).
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(1500);
    } finally {
      await blackhole.close();
    }
  });

  it('latency below the timeout is just slow; above it is a timeout', async () => {
    sim.setLatency(150);
    const started = Date.now();
    await tokenClient(sim).listSchedules();
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    const err = await rejection(tokenClient(sim, { timeoutMs: 60 }).listSchedules());
    expect(err.kind).toBe('timeout');
  });

  it('a dropped connection on a GET is retried, then succeeds', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'reset' }, times: 1 });
    const schedules = await tokenClient(sim).listSchedules();
    expect(schedules.length).toBeGreaterThan(0);
    expect(sim.requests({ endpoint: 'list' }).map((r) => r.outcome)).toEqual(['reset', 200]);
  });

  it('a closed port (server offline) -> network / ECONNREFUSED at the connect step, after retries', async () => {
    const client = tokenClient(sim);
    await sim.setOffline(true);
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', cause: 'ECONNREFUSED', step: 'connect' });
    expect(err.message).toContain(`127.0.0.1:${sim.port}`);
    await sim.setOffline(false);
    expect((await client.listSchedules()).length).toBeGreaterThan(0);
  });

  it('an unknown host -> network at the dns step (ENOTFOUND or EAI_AGAIN)', async () => {
    const client = createAtScaleClient({
      apiUrl: 'https://atscale.invalid:10502',
      orgId: 'default',
      credentials: { kind: 'token', token: 'abc' },
      timeoutMs: 5000,
    });
    const err = await rejection(client.listSchedules());
    expect(['network', 'timeout']).toContain(err.kind);
    if (err.kind === 'network') {
      expect(err.step).toBe('dns');
      expect(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']).toContain(err.code);
      expect(err.message).toContain('atscale.invalid');
    }
  });

  it('faults can target one org only', async () => {
    sim.inject({ orgId: 'finance-prod', action: { type: 'status', status: 500 } });
    await expect(tokenClient(sim).listSchedules()).resolves.toBeInstanceOf(Array);
    await expect(tokenClient(sim, { orgId: 'finance-prod' }).listSchedules()).rejects.toMatchObject({ kind: 'server' });
  });

  it('no error message carries the password, the API token or the session token, even when the server echoes them', async () => {
    // A broken server echoing the credentials back into its error message: each client scrubs its own secret.
    const echo = (secret: string): string => JSON.stringify({ status: { code: 400, message: `bad credentials: ${secret}` }, response: null });
    sim.inject({ endpoint: 'list', action: { type: 'raw', status: 400, body: echo('atscale-demo') }, times: 1 });
    const echoed = await rejection(passwordClient(sim).listSchedules());
    expect(echoed.message).toContain('bad credentials: ***');
    sim.inject({ endpoint: 'list', action: { type: 'raw', status: 400, body: echo('demo-api-token-7c1f3b2a9e6d4f08b5a1c2d3e4f5a6b7') }, times: 1 });
    const echoedToken = await rejection(tokenClient(sim).listSchedules());
    expect(echoedToken.message).toContain('bad credentials: ***');

    // Echoing the Authorization header: Basic (base64 and decoded) on sign-in, the session bearer on the API.
    sim.inject({ endpoint: 'auth', action: { type: 'echo-credentials', status: 500 }, times: 1 });
    const echoedBasic = await rejection(passwordClient(sim, { retry: { attempts: 1 } }).signIn());
    expect(echoedBasic.message).toContain('Basic *** (admin:***)');
    const client = passwordClient(sim, { retry: { attempts: 1 } });
    await client.signIn();
    sim.inject({ endpoint: 'list', action: { type: 'echo-credentials', status: 500 }, times: 1 });
    const echoedBearer = await rejection(client.listSchedules());
    expect(echoedBearer.message).toMatch(/Bearer \*\*\*/);
    expect(echoedBearer.message).not.toMatch(/Bearer [A-Za-z0-9_-]{8,}/);

    const errors = [echoed, echoedToken, echoedBasic, echoedBearer];
    for (const action of [
      { type: 'html' } as const,
      { type: 'malformed-json' } as const,
      { type: 'status', status: 401 } as const,
      { type: 'status', status: 404 } as const,
    ]) {
      sim.inject({ action, times: 3 });
      errors.push(await rejection(passwordClient(sim, { retry: { attempts: 1 } }).listSchedules()));
      sim.clearFaults();
    }
    errors.push(await rejection(passwordClient(sim, { credentials: { kind: 'password', username: 'admin', password: 'wrong-password-123' } }).listSchedules()));
    for (const err of errors) expectNoSecret(err, ['wrong-password-123']);
  });
});
