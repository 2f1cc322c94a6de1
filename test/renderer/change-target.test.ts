// What a change dialog knows of the schedule it acts on (changeTargetOf), and the typed org a production
// write needs (orgConfirmed): the profile the schedule belongs to, the zone its times are told in, the
// org's other active expressions (the duplicates the linter warns of), and whether the write may go.
import { describe, expect, it } from 'vitest';
import type { ProfileView, Schedule } from '@shared/domain';
import { changeTargetOf, orgConfirmed } from '@renderer/changes/change-target';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import { liveList, profile, schedule } from './support/fake-api';

const PRODUCTION = { kind: 'production' as const, label: 'Production', color: '#c00' };
const dev = profile('dev', { name: 'Demo dev', orgId: 'default' });
const copy = profile('copy', { name: 'Demo dev (copy)', orgId: 'default' });
/** Same org, no list fetched yet. */
const idle = profile('idle', { name: 'Demo idle', orgId: 'default' });
/** Same org, its first refresh still under way. */
const loading = profile('loading', { name: 'Demo loading', orgId: 'default' });
const other = profile('other', { name: 'Other org', orgId: 'sales' });
const prod = profile('prod', { name: 'Demo prod', orgId: 'sales-analytics', environment: PRODUCTION, serverTimeZone: 'Asia/Tokyo' });
const profiles = [dev, copy, idle, loading, other, prod];

const live = (p: ProfileView, schedules: Schedule[], serverTimeZone = 'UTC'): ProfileSchedules => ({
  status: 'live',
  list: { ...liveList(p.id, new Date('2026-11-27T08:00:00Z'), schedules), orgId: p.orgId, serverTimeZone },
  lastAttemptAt: '2026-11-27T08:00:00.000Z',
  lastSuccessAt: '2026-11-27T08:00:00.000Z',
});
const lists: Record<string, ProfileSchedules> = {
  dev: live(dev, [schedule('j1', '0 0 4 ? * * *'), schedule('j2', '0 0 2 L * ?'), schedule('j3', '0 0 9 ? * * *', { active: false })], 'America/New_York'),
  copy: live(copy, [schedule('c1', '0 30 1 ? * * *')]),
  loading: { status: 'loading', list: null, previous: null, lastAttemptAt: null, lastSuccessAt: null },
  other: live(other, [schedule('o1', '0 0 5 ? * * *')]),
};
const sourceOf = (p: ProfileView, s: Schedule, patch: Partial<ScheduleSource> = {}): ScheduleSource => ({
  key: `${p.id}:${s.jobId}`,
  profileId: p.id,
  profileName: p.name,
  environmentLabel: p.environment.label,
  color: p.environment.color,
  serverTimeZone: 'Europe/Paris',
  schedule: s,
  ...patch,
});
const j1 = schedule('j1', '0 0 4 ? * * *');

describe('changeTargetOf', () => {
  it('no source, or a source whose profile is gone: no target', () => {
    expect(changeTargetOf(profiles, lists, null)).toBeNull();
    expect(changeTargetOf(profiles, lists, sourceOf(profile('gone'), j1))).toBeNull();
  });

  it('the target is the schedule’s own profile, not the first one listed', () => {
    const target = changeTargetOf(profiles, lists, sourceOf(copy, schedule('c1', '0 30 1 ? * * *')));
    expect(target?.profile).toBe(copy);
    expect(changeTargetOf(profiles, lists, sourceOf(dev, j1))?.profile).toBe(dev);
  });

  it('the others are the org’s active expressions in every same-org profile, but not its own job nor another org’s', () => {
    const target = changeTargetOf(profiles, lists, sourceOf(dev, j1));
    expect(target?.others).toEqual(['0 0 2 L * ?', '0 30 1 ? * * *']);
  });

  it('a paused schedule is not on the server: every active job of the org counts, one with its old id too', () => {
    const target = changeTargetOf(profiles, lists, sourceOf(dev, j1, { paused: true, pausedId: 'p1' }));
    expect(target?.others).toEqual(['0 0 4 ? * * *', '0 0 2 L * ?', '0 30 1 ? * * *']);
  });

  it('an org with no list anywhere has no others', () => {
    expect(changeTargetOf([idle, loading], lists, sourceOf(idle, j1))?.others).toEqual([]);
  });

  it('the zone is the listed server zone first, then the source’s, then the profile’s', () => {
    expect(changeTargetOf(profiles, lists, sourceOf(dev, j1))?.zone).toBe('America/New_York');
    expect(changeTargetOf(profiles, lists, sourceOf(idle, j1))?.zone).toBe('Europe/Paris');
    expect(changeTargetOf(profiles, lists, sourceOf(loading, j1))?.zone).toBe('Europe/Paris');
    const unzoned = sourceOf(prod, j1, { serverTimeZone: undefined as unknown as string });
    expect(changeTargetOf(profiles, lists, unzoned)?.zone).toBe('Asia/Tokyo');
  });

  it('production is the profile’s environment', () => {
    expect(changeTargetOf(profiles, lists, sourceOf(prod, j1))?.production).toBe(true);
    expect(changeTargetOf(profiles, lists, sourceOf(dev, j1))?.production).toBe(false);
  });

  it('writes are blocked until the profile has a live list, and not after', () => {
    const target = changeTargetOf(profiles, lists, sourceOf(dev, j1));
    expect(target).toMatchObject({ source: { key: 'dev:j1' }, blocked: null });
    expect(changeTargetOf(profiles, lists, sourceOf(idle, j1))?.blocked).toEqual(expect.any(String));
  });
});

describe('orgConfirmed', () => {
  const prodTarget = { production: true, profile: prod };
  const devTarget = { production: false, profile: dev };

  it('outside production nothing needs typing', () => {
    expect(orgConfirmed(devTarget, '')).toBe(true);
    expect(orgConfirmed(devTarget, 'anything')).toBe(true);
  });

  it('production needs the org typed: nothing, another org or a near miss does not do', () => {
    expect(orgConfirmed(prodTarget, '')).toBe(false);
    expect(orgConfirmed(prodTarget, 'default')).toBe(false);
    expect(orgConfirmed(prodTarget, 'sales-analytic')).toBe(false);
  });

  it('production: the org typed, spaces around it forgiven', () => {
    expect(orgConfirmed(prodTarget, 'sales-analytics')).toBe(true);
    expect(orgConfirmed(prodTarget, '  sales-analytics \n')).toBe(true);
  });
});
