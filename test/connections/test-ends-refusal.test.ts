// "Test connection" and a remembered refused sign-in (sign-in-guard.ts): a test that signs in with the
// refused credentials ends the refusal for every profile using them, as a successful sign-in does; a test
// that fails, or signs in with other credentials, changes nothing (nothing is sent with the refused ones).
// Real core, real client, the simulator over sockets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { RefreshEntry } from '@shared/ipc';
import type { Simulator } from '@simulator/index';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const OLD_PASSWORD = 'old-password-7f3a';
const ORGS = ['org-0', 'org-1', 'org-2'];

let dir: string;
let core: AppCore;
let s: Simulator;

beforeEach(async () => {
  dir = await tempDir();
  core = await makeCore(dir);
  s = await sim({ seed: 'empty' });
  for (const orgId of ORGS)
    s.addOrg(orgId, [{ jobId: `job-${orgId}`, timeExpression: '0 0 4 ? * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 }]);
});
afterEach(async () => {
  await core.close();
  await s.close();
  await removeDir(dir);
});

/** A password profile per org, one user and password; a first refresh that is refused once and remembered. */
async function refusedProfiles(password: string, refuse: () => void = () => undefined): Promise<string[]> {
  const ids: string[] = [];
  for (const orgId of ORGS) {
    const saved = await call(core, 'profiles:save', { profile: profileInput(s, { name: orgId, orgId }), secret: password, secretStorage: 'memory' });
    ids.push(saved.id);
  }
  refuse();
  const first = await call(core, 'schedules:refresh', { profileIds: ids });
  expect(first.every((e) => !e.ok && e.error.kind === 'unauthorized')).toBe(true);
  expect(signIns()).toEqual([401]);
  return ids;
}

const signIns = () => s.requests({ endpoint: 'auth' }).map((r) => r.outcome);
const refusedBefore = (entries: RefreshEntry[]) => entries.every((e) => !e.ok && e.error.message.includes('was refused a moment ago'));
const draft = (orgId: string) => profileInput(s, { name: orgId, orgId });

describe('a connection test after a refused sign-in', () => {
  it('of a saved profile that signs in (the account was unlocked) lets every profile of those credentials sign in again', async () => {
    let fault = 0;
    const ids = await refusedProfiles(DEMO_PASSWORD, () => (fault = s.inject({ endpoint: 'auth', action: { type: 'status', status: 401 } })));
    s.removeFault(fault);
    expect((await call(core, 'connection:test', { profileId: ids[1] as string })).ok).toBe(true);
    const entries = await call(core, 'schedules:refresh', { profileIds: ids });
    expect(entries.map((e) => e.ok)).toEqual([true, true, true]);
  });

  it('of the form with the same password typed again lets every profile of those credentials sign in again', async () => {
    let fault = 0;
    const ids = await refusedProfiles(DEMO_PASSWORD, () => (fault = s.inject({ endpoint: 'auth', action: { type: 'status', status: 401 } })));
    s.removeFault(fault);
    const tested = await call(core, 'connection:test-draft', { profile: draft('org-0'), profileId: ids[0], secret: DEMO_PASSWORD });
    expect(tested.ok).toBe(true);
    expect((await call(core, 'schedules:refresh', { profileIds: ids })).map((e) => e.ok)).toEqual([true, true, true]);
  });

  it('of the form with a new password, failed or signed in, still answers the profiles storing the refused one without sending it', async () => {
    const ids = await refusedProfiles(OLD_PASSWORD);
    const wrong = await call(core, 'connection:test-draft', { profile: draft('org-0'), profileId: ids[0], secret: 'another-wrong-one' });
    expect(wrong.ok ? null : wrong.step).toBe('sign-in');
    const right = await call(core, 'connection:test-draft', { profile: draft('org-0'), profileId: ids[0], secret: DEMO_PASSWORD });
    expect(right.ok).toBe(true);
    expect(signIns()).toEqual([401, 401, 200]);
    // The stored password is still the refused one: nothing more is sent with it.
    expect(refusedBefore(await call(core, 'schedules:refresh', { profileIds: ids }))).toBe(true);
    expect(signIns()).toEqual([401, 401, 200]);
    // A test that failed left no refusal of its own: the new password, once saved, signs every profile in.
    await call(core, 'secrets:set', { profileId: ids[2] as string, secret: DEMO_PASSWORD, storage: 'memory' });
    expect((await call(core, 'schedules:refresh', { profileIds: ids })).map((e) => e.ok)).toEqual([true, true, true]);
  });

  it('that fails with the refused password keeps the others answered without sending it', async () => {
    const ids = await refusedProfiles(OLD_PASSWORD);
    const tested = await call(core, 'connection:test', { profileId: ids[0] as string });
    expect(tested.ok ? null : tested.step).toBe('sign-in');
    expect(signIns()).toEqual([401, 401]);
    expect(refusedBefore(await call(core, 'schedules:refresh', { profileIds: ids }))).toBe(true);
    expect(signIns()).toEqual([401, 401]);
  });
});
