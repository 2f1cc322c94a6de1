// One signed-in client per profile: reused while the profile and its secret are unchanged, rebuilt when
// they change (the old one closed only after its requests could have finished), and a missing secret is
// a no-secret failure that says what to enter.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '@shared/domain';
import type { ClientOptions, ScheduleClient } from '@core/atscale-port';
import { createAtScaleClient } from '@core/atscale/index';
import { clientOptionsFor, createClientPool, requireSecret } from '@core/schedules/client-pool';
import { openSecretVault } from '@core/secrets/secret-vault';
import { startSimulator } from '@simulator/index';

const profile = (over: Partial<Profile> = {}): Profile => ({
  id: 'p1',
  name: 'Sales prod',
  environment: { kind: 'production', label: 'production', color: '#c92a2a' },
  apiUrl: 'http://127.0.0.1:1',
  authUrl: 'http://127.0.0.1:2',
  orgId: 'default',
  signIn: 'password',
  username: 'admin',
  serverTimeZone: 'UTC',
  caCertPath: null,
  notes: '',
  demo: false,
  createdAt: '2026-11-30T00:00:00Z',
  updatedAt: '2026-11-30T00:00:00Z',
  ...over,
});

async function pool(timeoutMs = 1000) {
  const vault = await openSecretVault({ mode: 'memory' });
  const made: { options: ClientOptions; closed: number }[] = [];
  const factory = (options: ClientOptions): ScheduleClient => {
    const record = { options, closed: 0 };
    made.push(record);
    const client = createAtScaleClient(options);
    return {
      ...client,
      close: () => {
        record.closed += 1;
        client.close?.();
      },
    };
  };
  return { vault, made, pool: createClientPool(factory, vault, timeoutMs) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the client pool', () => {
  it('reuses the client while the profile and its secret are unchanged', async () => {
    const { vault, made, pool: p } = await pool();
    await vault.set('p1', 'pw-one', 'memory');
    const first = await p.clientFor(profile());
    expect(await p.clientFor(profile({ name: 'renamed', notes: 'n' }))).toBe(first);
    expect(made).toHaveLength(1);
    expect(made[0]?.options).toEqual({
      apiUrl: 'http://127.0.0.1:1',
      authUrl: 'http://127.0.0.1:2',
      orgId: 'default',
      credentials: { kind: 'password', username: 'admin', password: 'pw-one' },
      timeoutMs: 1000,
    });
    p.closeAll();
    expect(made[0]?.closed).toBe(1);
  });

  it('builds a new client when the password, URL or org changes, closing the old one only after a grace period', async () => {
    vi.useFakeTimers();
    const { vault, made, pool: p } = await pool(1000);
    await vault.set('p1', 'pw-one', 'memory');
    const first = await p.clientFor(profile());
    await vault.set('p1', 'pw-two', 'memory');
    const second = await p.clientFor(profile());
    expect(second).not.toBe(first);
    expect(made[1]?.options.credentials).toEqual({ kind: 'password', username: 'admin', password: 'pw-two' });
    // The old client may still carry a request in flight: it stays open for three request timeouts.
    vi.advanceTimersByTime(2999);
    expect(made[0]?.closed).toBe(0);
    vi.advanceTimersByTime(1);
    expect(made[0]?.closed).toBe(1);
    for (const change of [{ apiUrl: 'http://127.0.0.1:3' }, { authUrl: 'http://127.0.0.1:4' }, { orgId: 'sales' }, { username: 'other' }]) {
      await p.clientFor(profile(change));
    }
    expect(made).toHaveLength(6);
    expect(made.slice(1, 5).map((m) => m.closed)).toEqual([0, 0, 0, 0]);
    p.closeAll();
    // Closing the pool closes the current client and every retired one still waiting.
    expect(made.map((m) => m.closed)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('forgets a profile: its next call builds a fresh client, the old one closed after the grace period', async () => {
    vi.useFakeTimers();
    const { vault, made, pool: p } = await pool(100);
    await vault.set('p1', 'pw', 'memory');
    const first = await p.clientFor(profile());
    p.forget('p1');
    p.forget('never-seen');
    expect(made[0]?.closed).toBe(0);
    vi.advanceTimersByTime(300);
    expect(made[0]?.closed).toBe(1);
    expect(await p.clientFor(profile())).not.toBe(first);
    expect(made).toHaveLength(2);
  });

  it('builds a new client when the trusted CA file changes, and copes with a client that has no close', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pool-ca-'));
    try {
      const tls = await startSimulator({ port: 0, tls: true });
      const pem = tls.caCert ?? '';
      await tls.close();
      const ca = join(dir, 'ca.pem');
      await writeFile(ca, pem);
      const vault = await openSecretVault({ mode: 'memory' });
      await vault.set('p1', 'pw', 'memory');
      const made: ClientOptions[] = [];
      // The port makes close optional: a client without it is retired and dropped all the same.
      const p = createClientPool(
        (options) => {
          made.push(options);
          const { close: _close, ...rest } = createAtScaleClient(options);
          return rest;
        },
        vault,
        10,
      );
      const first = await p.clientFor(profile({ caCertPath: ca }));
      expect(made[0]?.caCert).toBe(pem);
      expect(await p.clientFor(profile({ caCertPath: ca }))).toBe(first);
      await writeFile(ca, `${pem}\n`);
      expect(await p.clientFor(profile({ caCertPath: ca }))).not.toBe(first);
      expect(made).toHaveLength(2);
      p.forget('p1');
      await new Promise((r) => setTimeout(r, 40));
      await p.clientFor(profile({ caCertPath: ca }));
      expect(() => p.closeAll()).not.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('what a client is given', () => {
  it('signs in with the token for a token profile, and trusts the profile CA file when there is one', async () => {
    expect((await clientOptionsFor(profile({ signIn: 'token' }), 'tok', 500)).credentials).toEqual({ kind: 'token', token: 'tok' });
    await expect(clientOptionsFor(profile({ caCertPath: '/no/such/ca.pem' }), 'pw', 500)).rejects.toMatchObject({
      kind: 'tls',
      message: expect.stringContaining('does not exist'),
    });
  });

  it('says which secret to enter when none is stored', async () => {
    const vault = await openSecretVault({ mode: 'memory' });
    await expect(requireSecret(vault, profile())).rejects.toMatchObject({
      kind: 'no-secret',
      message: 'No password is stored for “Sales prod”. Enter it in the profile to connect.',
    });
    await expect(requireSecret(vault, profile({ signIn: 'token' }))).rejects.toMatchObject({ message: expect.stringMatching(/^No API token is stored/) });
    await vault.set('p1', 'pw', 'memory');
    expect(await requireSecret(vault, profile())).toBe('pw');
  });
});
