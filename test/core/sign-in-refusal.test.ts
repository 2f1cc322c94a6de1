// A password the server refuses (expired, changed elsewhere) is tried once, not once per org: the client
// pool remembers a refused sign-in per server and credentials, and answers every other profile with the
// same user and password at once, without a request, until the password is entered again. Against the
// real simulator: what it saw (sign-ins, lists) and what each profile was answered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { PER_SERVER_CONCURRENCY } from '@core/schedules/refresh-many';
import { DEMO_ANALYST_PASSWORD, DEMO_ANALYST_USER, DEMO_PASSWORD, DEMO_USER, type Simulator } from '@simulator/index';
import { call, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const OLD_PASSWORD = 'old-password-7f3a';

describe('a refused sign-in', () => {
  let dir: string;
  let core: AppCore;
  let s: Simulator;

  beforeEach(async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    s = await sim({ seed: 'empty', access: { [DEMO_ANALYST_USER]: ['org-1', 'org-2'] } });
  });
  afterEach(async () => {
    await core.close();
    await s.close();
    await removeDir(dir);
  });

  /** `count` orgs on the simulator, a password profile for each, all with one user and password. */
  async function profiles(count: number, username = DEMO_USER, password = OLD_PASSWORD): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const orgId = `org-${i}`;
      s.addOrg(orgId, [{ jobId: `job-${orgId}`, timeExpression: '0 0 4 ? * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 }]);
      const saved = await call(core, 'profiles:save', {
        profile: profileInput(s, { name: `Org ${i}`, orgId, signIn: 'password', username }),
        secret: password,
        secretStorage: 'memory',
      });
      ids.push(saved.id);
    }
    s.clearRequests();
    return ids;
  }

  const refused = () => s.requests({ endpoint: 'auth' }).filter((r) => r.outcome === 401);

  it('signs in once for twenty orgs with a wrong password, answers the others at once, and not again on the next refresh', async () => {
    const ids = await profiles(20);
    const first = await call(core, 'schedules:refresh', { profileIds: ids });

    expect(refused()).toHaveLength(1);
    expect(s.requests({ endpoint: 'auth' })).toHaveLength(1);
    expect(s.requests({ endpoint: 'list' })).toHaveLength(0);
    expect(first.map((e) => e.profileId)).toEqual(ids);
    for (const entry of first) {
      expect(entry.ok).toBe(false);
      if (!entry.ok) expect(entry.error.kind).toBe('unauthorized');
    }
    // The one that was tried says what the server said; every other one says why nothing was sent.
    const tried = first.find((e) => !e.ok && e.error.message.includes('(HTTP 401)'));
    expect(tried).toBeDefined();
    const triedName = `Org ${ids.indexOf(tried?.profileId as string)}`;
    const others = first.filter((e) => e !== tried);
    expect(others).toHaveLength(19);
    for (const entry of others) {
      if (entry.ok) continue;
      expect(entry.error.message).toContain(`the same user “${DEMO_USER}” was refused a moment ago for profile “${triedName}”`);
      expect(entry.error.message).toContain('Nothing was sent');
      expect(entry.error.message).toContain('Enter the new password');
    }
    for (const entry of first) expect(JSON.stringify(entry)).not.toContain(OLD_PASSWORD);

    // A second refresh, and a watched profile's running-job check, send nothing either.
    const second = await call(core, 'schedules:refresh', { profileIds: ids });
    expect(second.every((e) => !e.ok && e.error.kind === 'unauthorized')).toBe(true);
    const running = await core.handlers['maintenance:running']({ profileId: ids[5] });
    expect(running).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(s.requests({ endpoint: 'auth' })).toHaveLength(1);
    expect(s.requests()).toHaveLength(1);
  });

  it('tries again once the new password is entered, and every org then signs in and lists', async () => {
    const ids = await profiles(6);
    await call(core, 'schedules:refresh', { profileIds: ids });
    expect(refused()).toHaveLength(1);
    // The secret is the server's and user's: entering it for one profile changes it for all six.
    await call(core, 'secrets:set', { profileId: ids[3] as string, secret: DEMO_PASSWORD, storage: 'memory' });
    const entries = await call(core, 'schedules:refresh', { profileIds: ids });
    expect(entries.map((e) => e.ok)).toEqual(ids.map(() => true));
    expect(refused()).toHaveLength(1);
    expect(s.requests({ endpoint: 'auth' }).filter((r) => r.outcome === 200)).toHaveLength(6);
  });

  it('a password refused after it worked (sessions expired, sign-in now 401) is tried by at most the profiles in flight, and again after it is re-entered', async () => {
    const ids = await profiles(12, DEMO_USER, DEMO_PASSWORD);
    expect((await call(core, 'schedules:refresh', { profileIds: ids })).every((e) => e.ok)).toBe(true);
    s.expireSessions();
    const fault = s.inject({ endpoint: 'auth', action: { type: 'status', status: 401 } });
    s.clearRequests();
    const entries = await call(core, 'schedules:refresh', { profileIds: ids });
    expect(entries.every((e) => !e.ok && e.error.kind === 'unauthorized')).toBe(true);
    expect(refused().length).toBeGreaterThanOrEqual(1);
    expect(refused().length).toBeLessThanOrEqual(PER_SERVER_CONCURRENCY);
    await call(core, 'schedules:refresh', { profileIds: ids });
    expect(refused().length).toBeLessThanOrEqual(PER_SERVER_CONCURRENCY);

    // The account was unlocked with the same password: entering it again lets the pool try it once more.
    s.removeFault(fault);
    await call(core, 'secrets:set', { profileId: ids[0] as string, secret: DEMO_PASSWORD, storage: 'memory' });
    expect((await call(core, 'schedules:refresh', { profileIds: ids })).every((e) => e.ok)).toBe(true);
  });

  it('does not count a 403 for one org: the other orgs of the same user still sign in', async () => {
    const ids = await profiles(3, DEMO_ANALYST_USER, DEMO_ANALYST_PASSWORD);
    for (let round = 0; round < 2; round += 1) {
      const entries = await call(core, 'schedules:refresh', { profileIds: ids });
      expect(entries[0]).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
      expect(!entries[0]?.ok && entries[0]?.error.message).toContain('HTTP 403');
      expect(entries.slice(1).map((e) => e.ok)).toEqual([true, true]);
    }
    // org-0 was asked each time (its 403 is its own), the others signed in once and kept their tokens.
    expect(s.requests({ endpoint: 'auth', orgId: 'org-0' }).map((r) => r.outcome)).toEqual([403, 403]);
    expect(s.requests({ endpoint: 'auth' }).filter((r) => r.outcome === 200)).toHaveLength(2);
  });
});
