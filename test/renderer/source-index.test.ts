// One pass per source list for what the views read of the whole list: keys, profiles, colours.
import { describe, expect, it } from 'vitest';
import { sourceIndex } from '@renderer/sources/source-index';
import type { ScheduleSource } from '@renderer/schedule-view-types';

function source(profileId: string, jobId: string, environmentLabel: string, color: string): ScheduleSource {
  return {
    key: `${profileId}:${jobId}`,
    profileId,
    profileName: profileId,
    environmentLabel,
    color,
    serverTimeZone: 'UTC',
    schedule: {
      jobId,
      orgId: 'o',
      timeExpression: '0 0 4 ? * *',
      fullBuild: false,
      createdBy: 'x',
      createdAt: '2027-01-01T00:00:00Z',
      latestExecution: null,
      active: true,
    },
  };
}

describe('the index of a source list', () => {
  const sources = [
    source('prod-b', 'j1', 'Production', '#e03131'),
    source('dev', 'j1', 'Development', '#2f9e44'),
    source('prod-a', 'j1', 'Production', '#ff0000'),
    source('dev', 'j2', 'Development', '#000000'),
    source('prod-b', 'j2', 'Production', '#e03131'),
  ];

  it('finds every source by key, lists each profile once in order, and takes the first colour of each environment', () => {
    const index = sourceIndex(sources);
    for (const s of sources) expect(index.byKey.get(s.key)).toBe(s);
    expect(index.byKey.has('dev:j2')).toBe(true);
    expect(index.byKey.has('dev:j3')).toBe(false);
    expect(index.byKey.get('dev:j3')).toBeUndefined();
    expect(index.profileIds).toEqual(['dev', 'prod-a', 'prod-b']);
    expect([...index.envColors]).toEqual([
      ['Production', '#e03131'],
      ['Development', '#2f9e44'],
    ]);
  });

  it('is built once per list, and a new list gets its own', () => {
    expect(sourceIndex(sources)).toBe(sourceIndex(sources));
    const next = [...sources, source('test', 'j1', 'Test', '#1971c2')];
    expect(sourceIndex(next).profileIds).toEqual(['dev', 'prod-a', 'prod-b', 'test']);
    expect(sourceIndex(sources).profileIds).toEqual(['dev', 'prod-a', 'prod-b']);
  });
});
