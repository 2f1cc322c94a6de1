// What the banners above the schedule list, the disabled create/delete reason and the header's status
// line say for each state of a profile's schedules (store/derived.ts), built from the states directly.
import { describe, expect, it } from 'vitest';
import { bannerFor, bannersFor, isLoading, updatedText, writeBlock } from '@renderer/store/derived';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import type { ErrorKind } from '@shared/domain';
import { liveList, profile, snapshotList } from './support/fake-api';

const MINUTE = 60_000;
const now = new Date('2026-11-10T12:00:00.000Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
const timing = { lastAttemptAt: null, lastSuccessAt: null };

function live(id: string, minutes = 10): ProfileSchedules {
  return { status: 'live', list: liveList(id, ago(minutes), []), ...timing };
}

function onSnapshot(id: string, kind: ErrorKind, reason: string, minutes = 10): ProfileSchedules {
  return { status: 'snapshot', list: snapshotList(id, ago(minutes), [], { kind, reason }), kind, reason, ...timing };
}

function failedOverLive(id: string, kind: ErrorKind, message: string, minutes = 10): ProfileSchedules {
  return { status: 'failed', list: liveList(id, ago(minutes), []), kind, message, ...timing };
}

function failedFirst(kind: ErrorKind, message: string): ProfileSchedules {
  return { status: 'failed', list: null, kind, message, ...timing };
}

function loading(previous: ProfileSchedules | null): ProfileSchedules {
  if (previous && previous.status === 'loading') throw new Error('a loading state has a settled previous');
  return { status: 'loading', list: previous?.list ?? null, previous, ...timing };
}

const dev = profile('dev', { name: 'Dev' });

describe('the banner of one profile', () => {
  it('a snapshot banner is offline and its "Try again" refreshes that profile', () => {
    const b = bannerFor(onSnapshot('dev', 'network', 'connect ECONNREFUSED.'), dev, now, false);
    expect(b).toMatchObject({ profileId: 'dev', covers: ['dev'], tone: 'offline', title: 'Offline.', fix: null });
  });

  it('a failed refresh over a live list says it still shows "the list", in the error tone, covering that profile', () => {
    const b = bannerFor(failedOverLive('dev', 'server', 'HTTP 500.'), dev, now, false);
    expect(b).toMatchObject({ profileId: 'dev', covers: ['dev'], tone: 'error', title: 'Server error.' });
    expect(b?.text).toMatch(/^Still showing the list from 10 minutes ago \(.*\); it could not be refreshed\. Reason: HTTP 500\./);
    expect(b?.text).not.toContain('snapshot');
  });

  it('a first load that failed is an error banner covering that profile, with its fix', () => {
    const b = bannerFor(failedFirst('not-found', 'No such org.'), dev, now, false);
    expect(b).toEqual({
      profileId: 'dev',
      covers: ['dev'],
      tone: 'error',
      title: 'Could not load Dev: no access to the org.',
      text: 'No such org. The org does not exist or this user cannot see it; check the org ID or the user.',
      fix: { kind: 'edit', label: 'Edit profile' },
    });
  });
});

describe('the banners of the profiles shown', () => {
  it('one profile alone is not named in its title', () => {
    const banners = bannersFor([dev], { dev: onSnapshot('dev', 'server', 'HTTP 500.') }, now);
    expect(banners.map((b) => b.title)).toEqual(['Server error.']);
  });

  it('live profiles have no banner', () => {
    expect(bannersFor([dev], { dev: live('dev') }, now)).toEqual([]);
  });

  it('two snapshots and a failure keep a banner each: the failure does not count toward merging', () => {
    const profiles = ['a', 'b', 'c'].map((id) => profile(id, { name: id.toUpperCase() }));
    const lists = { a: onSnapshot('a', 'network', 'down'), b: onSnapshot('b', 'network', 'down'), c: failedOverLive('c', 'server', 'HTTP 500.') };
    const banners = bannersFor(profiles, lists, now);
    expect(banners.map((b) => [b.title, b.tone])).toEqual([
      ['Offline — A.', 'offline'],
      ['Offline — B.', 'offline'],
      ['Server error — C.', 'error'],
    ]);
  });

  describe('three or more snapshots share one banner', () => {
    const profiles = [profile('a', { name: 'Alpha' }), profile('b', { name: 'Beta' }), profile('c', { name: 'Gamma' }), profile('d', { name: 'Delta' })];

    it('names every profile it covers, the oldest snapshot and the first profile’s reason', () => {
      const lists = {
        a: onSnapshot('a', 'network', 'connect ECONNREFUSED.', 5),
        b: onSnapshot('b', 'network', 'socket hang up.', 180),
        c: onSnapshot('c', 'network', 'down', 30),
      };
      const banners = bannersFor(profiles.slice(0, 3), lists, now);
      expect(banners).toEqual([
        {
          profileId: 'a',
          covers: ['a', 'b', 'c'],
          tone: 'offline',
          title: 'Offline — 3 profiles.',
          text:
            'Alpha, Beta, Gamma show their last snapshots (the oldest from 3 hours ago). Reason for Alpha: connect ECONNREFUSED. ' +
            'Creating and deleting are disabled for them until their servers answer.',
          fix: null,
        },
      ]);
    });

    it('is attached to the first profile on a snapshot, not the first profile shown', () => {
      const lists = {
        a: live('a'),
        b: onSnapshot('b', 'network', 'down'),
        c: onSnapshot('c', 'network', 'down'),
        d: onSnapshot('d', 'network', 'down'),
      };
      const [merged] = bannersFor(profiles, lists, now);
      expect(merged?.profileId).toBe('b');
      expect(merged?.covers).toEqual(['b', 'c', 'd']);
      expect(merged?.text).toMatch(/^Beta, Gamma, Delta show their last snapshots .*Reason for Beta: down\./);
    });

    it('with causes of different kinds is titled "Live lists unavailable"', () => {
      const lists = {
        a: onSnapshot('a', 'server', 'HTTP 500.'),
        b: onSnapshot('b', 'network', 'down'),
        c: onSnapshot('c', 'tls', 'self-signed certificate.'),
      };
      const [merged] = bannersFor(profiles.slice(0, 3), lists, now);
      expect(merged?.title).toBe('Live lists unavailable — 3 profiles.');
    });

    it('with one cause for all is titled with that cause', () => {
      const lists = {
        a: onSnapshot('a', 'server', 'HTTP 500.'),
        b: onSnapshot('b', 'server', 'HTTP 502.'),
        c: onSnapshot('c', 'server', 'HTTP 503.'),
      };
      const [merged] = bannersFor(profiles.slice(0, 3), lists, now);
      expect(merged?.title).toBe('Server error — 3 profiles.');
    });

    it('keeps each failure’s own banner beside it, after the shared one', () => {
      const lists = {
        a: onSnapshot('a', 'network', 'down'),
        b: failedFirst('unauthorized', 'HTTP 401.'),
        c: onSnapshot('c', 'network', 'down'),
        d: onSnapshot('d', 'network', 'down'),
      };
      const banners = bannersFor(profiles, lists, now);
      expect(banners.map((b) => ({ title: b.title, tone: b.tone, covers: b.covers }))).toEqual([
        { title: 'Offline — 3 profiles.', tone: 'offline', covers: ['a', 'c', 'd'] },
        { title: 'Could not load Beta: signed out.', tone: 'error', covers: ['b'] },
      ]);
      expect(banners[1]?.fix).toEqual({ kind: 'secret', label: 'Enter a new API token' });
    });
  });
});

describe('why create and delete are disabled', () => {
  it('before the first list arrives: wait for it', () => {
    expect(writeBlock(loading(null), 'token')).toEqual({ reason: 'Wait for the schedules to load first.', short: 'Loading…' });
    expect(writeBlock(undefined)).toEqual({ reason: 'Wait for the schedules to load first.', short: 'Loading…' });
  });

  it('on a snapshot: the cause, its reason, and that the live list is needed', () => {
    expect(writeBlock(onSnapshot('dev', 'network', 'connect ECONNREFUSED.'), 'token')).toEqual({
      reason: 'Offline: connect ECONNREFUSED. Creating and deleting need the live list; refresh when the server answers.',
      short: 'Unavailable offline',
    });
  });

  it('signed out: the hint ends with the one-click fix for the profile’s sign-in', () => {
    expect(writeBlock(failedOverLive('dev', 'unauthorized', 'HTTP 401.'), 'token')?.reason).toBe(
      'Signed out: HTTP 401. The server refused the saved credentials; enter a new one to sign in again (Enter a new API token).',
    );
  });

  it('signed out with the sign-in method unknown: a generic fix', () => {
    expect(writeBlock(failedOverLive('dev', 'no-secret', 'No secret saved.'))?.reason).toBe(
      'Not signed in: No secret saved. No password or token is saved for this profile; enter one (enter a new password or token).',
    );
  });

  it('a cause fixed by editing the profile offers no secret', () => {
    expect(writeBlock(failedOverLive('dev', 'not-found', 'No such org.'), 'token')).toEqual({
      reason: 'No access to the org: No such org. The org does not exist or this user cannot see it; check the org ID or the user.',
      short: 'No access',
    });
  });

  it('a live list allows writes', () => {
    expect(writeBlock(live('dev'), 'token')).toBeNull();
  });
});

describe('the status line of a profile', () => {
  it('says "loading…" when nothing was loaded before', () => {
    expect(updatedText(loading(null), now)).toBe('loading…');
  });

  it('while reloading, keeps telling the last known state', () => {
    expect(updatedText(loading(live('dev', 10)), now)).toBe('updated 10 minutes ago');
    expect(updatedText(loading(failedFirst('server', 'HTTP 500.')), now)).toBe('not loaded (server error)');
  });

  it('says nothing for a profile never asked about', () => {
    expect(updatedText(undefined, now)).toBeNull();
  });
});

describe('whether a profile is refreshing', () => {
  it('is true only while its refresh is under way', () => {
    expect(isLoading(loading(null))).toBe(true);
    expect(isLoading(loading(live('dev')))).toBe(true);
    expect(isLoading(live('dev'))).toBe(false);
    expect(isLoading(failedFirst('server', 'HTTP 500.'))).toBe(false);
    expect(isLoading(undefined)).toBe(false);
  });
});
