// Profile export and import files: what an export holds (never a secret, nothing app-internal), and what an
// import adds or skips, each skip with the reason the user reads; the limits named in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '@shared/domain';
import { openProfileStore, type ProfileStore } from '@core/profiles/profile-store';
import { EXPORT_FORMAT, exportProfiles, MAX_IMPORT, MAX_PROFILES, prepareImport } from '@core/profiles/profile-transfer';
import { profileInput, removeDir, tempDir } from './helpers';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const input = profileInput(
  { url: 'https://atscale.example.com:10502' },
  {
    name: 'Sales',
    environment: { kind: 'production', label: 'production', color: '#d9480f' },
    authUrl: 'https://atscale.example.com:10500',
    username: 'admin',
    serverTimeZone: 'Europe/Berlin',
    caCertPath: '/etc/ca.pem',
    notes: 'nightly',
  },
);
const stored = (id: string, fields: Partial<Profile> = {}): Profile => ({
  ...input,
  environment: { ...input.environment },
  id,
  demo: true,
  healthGraceMinutes: 5,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

let dir: string;
let store: ProfileStore;
beforeEach(async () => {
  dir = await tempDir('profiles-transfer-');
  store = (await openProfileStore(dir, () => NOW)).store;
  await store.update(() => [stored('p-1'), stored('p-2', { name: 'Finance', orgId: 'finance' }), stored('p-3', { name: 'Ops', orgId: 'ops' })]);
});
afterEach(async () => {
  await removeDir(dir);
});

describe('an export', () => {
  it('holds the chosen profiles field by field, with the format, version and time of export', () => {
    const { json, count } = exportProfiles(store, ['p-2'], NOW);
    expect(count).toBe(1);
    expect(JSON.parse(json)).toEqual({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: NOW.toISOString(),
      profiles: [{ ...input, name: 'Finance', orgId: 'finance', healthGraceMinutes: 5 }],
    });
    expect(json).toContain('\n  "format"');
    expect(exportProfiles(store, undefined, NOW).count).toBe(3);
  });

  it('of ids that do not exist names up to three of them and counts the rest', () => {
    const refused = (ids: string[]): string => {
      try {
        exportProfiles(store, ids, NOW);
      } catch (error) {
        return `${(error as { kind: string }).kind}: ${(error as Error).message}`;
      }
      return 'exported';
    };
    expect(refused(['p-1', 'gone'])).toBe('not-found: These profiles do not exist (any more): “gone”. Refresh the list and export again.');
    expect(refused(['a', 'b', 'c'])).toBe('not-found: These profiles do not exist (any more): “a”, “b”, “c”. Refresh the list and export again.');
    expect(refused(['a', 'b', 'c', 'd', 'e'])).toBe(
      'not-found: These profiles do not exist (any more): “a”, “b”, “c” and 2 more. Refresh the list and export again.',
    );
  });
});

describe('an import', () => {
  const file = (profiles: unknown[], extra: Record<string, unknown> = {}): string => JSON.stringify({ format: EXPORT_FORMAT, version: 1, ...extra, profiles });
  const reasons = (json: string, existing: readonly Profile[] = store.list()) => prepareImport(existing, json, NOW).skipped;

  it('adds new profiles with fresh ids and the import time, never as demo profiles', () => {
    const { accepted, skipped } = prepareImport(store.list(), file([{ ...input, name: 'New one' }]), NOW);
    expect(skipped).toEqual([]);
    expect(accepted).toEqual([{ ...input, name: 'New one', id: expect.any(String), demo: false, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() }]);
    expect(['p-1', 'p-2', 'p-3']).not.toContain(accepted[0]?.id);
    // A bare list of profiles is read too.
    expect(prepareImport(store.list(), JSON.stringify([{ ...input, name: 'Bare' }]), NOW).accepted.map((p) => p.name)).toEqual(['Bare']);
  });

  it('skips a profile that exists (same name, API URL and org), twice in one file, or an unknown zone, saying why', () => {
    const skipped = reasons(
      file([
        { ...input },
        { ...input, name: 'Twice' },
        { ...input, name: 'Twice' },
        { ...input, name: 'Zoned', serverTimeZone: 'Mars/Base' },
        { ...input, name: 'Sales', orgId: 'other-org' },
      ]),
    );
    expect(skipped).toEqual([
      { name: 'Sales', reason: 'a profile with the same name, API URL and org already exists' },
      { name: 'Twice', reason: 'a profile with the same name, API URL and org already exists' },
      { name: 'Zoned', reason: expect.stringMatching(/^Server time zone “Mars\/Base” is not a known IANA time zone\./) },
    ]);
  });

  it('labels a profile without a usable name by its place in the file, and names the field that is wrong', () => {
    const skipped = reasons(file([{ ...input, name: 42 }, 'text', { ...input, name: 'No URL', apiUrl: undefined }]));
    expect(skipped.map((s) => s.name)).toEqual(['Profile #1', 'Profile #2', 'No URL']);
    expect(skipped[0]?.reason).toMatch(/^name: \S/);
    expect(skipped[1]?.reason).toMatch(/^profile: \S/);
    expect(skipped[2]?.reason).toMatch(/^apiUrl: \S/);
  });

  it('stops at the number of profiles the app keeps, naming it', () => {
    const full = Array.from({ length: MAX_PROFILES - 1 }, (_, i) => stored(`x-${i}`, { name: `X ${i}` }));
    const { accepted, skipped } = prepareImport(
      full,
      file([
        { ...input, name: 'Fits' },
        { ...input, name: 'Does not' },
      ]),
      NOW,
    );
    expect(accepted.map((p) => p.name)).toEqual(['Fits']);
    expect(skipped).toEqual([{ name: 'Does not', reason: `the app keeps at most ${MAX_PROFILES} profiles` }]);
  });

  it('refuses a file that is not JSON, holds no profiles, is from a newer version or is too large, in words', () => {
    const refused = (json: string): string => {
      try {
        prepareImport(store.list(), json, NOW);
      } catch (error) {
        return `${(error as { kind: string }).kind}: ${(error as Error).message}`;
      }
      return 'imported';
    };
    expect(refused('{oops')).toMatch(/^invalid-input: The file is not JSON \(.+\)\. Choose a file exported by this app\.$/);
    const noProfiles = 'invalid-input: The file holds no profiles: expected {"profiles": [...]} as exported by this app, or a list of profiles.';
    expect([refused('{"profiles": {}}'), refused('"text"'), refused('null')]).toEqual([noProfiles, noProfiles, noProfiles]);
    expect(refused(file([], { version: 2 }))).toBe(
      'invalid-input: The file was exported by a newer version of the app (format 2); update the app to import it.',
    );
    expect(refused(file([], { version: 1 }))).toBe('imported');
    const many = Array.from({ length: MAX_IMPORT + 1 }, () => ({}));
    expect(refused(file(many))).toBe(`invalid-input: The file holds ${MAX_IMPORT + 1} profiles; at most ${MAX_IMPORT} can be imported at once.`);
    expect(refused(file(many.slice(1)))).toBe('imported');
  });
});
