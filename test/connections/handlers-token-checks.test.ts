// The token channels speak only of API tokens a profile signs in with now: a profile switched to a
// password, or whose token is gone from the keychain, has no age even where an old date remains; a check
// asks the server only about a token, falls back to the saved date on a server without the endpoint, and
// leaves no connection open behind it.
import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKEN, type Simulator } from '@simulator/index';
import type { ProfileView } from '@shared/domain';
import type { ProfileInput } from '@shared/ipc/schemas';
import { keyringOrSkip } from '../core/helpers';
import { call, callFails, corePerTest, profileInput, saveProfile, sim } from './helpers';

let s: Simulator;
let other: Simulator;
beforeAll(async () => {
  s = await sim();
  other = await sim();
});
afterAll(async () => {
  await s.close();
  await other.close();
});

const token = { signIn: 'token' as const, username: '' };

/** The form of a saved profile, as the editor sends it back with changes. */
function edited(p: ProfileView, changes: Partial<ProfileInput>): ProfileInput {
  const { id, serverId: _s, demo: _d, createdAt: _c, updatedAt: _u, hasSecret: _h, secretStorage: _st, ...fields } = p;
  return { ...fields, ...changes, id };
}

describe('token ages', () => {
  const fresh = corePerTest();

  it('a profile switched from an API token to a password has none, while the org left on its former server keeps its own', async () => {
    // The first org made the server (its id names the server's secret and dates); the second shares them.
    const first = await saveProfile(fresh.core, s, { name: 'First org', ...token }, DEMO_TOKEN);
    const second = await saveProfile(fresh.core, s, { name: 'Second org', orgId: 'sales-analytics', ...token }, DEMO_TOKEN);
    expect((await call(fresh.core, 'tokens:ages', {})).map((a) => a.profileId).sort()).toEqual([first.id, second.id].sort());

    const switched = await call(fresh.core, 'profiles:save', {
      profile: edited(first, { signIn: 'password', username: 'admin' }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    expect(switched).toMatchObject({ signIn: 'password', hasSecret: true });
    const ages = await call(fresh.core, 'tokens:ages', {});
    expect(ages.map((a) => [a.profileId, a.source])).toEqual([[second.id, 'saved']]);
    expect(await call(fresh.core, 'tokens:check', { profileId: first.id })).toBeNull();
  });
});

describe('checking a token', () => {
  const fresh = corePerTest();

  it('of a password profile asks nothing of its server', async () => {
    const saved = await saveProfile(fresh.core, s, { name: 'Password org' });
    s.clearRequests();
    expect(await call(fresh.core, 'tokens:check', { profileId: saved.id })).toBeNull();
    expect(s.requests()).toEqual([]);
  });

  it('on a server without the session-token endpoint counts from when the token was saved here', async () => {
    const saved = await saveProfile(fresh.core, other, { name: 'Older server', ...token }, DEMO_TOKEN);
    const fault = other.inject({ endpoint: 'session-token', action: { type: 'status', status: 404 } });
    try {
      const age = await call(fresh.core, 'tokens:check', { profileId: saved.id });
      expect(age).toMatchObject({ profileId: saved.id, source: 'saved', warn: false });
      expect([89, 90]).toContain(age?.daysLeft);
    } finally {
      other.removeFault(fault);
    }
    // The server that says when the token was issued (20 days ago) is believed once it answers.
    const told = await call(fresh.core, 'tokens:check', { profileId: saved.id });
    expect(told).toMatchObject({ source: 'server', warn: false });
    expect([69, 70]).toContain(told?.daysLeft);
  });

  it('leaves no connection open to the server once it answered', async () => {
    // A TCP relay in front of the simulator counts the connections the app holds open.
    const open = new Set<Socket>();
    const relay: Server = createServer((client) => {
      open.add(client);
      const upstream = connect(s.port, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      const drop = (): void => {
        open.delete(client);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', drop).on('error', drop);
      upstream.on('close', drop).on('error', drop);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    try {
      const address = relay.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const saved = await saveProfile(fresh.core, { url }, { name: 'Behind a relay', ...token }, DEMO_TOKEN);
      expect(await call(fresh.core, 'tokens:check', { profileId: saved.id })).toMatchObject({ source: 'server' });
      // The server would keep an idle connection for 5 s; the app closes its own at once.
      const deadline = Date.now() + 1500;
      while (open.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(open.size).toBe(0);
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });
});

describe('a token removed from the keychain outside the app', { timeout: 60_000 }, () => {
  const ready = keyringOrSkip();
  const service = `AtScale Maintenance Scheduler test ${randomUUID()}`;
  const fresh = corePerTest({ secrets: 'keytar', keychainService: service });

  it.skipIf(!ready)('has no age after a restart, although its date is still on file, and checking it asks for the token', async () => {
    const keytar = (await import('keytar')).default;
    try {
      const saved = await call(fresh.core, 'profiles:save', {
        profile: profileInput(s, { name: 'Keychain token', ...token }),
        secret: DEMO_TOKEN,
        secretStorage: 'keychain',
      });
      expect((await call(fresh.core, 'tokens:ages', {})).map((a) => a.profileId)).toEqual([saved.id]);
      // The user deletes the entry in the system's keychain app while the app is closed.
      for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
      const core = await fresh.restart();
      expect((await call(core, 'profiles:list', {})).map((p) => [p.name, p.hasSecret])).toEqual([['Keychain token', false]]);
      expect(await call(core, 'tokens:ages', {})).toEqual([]);
      expect(await callFails(core, 'tokens:check', { profileId: saved.id })).toEqual({
        kind: 'no-secret',
        message: 'No API token is stored for “Keychain token”. Enter it in the profile to connect.',
      });
    } finally {
      for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
    }
  });
});
