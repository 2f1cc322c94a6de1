// The "saved <when>" mark of items drawn from a saved list: one per profile (shared by all its rows,
// chips and lanes), made once per saved list, and the orgs the health summary judges from saved lists.
import { describe, expect, it } from 'vitest';
import { settleWithList, settleWithError, startLoading, type ProfileSchedules } from '@renderer/store/schedule-state';
import { savedListAt, savedMarkOf, savedMarksOf, savedAgo, savedOrgs, savedOrgsNote } from '@renderer/sources/saved-marks';
import { formatWithZone, localZone } from '@renderer/common/time';
import { liveList, profile, schedule, snapshotList } from './support/fake-api';

const now = new Date('2026-12-02T13:00:00Z');
const savedAt = new Date('2026-12-01T22:00:00Z');
const stale = { kind: 'network' as const, reason: 'connection reset' };

function state(): Record<string, ProfileSchedules> {
  return {
    live: settleWithList(undefined, liveList('live', now, [schedule('a', '0 0 4 ? * *')]), now),
    saved: settleWithList(undefined, snapshotList('saved', savedAt, [schedule('b', '0 0 4 ? * *')], stale), now),
  };
}

describe('saved marks', () => {
  it('marks only profiles shown from a saved list, with its fetchedAt through the time module', () => {
    const marks = savedMarksOf(state());
    expect([...marks.keys()]).toEqual(['saved']);
    const mark = marks.get('saved');
    expect(mark?.fetchedAt).toBe(savedAt.toISOString());
    expect(mark?.label).toBe(`saved ${formatWithZone(savedAt, localZone)}`);
    expect(mark && savedAgo(mark, now)).toBe('saved 15 hours ago');
  });

  it('is one object per saved list, so every row of the profile shares it', () => {
    expect(savedMarkOf(savedAt.toISOString())).toBe(savedMarkOf(savedAt.toISOString()));
    expect(savedMarksOf(state()).get('saved')).toBe(savedMarksOf(state()).get('saved'));
  });

  it('keeps the mark while a refresh is under way or failed with the saved list still on screen', () => {
    const saved = state()['saved'];
    expect(savedListAt(startLoading(saved))).toBe(savedAt.toISOString());
    expect(savedListAt(settleWithError(saved, { kind: 'network', message: 'down' }, now))).toBe(savedAt.toISOString());
    expect(savedListAt(state()['live'])).toBeNull();
    expect(savedListAt(undefined)).toBeNull();
  });

  it('names the orgs known only from saved lists for the health summary', () => {
    const profiles = [profile('live', { name: 'Demo dev' }), profile('saved', { name: 'Demo prod' })];
    expect(savedOrgs(profiles, state()).map((o) => o.name)).toEqual(['Demo prod']);
    expect(savedOrgsNote(profiles, state(), now)).toBe('Demo prod not counted: only its saved list is known (saved 15 hours ago)');
    // An org another profile shows live is judged live.
    const same = [profile('live', { orgId: 'x' }), profile('saved', { orgId: 'x' })];
    expect(savedOrgsNote(same, state(), now)).toBeNull();
  });
});
