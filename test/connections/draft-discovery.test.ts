// The profile form's two server calls, "Test connection" and "Find orgs", on what the form holds: the CA
// file it names, the stored secret of the profile it edits only where that secret was entered, a plain
// no-secret answer for an id that names no saved profile, and server words scrubbed of stored secrets.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Simulator } from '@simulator/index';
import { call, callFails, corePerTest, profileInput, saveProfile, serverFields, sim } from './helpers';

let s: Simulator;
let other: Simulator;
let tls: Simulator;

beforeAll(async () => {
  s = await sim();
  other = await sim();
  tls = await sim({ tls: true });
});
afterAll(async () => {
  await s.close();
  await other.close();
  await tls.close();
});
const fresh = corePerTest();

const host = (url: string): string => new URL(url).host;

describe('an id that names no saved profile', () => {
  it('tests the form as one without a secret, in the words of a saved profile without one', async () => {
    s.clearRequests();
    const result = await call(fresh.core, 'connection:test-draft', { profile: profileInput(s, { name: 'Unsaved form' }), profileId: 'no-such-profile' });
    expect(result).toEqual({
      ok: false,
      step: 'sign-in',
      error: { kind: 'no-secret', message: 'No password is stored for “Unsaved form”. Enter it in the profile to connect.' },
    });
    expect(s.requests()).toEqual([]);
  });

  it('finds no orgs without a typed secret, and says which one to type', async () => {
    s.clearRequests();
    const error = await callFails(fresh.core, 'orgs:discover', { profile: serverFields(s, { signIn: 'token', username: '' }), profileId: 'no-such-profile' });
    expect(error).toEqual({ kind: 'no-secret', message: 'Type the API token first: finding orgs signs in to the server.' });
    expect(s.requests()).toEqual([]);
  });
});

describe('finding orgs for a profile being edited', () => {
  it('uses its stored secret on the server it was entered for', async () => {
    const saved = await saveProfile(fresh.core, s, { name: 'Being edited' });
    const found = await call(fresh.core, 'orgs:discover', { profile: serverFields(s), profileId: saved.id });
    expect(found.orgs.find((o) => o.orgId === 'sales-analytics')?.access).toMatchObject({ ok: true });
  });

  it('asks for the secret again when the form points at another server, naming both, and sends nothing there', async () => {
    const saved = await saveProfile(fresh.core, s, { name: 'Moving away' });
    other.clearRequests();
    const error = await callFails(fresh.core, 'orgs:discover', { profile: serverFields(other), profileId: saved.id });
    expect(error).toEqual({
      kind: 'no-secret',
      message: `The stored secret of "Moving away" was entered for ${host(s.url)}; type it again to use it with ${host(other.url)}.`,
    });
    expect(other.requests()).toEqual([]);
  });
});

describe("the form's CA file", () => {
  it('is trusted by the connection test and by finding orgs, before the profile is saved', async () => {
    const caPath = join(fresh.dir, 'private-ca.pem');
    await writeFile(caPath, tls.caCert ?? '');
    const untrusted = await call(fresh.core, 'connection:test-draft', { profile: profileInput(tls), secret: DEMO_PASSWORD });
    expect(untrusted).toMatchObject({ ok: false, step: 'tls' });

    const trusted = await call(fresh.core, 'connection:test-draft', { profile: profileInput(tls, { caCertPath: caPath }), secret: DEMO_PASSWORD });
    expect(trusted).toMatchObject({ ok: true, scheduleCount: tls.jobs('default').length });
    const found = await call(fresh.core, 'orgs:discover', { profile: { ...serverFields(tls), caCertPath: caPath }, secret: DEMO_PASSWORD });
    expect(found.orgs.find((o) => o.orgId === 'default')?.access).toEqual({ ok: true, scheduleCount: tls.jobs('default').length });
  });
});

describe('the reasons finding orgs gives', () => {
  it("quote the server's words without any secret the app holds", async () => {
    const stored = 'Stored-Secret-Of-Finance-77';
    await saveProfile(fresh.core, other, { name: 'Finance elsewhere' }, stored);
    const fault = s.inject({ orgId: 'finance-prod', endpoint: 'list', action: { type: 'status', status: 500, message: `backend refused ${stored}` } });
    try {
      const found = await call(fresh.core, 'orgs:discover', { profile: serverFields(s), secret: DEMO_PASSWORD });
      const access = found.orgs.find((o) => o.orgId === 'finance-prod')?.access;
      const reason = access && !access.ok ? access.reason : '';
      expect(reason).toMatch(/HTTP 500/);
      expect(reason).toContain('backend refused ***');
      expect(JSON.stringify(found)).not.toContain(stored);
    } finally {
      s.removeFault(fault);
    }
  });
});
