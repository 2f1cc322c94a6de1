// What each error kind means to the user, in words that name its real cause, and what fixes it.
import type { ErrorKind, SignInMethod } from '@shared/domain';

export interface Cause {
  /** Headline for a banner, e.g. "Server error". */
  title: string;
  /** A few words for tight places (the header, beside a disabled button). */
  short: string;
  /** What to do about it, in a sentence (without the final full stop). */
  hint: string;
  /** The one action that fixes it: a new secret, or editing the profile; null when waiting/retrying is the fix. */
  fix: 'secret' | 'edit' | null;
}

const CAUSES: Record<ErrorKind, Cause> = {
  network: { title: 'Offline', short: 'Unavailable offline', hint: 'Refresh once the server can be reached again', fix: null },
  offline: { title: 'Offline', short: 'Unavailable offline', hint: 'Refresh once the server can be reached again', fix: null },
  timeout: { title: 'Server not answering', short: 'Server not answering', hint: 'The server did not answer in time; refresh in a moment', fix: null },
  tls: {
    title: 'Certificate problem',
    short: 'Certificate problem',
    hint: 'The server’s certificate was not trusted; check the profile’s CA file or the server',
    fix: 'edit',
  },
  server: { title: 'Server error', short: 'Server error', hint: 'The server answered with an error; refresh later or ask its administrator', fix: null },
  'bad-response': {
    title: 'Unexpected answer from the server',
    short: 'Unexpected server answer',
    hint: 'Check that the API URL points at the AtScale engine',
    fix: 'edit',
  },
  unauthorized: { title: 'Signed out', short: 'Signed out', hint: 'The server refused the saved credentials; enter a new one to sign in again', fix: 'secret' },
  'no-secret': { title: 'Not signed in', short: 'Not signed in', hint: 'No password or token is saved for this profile; enter one', fix: 'secret' },
  'not-found': {
    title: 'No access to the org',
    short: 'No access',
    hint: 'The org does not exist or this user cannot see it; check the org ID or the user',
    fix: 'edit',
  },
  'bad-request': { title: 'Request refused', short: 'Request refused', hint: 'The server refused the request; check the profile settings', fix: 'edit' },
  'keychain-unavailable': {
    title: 'Keychain unavailable',
    short: 'Keychain unavailable',
    hint: 'The saved secret cannot be read; enter it again for this session',
    fix: 'secret',
  },
  'invalid-input': { title: 'Could not load', short: 'Could not load', hint: 'Check the profile settings', fix: 'edit' },
  'profile-mismatch': { title: 'Profile changed', short: 'Profile changed', hint: 'Refresh to load the profile as it is now', fix: null },
  storage: { title: 'Local data problem', short: 'Local data problem', hint: 'The app could not read or write its data folder', fix: null },
  internal: { title: 'Could not load', short: 'Could not load', hint: 'Refresh; restart the app if it keeps happening', fix: null },
  'outcome-unknown': { title: 'Answer lost', short: 'Answer lost', hint: 'Refresh to see what the server has now', fix: null },
};

export function causeOf(kind: ErrorKind): Cause {
  return CAUSES[kind] ?? CAUSES.internal;
}

/** "password" or "API token", as the profile signs in. */
export function secretNoun(signIn: SignInMethod): string {
  return signIn === 'password' ? 'password' : 'API token';
}

/** The label of the one-click fix, e.g. "Enter a new API token". */
export function fixLabel(fix: NonNullable<Cause['fix']>, signIn: SignInMethod): string {
  return fix === 'secret' ? `Enter a new ${secretNoun(signIn)}` : 'Edit profile';
}
