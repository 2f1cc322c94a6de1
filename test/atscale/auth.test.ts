// Contract: password sign-in, API tokens, and one re-sign-in when the session token expires.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, DEMO_PASSWORD, type Simulator } from '@simulator/index';
import { expectNoSecret, passwordClient, rejection, tokenClient } from './helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => {
  await sim.close();
});

const count = (endpoint: 'auth' | 'list' | 'create'): number => sim.requests({ endpoint }).length;

describe('sign-in and tokens', () => {
  it('re-signs in exactly once when the session token has expired, and the call succeeds', async () => {
    const client = passwordClient(sim);
    await client.listSchedules();
    expect(sim.expireSessions()).toBe(1);
    const schedules = await client.listSchedules();
    expect(schedules.length).toBeGreaterThan(0);
    expect(count('auth')).toBe(2);
    expect(sim.requests({ endpoint: 'list' }).map((r) => r.outcome)).toEqual([200, 401, 200]);
  });

  it('re-signs in once after a session TTL passes on the simulated clock', async () => {
    await sim.close();
    sim = await startSimulator({ sessionTtlMs: 60_000 });
    const client = passwordClient(sim);
    await client.listSchedules();
    sim.advanceTime(61_000);
    await client.listSchedules();
    expect(count('auth')).toBe(2);
  });

  it('re-signs in once for a POST refused with 401 and creates exactly one job', async () => {
    const client = passwordClient(sim, { orgId: 'sandbox' });
    await client.signIn();
    sim.expireSessions();
    const created = await client.createSchedule('0 0 4 ? * * *');
    expect(sim.jobs('sandbox').map((j) => j.jobId)).toEqual([created.jobId]);
    expect(count('auth')).toBe(2);
    expect(sim.requests({ endpoint: 'create' }).map((r) => r.outcome)).toEqual([401, 200]);
  });

  it('a POST refused with 401 whose fresh sign-in is cut off rejects as never sent; a reset of the POST itself does not', async () => {
    const client = passwordClient(sim, { orgId: 'sandbox' });
    await client.signIn();
    sim.expireSessions();
    const signIn = sim.inject({ endpoint: 'auth', action: { type: 'reset' } });
    const refused = await rejection(client.createSchedule('0 0 4 ? * * *'));
    sim.removeFault(signIn);
    expect(refused).toMatchObject({ kind: 'network', notSent: true });
    expect(sim.jobs('sandbox')).toEqual([]);
    sim.inject({ endpoint: 'create', action: { type: 'reset' }, when: 'after', times: 1 });
    const lost = await rejection(client.createSchedule('0 0 5 ? * * *'));
    expect(lost).toMatchObject({ kind: 'network', notSent: false });
    expect(sim.jobs('sandbox')).toHaveLength(1);
  });

  it('gives up with unauthorized after one re-sign-in when the API keeps answering 401 (no loop)', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 401 } });
    const err = await rejection(passwordClient(sim).listSchedules());
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(err.message).toMatch(/user name and password/);
    expect(count('auth')).toBe(2);
    expect(count('list')).toBe(2);
  });

  it('a wrong password -> unauthorized at the sign-in step, no API call made', async () => {
    const client = passwordClient(sim, { credentials: { kind: 'password', username: 'admin', password: 'not-the-password' } });
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401, step: 'sign-in' });
    expect(err.message).toContain('Sign-in');
    expectNoSecret(err, ['not-the-password']);
    expect(count('list')).toBe(0);
  });

  it('signIn() signs in on its own so "Test connection" can tell sign-in from listing', async () => {
    await passwordClient(sim).signIn();
    expect(count('auth')).toBe(1);
    expect(count('list')).toBe(0);
    await tokenClient(sim).signIn();
    expect(count('auth')).toBe(1);
  });

  it('sign-in for an unknown org -> not-found at the sign-in step', async () => {
    const err = await rejection(passwordClient(sim, { orgId: 'ghost' }).signIn());
    expect(err).toMatchObject({ kind: 'not-found', step: 'sign-in' });
    expect(err.message).toContain('ghost');
  });

  it('a sign-in URL that answers with an HTML page -> bad-response at the sign-in step', async () => {
    sim.inject({ endpoint: 'auth', action: { type: 'html', status: 200 } });
    const err = await rejection(passwordClient(sim).listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', step: 'sign-in' });
    expect(err.message).toMatch(/Design Center URL/);
  });

  it('a revoked or expired API token -> unauthorized, without any sign-in attempt', async () => {
    const client = tokenClient(sim, { credentials: { kind: 'token', token: 'revoked-token-0123456789' } });
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(err.message).toMatch(/API token/);
    expectNoSecret(err, ['revoked-token-0123456789']);
    expect(count('auth')).toBe(0);
    expect(count('list')).toBe(1);
  });

  it('uses a separate sign-in URL when given (authUrl), and the API URL for the API', async () => {
    const other = await startSimulator();
    try {
      const client = passwordClient(sim, { authUrl: other.url });
      // The token comes from the other server, so this server refuses it: proves where each call went.
      const err = await rejection(client.listSchedules());
      expect(err.kind).toBe('unauthorized');
      expect(other.requests({ endpoint: 'auth' })).toHaveLength(2);
      expect(count('auth')).toBe(0);
      expect(count('list')).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('the simulator never logs credentials', async () => {
    await passwordClient(sim).listSchedules();
    expect(JSON.stringify(sim.requests())).not.toContain(DEMO_PASSWORD);
  });
});
