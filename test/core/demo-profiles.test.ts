// The two demo profiles: what "Try the demo" adds, how each start points them at the simulator again
// (an edit of either URL included), and that their published password goes to them only and, unlike a
// secret, is never starred in messages, where it would mangle ordinary words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileView } from '@shared/domain';
import type { ProfileInput } from '@shared/ipc/schemas';
import { DEMO_PASSWORD, DEMO_USER, type Simulator } from '@simulator/index';
import { corePerTest } from '../connections/helpers';
import { call, profileInput, sim } from './helpers';

let demo: Simulator;
let elsewhere: Simulator;
beforeAll(async () => {
  demo = await sim();
  elsewhere = await sim();
});
afterAll(async () => {
  await demo.close();
  await elsewhere.close();
});
// The same simulator at each start: the demo's address stays, as when its saved port is free.
const fresh = corePerTest({ demoServer: async () => ({ url: demo.url, close: async () => undefined }) });

const NOTE = 'Demo profile: points at the simulator built into the app. Delete it once you add a real AtScale server.';

async function demoStart(): Promise<{ dev: ProfileView; prod: ProfileView }> {
  const [dev, prod] = await call(fresh.core, 'demo:start', {});
  if (!dev || !prod) throw new Error('demo:start adds two demo profiles');
  return { dev, prod };
}

function edited(p: ProfileView, changes: Partial<ProfileInput>): ProfileInput {
  const { id, serverId: _s, demo: _d, createdAt: _c, updatedAt: _u, hasSecret: _h, secretStorage: _st, ...fields } = p;
  return { ...fields, ...changes, id };
}

describe('the demo profiles', () => {
  it('are two orgs of the simulator in two environments, signed in with its published account, each saying what it is', async () => {
    const { dev, prod } = await demoStart();
    const common = {
      apiUrl: demo.url,
      authUrl: demo.url,
      signIn: 'password',
      username: DEMO_USER,
      serverTimeZone: 'UTC',
      caCertPath: null,
      notes: NOTE,
      demo: true,
      hasSecret: true,
      secretStorage: 'memory',
    };
    expect(dev).toMatchObject({ ...common, name: 'Demo dev', orgId: 'default', environment: { kind: 'development', label: 'development', color: '#2f9e44' } });
    expect(prod).toMatchObject({
      ...common,
      name: 'Demo prod',
      orgId: 'sales-analytics',
      environment: { kind: 'production', label: 'production', color: '#d9480f' },
    });
  });

  it('whose API URL alone was edited point at the simulator again at the next start, and sign in', async () => {
    const { dev, prod } = await demoStart();
    // The edit is made for the server: both orgs of the demo take the new API URL.
    await call(fresh.core, 'profiles:save', { profile: edited(dev, { apiUrl: elsewhere.url }), applyToServer: true });
    expect((await call(fresh.core, 'profiles:list', {})).map((p) => [p.apiUrl, p.authUrl])).toEqual([
      [elsewhere.url, demo.url],
      [elsewhere.url, demo.url],
    ]);
    const core = await fresh.restart();
    const again = await call(core, 'profiles:list', {});
    expect(again.map((p) => [p.id, p.apiUrl, p.authUrl, p.demo, p.hasSecret])).toEqual([
      [dev.id, demo.url, demo.url, true, true],
      [prod.id, demo.url, demo.url, true, true],
    ]);
    expect((await call(core, 'schedules:list', { profileId: dev.id })).source).toBe('live');
  });

  it('whose sign-in URL alone was edited point at the simulator again at the next start, and sign in', async () => {
    const { dev, prod } = await demoStart();
    await call(fresh.core, 'profiles:save', { profile: edited(prod, { authUrl: elsewhere.url }), applyToServer: true });
    expect((await call(fresh.core, 'profiles:list', {})).map((p) => [p.apiUrl, p.authUrl])).toEqual([
      [demo.url, elsewhere.url],
      [demo.url, elsewhere.url],
    ]);
    const core = await fresh.restart();
    const again = await call(core, 'profiles:list', {});
    expect(again.map((p) => [p.id, p.apiUrl, p.authUrl, p.demo, p.hasSecret])).toEqual([
      [dev.id, demo.url, demo.url, true, true],
      [prod.id, demo.url, demo.url, true, true],
    ]);
    expect((await call(core, 'connection:test', { profileId: prod.id })).ok).toBe(true);
  });
});

describe("the demo's published password", () => {
  it('is not starred in messages, and goes to the demo profiles only: a real profile whose name holds it is named as it is', async () => {
    await demoStart();
    // A real profile, saved without a secret, whose name happens to contain the demo password.
    const name = `${DEMO_PASSWORD} mirror`;
    const real = await call(fresh.core, 'profiles:save', { profile: profileInput(elsewhere, { name }) });
    const words = { kind: 'no-secret', message: `No password is stored for “${name}”. Enter it in the profile to connect.` };
    const result = await call(fresh.core, 'connection:test', { profileId: real.id });
    expect(result.ok ? null : result.error).toEqual(words);
    // The next start gives the demo profiles their password again, and the real one still none.
    const core = await fresh.restart();
    expect((await call(core, 'profiles:list', {})).map((p) => [p.name, p.hasSecret])).toEqual([
      ['Demo dev', true],
      ['Demo prod', true],
      [name, false],
    ]);
    const again = await call(core, 'connection:test', { profileId: real.id });
    expect(again.ok ? null : again.error).toEqual(words);
  });
});
