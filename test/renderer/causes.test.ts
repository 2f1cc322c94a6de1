// What each failure is called and which one-click fix it offers, as banners and disabled buttons say it.
import { describe, expect, it } from 'vitest';
import { causeOf, fixLabel, secretNoun } from '@renderer/store/causes';
import { bannerFor } from '@renderer/store/derived';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import type { ErrorKind } from '@shared/domain';
import { liveList, profile } from './support/fake-api';

const AT = new Date('2026-12-01T10:00:00.000Z');

function failedWith(kind: ErrorKind): ProfileSchedules {
  return { status: 'failed', list: liveList('dev', AT, []), kind, message: 'It failed.', lastAttemptAt: AT.toISOString(), lastSuccessAt: null };
}

describe('the fix offered', () => {
  it('a setting of the profile is fixed by editing it, whatever it signs in with', () => {
    expect(fixLabel('edit', 'token')).toBe('Edit profile');
    expect(fixLabel('edit', 'password')).toBe('Edit profile');
  });

  it('a refused or missing secret is fixed by entering a new one, named as the profile signs in', () => {
    expect(fixLabel('secret', 'token')).toBe('Enter a new API token');
    expect(fixLabel('secret', 'password')).toBe('Enter a new password');
    expect(secretNoun('password')).toBe('password');
  });

  it('the banner of a certificate problem offers to edit the profile', () => {
    const banner = bannerFor(failedWith('tls'), profile('dev', { name: 'Dev' }), AT, false);
    expect(banner?.title).toBe('Certificate problem.');
    expect(banner?.fix).toEqual({ kind: 'edit', label: 'Edit profile' });
  });

  it('waiting is the only fix of a server error: no button', () => {
    expect(causeOf('server').fix).toBeNull();
    expect(bannerFor(failedWith('server'), profile('dev'), AT, false)?.fix).toBeNull();
  });
});

describe('an error kind the window does not know', () => {
  it('is told as "Could not load", not left blank', () => {
    expect(causeOf('something-new' as ErrorKind)).toEqual(causeOf('internal'));
    expect(causeOf('something-new' as ErrorKind).title).toBe('Could not load');
  });
});
