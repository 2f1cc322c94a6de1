// The profiles file read from its parsed JSON: every reason a file is refused (the user reads it in the
// data problem, next to the copy kept aside), and each older schema migrated to the current one.
import { describe, expect, it } from 'vitest';
import { parseProfilesFile, PROFILES_SCHEMA_VERSION } from '@core/profiles/profile-file';

const server = {
  id: 'srv-1',
  apiUrl: 'https://a.example.com:10502',
  authUrl: 'https://a.example.com:10500',
  signIn: 'password',
  username: 'admin',
  serverTimeZone: 'UTC',
  caCertPath: null,
  environment: { kind: 'test', label: 'test' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const profile = {
  id: 'p-1',
  serverId: 'srv-1',
  name: 'Sales',
  color: '#2f9e44',
  orgId: 'default',
  notes: '',
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const flat = {
  id: 'flat-1',
  name: 'Flat',
  environment: { kind: 'production', label: 'production', color: '#d9480f' },
  apiUrl: 'https://b.example.com:10502',
  authUrl: 'https://b.example.com:10500',
  orgId: 'default',
  signIn: 'token',
  username: '',
  serverTimeZone: 'Europe/Berlin',
  caCertPath: null,
  notes: 'n',
  demo: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const current = (servers: unknown[], profiles: unknown[]) => ({ schemaVersion: PROFILES_SCHEMA_VERSION, servers, profiles });
const reasonOf = (value: unknown): string => {
  const parsed = parseProfilesFile(value);
  return parsed.ok ? 'accepted' : parsed.reason;
};

describe('a profiles file that is refused', () => {
  it('names what is wrong with its shape or version', () => {
    const notAFile = 'not a profiles file (expected an object with schemaVersion and profiles)';
    expect([null, [], 'text', 3].map(reasonOf)).toEqual([notAFile, notAFile, notAFile, notAFile]);
    expect(reasonOf({ profiles: [] })).toBe('no schemaVersion');
    expect(reasonOf({ schemaVersion: '3', profiles: [] })).toBe('no schemaVersion');
    expect(reasonOf({ schemaVersion: 2.5, profiles: [] })).toBe('no schemaVersion');
    expect(reasonOf({ schemaVersion: 4, profiles: [] })).toBe('written by a newer version of the app (schema 4; this version reads up to 3)');
    expect(reasonOf({ schemaVersion: 0, profiles: [] })).toBe('schema version 0 cannot be migrated');
    expect(reasonOf({ schemaVersion: -1, profiles: [] })).toBe('schema version -1 cannot be migrated');
  });

  it('names the first field that does not fit, at its place in the file', () => {
    expect(reasonOf(current([server], [{ ...profile, name: '' }]))).toMatch(/^invalid content at profiles\.0\.name: \S/);
    expect(reasonOf(current([{ ...server, id: '../x' }], [profile]))).toMatch(/^invalid content at servers\.0\.id: \S/);
    expect(reasonOf({ schemaVersion: 3, profiles: [] })).toMatch(/^invalid content at servers: \S/);
    expect(reasonOf({ schemaVersion: 2, profiles: [{ ...flat, orgId: '' }] })).toMatch(/^invalid content at profiles\.0\.orgId: \S/);
  });

  it('refuses two profiles or two servers with one id, and a profile whose server is not there', () => {
    expect(reasonOf(current([server], [profile, { ...profile, name: 'Twin' }]))).toBe('two profiles share the id p-1');
    expect(reasonOf(current([server, { ...server, apiUrl: 'https://c.example.com' }], [profile]))).toBe('two servers share an id');
    expect(reasonOf(current([server], [profile, { ...profile, id: 'p-2', serverId: 'srv-9' }]))).toBe(
      'the profile p-2 names a server that is not in the file (srv-9)',
    );
  });
});

describe('a profiles file that is read', () => {
  it('of the current schema comes back as it is, not migrated', () => {
    const file = current([server], [profile, { ...profile, id: 'p-2', name: 'Other', overrides: { serverTimeZone: 'Asia/Tokyo' } }]);
    expect(parseProfilesFile(file)).toEqual({ ok: true, file, migratedFrom: null });
  });

  it('of schema 2 is grouped into servers, each profile keeping its fields', () => {
    const second = { ...flat, id: 'flat-2', name: 'Flat 2', orgId: 'other', serverTimeZone: 'UTC' };
    const parsed = parseProfilesFile({ schemaVersion: 2, profiles: [flat, second] });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.migratedFrom).toBe(2);
    expect(parsed.file.schemaVersion).toBe(3);
    expect(parsed.file.servers.map((s) => [s.id, s.apiUrl, s.serverTimeZone, s.environment])).toEqual([
      ['flat-1', flat.apiUrl, 'Europe/Berlin', { kind: 'production', label: 'production' }],
    ]);
    expect(parsed.file.profiles.map((p) => [p.id, p.serverId, p.orgId, p.notes, p.color, p.overrides ?? null])).toEqual([
      ['flat-1', 'flat-1', 'default', 'n', '#d9480f', null],
      ['flat-2', 'flat-1', 'other', 'n', '#d9480f', { serverTimeZone: 'UTC' }],
    ]);
  });

  it('of schema 1 (version under "version") gets the fields it lacked, its own values kept', () => {
    const { serverTimeZone: _z, caCertPath: _c, demo: _d, notes: _n, ...old } = flat;
    const parsed = parseProfilesFile({ version: 1, profiles: [old, { ...old, id: 'flat-2', name: 'Kept', notes: 'mine', serverTimeZone: 'Asia/Tokyo' }] });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.migratedFrom).toBe(1);
    expect(parsed.file.profiles.map((p) => [p.id, p.notes, p.demo])).toEqual([
      ['flat-1', '', false],
      ['flat-2', 'mine', false],
    ]);
    expect(parsed.file.servers.map((s) => [s.serverTimeZone, s.caCertPath])).toEqual([['UTC', null]]);
    expect(parsed.file.profiles[1]?.overrides).toEqual({ serverTimeZone: 'Asia/Tokyo' });
  });

  it('of schema 1 without a list of profiles is an empty file', () => {
    expect(parseProfilesFile({ version: 1, profiles: 'none' })).toEqual({
      ok: true,
      file: { schemaVersion: 3, servers: [], profiles: [] },
      migratedFrom: 1,
    });
  });
});
