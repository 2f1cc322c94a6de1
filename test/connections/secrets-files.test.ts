// The small files connections keep, and hostile export files: token dates kept beside (never instead of)
// each other and moved aside when unreadable, and an encrypted block that is damaged, asks for too much
// memory or decrypts to the wrong shape is refused with a reason, importing nothing.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGING_TOKEN, DEMO_TOKEN, type Simulator } from '@simulator/index';
import { seal, type Sealed } from '@core/connections/encrypted-secrets';
import { TOKEN_DATES_FILE } from '@core/connections/token-dates';
import { DEMO_PASSWORD, call, callFails, corePerTest, profileInput, saveProfile, sim } from './helpers';
import { keyringOrSkip } from '../core/helpers';

let s: Simulator;
const token = { signIn: 'token' as const, username: '' };

beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});
const fresh = corePerTest();

type DatesFile = { version: number; tokens: Record<string, { savedAt?: string; issuedAt?: string; expiresAt?: string }> };

// The dates file describes kept secrets only (a secret for this session leaves it alone): the real keyring.
describe.runIf(keyringOrSkip())('token dates', () => {
  const fresh = corePerTest({ secrets: 'keytar' });
  const datesFile = async (): Promise<DatesFile> => JSON.parse(await readFile(join(fresh.dir, TOKEN_DATES_FILE), 'utf8')) as DatesFile;
  it('keep when a token was saved beside when the server says it was issued, and go when the token is cleared', async () => {
    // Kept in the (test's in-memory) keychain: a secret for this session only writes no dates.
    const saved = await call(fresh.core, 'profiles:save', {
      profile: profileInput(s, { name: 'Dated token', ...token }),
      secret: DEMO_AGING_TOKEN,
      secretStorage: 'keychain',
    });
    const before = Object.values((await datesFile()).tokens);
    await call(fresh.core, 'tokens:check', { profileId: saved.id });
    const after = await datesFile();
    expect(after.version).toBe(1);
    const added = Object.entries(after.tokens).filter(([, d]) => d.issuedAt !== undefined);
    expect(added).toHaveLength(1);
    const [account, dates] = added[0] ?? ['', {}];
    expect(dates.savedAt).toEqual(expect.any(String));
    expect(before.map((d) => d.savedAt)).toContain(dates.savedAt);
    await call(fresh.core, 'secrets:clear', { profileId: saved.id });
    expect(Object.keys((await datesFile()).tokens)).not.toContain(account);
  });

  it('an unreadable file is moved aside, the ages read as unknown, and the next token starts a valid file', async () => {
    await saveProfile(fresh.core, s, { name: 'Token before', ...token }, DEMO_TOKEN);
    await fresh.core.close();
    await mkdir(join(fresh.dir, 'connections'), { recursive: true });
    await writeFile(join(fresh.dir, TOKEN_DATES_FILE), '{"version": 1, "tokens": {"x": {"savedAt": "not a date"}}}');
    await fresh.restart();
    const profile = (await call(fresh.core, 'profiles:list', {})).find((p) => p.name === 'Token before');
    await call(fresh.core, 'secrets:set', { profileId: profile?.id ?? '', secret: DEMO_TOKEN, storage: 'keychain' });
    const folder = await readdir(join(fresh.dir, 'connections'));
    expect(folder.filter((name) => name.startsWith('token-dates.corrupt-'))).toHaveLength(1);
    const rewritten = await datesFile();
    expect(Object.keys(rewritten.tokens)).not.toContain('x');
    expect((await call(fresh.core, 'tokens:ages', {})).find((a) => a.profileId === profile?.id)).toMatchObject({ source: 'saved', daysLeft: 89 });
  });
});

describe('an encrypted export file', () => {
  const PASSPHRASE = 'correct horse battery staple';
  const rows = () => {
    const { id: _id, ...row } = profileInput(s, { name: 'Hostile row' });
    return [row];
  };
  const importing = (profiles: unknown, secrets: unknown) =>
    callFails(fresh.core, 'profiles:import-encrypted', { json: JSON.stringify({ profiles, secrets }), passphrase: PASSPHRASE, secretStorage: 'memory' });
  let sealed: Sealed;
  beforeAll(async () => {
    sealed = await seal([{ index: 0, secret: DEMO_PASSWORD }], PASSPHRASE, JSON.stringify(rows()));
  });

  it('whose IV was cut short is damaged, not a wrong passphrase', async () => {
    const error = await importing(rows(), { ...sealed, cipher: { ...sealed.cipher, iv: Buffer.alloc(8).toString('base64') } });
    expect(error.message).toBe('The encrypted secrets in this file are damaged (wrong IV or tag length). Export them again.');
  });

  it('whose tag was cut short is damaged too', async () => {
    const error = await importing(rows(), { ...sealed, cipher: { ...sealed.cipher, tag: Buffer.alloc(12).toString('base64') } });
    expect(error.message).toBe('The encrypted secrets in this file are damaged (wrong IV or tag length). Export them again.');
  });

  it('asking scrypt for gigabytes of memory is refused before any work, also with each setting within its bound', async () => {
    for (const kdf of [{ N: 2 ** 24 }, { N: 2 ** 20, r: 32 }, { N: 2 ** 18, r: 8, p: 2 }]) {
      const error = await importing(rows(), { ...sealed, kdf: { ...sealed.kdf, ...kdf } });
      expect(error, JSON.stringify(kdf)).toEqual({
        kind: 'invalid-input',
        message: 'The encrypted secrets in this file are not in the expected form (scrypt + AES-256-GCM). Export them again with this app.',
      });
    }
  });

  it('whose scrypt settings scrypt itself refuses is damaged, not an internal error', async () => {
    expect(await importing(rows(), { ...sealed, kdf: { ...sealed.kdf, N: 2 ** 14 + 1 } })).toEqual({
      kind: 'invalid-input',
      message: 'The encrypted secrets in this file are damaged (key derivation settings scrypt refuses). Export them again.',
    });
  });

  it('that decrypts to the wrong shape, or holds no profile list, is refused', async () => {
    const wrong = await seal([{ index: -1, secret: '' }], PASSPHRASE, JSON.stringify(rows()));
    expect((await importing(rows(), wrong)).message).toBe('The decrypted secrets are not in the expected form. Export them again with this app.');
    expect((await importing({ not: 'a list' }, sealed)).message).toMatch(/^The file holds no profiles/);
    expect((await call(fresh.core, 'profiles:list', {})).some((p) => p.name === 'Hostile row')).toBe(false);
  });

  it('without a keychain the secrets are not kept in memory unless the user chose it', async () => {
    const error = await callFails(fresh.core, 'profiles:import-encrypted', {
      json: JSON.stringify({ profiles: rows(), secrets: sealed }),
      passphrase: PASSPHRASE,
    });
    expect(error).toEqual({
      kind: 'keychain-unavailable',
      message: 'No keychain is available to keep the imported secrets. Choose "keep in memory for this session" and import again; nothing was imported.',
    });
    expect((await call(fresh.core, 'profiles:list', {})).some((p) => p.name === 'Hostile row')).toBe(false);
  });

  it('of chosen profiles carries only their secrets, and skips a profile without one', async () => {
    const withSecret = await saveProfile(fresh.core, s, { name: 'Chosen', orgId: 'sales-analytics' });
    const without = await call(fresh.core, 'profiles:save', { profile: profileInput(s, { name: 'No secret', orgId: 'finance-prod', username: 'nobody' }) });
    const exported = await call(fresh.core, 'profiles:export-encrypted', { ids: [withSecret.id, without.id], passphrase: PASSPHRASE });
    expect(exported).toMatchObject({ count: 2, secrets: 1 });
    // A profile left out before the chosen one shifts nothing: the secret is matched to its own row.
    const second = await saveProfile(fresh.core, s, { name: 'Second', orgId: 'finance-prod' });
    expect(await call(fresh.core, 'profiles:export-encrypted', { ids: [second.id], passphrase: PASSPHRASE })).toMatchObject({ count: 1, secrets: 1 });
  });
});
