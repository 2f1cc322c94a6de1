// Which profile each secret of an encrypted file goes to: the row it was sealed with, matched by name,
// org and URL as the import reads them (spaces around a name are dropped); a row the import skipped
// lends its secret to nobody; a file without a secrets block, or with an empty one, is an ordinary import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOKEN, type Simulator } from '@simulator/index';
import { seal, type SealedEntry } from '@core/connections/encrypted-secrets';
import { call, callFails, corePerTest, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const PASSPHRASE = 'correct horse battery staple';
let s: Simulator;
beforeAll(async () => {
  s = await sim();
});
afterAll(async () => {
  await s.close();
});
const fresh = corePerTest();

const row = (over: Parameters<typeof profileInput>[1] = {}) => {
  const { id: _id, ...fields } = profileInput(s, over);
  return fields;
};

async function importSealed(rows: unknown[], entries: SealedEntry[], over: { secretStorage?: 'memory' } = { secretStorage: 'memory' }) {
  const secrets = await seal(entries, PASSPHRASE, JSON.stringify(rows));
  return call(fresh.core, 'profiles:import-encrypted', { json: JSON.stringify({ profiles: rows, secrets }), passphrase: PASSPHRASE, ...over });
}

const source = async (profileId: string) => (await call(fresh.core, 'schedules:list', { profileId })).source;

describe('the secrets of an encrypted file', () => {
  it('go to the profile of their row, also when its name had spaces around it', async () => {
    const result = await importSealed(
      [row({ name: '  Sales  ', orgId: 'sales-analytics' }), row({ name: 'Finance', orgId: 'finance-prod' })],
      [{ index: 0, secret: DEMO_PASSWORD }],
    );
    expect(result.imported.map((p) => [p.name, p.hasSecret])).toEqual([
      ['Sales', true],
      ['Finance', true],
    ]);
    expect(result).toMatchObject({ secretsSet: 1, secretProblems: [], skipped: [] });
    expect(await source(result.imported[1]?.id ?? '')).toBe('live');
  });

  it('of a row the import skipped go to no profile, not to the one it repeats', async () => {
    const result = await importSealed(
      [row({ name: 'Sales', orgId: 'sales-analytics' }), row({ name: 'Sales', orgId: 'sales-analytics' })],
      [
        { index: 0, secret: DEMO_PASSWORD },
        { index: 1, secret: 'a-password-of-the-skipped-row' },
      ],
    );
    expect(result.skipped).toEqual([{ name: 'Sales', reason: 'a profile with the same name, API URL and org already exists' }]);
    expect(result.secretsSet).toBe(1);
    expect(await source(result.imported[0]?.id ?? '')).toBe('live');
  });

  it('of rows the import cannot read go to no profile, also when a refused org ID differs only by spaces', async () => {
    const rows = ['not a profile', { name: 'No org' }, { name: 'No URL', orgId: 'default' }, row({ orgId: ' default' }), row({ apiUrl: `  ${s.url}  ` })];
    const result = await importSealed(
      rows,
      [0, 1, 2, 3, 9].map((index) => ({ index, secret: `secret-of-row-${index}` })).concat([{ index: 4, secret: DEMO_PASSWORD }]),
    );
    expect(result.imported.map((p) => [p.name, p.orgId, p.apiUrl])).toEqual([['Sales dev', 'default', s.url]]);
    expect(result.skipped).toHaveLength(4);
    expect(result.secretsSet).toBe(1);
    expect(await source(result.imported[0]?.id ?? '')).toBe('live');
  });

  it('of a row already in the app are not set: the profile there keeps its own', async () => {
    const mine = await call(fresh.core, 'profiles:save', { profile: profileInput(s, { name: 'Sales' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    const result = await importSealed([row({ name: 'Sales' })], [{ index: 0, secret: 'another-password' }]);
    expect(result).toMatchObject({ imported: [], secretsSet: 0 });
    expect(await source(mine.id)).toBe('live');
  });
});

describe('an API token exported with its secret', () => {
  it('keeps the date it was saved: the age on the new install counts from then, not from the import', async () => {
    const saved = new Date('2026-09-01T00:00:00.000Z');
    const later = new Date('2026-11-20T00:00:00.000Z');
    const dirs = [await tempDir(), await tempDir()] as const;
    const from = await makeCore(dirs[0], { now: () => saved });
    try {
      await call(from, 'profiles:save', {
        profile: profileInput(s, { name: 'Token', signIn: 'token', username: '' }),
        secret: DEMO_TOKEN,
        secretStorage: 'memory',
      });
      await call(from, 'profiles:save', {
        profile: profileInput(s, { name: 'Password', orgId: 'sales-analytics' }),
        secret: DEMO_PASSWORD,
        secretStorage: 'memory',
      });
      const exported = await call(from, 'profiles:export-encrypted', { passphrase: PASSPHRASE });
      expect(exported).toMatchObject({ count: 2, secrets: 2 });
      const into = await makeCore(dirs[1], { now: () => later });
      try {
        const result = await call(into, 'profiles:import-encrypted', { json: exported.json, passphrase: PASSPHRASE, secretStorage: 'memory' });
        expect(result.secretsSet).toBe(2);
        const token = result.imported.find((p) => p.name === 'Token');
        expect(await call(into, 'tokens:ages', {})).toEqual([
          { profileId: token?.id, since: saved.toISOString(), source: 'saved', expiresAt: '2026-11-30T00:00:00.000Z', daysLeft: 10, warn: true },
        ]);
      } finally {
        await into.close();
      }
    } finally {
      await from.close();
      for (const dir of dirs) await removeDir(dir);
    }
  });
});

describe('a file without secrets', () => {
  it('imports as an ordinary export, without asking for a passphrase or a place for secrets', async () => {
    const plain = await call(fresh.core, 'profiles:import-encrypted', { json: JSON.stringify({ profiles: [row({ name: 'Plain' })] }) });
    expect(plain).toMatchObject({ imported: [{ name: 'Plain', hasSecret: false }], secretsSet: 0, secretProblems: [] });
    // An empty secrets block needs no keychain and no choice of memory.
    const empty = await importSealed([row({ name: 'Empty block' })], [], {});
    expect(empty).toMatchObject({ imported: [{ name: 'Empty block', hasSecret: false }], secretsSet: 0 });
  });

  it('that is not JSON, or JSON without profiles, is refused in the words of the ordinary import', async () => {
    const notJson = await callFails(fresh.core, 'profiles:import-encrypted', { json: '{"profiles": [' });
    expect(notJson.kind).toBe('invalid-input');
    expect(notJson.message).toMatch(/^The file is not JSON \(.+\)\. Choose a file exported by this app\.$/);
    for (const json of ['null', '"secrets"', '[]']) {
      const result = await fresh.core.handlers['profiles:import-encrypted']({ json });
      if (json === '[]') expect(result).toMatchObject({ ok: true, value: { imported: [], secretsSet: 0 } });
      else expect(result, json).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/^The file holds no profiles/) } });
    }
  });
});
