// Servers and the orgs on them: which profiles share a server (one keychain entry), which settings the
// server holds and which an org overrides, and that every profile reads back exactly as it was saved.
import { describe, expect, it } from 'vitest';
import type { Profile } from '@shared/domain';
import { EMPTY_DOC, factorize, resolveAll, type ProfilesDoc } from '@core/profiles/server-model';
import { profileInput } from './helpers';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-06-01T00:00:00.000Z';

const API = { url: 'https://atscale.example.com:10502' };

function org(id: string, fields: Partial<Profile> = {}): Profile {
  return {
    ...profileInput(API, { name: `Org ${id}`, orgId: id, username: 'admin', authUrl: 'https://atscale.example.com:10500' }),
    environment: { kind: 'test', label: 'test', color: '#1f7a3a' },
    id,
    demo: false,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

/** One save of the flat list; a fresh server id is new-1, new-2, ... within that save. */
function save(flat: Profile[], prev: ProfilesDoc = EMPTY_DOC, now = T0): ProfilesDoc {
  let issued = 0;
  return factorize(flat, prev, now, () => `new-${(issued += 1)}`);
}
const serverOf = (doc: ProfilesDoc): string[] => doc.profiles.map((p) => p.serverId);
/** The flat profiles as callers see them, without the server id the model adds. */
const readBack = (doc: ProfilesDoc): Profile[] => resolveAll(doc).map(({ serverId: _s, ...p }) => p);

describe('which profiles share a server', () => {
  it('the same server however its URLs are spelled: case of scheme and host, default port, trailing slashes, spaces', () => {
    const doc = save([
      org('a', { apiUrl: 'https://atscale.example.com/api', authUrl: 'https://atscale.example.com/auth' }),
      org('b', { apiUrl: ' HTTPS://AtScale.Example.com:443/api// ', authUrl: 'https://atscale.example.com/auth/' }),
    ]);
    expect(doc.servers.map((s) => s.id)).toEqual(['a']);
    expect(serverOf(doc)).toEqual(['a', 'a']);
  });

  it('another server for another path, port, sign-in method or user; the user name only counts for passwords', () => {
    const doc = save([
      org('a'),
      org('path', { apiUrl: 'https://atscale.example.com:10502/other' }),
      org('port', { authUrl: 'https://atscale.example.com:10501' }),
      org('token', { signIn: 'token', username: 'someone' }),
      org('token2', { signIn: 'token', username: 'another' }),
      org('user', { username: 'ops' }),
      org('spaced', { username: ' admin ' }),
    ]);
    expect(serverOf(doc)).toEqual(['a', 'path', 'port', 'token', 'token', 'user', 'a']);
  });

  it('compares a URL that cannot be parsed as the text it is, trimmed', () => {
    const doc = save([org('a', { apiUrl: 'not a url' }), org('b', { apiUrl: ' not a url ' }), org('c', { apiUrl: 'not a URL' })]);
    expect(serverOf(doc)).toEqual(['a', 'a', 'c']);
  });

  it('a new server takes the id of its first profile, or a fresh one when a server has that id already', () => {
    const first = save([org('a')]);
    const moved = save([org('a', { apiUrl: 'https://elsewhere.example.com' }), org('b')], first);
    expect(moved.servers.map((s) => s.id)).toEqual(['new-1', 'a']);
    expect(serverOf(moved)).toEqual(['new-1', 'a']);
  });

  it('a profile stays on its server while it matches, joins a matching server when it moves, and an unused server goes', () => {
    const first = save([org('a'), org('b', { apiUrl: 'https://b.example.com' })]);
    expect(first.servers.map((s) => s.id)).toEqual(['a', 'b']);
    const joined = save([org('a'), org('b')], first);
    expect(serverOf(joined)).toEqual(['a', 'a']);
    expect(joined.servers.map((s) => s.id)).toEqual(['a']);
    // A profile that comes back to a server that still exists in the previous doc is given that server.
    const back = save([org('c', { apiUrl: 'https://b.example.com' })], first);
    expect(serverOf(back)).toEqual(['b']);
  });
});

describe('what a server holds and what an org overrides', () => {
  it('takes the settings every org agrees on; where they differ the first org’s, the others override', () => {
    const doc = save([
      org('a', { serverTimeZone: 'Europe/Berlin', caCertPath: '/ca.pem' }),
      org('b', { serverTimeZone: 'Asia/Tokyo', caCertPath: '/ca.pem', environment: { kind: 'production', label: 'prod', color: '#d9480f' } }),
    ]);
    expect(doc.servers).toEqual([
      {
        id: 'a',
        apiUrl: 'https://atscale.example.com:10502',
        authUrl: 'https://atscale.example.com:10500',
        signIn: 'password',
        username: 'admin',
        serverTimeZone: 'Europe/Berlin',
        caCertPath: '/ca.pem',
        environment: { kind: 'test', label: 'test' },
        createdAt: T0,
        updatedAt: T0,
      },
    ]);
    expect(doc.profiles.map((p) => p.overrides ?? null)).toEqual([null, { serverTimeZone: 'Asia/Tokyo', environment: { kind: 'production', label: 'prod' } }]);
    // The colour is the org's own, never an override.
    expect(doc.profiles.map((p) => p.color)).toEqual(['#1f7a3a', '#d9480f']);
  });

  it('keeps the server’s own value when the orgs differ and one of them still has it', () => {
    const first = save([org('a', { serverTimeZone: 'Europe/Berlin' }), org('b', { serverTimeZone: 'Europe/Berlin' })]);
    const next = save([org('a', { serverTimeZone: 'Asia/Tokyo' }), org('b', { serverTimeZone: 'Europe/Berlin' })], first, T1);
    expect(next.servers.map((s) => s.serverTimeZone)).toEqual(['Europe/Berlin']);
    expect(next.profiles.map((p) => p.overrides ?? null)).toEqual([{ serverTimeZone: 'Asia/Tokyo' }, null]);
  });

  it('an org without a private CA on a server that has one overrides it with none', () => {
    const doc = save([org('a', { caCertPath: '/ca.pem' }), org('b', { caCertPath: '/ca.pem' }), org('c')]);
    expect(doc.servers.map((s) => s.caCertPath)).toEqual(['/ca.pem']);
    expect(doc.profiles.map((p) => p.overrides ?? null)).toEqual([null, null, { caCertPath: null }]);
    expect(readBack(doc).map((p) => p.caCertPath)).toEqual(['/ca.pem', '/ca.pem', null]);
  });

  it('keeps when a server was created, and its change time while nothing of it changed', () => {
    const first = save([org('a'), org('b')]);
    const renamed = save([org('a', { name: 'Renamed' }), org('b')], first, T1);
    expect(renamed.servers.map((s) => [s.createdAt, s.updatedAt])).toEqual([[T0, T0]]);
    const rezoned = save([org('a', { serverTimeZone: 'Asia/Tokyo' }), org('b', { serverTimeZone: 'Asia/Tokyo' })], first, T1);
    expect(rezoned.servers.map((s) => [s.createdAt, s.updatedAt])).toEqual([[T0, T1]]);
    const newUser = save([org('a', { username: 'ops' })], first, T1);
    expect(newUser.servers.map((s) => [s.id, s.createdAt, s.updatedAt])).toEqual([['new-1', T1, T1]]);
  });
});

describe('reading profiles back', () => {
  it('gives every profile exactly as it was saved, in order, with its own name, notes, grace and dates', () => {
    const flat = [
      org('a', { name: 'First', notes: 'n1', healthGraceMinutes: 15, createdAt: T0, updatedAt: T1 }),
      org('b', { name: 'Second', demo: true, serverTimeZone: 'Asia/Tokyo', caCertPath: '/b.pem' }),
      org('c', { apiUrl: 'https://c.example.com', environment: { kind: 'production', label: 'production', color: '#d9480f' } }),
    ];
    const doc = save(flat);
    expect(readBack(doc)).toEqual(flat);
    expect(resolveAll(doc).map((p) => p.serverId)).toEqual(['a', 'a', 'c']);
    expect(doc.profiles.map((p) => ('healthGraceMinutes' in p ? p.healthGraceMinutes : 'absent'))).toEqual([15, 'absent', 'absent']);
  });

  it('leaves out a profile whose server is missing', () => {
    const doc = save([org('a'), org('b', { apiUrl: 'https://b.example.com' })]);
    expect(resolveAll({ servers: doc.servers.slice(1), profiles: doc.profiles }).map((p) => p.id)).toEqual(['b']);
  });
});
