// The profile list through the core's handlers: copies get names that are free, renames stamp the change
// time, the number of profiles is bounded (edits still allowed at the bound), and a secret is never kept in
// memory unless the user chose it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { MAX_PROFILES } from '@core/profiles/profile-transfer';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, tempDir } from './helpers';

const server = { url: 'https://atscale.example.com:10502' };
const T0 = new Date('2026-12-01T08:00:00.000Z');
const T1 = new Date('2026-12-01T09:30:00.000Z');

let dir: string;
let core: AppCore;
let clock: Date;
beforeEach(async () => {
  dir = await tempDir('profiles-service-');
  clock = T0;
  core = await makeCore(dir, { now: () => clock });
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
});

describe('copies and renames', () => {
  it('a copy takes the first free name, on the same server, stamped now', async () => {
    const p = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Sales' }) });
    clock = T1;
    const names: string[] = [];
    for (let i = 0; i < 3; i += 1) names.push((await call(core, 'profiles:duplicate', { id: p.id })).name);
    expect(names).toEqual(['Sales (copy)', 'Sales (copy) 2', 'Sales (copy) 3']);
    const named = await call(core, 'profiles:duplicate', { id: p.id, name: 'Sales' });
    expect(named).toMatchObject({ name: 'Sales 2', serverId: p.serverId, createdAt: T1.toISOString(), updatedAt: T1.toISOString() });
    expect((await call(core, 'profiles:duplicate', { id: p.id, name: 'Finance' })).name).toBe('Finance');
  });

  it('a rename changes that profile only, stamped now', async () => {
    const a = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'A' }) });
    const b = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'B', orgId: 'other' }) });
    clock = T1;
    expect(await call(core, 'profiles:rename', { id: a.id, name: 'Renamed' })).toMatchObject({
      id: a.id,
      name: 'Renamed',
      createdAt: T0.toISOString(),
      updatedAt: T1.toISOString(),
    });
    expect((await call(core, 'profiles:list', {})).map((p) => [p.name, p.updatedAt])).toEqual([
      ['Renamed', T1.toISOString()],
      ['B', T0.toISOString()],
    ]);
    expect((await callFails(core, 'profiles:rename', { id: 'gone', name: 'X' })).kind).toBe('not-found');
    expect(await callFails(core, 'profiles:save', { profile: { ...profileInput(server), id: a.id, serverTimeZone: 'Mars/Base' } })).toEqual({
      kind: 'invalid-input',
      message: 'Server time zone “Mars/Base” is not a known IANA time zone. Use a name such as UTC, Europe/Berlin or America/New_York.',
    });
    expect(b.name).toBe('B');
  });
});

describe('the number of profiles', () => {
  it('stops at the maximum for a new profile and a copy, while an existing one can still be edited', async () => {
    // A data folder one profile short of the maximum, as a long-used app leaves it.
    await core.close();
    const stamp = T0.toISOString();
    const { name: _n, environment, ...shared } = profileInput(server);
    const profiles = Array.from({ length: MAX_PROFILES - 1 }, (_, i) => ({
      id: `p-${i}`,
      serverId: 'srv',
      name: `P ${i}`,
      color: environment.color,
      orgId: shared.orgId,
      notes: '',
      demo: false,
      createdAt: stamp,
      updatedAt: stamp,
    }));
    const { orgId: _o, notes: _x, ...serverFields } = shared;
    const servers = [{ id: 'srv', ...serverFields, environment: { kind: environment.kind, label: environment.label }, createdAt: stamp, updatedAt: stamp }];
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ schemaVersion: 3, servers, profiles }));
    core = await makeCore(dir, { now: () => clock });
    expect((await call(core, 'app:info', {})).dataProblems).toEqual([]);

    expect((await call(core, 'profiles:save', { profile: profileInput(server, { name: 'The last one' }) })).name).toBe('The last one');
    const full = { kind: 'invalid-input', message: `The app keeps at most ${MAX_PROFILES} profiles. Delete some before adding more.` };
    expect(await callFails(core, 'profiles:save', { profile: profileInput(server, { name: 'One more' }) })).toEqual(full);
    expect(await callFails(core, 'profiles:duplicate', { id: 'p-0' })).toEqual(full);
    expect((await call(core, 'profiles:save', { profile: { ...profileInput(server, { name: 'Edited' }), id: 'p-0' } })).name).toBe('Edited');
    await call(core, 'profiles:delete', { id: 'p-1' });
    expect((await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Fits again' }) })).name).toBe('Fits again');
    expect(await call(core, 'profiles:list', {})).toHaveLength(MAX_PROFILES);
  });
});

describe('a secret without a chosen storage', () => {
  it('is refused when there is no keychain, naming why and the memory option, and nothing is saved', async () => {
    const info = await call(core, 'app:info', {});
    expect([info.keychain, info.keychainProblem]).toEqual(['unavailable', expect.stringMatching(/\S/)]);
    expect(await callFails(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD })).toEqual({
      kind: 'keychain-unavailable',
      message: `No keychain is available: ${info.keychainProblem ?? ''} Choose "keep in memory for this session" to use the secret until the app closes.`,
    });
    expect(await call(core, 'profiles:list', {})).toEqual([]);
    const kept = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect([kept.hasSecret, kept.secretStorage]).toEqual([true, 'memory']);
  });
});
