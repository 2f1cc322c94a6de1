// Which schedules the views draw (buildSources) and which one the details panel opens (findSource).
import { describe, expect, it } from 'vitest';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import { buildSources, findSource, sourceKey } from '@renderer/store/sources';
import { ALL_PROFILES } from '@renderer/store/view-slice';
import type { Schedule } from '@shared/domain';
import { liveList, profile, schedule } from './support/fake-api';

const AT = new Date('2026-12-01T10:00:00.000Z');
const dev = profile('dev', { name: 'Dev', serverTimeZone: 'UTC' });
const prod = profile('prod', { name: 'Prod', serverTimeZone: 'America/New_York' });

function live(profileId: string, schedules: Schedule[], serverTimeZone = 'UTC'): ProfileSchedules {
  return { status: 'live', list: { ...liveList(profileId, AT, schedules), serverTimeZone }, lastAttemptAt: AT.toISOString(), lastSuccessAt: AT.toISOString() };
}

const lists = {
  dev: live('dev', [schedule('j1', '0 0 4 ? * * *'), schedule('j2', '0 0 5 ? * * *', { active: false })]),
  prod: live('prod', [schedule('p1', '0 0 6 ? * * *')]),
};
const jobs = (sources: { schedule: { jobId: string } }[]) => sources.map((s) => s.schedule.jobId);

describe('buildSources', () => {
  it('hides deactivated schedules unless they are asked for', () => {
    expect(jobs(buildSources([dev, prod], lists, 'dev', false))).toEqual(['j1']);
    expect(jobs(buildSources([dev, prod], lists, 'dev', true))).toEqual(['j1', 'j2']);
  });

  it('shows the selected profile only, or every profile in All profiles', () => {
    expect(jobs(buildSources([dev, prod], lists, 'prod', true))).toEqual(['p1']);
    expect(jobs(buildSources([dev, prod], lists, ALL_PROFILES, true))).toEqual(['j1', 'j2', 'p1']);
  });

  it('places runs in the time zone the list names, or the profile’s when the list names none', () => {
    const zoned = { dev: live('dev', [schedule('j1', '0 0 4 ? * * *')], 'Europe/Paris'), prod: live('prod', [schedule('p1', '0 0 6 ? * * *')], '') };
    const zones = buildSources([dev, prod], zoned, ALL_PROFILES, true).map((s) => [s.schedule.jobId, s.serverTimeZone]);
    expect(zones).toEqual([
      ['j1', 'Europe/Paris'],
      ['p1', 'America/New_York'],
    ]);
  });
});

describe('findSource', () => {
  it('opens a deactivated schedule of a profile that is not selected', () => {
    const found = findSource([dev, prod], lists, sourceKey('dev', 'j2'));
    expect(found).toMatchObject({ key: 'dev:j2', profileName: 'Dev', schedule: { jobId: 'j2', active: false } });
  });

  it('finds nothing for no key or a key that is not listed', () => {
    expect(findSource([dev, prod], lists, null)).toBeNull();
    expect(findSource([dev, prod], lists, sourceKey('dev', 'gone'))).toBeNull();
  });
});
