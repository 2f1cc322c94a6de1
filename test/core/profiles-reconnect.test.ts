// A profile change gives every org it touches a fresh connection: once the user fixes a server (its URL
// applied to every org there, or its password typed again), writes that were refused while it was
// offline go through at once, without waiting for a refresh; a cleared secret is then what is missing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const EXPRESSION = '0 0 3 ? * MON *';
let servers: Simulator[] = [];
let dir = '';
let core: AppCore;
beforeEach(async () => {
  servers = [await sim(), await sim()];
  dir = await tempDir('profiles-reconnect-');
  core = await makeCore(dir);
});
afterEach(async () => {
  await core.close();
  for (const s of servers) await s.close();
  await removeDir(dir);
});

/** Orgs "default" and "sales-analytics" on `s`, listed once, then `s` goes offline and both are listed again. */
async function twoOrgsGoneOffline(s: Simulator): Promise<[string, string]> {
  const a = await call(core, 'profiles:save', { profile: profileInput(s, { name: 'A' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
  const b = await call(core, 'profiles:save', { profile: profileInput(s, { name: 'B', orgId: 'sales-analytics' }) });
  for (const p of [a, b]) expect((await call(core, 'schedules:list', { profileId: p.id })).source).toBe('live');
  await s.setOffline(true);
  for (const p of [a, b]) expect((await call(core, 'schedules:list', { profileId: p.id })).stale?.kind).toBe('network');
  for (const [p, orgId] of [
    [a, 'default'],
    [b, 'sales-analytics'],
  ] as const)
    expect((await callFails(core, 'schedules:create', { profileId: p.id, orgId, timeExpression: EXPRESSION })).kind).toBe('offline');
  return [a.id, b.id];
}

const create = (profileId: string, orgId: string) => call(core, 'schedules:create', { profileId, orgId, timeExpression: EXPRESSION });

describe('after a profile change', () => {
  it('a server URL applied to every org makes each of them writable at once', async () => {
    const [down, up] = servers as [Simulator, Simulator];
    const [a, b] = await twoOrgsGoneOffline(down);
    await call(core, 'profiles:save', {
      profile: { ...profileInput(up, { name: 'A' }), id: a },
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
      applyToServer: true,
    });
    const made = [await create(a, 'default'), await create(b, 'sales-analytics')];
    expect(made.map((m) => m.warning)).toEqual([null, null]);
    expect(up.jobs('default', true).map((j) => j.jobId)).toContain(made[0]?.jobId);
    expect(up.jobs('sales-analytics', true).map((j) => j.jobId)).toContain(made[1]?.jobId);
  });

  it('a password typed again for one org reconnects every org that signs in with it; a cleared one is then what is missing', async () => {
    const [s] = servers as [Simulator];
    const [a, b] = await twoOrgsGoneOffline(s);
    await s.setOffline(false);
    await call(core, 'secrets:set', { profileId: a, secret: DEMO_PASSWORD, storage: 'memory' });
    expect((await create(b, 'sales-analytics')).jobId).toEqual(expect.any(String));

    await s.setOffline(true);
    expect((await call(core, 'schedules:list', { profileId: a })).stale?.kind).toBe('network');
    await s.setOffline(false);
    await call(core, 'profiles:save', {
      profile: { ...profileInput(s, { name: 'B', orgId: 'sales-analytics' }), id: b },
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    expect((await create(a, 'default')).jobId).toEqual(expect.any(String));

    await s.setOffline(true);
    expect((await call(core, 'schedules:list', { profileId: a })).stale?.kind).toBe('network');
    await call(core, 'secrets:clear', { profileId: b });
    expect((await callFails(core, 'schedules:create', { profileId: a, orgId: 'default', timeExpression: EXPRESSION })).kind).toBe('no-secret');
  });
});
