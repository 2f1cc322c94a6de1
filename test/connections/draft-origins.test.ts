// What a draft may sign in with and what discovery suggests: a stored secret stays with the API and
// sign-in origins it was entered for (either one changed is enough to ask for it again), discovery
// without any secret sends nothing, and suggested names are readable and never clash with a saved one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Simulator } from '@simulator/index';
import { call, callFails, corePerTest, profileInput, saveProfile, serverFields, sim } from './helpers';

let s: Simulator;
let other: Simulator;

beforeAll(async () => {
  s = await sim();
  other = await sim();
});
afterAll(async () => {
  await s.close();
  await other.close();
});
const fresh = corePerTest();

const host = (url: string): string => new URL(url).host;

describe('a draft and the stored secret of the profile it edits', () => {
  it('asks for the secret again when the API URL points elsewhere, naming both hosts', async () => {
    const saved = await saveProfile(fresh.core, s, { name: 'Moved API' });
    const result = await call(fresh.core, 'connection:test-draft', { profile: profileInput(other, { authUrl: s.url }), profileId: saved.id });
    expect(result).toEqual({
      ok: false,
      step: 'sign-in',
      error: {
        kind: 'no-secret',
        message: `The stored secret of "Moved API" was entered for ${host(s.url)}; type it again to use it with ${host(other.url)}.`,
      },
    });
    expect(other.requests()).toEqual([]);
  });

  it('asks for it again when only the sign-in URL points elsewhere', async () => {
    const saved = await saveProfile(fresh.core, s, { name: 'Moved sign-in' });
    other.clearRequests();
    const result = await call(fresh.core, 'connection:test-draft', { profile: profileInput(s, { authUrl: other.url }), profileId: saved.id });
    expect(result.ok ? null : result.error.kind).toBe('no-secret');
    expect(other.requests()).toEqual([]);
  });

  it('a typed secret is used as typed, whatever the stored one is', async () => {
    const saved = await saveProfile(fresh.core, s, { name: 'Typed wins' }, 'an-old-password');
    expect((await call(fresh.core, 'connection:test-draft', { profile: profileInput(s), profileId: saved.id, secret: DEMO_PASSWORD })).ok).toBe(true);
    expect((await call(fresh.core, 'connection:test-draft', { profile: profileInput(s), profileId: saved.id })).ok).toBe(false);
  });

  it('an id that names no saved profile lends no secret', async () => {
    const result = await call(fresh.core, 'connection:test-draft', { profile: profileInput(s), profileId: 'no-such-profile' });
    expect(result.ok ? null : result.error.kind).toBe('no-secret');
  });
});

describe('discovering orgs', () => {
  const server = (over: Parameters<typeof serverFields>[1] = {}) => serverFields(s, over);

  it('without a typed or stored secret says which one to type, and sends nothing', async () => {
    s.clearRequests();
    const password = await callFails(fresh.core, 'orgs:discover', { profile: server() });
    expect(password).toEqual({ kind: 'no-secret', message: 'Type the password first: finding orgs signs in to the server.' });
    const token = await callFails(fresh.core, 'orgs:discover', { profile: server({ signIn: 'token', username: '' }) });
    expect(token.message).toBe('Type the API token first: finding orgs signs in to the server.');
    expect(s.requests()).toEqual([]);
  });

  it("suggests the server's names, a readable name for a typed org, and the host where a name is taken", async () => {
    await saveProfile(fresh.core, s, { name: 'Sales Analytics', orgId: 'sales-analytics' });
    const found = await call(fresh.core, 'orgs:discover', { profile: server(), secret: DEMO_PASSWORD, orgIds: ['north_east.region-2'] });
    const byId = new Map(found.orgs.map((o) => [o.orgId, o]));
    expect(byId.get('default')?.suggestedName).toBe('Default organization');
    expect(byId.get('sales-analytics')?.suggestedName).toBe(`Sales Analytics (${new URL(s.url).hostname})`);
    expect(byId.get('sales-analytics')?.existingProfiles).toEqual(['Sales Analytics']);
    expect(byId.get('north_east.region-2')).toMatchObject({ suggestedName: 'North East Region 2', source: 'named', existingProfiles: [] });
  });

  it("lists the orgs when the form's org does not exist, signing in to the default org instead", async () => {
    const found = await call(fresh.core, 'orgs:discover', { profile: server({ orgId: 'no-such-org' }), secret: DEMO_PASSWORD });
    expect(found.orgs.filter((o) => o.source === 'listed').length).toBeGreaterThan(1);
    const typed = found.orgs.find((o) => o.orgId === 'no-such-org');
    expect(typed?.source).toBe('named');
    const access = typed?.access;
    expect(access && !access.ok ? access.reason : '').toMatch(/^Not among the orgs admin can reach on .*: the server has no org "no-such-org"/);
  });

  it("a wrong password fails with the sign-in to the form's org, not the default org tried after it", async () => {
    s.clearRequests();
    const error = await callFails(fresh.core, 'orgs:discover', { profile: server({ orgId: 'sales-analytics' }), secret: 'not-the-password-9' });
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('"sales-analytics"');
    expect(error.message).not.toContain('not-the-password-9');
    expect(s.requests({ endpoint: 'auth' }).map((r) => r.orgId)).toEqual(['sales-analytics', 'default']);
  });

  it('the browser version has no file chooser for the CA file, and says what to do instead', async () => {
    expect(await call(fresh.core, 'files:choose-ca', {})).toEqual({
      status: 'unavailable',
      message: 'Not available in the browser version: type the path of the PEM file.',
    });
  });
});
