// Export and import with secrets under a passphrase: a round trip restores them, no passphrase means no
// secrets, and a wrong passphrase (or an edited file) is a clear error that imports nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_AGING_TOKEN, DEMO_PASSWORD, type Simulator } from '@simulator/index';
import { KDF } from '@core/connections/encrypted-secrets';
import { call, callFails, makeCore, removeDir, saveProfile, sim, tempDir } from './helpers';

let s: Simulator;
let dirs: string[] = [];
let source: AppCore;

async function freshCore(): Promise<AppCore> {
  const dir = await tempDir();
  dirs.push(dir);
  return makeCore(dir);
}

beforeAll(async () => {
  s = await sim();
  source = await freshCore();
  await saveProfile(source, s, { name: 'Sales', orgId: 'sales-analytics' });
  await saveProfile(source, s, { name: 'Finance token', orgId: 'finance-prod', signIn: 'token', username: '' }, DEMO_AGING_TOKEN);
  const [, tokenProfile] = await call(source, 'profiles:list', {});
  if (tokenProfile) await call(source, 'tokens:check', { profileId: tokenProfile.id });
});
afterAll(async () => {
  await source.close();
  await s.close();
  for (const dir of dirs) await removeDir(dir);
  dirs = [];
});

const PASSPHRASE = 'correct horse battery staple';

describe('encrypted export and import', () => {
  it('round-trips profiles and secrets under a passphrase, documenting the KDF', async () => {
    const exported = await call(source, 'profiles:export-encrypted', { passphrase: PASSPHRASE });
    expect(exported).toMatchObject({ count: 2, secrets: 2 });
    expect(exported.json).not.toContain(DEMO_PASSWORD);
    expect(exported.json).not.toContain(DEMO_AGING_TOKEN);
    const doc = JSON.parse(exported.json) as { secrets: { kdf: { name: string; N: number }; cipher: { name: string } } };
    expect(doc.secrets.kdf).toMatchObject({ name: 'scrypt', N: KDF.N });
    expect(KDF.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(doc.secrets.cipher.name).toBe('aes-256-gcm');

    const target = await freshCore();
    try {
      const result = await call(target, 'profiles:import-encrypted', { json: exported.json, passphrase: PASSPHRASE, secretStorage: 'memory' });
      expect(result.imported.map((p) => p.name).sort()).toEqual(['Finance token', 'Sales']);
      expect(result.secretsSet).toBe(2);
      expect(result.imported.every((p) => p.hasSecret)).toBe(true);
      // The secrets work: both profiles connect on the new install.
      for (const p of result.imported) expect((await call(target, 'connection:test', { profileId: p.id })).ok).toBe(true);
      // The token's age travelled with it.
      const token = result.imported.find((p) => p.signIn === 'token');
      expect((await call(target, 'tokens:ages', {})).find((a) => a.profileId === token?.id)?.warn).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('without a passphrase exports and imports profiles only', async () => {
    const exported = await call(source, 'profiles:export-encrypted', {});
    expect(exported.secrets).toBe(0);
    expect(exported.json).not.toContain('"secrets"');
    const target = await freshCore();
    try {
      const result = await call(target, 'profiles:import-encrypted', { json: exported.json });
      expect(result.imported).toHaveLength(2);
      expect(result.imported.some((p) => p.hasSecret)).toBe(false);
    } finally {
      await target.close();
    }
  });

  it('a wrong passphrase, no passphrase, or an edited URL imports nothing', async () => {
    const exported = await call(source, 'profiles:export-encrypted', { passphrase: PASSPHRASE });
    const edited = exported.json.replace(s.url, 'https://attacker.example.com:10502');
    const target = await freshCore();
    try {
      const wrong = await callFails(target, 'profiles:import-encrypted', { json: exported.json, passphrase: 'not the passphrase', secretStorage: 'memory' });
      expect(wrong.message).toMatch(/passphrase is wrong.*Nothing was imported/);
      const none = await callFails(target, 'profiles:import-encrypted', { json: exported.json, secretStorage: 'memory' });
      expect(none).toEqual({
        kind: 'invalid-input',
        message: 'This file holds passwords or tokens encrypted under a passphrase. Type the passphrase to import them; nothing was imported.',
      });
      const tampered = await callFails(target, 'profiles:import-encrypted', { json: edited, passphrase: PASSPHRASE, secretStorage: 'memory' });
      expect(tampered.kind).toBe('invalid-input');
      expect(await call(target, 'profiles:list', {})).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
