// The view filters of All profiles: which profiles (and so which schedules) every view shows, what a
// stale filter does, and that the choice survives a restart.
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '@renderer/store';
import { ALL_PROFILES } from '@renderer/store/view-slice';
import { buildSources } from '@renderer/store/sources';
import { effectiveFilters, filterProfiles, NO_FILTERS, type ViewFilters } from '@renderer/store/filter-slice';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import { liveList, profile, schedule } from '../renderer/support/fake-api';

const prod = { kind: 'production' as const, label: 'PROD', color: '#e03131' };
const test = { kind: 'test' as const, label: 'test', color: '#1971c2' };
const profiles = [
  profile('a', { name: 'Sales prod', environment: prod, apiUrl: 'https://engine-1.example.com:10502' }),
  profile('b', { name: 'Sales test', environment: test, apiUrl: 'https://engine-1.example.com:10502/' }),
  profile('c', { name: 'Finance prod', environment: prod, apiUrl: 'https://engine-2.example.com' }),
  profile('d', { name: 'Finance test', environment: test, apiUrl: 'https://engine-2.example.com:443' }),
];
const ids = (f: Partial<ViewFilters>) => filterProfiles(profiles, { ...NO_FILTERS, ...f }).map((p) => p.id);

describe('filter rules', () => {
  it('no filter shows every profile; within a kind any value matches, across kinds all must', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ environments: ['Production'] })).toEqual(['a', 'c']); // 'PROD' reads Production
    expect(ids({ servers: ['engine-2.example.com:443'] })).toEqual(['c', 'd']); // the default port made explicit
    expect(ids({ environments: ['Production', 'Test'], servers: ['engine-1.example.com:10502'] })).toEqual(['a', 'b']);
    expect(ids({ environments: ['Test'], profileIds: ['a', 'd'] })).toEqual(['d']);
    expect(ids({ environments: ['Production'], profileIds: ['b'] })).toEqual([]); // nothing matches both
  });

  it('a value that names no profile any more is ignored, not an empty view', () => {
    expect(ids({ profileIds: ['deleted'] })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ profileIds: ['deleted', 'c'] })).toEqual(['c']);
    expect(effectiveFilters({ environments: ['Staging', 'Test'], servers: ['gone:443'], profileIds: [] }, profiles)).toEqual({
      environments: ['Test'],
      servers: [],
      profileIds: [],
    });
  });

  it('buildSources applies them in All profiles only: one profile shown is shown whole', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const lists: Record<string, ProfileSchedules> = Object.fromEntries(
      profiles.map((p) => [
        p.id,
        {
          status: 'live',
          list: liveList(p.id, now, [schedule(`${p.id}1`, '0 0 4 * * ?'), schedule(`${p.id}2`, '0 0 5 * * ?')]),
          lastAttemptAt: null,
          lastSuccessAt: null,
        },
      ]),
    );
    const filters: ViewFilters = { ...NO_FILTERS, environments: ['Test'] };
    expect(buildSources(profiles, lists, ALL_PROFILES, false, [], filters).map((s) => s.schedule.jobId)).toEqual(['b1', 'b2', 'd1', 'd2']);
    expect(buildSources(profiles, lists, ALL_PROFILES, false).map((s) => s.profileId)).toHaveLength(8);
    expect(buildSources(profiles, lists, 'a', false, [], filters).map((s) => s.schedule.jobId)).toEqual(['a1', 'a2']);
  });
});

describe('the filter state', () => {
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('toggles values, clears, and is kept in localStorage across a restart', () => {
    const saved = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => saved.set(k, v),
    };
    const store = createAppStore();
    expect(store.getState().filters).toEqual(NO_FILTERS);
    store.getState().toggleFilter('environments', 'Production');
    store.getState().toggleFilter('servers', 'engine-1.example.com:10502');
    store.getState().toggleFilter('environments', 'Test');
    store.getState().toggleFilter('environments', 'Production'); // off again
    const restarted = createAppStore();
    expect(restarted.getState().filters).toEqual({ environments: ['Test'], servers: ['engine-1.example.com:10502'], profileIds: [] });
    restarted.getState().clearFilters();
    expect(createAppStore().getState().filters).toEqual(NO_FILTERS);
  });

  it('an unreadable saved value starts without filters', () => {
    const saved = new Map([['atscale.viewFilters', '{"environments": "Production", "servers": [1, "x:443"]']]);
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: (k: string) => saved.get(k) ?? null, setItem: () => undefined };
    expect(createAppStore().getState().filters).toEqual(NO_FILTERS);
    saved.set('atscale.viewFilters', '{"environments": "Production", "servers": [1, "x:443"]}');
    expect(createAppStore().getState().filters).toEqual({ environments: [], servers: ['x:443'], profileIds: [] });
  });
});
