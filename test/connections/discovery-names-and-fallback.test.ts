// "Find orgs on this server", word for word: the orgs in the order the form shows them (listed, then
// named), the names it suggests, the profiles already made for each, the reasons an org cannot be used,
// and which sign-in failure stops the search (and in whose words) rather than trying the default org.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_ANALYST_PASSWORD, DEMO_ANALYST_USER, DEMO_ORGS, DEMO_PASSWORD, type Simulator } from '@simulator/index';
import { serverKeyOf } from '@shared/profile-urls';
import type { OrgDiscovery } from '@shared/ipc/channels/connections';
import { suggestName } from '@core/connections/org-discovery';
import { call, callFails, makeCore, removeDir, saveProfile, serverFields, sim, tempDir } from './helpers';

let s: Simulator;
let dir: string;
let core: AppCore;
let key: string;

beforeAll(async () => {
  s = await sim();
  dir = await tempDir();
  core = await makeCore(dir);
  key = serverKeyOf(s.url);
});
afterAll(async () => {
  await core.close();
  await s.close();
  await removeDir(dir);
});

const orgOf = (found: OrgDiscovery, orgId: string) => {
  const org = found.orgs.find((o) => o.orgId === orgId);
  if (!org) throw new Error(`${orgId} was not among the orgs found`);
  return org;
};
const notFoundWords = (orgId: string) =>
  `Not among the orgs admin can reach on ${key}: the server has no org "${orgId}" (Sign-in at ${key} failed: not found (HTTP 404). ` +
  `Check the Design Center URL (usually port 10500) and that the org "${orgId}" exists.)`;

describe('the orgs found, in order and in words', () => {
  it('a form org the server lacks: signs in to the default org instead, lists every org, then each named one with its reason', async () => {
    const found = await call(core, 'orgs:discover', {
      profile: serverFields(s, { orgId: 'no-such-org' }),
      secret: DEMO_PASSWORD,
      orgIds: ['x-y_z.w', ' sandbox ', 'no-such-org', 'gone-1 ', 'gone-2'],
    });
    expect(found.server).toBe(key);
    expect(found.signedInAs).toBe('admin');
    // Listed first (as the server lists them), then the form's org and the named ones, each once.
    expect(found.orgs.map((o) => [o.orgId, o.source])).toEqual([
      ...DEMO_ORGS.map((o) => [o.orgId, 'listed']),
      ['no-such-org', 'named'],
      ['x-y_z.w', 'named'],
      ['gone-1', 'named'],
      ['gone-2', 'named'],
    ]);
    for (const id of ['no-such-org', 'x-y_z.w', 'gone-1', 'gone-2']) expect(orgOf(found, id).access).toEqual({ ok: false, reason: notFoundWords(id) });
    expect(orgOf(found, 'no-such-org')).toMatchObject({ name: 'no-such-org', suggestedName: 'No Such Org', existingProfiles: [] });
    expect(orgOf(found, 'x-y_z.w').suggestedName).toBe('X Y Z W');
    expect(orgOf(found, 'sandbox')).toMatchObject({ name: 'Sandbox (empty)', suggestedName: 'Sandbox (empty)', access: { ok: true, scheduleCount: 0 } });
    expect(orgOf(found, 'sales-analytics').access).toEqual({ ok: true, scheduleCount: s.jobs('sales-analytics').length });
    expect(JSON.stringify(found)).not.toContain(DEMO_PASSWORD);
  });

  it('an org the analyst may not open: no access for this user, with the sign-in refusal in full', async () => {
    const found = await call(core, 'orgs:discover', {
      profile: serverFields(s, { username: DEMO_ANALYST_USER, orgId: 'sandbox' }),
      secret: DEMO_ANALYST_PASSWORD,
    });
    expect(found.signedInAs).toBe(DEMO_ANALYST_USER);
    expect(orgOf(found, 'sandbox')).toEqual({
      orgId: 'sandbox',
      name: 'sandbox',
      suggestedName: 'Sandbox',
      source: 'named',
      existingProfiles: [],
      access: {
        ok: false,
        reason:
          `Not among the orgs ${DEMO_ANALYST_USER} can reach on ${key}: no access for this user (Sign-in at ${key} was refused (HTTP 403): ` +
          `this user may not sign in to org "sandbox". Check the org ID, and ask an AtScale admin for access to that org.)`,
      },
    });
    expect(JSON.stringify(found)).not.toContain(DEMO_ANALYST_PASSWORD);
  });

  it('a wrong password on another org fails with that org named, not the default tried after it', async () => {
    const error = await callFails(core, 'orgs:discover', { profile: serverFields(s, { orgId: 'sandbox' }), secret: 'wrong-pw-5150' });
    expect(error).toEqual({
      kind: 'unauthorized',
      message: `Sign-in at ${key} was refused (HTTP 401). Check the user name and password for org "sandbox".`,
    });
  });

  it('a wrong password on the default org fails at once, naming it', async () => {
    const before = s.requests({ endpoint: 'auth', orgId: 'default' }).length;
    const error = await callFails(core, 'orgs:discover', { profile: serverFields(s, { orgId: 'default' }), secret: 'wrong-pw-5150' });
    // One refused sign-in, not a second try with the same org.
    expect(s.requests({ endpoint: 'auth', orgId: 'default' }).length - before).toBe(1);
    expect(error).toEqual({
      kind: 'unauthorized',
      message: `Sign-in at ${key} was refused (HTTP 401). Check the user name and password for org "default".`,
    });
  });

  it('a server error at sign-in stops the search with that error: no second try with the default org', async () => {
    const fault = s.inject({ orgId: 'sandbox', endpoint: 'auth', action: { type: 'status', status: 500, message: 'org index offline' } });
    try {
      const before = s.requests({ endpoint: 'auth', orgId: 'default' }).length;
      const error = await callFails(core, 'orgs:discover', { profile: serverFields(s, { orgId: 'sandbox' }), secret: DEMO_PASSWORD });
      expect(error.kind).not.toBe('unauthorized');
      expect(error.message).toMatch(/org index offline/);
      expect(error.message).toMatch(/"sandbox"|500/);
      expect(s.requests({ endpoint: 'auth', orgId: 'default' }).length - before).toBe(0);
    } finally {
      s.removeFault(fault);
    }
  });

  it("a listed org the server fails to open gives the server's words alone: neither no access nor no such org", async () => {
    const fault = s.inject({ orgId: 'finance-prod', endpoint: 'list', action: { type: 'status', status: 500, message: 'catalog rebuild in progress' } });
    try {
      const found = await call(core, 'orgs:discover', { profile: serverFields(s), secret: DEMO_PASSWORD });
      const finance = orgOf(found, 'finance-prod');
      expect(finance.source).toBe('listed');
      if (finance.access.ok) throw new Error('finance-prod opened despite the fault');
      expect(finance.access.reason).toMatch(/catalog rebuild in progress/);
      expect(finance.access.reason).not.toMatch(/^(no access for this user|the server has no org|Not among)/);
    } finally {
      s.removeFault(fault);
    }
  });

  it('names the profiles already made for each org on this server, and suggests a name not yet taken', async () => {
    await saveProfile(core, s, { name: 'Sales Analytics', orgId: 'sales-analytics' });
    await saveProfile(core, s, { name: 'Sales (second)', orgId: 'sales-analytics' });
    await saveProfile(core, s, { name: 'Finance', orgId: 'finance-prod' });
    const found = await call(core, 'orgs:discover', { profile: serverFields(s), secret: DEMO_PASSWORD });
    const host = key.replace(/:\d+$/, '');
    expect(orgOf(found, 'sales-analytics')).toMatchObject({
      existingProfiles: ['Sales Analytics', 'Sales (second)'],
      suggestedName: `Sales Analytics (${host})`,
    });
    expect(orgOf(found, 'finance-prod')).toMatchObject({ existingProfiles: ['Finance'], suggestedName: 'Finance (production)' });
    expect(orgOf(found, 'sandbox').existingProfiles).toEqual([]);
  });
});

describe('suggested names', () => {
  const server = { apiUrl: 'https://atscale.example.com:10502/' };
  const none = new Set<string>();

  it('title-cases an org id split at dashes, underscores, dots and spaces', () => {
    expect(suggestName({ id: 'sales-analytics', name: 'sales-analytics' }, server, none)).toBe('Sales Analytics');
    expect(suggestName({ id: 'eu__west.retail  ops', name: '' }, server, none)).toBe('Eu West Retail Ops');
    expect(suggestName({ id: 'mIxed-case', name: 'mIxed-case' }, server, none)).toBe('MIxed Case');
  });

  it("keeps the server's own name, trimmed; an id of separators only stays as it is", () => {
    expect(suggestName({ id: 'fin', name: '  Finance (EU)  ' }, server, none)).toBe('Finance (EU)');
    expect(suggestName({ id: '--', name: '--' }, server, none)).toBe('--');
  });

  it('adds the host without its port when the name is taken, and keeps to 120 characters', () => {
    expect(suggestName({ id: 'sales', name: 'Sales' }, server, new Set(['Sales']))).toBe('Sales (atscale.example.com)');
    expect(suggestName({ id: 'sales', name: 'Sales' }, server, new Set(['Other']))).toBe('Sales');
    const long = 'L'.repeat(130);
    expect(suggestName({ id: 'l', name: long }, server, none)).toBe('L'.repeat(120));
    expect(suggestName({ id: 'l', name: long }, server, new Set([long]))).toBe('L'.repeat(120));
    expect(suggestName({ id: 'sales', name: 'Sales' }, { apiUrl: 'https://[2001:db8::1]:10502/' }, new Set(['Sales']))).toBe('Sales ([2001:db8::1])');
    const near = 'N'.repeat(110);
    expect(suggestName({ id: 'n', name: near }, server, new Set([near]))).toBe(`${near} (atscale.`);
  });
});
