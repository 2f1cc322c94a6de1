// "Find orgs on this server" against the simulator: the orgs a user reaches, each opened for real, and
// the orgs it cannot reach explained rather than hidden.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_ANALYST_ORGS, DEMO_ANALYST_PASSWORD, DEMO_ANALYST_TOKEN, DEMO_ANALYST_USER, DEMO_ORGS, DEMO_PASSWORD, type Simulator } from '@simulator/index';
import { serverKeyOf } from '@shared/profile-urls';
import { call, callFails, makeCore, removeDir, saveProfile, serverFields, sim, tempDir } from './helpers';

let s: Simulator;
let dir: string;
let core: AppCore;

beforeAll(async () => {
  s = await sim();
  dir = await tempDir();
  core = await makeCore(dir);
});
afterAll(async () => {
  await core.close();
  await s.close();
  await removeDir(dir);
});

const server = (over: Parameters<typeof serverFields>[1] = {}) => serverFields(s, over);

describe('discovering orgs', () => {
  it('lists every org an admin reaches, each opened, with suggested names', async () => {
    const found = await call(core, 'orgs:discover', { profile: server(), secret: DEMO_PASSWORD });
    expect(found.server).toBe(serverKeyOf(s.url));
    expect(found.orgs.map((o) => o.orgId).sort()).toEqual(DEMO_ORGS.map((o) => o.orgId).sort());
    expect(found.orgs.every((o) => o.access.ok && o.source === 'listed')).toBe(true);
    const sales = found.orgs.find((o) => o.orgId === 'sales-analytics');
    expect(sales?.suggestedName).toMatch(/sales/i);
    expect(sales?.access).toEqual({ ok: true, scheduleCount: s.jobs('sales-analytics').length });
  });

  it('explains the orgs an analyst cannot reach that other profiles on this server use', async () => {
    await saveProfile(core, s, { name: 'Finance (admin)', orgId: 'finance-prod' });
    const found = await call(core, 'orgs:discover', { profile: server({ username: DEMO_ANALYST_USER }), secret: DEMO_ANALYST_PASSWORD });
    const reachable = found.orgs
      .filter((o) => o.access.ok)
      .map((o) => o.orgId)
      .sort();
    expect(reachable).toEqual([...DEMO_ANALYST_ORGS].sort());
    const finance = found.orgs.find((o) => o.orgId === 'finance-prod');
    expect(finance?.source).toBe('named');
    expect(finance?.existingProfiles).toEqual(['Finance (admin)']);
    expect(finance?.access.ok).toBe(false);
    if (finance && !finance.access.ok) expect(finance.access.reason).toMatch(new RegExp(`Not among the orgs ${DEMO_ANALYST_USER} can reach.*403`));
  });

  it('still lists the orgs when the form names one the user may not sign in to, and explains that one', async () => {
    const found = await call(core, 'orgs:discover', { profile: server({ username: DEMO_ANALYST_USER, orgId: 'sandbox' }), secret: DEMO_ANALYST_PASSWORD });
    expect(
      found.orgs
        .filter((o) => o.access.ok)
        .map((o) => o.orgId)
        .sort(),
    ).toEqual([...DEMO_ANALYST_ORGS].sort());
    const sandbox = found.orgs.find((o) => o.orgId === 'sandbox');
    expect(sandbox?.access.ok).toBe(false);
  });

  it('explains a typed org that does not exist, and works with an API token', async () => {
    const found = await call(core, 'orgs:discover', {
      profile: server({ signIn: 'token', username: '' }),
      secret: DEMO_ANALYST_TOKEN,
      orgIds: ['no-such-org'],
    });
    const missing = found.orgs.find((o) => o.orgId === 'no-such-org');
    expect(missing?.access.ok).toBe(false);
    if (missing && !missing.access.ok) expect(missing.access.reason).toMatch(/has no org "no-such-org"/);
    expect(found.signedInAs).toBe('API token');
  });

  it('fails with the sign-in reason on a wrong password, without the password', async () => {
    const error = await callFails(core, 'orgs:discover', { profile: server(), secret: 'wrong-password-77' });
    expect(error.kind).toBe('unauthorized');
    expect(error.message).not.toContain('wrong-password-77');
  });
});
