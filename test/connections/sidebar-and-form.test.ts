// The sidebar's and the editor's pure parts: grouping by environment then server, the status dot,
// recent profiles, the explicit environment choice and the duplicate check.
import { describe, expect, it } from 'vitest';
import type { ScheduleList } from '@shared/domain';
import { groupProfiles, matchProfiles } from '@renderer/sidebar/group-profiles';
import { profileStatus } from '@renderer/sidebar/profile-status';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import { recentFirst, recentProfileIds, rememberRecentProfile } from '@renderer/sidebar/recent-profiles';
import { draftForTest, duplicatesOf, formFromProfile, validateForm } from '@renderer/profiles/profile-form';
import { namedProfile as view } from '../renderer/support/fake-api';

const prod = { kind: 'production' as const, label: 'PRODUCTION', color: '#e03131' };

describe('sidebar groups', () => {
  it('groups by environment in promotion order with one spelling, then by server', () => {
    const groups = groupProfiles([
      view('P1', { environment: prod, apiUrl: 'https://b.example.com:10502' }),
      view('D2', { environment: { kind: 'development', label: 'development', color: '#000000' }, apiUrl: 'https://b.example.com:10502' }),
      view('D1'),
      view('P2', { environment: { ...prod, label: 'Production' }, apiUrl: 'https://a.example.com:10502' }),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['Development', 'Production']);
    expect(groups[1]?.production).toBe(true);
    expect(groups[1]?.servers.map((s) => [s.label, s.profiles.map((p) => p.name)])).toEqual([
      ['a.example.com', ['P2']],
      ['b.example.com', ['P1']],
    ]);
  });

  it('names the port when two servers share a host, and finds profiles by server', () => {
    const profiles = [view('Engine A'), view('Engine B', { apiUrl: 'https://a.example.com:8443' })];
    const [group] = groupProfiles(profiles);
    expect(group?.servers.map((s) => s.label).sort()).toEqual(['a.example.com:10502', 'a.example.com:8443']);
    expect(matchProfiles(profiles, '8443').map((p) => p.name)).toEqual(['Engine B']);
  });
});

describe('status dot', () => {
  const list = (source: 'live' | 'snapshot', staleKind?: 'network' | 'unauthorized'): ScheduleList => ({
    profileId: 'x',
    orgId: 'default',
    schedules: [],
    fetchedAt: '2026-01-01T00:00:00.000Z',
    serverTimeZone: 'UTC',
    source,
    stale: staleKind ? { reason: 'r', kind: staleKind } : null,
    zoneHint: null,
  });
  const at = { lastAttemptAt: '2026-01-01T00:00:00.000Z', lastSuccessAt: null };
  const live: ProfileSchedules = { status: 'live', list: list('live'), ...at };
  const offline: ProfileSchedules = { status: 'snapshot', list: list('snapshot', 'network'), kind: 'network', reason: 'r', ...at };
  it.each([
    ['live', live, true],
    ['snapshot', offline, true],
    ['signed-out', { status: 'snapshot', list: list('snapshot', 'unauthorized'), kind: 'unauthorized', reason: 'r', ...at }, true],
    ['signed-out', { status: 'failed', list: list('live'), kind: 'unauthorized', message: '401', ...at }, true],
    ['failing', { status: 'failed', list: null, kind: 'server', message: 'refused', ...at }, true],
    // A refresh under way keeps the dot of the last answer.
    ['snapshot', { status: 'loading', list: offline.list, previous: offline, ...at }, true],
    ['unknown', { status: 'loading', list: null, previous: null, ...at }, true],
    ['unknown', undefined, true],
    ['signed-out', live, false],
  ] as const satisfies readonly (readonly [string, ProfileSchedules | undefined, boolean])[])('%s', (expected, entry, hasSecret) => {
    expect(profileStatus({ hasSecret }, entry)).toBe(expected);
  });
});

describe('recent profiles', () => {
  it('remembers the latest selections first, without repeats', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    for (const id of ['a', 'b', 'a', 'c']) rememberRecentProfile(id, storage);
    expect(recentProfileIds(storage)).toEqual(['c', 'a', 'b']);
    expect(recentFirst([{ id: 'x' }, { id: 'b' }, { id: 'y' }, { id: 'c' }], recentProfileIds(storage)).map((p) => p.id)).toEqual(['c', 'b', 'x', 'y']);
  });
});

describe('profile form', () => {
  it('asks for the environment on a new profile instead of assuming Development', () => {
    const form = formFromProfile(undefined);
    expect(form.kind).toBe('');
    expect(validateForm(form, true)['environment']).toMatch(/choose one/);
    expect(validateForm({ ...form, kind: 'test', label: 'Test' }, true)['environment']).toBeUndefined();
    // A test before saving does not need it.
    expect(draftForTest(form).environment.kind).toBe('custom');
  });

  it('finds another profile with the same server and org, whatever the case of the host', () => {
    const existing = [view('Sales test', { orgId: 'sales' }), view('Other', { orgId: 'sales', apiUrl: 'https://b.example.com:10502' })];
    expect(duplicatesOf({ apiUrl: 'https://A.example.com:10502/', orgId: 'sales' }, existing).map((p) => p.name)).toEqual(['Sales test']);
    expect(duplicatesOf({ id: 'Sales test', apiUrl: 'https://a.example.com:10502', orgId: 'sales' }, existing)).toEqual([]);
    expect(duplicatesOf({ apiUrl: 'https://a.example.com:10502', orgId: 'finance' }, existing)).toEqual([]);
  });
});
