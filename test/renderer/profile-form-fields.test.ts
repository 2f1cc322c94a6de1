// The profile editor's form: what a new form starts with, what an edited profile fills in, what a save
// sends to the core, and which input is refused with which message.
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '@shared/domain';
import { draftForTest, formFromProfile, inputFromForm, validateForm, type ProfileForm } from '@renderer/profiles/profile-form';
import { namedProfile } from './support/fake-api';

/** A saved production profile with every field filled in. */
const view = (over: Partial<ProfileView> = {}): ProfileView =>
  namedProfile('p1', {
    name: 'Sales prod',
    environment: { kind: 'production', label: 'PROD', color: '#e03131' },
    orgId: 'sales',
    serverTimeZone: 'Europe/Berlin',
    caCertPath: '/etc/ca.pem',
    notes: 'Night loads',
    ...over,
  });

/** A form that passes every check: each test breaks one thing. */
function valid(over: Partial<ProfileForm> = {}): ProfileForm {
  return { ...formFromProfile(view()), ...over };
}

describe('a new profile form', () => {
  it('starts empty, on the default org, password sign-in and UTC, with no environment chosen', () => {
    expect(formFromProfile(undefined)).toEqual({
      name: '',
      kind: '',
      label: '',
      color: '#868e96',
      host: '',
      apiUrl: '',
      authUrl: '',
      orgId: 'default',
      signIn: 'password',
      username: '',
      serverTimeZone: 'UTC',
      caCertPath: '',
      notes: '',
    });
  });
});

describe('editing a saved profile', () => {
  it('fills every field from the profile, with an empty host box', () => {
    expect(formFromProfile(view())).toEqual({
      id: 'p1',
      name: 'Sales prod',
      kind: 'production',
      label: 'PROD',
      color: '#e03131',
      host: '',
      apiUrl: 'https://a.example.com:10502',
      authUrl: 'https://a.example.com:10500',
      orgId: 'sales',
      signIn: 'password',
      username: 'admin',
      serverTimeZone: 'Europe/Berlin',
      caCertPath: '/etc/ca.pem',
      notes: 'Night loads',
    });
  });

  it('shows no CA certificate as an empty box', () => {
    expect(formFromProfile(view({ caCertPath: null })).caCertPath).toBe('');
  });
});

describe('what a save sends', () => {
  it('sends the profile id and every field of an edited profile', () => {
    expect(inputFromForm(valid())).toEqual({
      id: 'p1',
      name: 'Sales prod',
      environment: { kind: 'production', label: 'PROD', color: '#e03131' },
      apiUrl: 'https://a.example.com:10502',
      authUrl: 'https://a.example.com:10500',
      orgId: 'sales',
      signIn: 'password',
      username: 'admin',
      serverTimeZone: 'Europe/Berlin',
      caCertPath: '/etc/ca.pem',
      notes: 'Night loads',
    });
  });

  it('sends no id for a new profile', () => {
    expect(inputFromForm(valid({ id: undefined }))).not.toHaveProperty('id');
  });

  it('signs in at the API URL when no Design Center URL is given', () => {
    expect(inputFromForm(valid({ authUrl: '' })).authUrl).toBe('https://a.example.com:10502');
  });

  it('drops the user name of a token sign-in, keeps it for a password sign-in', () => {
    expect(inputFromForm(valid({ signIn: 'token', username: 'admin' })).username).toBe('');
    expect(inputFromForm(valid({ signIn: 'password', username: 'admin' })).username).toBe('admin');
  });

  it('sends a CA certificate path without surrounding spaces, and a blank one as none', () => {
    expect(inputFromForm(valid({ caCertPath: '  /etc/ca.pem ' })).caCertPath).toBe('/etc/ca.pem');
    expect(inputFromForm(valid({ caCertPath: '   ' })).caCertPath).toBeNull();
    expect(inputFromForm(valid({ caCertPath: '' })).caCertPath).toBeNull();
  });
});

describe('which input is refused', () => {
  it('accepts a complete form', () => {
    expect(validateForm(valid(), true)).toEqual({});
  });

  it('asks for a name', () => {
    expect(validateForm(valid({ name: '  ' }), true)).toEqual({ name: 'Name: Name is required' });
  });

  it('names the URL field and shows its first problem only', () => {
    // An empty URL is neither a URL nor https://: the first problem is the one shown.
    expect(validateForm(valid({ apiUrl: '', authUrl: 'https://a.example.com:10500' }), true)).toEqual({
      apiUrl: 'API URL: must be a full URL such as https://atscale.example.com:10502',
    });
    expect(validateForm(valid({ authUrl: 'ftp://a.example.com' }), true)).toEqual({
      authUrl: 'Design Center URL: must start with https:// (or http:// for a local server)',
    });
  });

  it('names the colour and the environment label', () => {
    expect(validateForm(valid({ color: 'red' }), true)).toEqual({ 'environment.color': 'Colour: Colour must look like #1f7a3a' });
    expect(validateForm(valid({ kind: 'custom', label: ' ' }), true)).toEqual({
      'environment.label': 'Environment label: Environment label is required',
    });
  });

  it('asks to choose an environment, in place of the label and kind problems', () => {
    expect(validateForm(valid({ kind: '', label: '' }), true)).toEqual({
      environment: 'Environment: choose one (Production profiles are marked everywhere).',
    });
  });

  it('asks for a user name for password sign-in only', () => {
    expect(validateForm(valid({ signIn: 'password', username: '  ' }), true)).toEqual({ username: 'User name: required for password sign-in.' });
    expect(validateForm(valid({ signIn: 'token', username: '' }), true)).toEqual({});
    expect(validateForm(valid({ signIn: 'password', username: 'x' }), true)).toEqual({});
  });

  it('names a time zone that is not an IANA zone, with examples', () => {
    expect(validateForm(valid({ serverTimeZone: 'CEST' }), false)).toEqual({
      serverTimeZone: 'Server time zone: “CEST” is not an IANA zone; use e.g. UTC or America/New_York.',
    });
    expect(validateForm(valid({ serverTimeZone: 'CEST' }), true)).toEqual({});
  });
});

describe('testing a connection before saving', () => {
  it('tests an unnamed profile as "Unsaved profile", a named one under its name, never with an id', () => {
    expect(draftForTest(valid({ name: ' ' })).name).toBe('Unsaved profile');
    const named = draftForTest(valid());
    expect(named.name).toBe('Sales prod');
    expect(named).not.toHaveProperty('id');
  });

  it('keeps a chosen environment, and tests an unchosen one as a grey custom "Not chosen"', () => {
    expect(draftForTest(valid()).environment).toEqual({ kind: 'production', label: 'PROD', color: '#e03131' });
    expect(draftForTest(valid({ kind: '' })).environment).toEqual({ kind: 'custom', label: 'Not chosen', color: '#868e96' });
  });
});
