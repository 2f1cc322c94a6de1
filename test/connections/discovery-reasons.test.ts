// Why an org found on a server does not work, in the words the form shows: a named org the user cannot
// reach says so and why (no access, no such org), a listed org that fails to open gives the server's
// reason as it is, and a profile on another server adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_ANALYST_PASSWORD, DEMO_ANALYST_TOKEN, DEMO_ANALYST_USER, DEMO_PASSWORD, type Simulator } from '@simulator/index';
import { serverKeyOf } from '@shared/profile-urls';
import type { OrgDiscovery } from '@shared/ipc/channels/connections';
import { call, makeCore, removeDir, saveProfile, serverFields, sim, tempDir } from './helpers';

let s: Simulator;
let other: Simulator;
let dir: string;
let core: AppCore;

beforeAll(async () => {
  s = await sim();
  other = await sim();
  dir = await tempDir();
  core = await makeCore(dir);
  // A profile on another server names an org this server does not have: it must not be checked here.
  await saveProfile(core, other, { name: 'Elsewhere', orgId: 'elsewhere-org' });
});
afterAll(async () => {
  await core.close();
  await s.close();
  await other.close();
  await removeDir(dir);
});

const reasonOf = (found: OrgDiscovery, orgId: string): string => {
  const org = found.orgs.find((o) => o.orgId === orgId);
  if (!org) throw new Error(`${orgId} was not among the orgs found`);
  return org.access.ok ? 'ok' : org.access.reason;
};

describe('why an org does not work', () => {
  it('a named org the user cannot reach: not among the orgs this user reaches, and no access', async () => {
    const found = await call(core, 'orgs:discover', {
      profile: serverFields(s, { username: DEMO_ANALYST_USER }),
      secret: DEMO_ANALYST_PASSWORD,
      orgIds: ['finance-prod'],
    });
    expect(reasonOf(found, 'finance-prod')).toMatch(
      new RegExp(`^Not among the orgs ${DEMO_ANALYST_USER} can reach on ${serverKeyOf(s.url)}: no access for this user \\(.+\\)$`),
    );
    expect(reasonOf(found, 'sales-analytics')).toBe('ok');
  });

  it('a typed org the server does not have: not among the orgs, and no such org', async () => {
    const found = await call(core, 'orgs:discover', {
      profile: serverFields(s, { signIn: 'token', username: '' }),
      secret: DEMO_ANALYST_TOKEN,
      orgIds: ['no-such-org'],
    });
    expect(reasonOf(found, 'no-such-org')).toMatch(
      new RegExp(`^Not among the orgs API token can reach on ${serverKeyOf(s.url)}: the server has no org "no-such-org" \\(.+\\)$`),
    );
  });

  it("a listed org that fails to open gives the server's reason as it is", async () => {
    const fault = s.inject({ orgId: 'sales-analytics', endpoint: 'list', action: { type: 'status', status: 500, message: 'index rebuild in progress' } });
    try {
      const found = await call(core, 'orgs:discover', { profile: serverFields(s), secret: DEMO_PASSWORD });
      const sales = found.orgs.find((o) => o.orgId === 'sales-analytics');
      expect(sales?.source).toBe('listed');
      const reason = reasonOf(found, 'sales-analytics');
      expect(reason).not.toMatch(/^Not among/);
      expect(reason).toMatch(/index rebuild in progress/);
    } finally {
      s.removeFault(fault);
    }
  });

  it('checks no org of a profile on another server', async () => {
    const found = await call(core, 'orgs:discover', { profile: serverFields(s), secret: DEMO_PASSWORD });
    expect(found.orgs.map((o) => o.orgId)).not.toContain('elsewhere-org');
    expect(found.orgs.every((o) => o.access.ok)).toBe(true);
  });
});
