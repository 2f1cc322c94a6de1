// The token dates of a server stay while any org still signs in with its token: moving the org that
// created the server (whose id is also the server's account) to another server forgets none of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_AGING_TOKEN, DEMO_TOKEN, type Simulator } from '@simulator/index';
import { keyringOrSkip } from '../core/helpers';
import { call, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const ready = keyringOrSkip();
let first: Simulator;
let second: Simulator;
let dir: string;
let core: AppCore;

beforeAll(async () => {
  if (!ready) return;
  first = await sim();
  second = await sim();
  dir = await tempDir();
  core = await makeCore(dir, { secrets: 'keytar' });
});
afterAll(async () => {
  if (!ready) return;
  await core.close();
  await first.close();
  await second.close();
  await removeDir(dir);
});

const token = { signIn: 'token' as const, username: '' };

describe('a server shared by two orgs', () => {
  it.skipIf(!ready)('keeps its token age for the org left on it when the org that created it moves away', async () => {
    const creator = await call(core, 'profiles:save', {
      profile: profileInput(first, { name: 'First', ...token }),
      secret: DEMO_TOKEN,
      secretStorage: 'keychain',
    });
    const sharer = await call(core, 'profiles:save', { profile: profileInput(first, { name: 'Second', orgId: 'sales-analytics', ...token }) });
    expect(sharer.hasSecret).toBe(true);
    const ageOf = async (id: string) => (await call(core, 'tokens:ages', {})).find((a) => a.profileId === id);
    expect((await ageOf(sharer.id))?.source).toBe('saved');

    // The first org moves to another server, with a token of its own kept in the keychain.
    await call(core, 'profiles:save', {
      profile: { ...profileInput(second, { name: 'First', ...token }), id: creator.id },
      secret: DEMO_AGING_TOKEN,
      secretStorage: 'keychain',
    });
    const left = await ageOf(sharer.id);
    expect(left?.source).toBe('saved');
    expect([89, 90]).toContain(left?.daysLeft);
    expect((await ageOf(creator.id))?.source).toBe('saved');
    // And the one left still signs in with the server's token.
    expect((await call(core, 'schedules:list', { profileId: sharer.id })).source).toBe('live');
  });
});
