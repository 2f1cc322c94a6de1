// API tokens live 90 days: the app remembers when one was saved, asks the server when it was issued
// where it can, and warns from two weeks before expiry.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_AGING_TOKEN, DEMO_TOKEN, type Simulator } from '@simulator/index';
import { TOKEN_DATES_FILE, tokenAgeOf } from '@core/connections/token-dates';
import { call, makeCore, removeDir, saveProfile, sim, tempDir } from './helpers';

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

const token = { signIn: 'token' as const, username: '' };

describe('token age', () => {
  it('counts 90 days from when a token was saved here, without warning for a fresh one', async () => {
    const saved = await saveProfile(core, s, { name: 'Fresh token', ...token }, DEMO_TOKEN);
    const ages = await call(core, 'tokens:ages', {});
    const age = ages.find((a) => a.profileId === saved.id);
    expect(age?.source).toBe('saved');
    // 90 days less the few milliseconds since it was saved (none when read within the same millisecond).
    expect([89, 90]).toContain(age?.daysLeft);
    expect(age?.warn).toBe(false);
    // A token kept in memory for this session: its date is this session's only (never the file's, which
    // describes the stored token another process may still sign in with).
    const file = await readFile(join(dir, TOKEN_DATES_FILE), 'utf8').catch(() => '');
    expect(file).not.toContain(saved.id);
    expect(file).not.toContain(DEMO_TOKEN);
  });

  it('takes the issue date from the server and warns for a token issued 80 days ago', async () => {
    const saved = await saveProfile(core, s, { name: 'Aging token', ...token }, DEMO_AGING_TOKEN);
    expect((await call(core, 'tokens:ages', {})).find((a) => a.profileId === saved.id)?.warn).toBe(false);
    const age = await call(core, 'tokens:check', { profileId: saved.id });
    expect(age?.source).toBe('server');
    expect(age?.daysLeft).toBeGreaterThanOrEqual(9);
    expect(age?.daysLeft).toBeLessThanOrEqual(10);
    expect(age?.warn).toBe(true);
    expect((await call(core, 'tokens:ages', {})).find((a) => a.profileId === saved.id)?.warn).toBe(true);
  });

  it('a copy of a profile keeps its token age', async () => {
    const saved = await saveProfile(core, s, { name: 'Aging original', ...token }, DEMO_AGING_TOKEN);
    await call(core, 'tokens:check', { profileId: saved.id });
    const copy = await call(core, 'profiles:duplicate', { id: saved.id });
    expect((await call(core, 'tokens:ages', {})).find((a) => a.profileId === copy.id)?.warn).toBe(true);
  });

  it('starts again when a new token is saved, and forgets a deleted profile', async () => {
    const saved = await saveProfile(core, s, { name: 'Renewed token', ...token }, DEMO_AGING_TOKEN);
    await call(core, 'tokens:check', { profileId: saved.id });
    await call(core, 'secrets:set', { profileId: saved.id, secret: DEMO_TOKEN, storage: 'memory' });
    expect((await call(core, 'tokens:ages', {})).find((a) => a.profileId === saved.id)?.warn).toBe(false);
    await call(core, 'profiles:delete', { id: saved.id });
    expect(await readFile(join(dir, TOKEN_DATES_FILE), 'utf8').catch(() => '')).not.toContain(saved.id);
    expect((await call(core, 'tokens:ages', {})).some((a) => a.profileId === saved.id)).toBe(false);
  });

  it('has no age for password profiles', async () => {
    const saved = await saveProfile(core, s, { name: 'Password' });
    expect((await call(core, 'tokens:ages', {})).some((a) => a.profileId === saved.id)).toBe(false);
    expect(await call(core, 'tokens:check', { profileId: saved.id })).toBeNull();
  });

  it('warns exactly from two weeks before expiry', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    expect(tokenAgeOf('p', { savedAt: at(75) }, now)?.warn).toBe(false);
    expect(tokenAgeOf('p', { savedAt: at(76) }, now)?.warn).toBe(true);
    expect(tokenAgeOf('p', { savedAt: at(91) }, now)?.daysLeft).toBe(-1);
    expect(tokenAgeOf('p', undefined, now)).toBeNull();
  });
});
