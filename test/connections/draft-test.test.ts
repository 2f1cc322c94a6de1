// "Test connection" on a profile that is not saved: the same steps as a saved one, the typed secret or
// the stored one of the profile being edited, never the stored one sent to another server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, saveProfile, sim, tempDir } from './helpers';

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

describe('testing a draft profile', () => {
  it('signs in and lists with the typed password, and stores nothing', async () => {
    const result = await call(core, 'connection:test-draft', { profile: profileInput(s, { orgId: 'sales-analytics' }), secret: DEMO_PASSWORD });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scheduleCount).toBe(s.jobs('sales-analytics').length);
    expect(await call(core, 'profiles:list', {})).toEqual([]);
  });

  it('names the sign-in step when the password is wrong, without echoing it', async () => {
    const result = await call(core, 'connection:test-draft', { profile: profileInput(s), secret: 'not-the-password-42' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.step).toBe('sign-in');
      expect(result.error.message).not.toContain('not-the-password-42');
    }
  });

  it('names the org step for an org the server does not have', async () => {
    const result = await call(core, 'connection:test-draft', { profile: profileInput(s, { orgId: 'no-such-org' }), secret: DEMO_PASSWORD });
    expect(result.ok ? null : result.step).toBe('org');
  });

  it('uses the stored secret of the profile being edited, with unsaved changes', async () => {
    const saved = await saveProfile(core, s, { name: 'Edited' });
    const result = await call(core, 'connection:test-draft', { profile: profileInput(s, { name: 'Edited', orgId: 'finance-prod' }), profileId: saved.id });
    expect(result.ok).toBe(true);
  });

  it('does not send the stored secret to another server', async () => {
    const saved = await saveProfile(core, s, { name: 'Pointed elsewhere' });
    const other = await sim();
    try {
      const result = await call(core, 'connection:test-draft', { profile: profileInput(other), profileId: saved.id });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/type it again/);
      expect(other.requests().length).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('never quotes the typed password, even from a server that echoes the credentials it was sent', async () => {
    // Refused at sign-in with a wrong password; with the right one, refused at the list (a session token then).
    for (const [endpoint, typed] of [
      ['auth', 'typed-but-wrong-password-91'],
      ['list', DEMO_PASSWORD],
    ] as const) {
      const fault = s.inject({ endpoint, action: { type: 'echo-credentials', status: 500 } });
      try {
        const result = await call(core, 'connection:test-draft', { profile: profileInput(s), secret: typed });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.message).toMatch(/HTTP 500/);
          expect(result.error.message).not.toContain(typed);
        }
      } finally {
        s.removeFault(fault);
      }
    }
  });

  it('a profile id that names no saved profile lends no secret', async () => {
    const result = await call(core, 'connection:test-draft', { profile: profileInput(s), profileId: 'no-such-profile' });
    expect(result.ok ? null : [result.step, result.error.kind]).toEqual(['sign-in', 'no-secret']);
  });

  it('says a secret is needed when none is typed or stored', async () => {
    const result = await call(core, 'connection:test-draft', { profile: profileInput(s) });
    expect(result.ok ? null : result.error.kind).toBe('no-secret');
  });
});
