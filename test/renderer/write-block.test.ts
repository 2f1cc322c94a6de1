// Why writes are off for a profile, as the create button's tooltip, the banner (the full reason) and the
// header (a few words) say it: nothing while the list is live, and the same cause in both lengths otherwise.
import { describe, expect, it } from 'vitest';
import { writeBlockReason, writeBlockShort } from '@renderer/schedules/write-block';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import { liveList, snapshotList } from './support/fake-api';

const timing = { lastAttemptAt: null, lastSuccessAt: null };
const fetchedAt = new Date('2026-11-10T11:50:00.000Z');
const live: ProfileSchedules = { status: 'live', list: liveList('dev', fetchedAt, []), ...timing };
const snapshot: ProfileSchedules = {
  status: 'snapshot',
  list: snapshotList('dev', fetchedAt, [], { kind: 'network', reason: 'connect ECONNREFUSED.' }),
  kind: 'network',
  reason: 'connect ECONNREFUSED.',
  ...timing,
};
const signedOut: ProfileSchedules = { status: 'failed', list: liveList('dev', fetchedAt, []), kind: 'unauthorized', message: 'HTTP 401.', ...timing };

describe('why writes are off for a profile', () => {
  it('a live list: no reason, long or short', () => {
    expect(writeBlockReason(live)).toBeNull();
    expect(writeBlockShort(live)).toBeNull();
  });

  it('nothing loaded yet: wait for the list', () => {
    expect(writeBlockReason(undefined)).toBe('Wait for the schedules to load first.');
    expect(writeBlockShort(undefined)).toBe('Loading…');
  });

  it('on a snapshot: the cause in full for the tooltip, in a few words for the header', () => {
    expect(writeBlockReason(snapshot)).toBe('Offline: connect ECONNREFUSED. Creating and deleting need the live list; refresh when the server answers.');
    expect(writeBlockShort(snapshot)).toBe('Unavailable offline');
  });

  it('signed out: the reason names the secret the profile signs in with', () => {
    expect(writeBlockReason(signedOut, 'password')).toBe(
      'Signed out: HTTP 401. The server refused the saved credentials; enter a new one to sign in again (Enter a new password).',
    );
    expect(writeBlockShort(signedOut, 'password')).toBe('Signed out');
  });
});
