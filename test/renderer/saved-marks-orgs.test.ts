// Which profiles' items carry the "saved" mark, and which orgs the health summary names as known only
// from saved lists (with the oldest saved time of the org).
import { describe, expect, it } from 'vitest';
import { settleWithList, startLoading, type ProfileSchedules } from '@renderer/store/schedule-state';
import { savedListAt, savedMarkOf, savedOrgs, savedOrgsNote } from '@renderer/sources/saved-marks';
import { liveList, profile, schedule, snapshotList } from './support/fake-api';

const now = new Date('2026-12-02T13:00:00Z');
const older = new Date('2026-12-01T22:00:00Z');
const newer = new Date('2026-12-02T10:00:00Z');
const stale = { kind: 'network' as const, reason: 'connection reset' };
const rows = [schedule('a', '0 0 4 ? * *')];

const saved = (id: string, at: Date): ProfileSchedules => settleWithList(undefined, snapshotList(id, at, rows, stale), now);
const live = (id: string): ProfileSchedules => settleWithList(undefined, liveList(id, now, rows), now);

describe('which lists carry the saved mark', () => {
  it('marks a snapshot even when it carries no stale reason', () => {
    const entry = settleWithList(undefined, snapshotList('p', older, rows, null), now);
    expect(savedListAt(entry)).toBe(older.toISOString());
  });

  it('marks a list answered with a stale reason even when its source says live', () => {
    const entry = settleWithList(undefined, { ...liveList('p', older, rows), stale }, now);
    expect(savedListAt(entry)).toBe(older.toISOString());
  });

  it('does not mark a live list without a stale reason', () => {
    expect(savedListAt(live('p'))).toBeNull();
  });

  it('keeps one mark object per saved list while other saved lists are marked too', () => {
    const first = savedMarkOf('2026-11-20T08:00:00.000Z');
    savedMarkOf('2026-11-21T08:00:00.000Z');
    savedMarkOf('2026-11-22T08:00:00.000Z');
    expect(savedMarkOf('2026-11-20T08:00:00.000Z')).toBe(first);
    expect(first.at.toISOString()).toBe('2026-11-20T08:00:00.000Z');
  });
});

describe('orgs known only from saved lists', () => {
  it('names an org by its oldest saved list, whichever profile comes first', () => {
    const profiles = [profile('new', { orgId: 'x', name: 'Newer' }), profile('old', { orgId: 'x', name: 'Older' })];
    const lists = { new: saved('new', newer), old: saved('old', older) };
    expect(savedOrgs(profiles, lists).map((o) => [o.name, o.mark.fetchedAt])).toEqual([['Older', older.toISOString()]]);
    const reversed = [profiles[1]!, profiles[0]!];
    expect(savedOrgs(reversed, lists).map((o) => [o.name, o.mark.fetchedAt])).toEqual([['Older', older.toISOString()]]);
  });

  it('keeps the first profile of an org when its saved lists have the same time', () => {
    const profiles = [profile('a', { orgId: 'x', name: 'First' }), profile('b', { orgId: 'x', name: 'Second' })];
    const lists = { a: saved('a', older), b: saved('b', older) };
    expect(savedOrgs(profiles, lists).map((o) => o.name)).toEqual(['First']);
  });

  it('still names an org when its other profile has no list yet (first load under way)', () => {
    const profiles = [profile('saved', { orgId: 'x', name: 'Demo prod' }), profile('loading', { orgId: 'x', name: 'Demo prod 2' })];
    const lists = { saved: saved('saved', older), loading: startLoading(undefined) };
    expect(savedOrgsNote(profiles, lists, now)).toBe('Demo prod not counted: only its saved list is known (saved 15 hours ago)');
  });

  it('counts several orgs and lists their names', () => {
    const profiles = [profile('a', { name: 'Alpha' }), profile('b', { name: 'Beta' }), profile('c', { name: 'Gamma' })];
    const lists = { a: saved('a', older), b: saved('b', newer), c: live('c') };
    expect(savedOrgsNote(profiles, lists, now)).toBe('2 orgs not counted, only their saved lists are known: Alpha, Beta');
  });

  it('says nothing when every org has a live list', () => {
    const profiles = [profile('a'), profile('b')];
    expect(savedOrgsNote(profiles, { a: live('a'), b: live('b') }, now)).toBeNull();
  });
});
