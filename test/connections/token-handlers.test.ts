// The token channels only speak of API tokens that exist: password profiles and token profiles whose
// token was cleared have no age, and checking a password profile is a no-op. Org discovery's errors never
// carry the secret, even from a server that echoes credentials back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, DEMO_TOKEN, type Simulator } from '@simulator/index';
import { call, callFails, makeCore, removeDir, saveProfile, serverFields, sim, tempDir } from './helpers';

let s: Simulator;
// Profiles on one server share its sign-in and its secret: each kind of profile gets a server of its own.
let tokenServer: Simulator;
let clearedServer: Simulator;
let dir: string;
let core: AppCore;

beforeAll(async () => {
  s = await sim();
  tokenServer = await sim();
  clearedServer = await sim();
  dir = await tempDir();
  core = await makeCore(dir);
});
afterAll(async () => {
  await core.close();
  await s.close();
  await tokenServer.close();
  await clearedServer.close();
  await removeDir(dir);
});

const token = { signIn: 'token' as const, username: '' };

describe('token ages', () => {
  it('are given for token profiles with a token only', async () => {
    const password = await saveProfile(core, s, { name: 'With a password' });
    const kept = await saveProfile(core, tokenServer, { name: 'Token kept', ...token }, DEMO_TOKEN);
    const cleared = await saveProfile(core, clearedServer, { name: 'Token cleared', ...token }, DEMO_TOKEN);
    await call(core, 'secrets:clear', { profileId: cleared.id });
    const ages = (await call(core, 'tokens:ages', {})).map((a) => a.profileId);
    expect(ages).toContain(kept.id);
    expect(ages).not.toContain(password.id);
    expect(ages).not.toContain(cleared.id);
    expect(await call(core, 'tokens:check', { profileId: password.id })).toBeNull();
  });
});

describe('org discovery errors', () => {
  it('never quote the password, even when the server echoes the credentials it was sent', async () => {
    const fault = s.inject({ endpoint: 'orgs', action: { type: 'echo-credentials', status: 500 } });
    try {
      const error = await callFails(core, 'orgs:discover', { profile: serverFields(s), secret: DEMO_PASSWORD });
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.message).not.toContain(DEMO_PASSWORD);
    } finally {
      s.removeFault(fault);
    }
  });
});
