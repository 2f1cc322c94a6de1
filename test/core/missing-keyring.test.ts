// No keychain (a Linux desktop without Secret Service): app:info says so with the reason, a keychain
// save is refused with a plain message, and the secret can be kept in memory for the session.
// D-Bus points nowhere for this whole file (vitest runs each file in its own process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, call, callFails, filesUnder, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

process.env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent/dbus-socket';

let server: Simulator;
let dir: string;
let core: AppCore;
beforeAll(async () => {
  server = await sim();
  dir = await tempDir();
  core = await makeCore(dir, { secrets: 'keytar' });
});
afterAll(async () => {
  await core.close();
  await server.close();
  await removeDir(dir);
});

describe('without a keychain', () => {
  it('reports the keychain as unavailable, with the reason', async () => {
    const info = await call(core, 'app:info', {});
    expect(info.keychain).toBe('unavailable');
    expect(info.keychainProblem).toMatch(/Secret Service/);
    expect(info.keychainProblem).toMatch(/Could not connect|No such file/);
  });

  it('refuses to save a secret in the keychain, saying memory is an option, and saves nothing', async () => {
    const error = await callFails(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD });
    expect(error.kind).toBe('keychain-unavailable');
    expect(error.message).toMatch(/No keychain is available/);
    expect(error.message).toMatch(/memory/);
    expect(await call(core, 'profiles:list', {})).toEqual([]);
  });

  it('keeps the secret in memory for the session when asked, and it works', async () => {
    const p = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect(p).toMatchObject({ hasSecret: true, secretStorage: 'memory' });
    expect((await call(core, 'schedules:list', { profileId: p.id })).source).toBe('live');
    const files = await filesUnder(dir);
    expect(files.some((f) => f.text.includes(DEMO_PASSWORD))).toBe(false);

    // A restart forgets it: the profile is there, the secret is not.
    await core.close();
    core = await makeCore(dir, { secrets: 'keytar' });
    expect((await call(core, 'profiles:list', {}))[0]).toMatchObject({ id: p.id, hasSecret: false, secretStorage: 'none' });
    const list = await call(core, 'schedules:list', { profileId: p.id });
    // The snapshot from before still shows, marked stale with the reason.
    expect(list.source).toBe('snapshot');
    expect(list.stale).toMatchObject({ kind: 'no-secret' });
  });
});
