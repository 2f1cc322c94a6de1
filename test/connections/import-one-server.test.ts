// Importing orgs of one server with their secrets: they land on one server; an org whose secret in the
// file differs from the one its server got keeps its own, so each signs in as it did where it came from.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import { seal } from '@core/connections/encrypted-secrets';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let dir: string;
let core: AppCore;
beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
});

describe('importing orgs of one server with their secrets', () => {
  it('puts them on one server; the org whose secret differs keeps its own', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const { id: _a, ...first } = profileInput(server, { name: 'Default' });
    const { id: _b, ...second } = profileInput(server, { name: 'Sales', orgId: 'sales-analytics' });
    const profiles = [first, second];
    const secrets = await seal(
      [
        { index: 0, secret: DEMO_PASSWORD },
        { index: 1, secret: 'an-old-password' },
      ],
      'correct horse battery',
      JSON.stringify(profiles),
    );
    const result = await call(core, 'profiles:import-encrypted', {
      json: JSON.stringify({ profiles, secrets }),
      passphrase: 'correct horse battery',
      secretStorage: 'memory',
    });
    expect(result.secretsSet).toBe(2);
    const [a, b] = await call(core, 'profiles:list', {});
    expect(a!.serverId).toBe(b!.serverId);
    expect((await call(core, 'schedules:list', { profileId: a!.id })).source).toBe('live');
    expect((await callFails(core, 'schedules:list', { profileId: b!.id })).kind).toBe('unauthorized');

    // Typing the right password for that org makes it the server's again, for both.
    await call(core, 'secrets:set', { profileId: b!.id, secret: DEMO_PASSWORD, storage: 'memory' });
    expect((await call(core, 'schedules:list', { profileId: b!.id })).source).toBe('live');
    expect((await call(core, 'schedules:list', { profileId: a!.id })).source).toBe('live');
  });
});
