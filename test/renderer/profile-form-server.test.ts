// The profile editor's view of the server a profile is on: another copy of the same org (a duplicate),
// a change to a setting every org of the server shares, and the other orgs of that server.
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '@shared/domain';
import { changesServer, duplicatesOf, formFromProfile, serverOrgsOf, type ProfileForm } from '@renderer/profiles/profile-form';
import { namedProfile } from './support/fake-api';

const view = (id: string, over: Partial<ProfileView> = {}): ProfileView =>
  namedProfile(id, { environment: { kind: 'test', label: 'Test', color: '#1971c2' }, ...over });

const names = (profiles: readonly { name: string }[]) => profiles.map((p) => p.name);

describe('duplicates', () => {
  it('finds none while the API URL or the org is blank', () => {
    expect(duplicatesOf({ apiUrl: '  ', orgId: 'default' }, [view('No URL', { apiUrl: '' })])).toEqual([]);
    expect(duplicatesOf({ apiUrl: 'https://a.example.com:10502', orgId: '  ' }, [view('No org', { orgId: '' })])).toEqual([]);
  });

  it('matches the org whatever spaces surround it, on either side', () => {
    const existing = [view('Sales', { orgId: 'sales ' })];
    expect(names(duplicatesOf({ apiUrl: 'https://a.example.com:10502', orgId: ' sales' }, existing))).toEqual(['Sales']);
  });
});

describe('a change to the server settings', () => {
  const saved = view('Saved', { caCertPath: '/etc/ca.pem' });
  const form = (over: Partial<ProfileForm> = {}): ProfileForm => ({ ...formFromProfile(saved), ...over });

  it('is none for a new profile, an untouched form or spaces only', () => {
    expect(changesServer(form({ apiUrl: 'https://b.example.com' }), undefined)).toBe(false);
    expect(changesServer(form(), saved)).toBe(false);
    expect(changesServer(form({ apiUrl: ' https://a.example.com:10502 ', username: 'admin ' }), saved)).toBe(false);
  });

  it('is none for an untouched form of a profile saved with spaces around its settings', () => {
    const spaced = view('Spaced', { username: ' admin ', serverTimeZone: 'UTC ' });
    expect(changesServer(formFromProfile(spaced), spaced)).toBe(false);
  });

  it('is none for what belongs to the org alone: name, org, colour and notes', () => {
    expect(changesServer(form({ name: 'Renamed', orgId: 'other', color: '#000000', notes: 'n' }), saved)).toBe(false);
  });

  it.each([
    ['apiUrl', { apiUrl: 'https://b.example.com:10502' }],
    ['authUrl', { authUrl: 'https://b.example.com:10500' }],
    ['signIn', { signIn: 'token' }],
    ['username', { username: 'other' }],
    ['serverTimeZone', { serverTimeZone: 'Europe/Berlin' }],
    ['caCertPath', { caCertPath: '' }],
    ['kind', { kind: 'production' }],
    ['label', { label: 'QA' }],
  ] as const satisfies readonly (readonly [string, Partial<ProfileForm>])[])('is a change of %s', (_field, over) => {
    expect(changesServer(form(over), saved)).toBe(true);
  });
});

describe('the other orgs of the server', () => {
  it('are those the core put on the saved profile’s server, itself excluded', () => {
    const saved = view('Mine', { serverId: 's1' });
    const profiles = [saved, view('Same', { serverId: 's1', apiUrl: 'https://elsewhere.example.com' }), view('Other', { serverId: 's2' })];
    expect(names(serverOrgsOf(formFromProfile(saved), saved, profiles))).toEqual(['Same']);
  });

  it('are none for a saved profile without a server, or a new one without an API URL', () => {
    const profiles = [view('A'), view('B')];
    expect(serverOrgsOf(formFromProfile(view('A')), view('A'), profiles)).toEqual([]);
    expect(serverOrgsOf({ ...formFromProfile(undefined), apiUrl: '  ' }, undefined, [view('Blank', { apiUrl: '', username: '' })])).toEqual([]);
  });

  it('for a new profile: the same server, sign-in method and user (spaces aside)', () => {
    const profiles = [
      view('Same user', { username: ' admin', apiUrl: 'https://A.example.com:10502/' }),
      view('Other user', { username: 'bob' }),
      view('Token', { signIn: 'token', username: 'admin' }),
      view('Other server', { apiUrl: 'https://b.example.com:10502' }),
    ];
    const form = { ...formFromProfile(undefined), apiUrl: 'https://a.example.com:10502', username: 'admin ' };
    expect(names(serverOrgsOf(form, undefined, profiles))).toEqual(['Same user']);
  });

  it('for a new token profile: the token profiles of the server, whatever user name they keep', () => {
    const profiles = [
      view('Token A', { signIn: 'token', username: 'x' }),
      view('Token B', { signIn: 'token', username: '' }),
      view('Password', { signIn: 'password', username: '' }),
    ];
    const form = { ...formFromProfile(undefined), apiUrl: 'https://a.example.com:10502', signIn: 'token' as const, username: 'typed before' };
    expect(names(serverOrgsOf(form, undefined, profiles))).toEqual(['Token A', 'Token B']);
  });
});
