// The schedules list's search and sortable columns, and the fleet sources behind the load view.
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '@shared/domain';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { matchesSearch, searchWords, sortByNextRun, sortRows } from '@renderer/schedules/list-order';
import { toFleetSources } from '@renderer/load/fleet-sources';
import { blackoutRunsOf } from '@renderer/load/blackout-runs';

const now = new Date('2026-12-01T10:00:00Z');
function source(profileName: string, timeExpression: string, over: Partial<ScheduleSource['schedule']> = {}): ScheduleSource {
  return {
    key: `${profileName}:${timeExpression}`,
    profileId: profileName,
    profileName,
    environmentLabel: 'Production',
    color: '#000',
    serverTimeZone: 'UTC',
    schedule: {
      jobId: `job-${profileName}`,
      orgId: `org-${profileName}`,
      timeExpression,
      fullBuild: false,
      createdBy: 'admin',
      createdAt: '2026-11-01T00:00:00Z',
      latestExecution: null,
      active: true,
      ...over,
    },
  };
}
const words = (e: string) => (e.includes(' 4 ') ? 'At 04:00' : 'At another time');

describe('list search', () => {
  const list = [source('sales', '0 0 4 ? * * *', { createdBy: 'dataops' }), source('finance', '0 30 2 ? * SUN *')];
  it('finds by expression, words, profile, org and author, every word required', () => {
    const find = (q: string) => list.filter((s) => matchesSearch(s, searchWords(q), words)).map((s) => s.profileName);
    expect(find('')).toEqual(['sales', 'finance']);
    expect(find('SUN')).toEqual(['finance']);
    expect(find('04:00')).toEqual(['sales']);
    expect(find('org-fin')).toEqual(['finance']);
    expect(find('dataops')).toEqual(['sales']);
    expect(find('sales dataops')).toEqual(['sales']);
    expect(find('sales finance')).toEqual([]);
  });
});

describe('sortable columns', () => {
  const rows = sortByNextRun(
    [
      source('b', '0 0 12 ? * * *', { latestExecution: { id: '1', executedAt: '2026-11-30T12:00:00Z' }, fullBuild: true }),
      source('a', '0 0 11 ? * * *'),
      source('c', '0 0 4 1 1 ? 2020', { active: false, latestExecution: { id: '2', executedAt: '2020-01-01T04:00:00Z' } }),
    ],
    now,
  );
  const names = (r: typeof rows) => r.map((x) => x.source.profileName);
  it('sorts by profile both ways', () => {
    expect(names(sortRows(rows, { column: 'profile', direction: 'ascending' }))).toEqual(['a', 'b', 'c']);
    expect(names(sortRows(rows, { column: 'profile', direction: 'descending' }))).toEqual(['c', 'b', 'a']);
  });
  it('keeps schedules without a next run or without an execution last in both directions', () => {
    expect(names(sortRows(rows, { column: 'next', direction: 'descending' }))).toEqual(['b', 'a', 'c']);
    expect(names(sortRows(rows, { column: 'latest', direction: 'ascending' }))).toEqual(['c', 'b', 'a']);
    expect(names(sortRows(rows, { column: 'latest', direction: 'descending' }))).toEqual(['b', 'c', 'a']);
  });
  it('sorts full builds and active schedules first when ascending', () => {
    expect(names(sortRows(rows, { column: 'build', direction: 'ascending' }))[0]).toBe('b');
    expect(names(sortRows(rows, { column: 'status', direction: 'ascending' }))[2]).toBe('c');
  });
});

describe('fleet sources', () => {
  const profile = (id: string, apiUrl: string): ProfileView => ({ id, apiUrl, orgId: `org-${id}`, serverTimeZone: 'UTC' }) as ProfileView;
  it('groups by the API URL host and port, leaves out deactivated schedules and uses the run length setting', () => {
    const sources = [source('a', '0 0 4 ? * * *'), source('b', '0 0 4 ? * * *'), source('c', '0 0 5 ? * * *', { active: false })];
    const planned = toFleetSources(
      sources,
      [profile('a', 'https://Engine.example.com:10502/'), profile('b', 'https://engine.example.com:10502'), profile('c', 'https://other:10502')],
      {
        a: { profileId: 'a', blackouts: [], runMinutes: 45 },
      },
    );
    expect(planned.map((p) => [p.profileId, p.serverKey, p.durationMs])).toEqual([
      ['a', 'engine.example.com:10502', 45 * 60_000],
      ['b', 'engine.example.com:10502', 10 * 60_000],
    ]);
  });
  it('flags the runs that fall in their own profile’s blackout window', () => {
    const planned = toFleetSources(
      [source('a', '0 0 8 ? * * *'), source('b', '0 0 8 ? * * *')],
      [profile('a', 'https://e:1'), profile('b', 'https://e:1')],
      {},
    );
    const business = { kind: 'weekly' as const, days: [2, 3, 4, 5, 6], start: '07:00', end: '19:00', timeZone: 'UTC' };
    // 1-7 December 2026: Tuesday to Monday, five weekdays.
    const r = blackoutRunsOf(planned, Date.parse('2026-12-01T00:00:00Z'), Date.parse('2026-12-08T00:00:00Z'), (id) => (id === 'a' ? [business] : []));
    expect(r.total).toBe(5);
    expect(new Set(r.runs.map((x) => x.source.profileId))).toEqual(new Set(['a']));
  });
});
