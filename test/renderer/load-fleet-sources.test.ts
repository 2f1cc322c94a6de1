// The load view's sources: which org a schedule counts under, which profiles share a server, and the
// planning settings a profile has before any were saved.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_MINUTES } from '@shared/fleet';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { sameServerProfiles, settingsOf, toFleetSources } from '@renderer/load/fleet-sources';
import { profile, schedule } from './support/fake-api';

function source(profileId: string, orgId: string): ScheduleSource {
  return {
    key: `${profileId}:job`,
    profileId,
    profileName: `Profile ${profileId}`,
    environmentLabel: 'Production',
    color: '#000',
    serverTimeZone: 'UTC',
    schedule: schedule(`job-${profileId}`, '0 0 4 ? * * *', { orgId }),
  };
}

describe('the load view’s sources', () => {
  it('counts a schedule under its own org, or its profile’s org when the schedule names none', () => {
    const planned = toFleetSources([source('a', 'org-from-server'), source('b', '')], [profile('a'), profile('b')], {});
    expect(planned.map((p) => [p.profileId, p.orgId])).toEqual([
      ['a', 'org-from-server'],
      ['b', 'org-b'],
    ]);
  });

  it('the profiles on one server: same host and port, whatever the case or trailing slash', () => {
    const a = profile('a', { apiUrl: 'https://engine.example.com:10502' });
    const b = profile('b', { apiUrl: 'https://ENGINE.example.com:10502/' });
    const c = profile('c', { apiUrl: 'https://engine.example.com:10600' });
    const d = profile('d', { apiUrl: 'https://other.example.com:10502' });
    expect(sameServerProfiles(b, [a, b, c, d]).map((p) => p.id)).toEqual(['a', 'b']);
    expect(sameServerProfiles(d, [a, b, c, d]).map((p) => p.id)).toEqual(['d']);
  });

  it('a profile without saved settings: no blackout windows and the default run length', () => {
    expect(settingsOf({}, 'z')).toEqual({ profileId: 'z', blackouts: [], runMinutes: DEFAULT_RUN_MINUTES });
    const saved = { profileId: 'a', blackouts: [], runMinutes: 45 };
    expect(settingsOf({ a: saved }, 'a')).toBe(saved);
  });
});
