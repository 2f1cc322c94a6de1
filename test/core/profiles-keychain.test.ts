// What the keychain holds as profiles change, read back with keytar itself: one entry per server and
// user, an org's own entry only while it signs in with a secret of its own, nothing left behind by a
// delete, a move to another origin or a save the disk refused.
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { seal } from '@core/connections/encrypted-secrets';
import type { ProfileView } from '@shared/domain';
import { call, callFails, keyringOrSkip, makeCore, profileInput, removeDir, tempDir } from './helpers';

const server = { url: 'https://atscale.example.com:10502' };
const PASSPHRASE = 'correct horse battery';
const ready = keyringOrSkip();

let dir = '';
let service = '';
let core: AppCore;
beforeEach(async () => {
  if (!ready) return;
  dir = await tempDir('profiles-keychain-');
  service = `AtScale Maintenance Scheduler test ${randomUUID()}`;
  core = await makeCore(dir, { secrets: 'keytar', keychainService: service });
});
afterEach(async () => {
  if (!ready) return;
  await core.close();
  const keytar = (await import('keytar')).default;
  for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
  await removeDir(dir);
});

/** Every entry of this core's keychain service: account -> secret. */
async function keychain(): Promise<Record<string, string>> {
  const keytar = (await import('keytar')).default;
  return Object.fromEntries((await keytar.findCredentials(service)).map((c) => [c.account, c.password]));
}

/**
 * Two orgs of one server imported with their secrets: "Default" gives the server "server-pw", "Sales"
 * came with another secret and keeps it as its own entry.
 */
async function orgWithOwnSecret(): Promise<{ first: ProfileView; sales: ProfileView }> {
  const { id: _a, ...first } = profileInput(server, { name: 'Default' });
  const { id: _b, ...sales } = profileInput(server, { name: 'Sales', orgId: 'sales-analytics' });
  const rows = [first, sales];
  const secrets = await seal(
    [
      { index: 0, secret: 'server-pw' },
      { index: 1, secret: 'own-pw' },
    ],
    PASSPHRASE,
    JSON.stringify(rows),
  );
  const result = await call(core, 'profiles:import-encrypted', {
    json: JSON.stringify({ profiles: rows, secrets }),
    passphrase: PASSPHRASE,
    secretStorage: 'keychain',
  });
  const [a, b] = result.imported;
  if (!a || !b) throw new Error('both orgs import');
  expect(await keychain()).toEqual({ [a.serverId ?? '']: 'server-pw', [`profile:${b.id}`]: 'own-pw' });
  return { first: a, sales: b };
}

const edited = (p: ProfileView, over: Partial<ReturnType<typeof profileInput>> = {}) => ({
  ...profileInput(server, { name: p.name, orgId: p.orgId }),
  ...over,
  id: p.id,
});

describe.skipIf(!ready)('the keychain as profiles change', () => {
  it('an import without a chosen place keeps its secrets there: one per server, and an own entry only for the org that differs', async () => {
    const rows = ['default', 'sales-analytics', 'finance-prod'].map((orgId) => {
      const { id: _id, ...row } = profileInput(server, { name: orgId, orgId });
      return row;
    });
    const entries = ['server-pw', 'own-pw', 'server-pw'].map((secret, index) => ({ index, secret }));
    const secrets = await seal(entries, PASSPHRASE, JSON.stringify(rows));
    const result = await call(core, 'profiles:import-encrypted', { json: JSON.stringify({ profiles: rows, secrets }), passphrase: PASSPHRASE });
    expect(result.imported.map((p) => p.secretStorage)).toEqual(['keychain', 'keychain', 'keychain']);
    const [first, sales] = result.imported;
    expect(await keychain()).toEqual({ [first?.serverId ?? '']: 'server-pw', [`profile:${sales?.id ?? ''}`]: 'own-pw' });
  });

  it('a secret typed for an org with its own entry becomes its server’s, and the own entry goes', async () => {
    const { first, sales } = await orgWithOwnSecret();
    const saved = await call(core, 'profiles:save', { profile: edited(sales, { notes: 'retyped' }), secret: 'new-pw', secretStorage: 'keychain' });
    expect(saved).toMatchObject({ hasSecret: true, secretStorage: 'keychain' });
    expect(await keychain()).toEqual({ [first.serverId ?? '']: 'new-pw' });
  });

  it('a copy of an org with its own secret gets an entry of its own with that secret; a copy of another shares its server’s', async () => {
    const { first, sales } = await orgWithOwnSecret();
    const salesCopy = await call(core, 'profiles:duplicate', { id: sales.id });
    const firstCopy = await call(core, 'profiles:duplicate', { id: first.id });
    expect([salesCopy.serverId, firstCopy.serverId]).toEqual([first.serverId, first.serverId]);
    expect([salesCopy.hasSecret, firstCopy.hasSecret]).toEqual([true, true]);
    expect(await keychain()).toEqual({ [first.serverId ?? '']: 'server-pw', [`profile:${sales.id}`]: 'own-pw', [`profile:${salesCopy.id}`]: 'own-pw' });
  });

  it('a deleted org takes its own entry along; the server’s entry goes with its last org', async () => {
    const { first, sales } = await orgWithOwnSecret();
    await call(core, 'profiles:delete', { id: sales.id });
    expect(await keychain()).toEqual({ [first.serverId ?? '']: 'server-pw' });
    await call(core, 'profiles:delete', { id: first.id });
    expect(await keychain()).toEqual({});
  });

  it.each(['apiUrl', 'authUrl'] as const)('an org whose %s points at another origin leaves its own secret behind', async (field) => {
    const { first, sales } = await orgWithOwnSecret();
    const moved = await call(core, 'profiles:save', { profile: edited(sales, { [field]: 'https://elsewhere.example.com:10502' }) });
    expect(moved).toMatchObject({ hasSecret: false, secretStorage: 'none' });
    expect(await keychain()).toEqual({ [first.serverId ?? '']: 'server-pw' });
  });

  it('an org moved to another path of its origin takes its own secret to its new server', async () => {
    const { first, sales } = await orgWithOwnSecret();
    const moved = await call(core, 'profiles:save', { profile: edited(sales, { apiUrl: `${server.url}/engine` }) });
    expect(moved.serverId).not.toBe(first.serverId);
    expect(moved).toMatchObject({ hasSecret: true, secretStorage: 'keychain' });
    expect(await keychain()).toEqual({ [first.serverId ?? '']: 'server-pw', [moved.serverId ?? '']: 'own-pw' });
  });

  it('an edit of another org leaves an own entry alone', async () => {
    const { first, sales } = await orgWithOwnSecret();
    await call(core, 'profiles:save', { profile: edited(first, { notes: 'edited' }) });
    expect(await keychain()).toEqual({ [first.serverId ?? '']: 'server-pw', [`profile:${sales.id}`]: 'own-pw' });
  });

  it('an org moved to a server that has a secret signs in with that one; its own entry goes', async () => {
    const { first, sales } = await orgWithOwnSecret();
    const engine = await call(core, 'profiles:save', { profile: profileInput({ url: `${server.url}/engine` }, { name: 'Engine' }), secret: 'engine-pw' });
    const moved = await call(core, 'profiles:save', { profile: edited(sales, { apiUrl: `${server.url}/engine`, authUrl: `${server.url}/engine` }) });
    expect(moved.serverId).toBe(engine.serverId);
    expect(await keychain()).toEqual({ [first.serverId ?? '']: 'server-pw', [engine.serverId ?? '']: 'engine-pw' });
  });

  it('a server whose last org moved to another origin loses its entry, and a secret typed without a place goes to the keychain', async () => {
    const only = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Only' }), secret: 'only-pw' });
    expect(only).toMatchObject({ hasSecret: true, secretStorage: 'keychain' });
    expect(await keychain()).toEqual({ [only.serverId ?? '']: 'only-pw' });
    const moved = await call(core, 'profiles:save', { profile: edited(only, { apiUrl: 'https://elsewhere.example.com:10502' }) });
    expect(moved.hasSecret).toBe(false);
    expect(await keychain()).toEqual({});
  });

  it('a new profile the disk refuses to save leaves no secret in the keychain', async () => {
    // A folder where the profiles file goes: every write of it fails.
    await mkdir(join(dir, 'profiles.json'));
    const error = await callFails(core, 'profiles:save', { profile: profileInput(server), secret: 'typed-pw', secretStorage: 'keychain' });
    expect(error.kind).toBe('storage');
    expect(await keychain()).toEqual({});
  });
});
