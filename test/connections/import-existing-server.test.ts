// Importing profiles with their secrets onto a server the app already has: the server keeps the secret
// its orgs sign in with; an imported secret that differs stays the imported profile's own, so both work.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const PASSPHRASE = 'correct horse battery';
let server: Simulator;
const dirs: string[] = [];
const cores: AppCore[] = [];
beforeAll(async () => {
  server = await sim({ users: { admin: DEMO_PASSWORD, analyst: 'analyst-Pw-1' } });
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) await removeDir(d);
});
const newCore = async (): Promise<AppCore> => {
  const dir = await tempDir();
  dirs.push(dir);
  const core = await makeCore(dir);
  cores.push(core);
  return core;
};
/** An encrypted export of one profile, made elsewhere with `secret`. */
const exportOf = async (input: Parameters<typeof profileInput>[1], secret: string): Promise<string> => {
  const other = await newCore();
  await call(other, 'profiles:save', { profile: profileInput(server, input), secret, secretStorage: 'memory' });
  return (await call(other, 'profiles:export-encrypted', { passphrase: PASSPHRASE })).json;
};

describe('an encrypted import onto a server the app has', () => {
  it("never replaces the existing profile's password with a different imported one", async () => {
    const json = await exportOf({ name: 'Finance', orgId: 'sales-analytics' }, 'old-password-2023');
    const core = await newCore();
    const mine = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect((await call(core, 'connection:test', { profileId: mine.id })).ok).toBe(true);

    const result = await call(core, 'profiles:import-encrypted', { json, passphrase: PASSPHRASE, secretStorage: 'memory' });
    expect(result).toMatchObject({ secretsSet: 1, secretProblems: [], skipped: [] });
    expect(result.imported.map((p) => [p.name, p.serverId, p.hasSecret])).toEqual([['Finance', mine.serverId, true]]);

    // Sales dev still signs in with its password; Finance keeps the (wrong) one it came with, as its own.
    expect((await call(core, 'connection:test', { profileId: mine.id })).ok).toBe(true);
    const finance = await call(core, 'connection:test', { profileId: result.imported[0]!.id });
    expect(finance).toMatchObject({ ok: false, step: 'sign-in' });
  });

  it('with the same password it signs the imported org in with the server secret', async () => {
    const json = await exportOf({ name: 'Finance', orgId: 'sales-analytics' }, DEMO_PASSWORD);
    const core = await newCore();
    const mine = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    const result = await call(core, 'profiles:import-encrypted', { json, passphrase: PASSPHRASE, secretStorage: 'memory' });
    expect(result.secretsSet).toBe(1);
    expect((await call(core, 'connection:test', { profileId: mine.id })).ok).toBe(true);
    expect((await call(core, 'connection:test', { profileId: result.imported[0]!.id })).ok).toBe(true);
  });

  it('onto a new server still gives its orgs the secret they came with', async () => {
    const json = await exportOf({ name: 'Analyst', username: 'analyst' }, 'analyst-Pw-1');
    const core = await newCore();
    const mine = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    const result = await call(core, 'profiles:import-encrypted', { json, passphrase: PASSPHRASE, secretStorage: 'memory' });
    expect(result.imported[0]?.serverId).not.toBe(mine.serverId);
    expect((await call(core, 'connection:test', { profileId: result.imported[0]!.id })).ok).toBe(true);
    expect((await call(core, 'connection:test', { profileId: mine.id })).ok).toBe(true);
  });
});
