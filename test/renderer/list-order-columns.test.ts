// The schedules list's column sorts (a click on a header) and search words: the order rows appear in
// for each column, both directions, ties, and rows without a next run or without an execution.
import { describe, expect, it } from 'vitest';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { searchWords, sortByNextRun, sortRows, type ListRow, type SortColumn } from '@renderer/schedules/list-order';

const now = new Date('2026-12-01T10:00:00Z');

function row(name: string, next: string | null, over: Partial<ScheduleSource['schedule']> = {}): ListRow {
  return {
    source: {
      key: name,
      profileId: name,
      profileName: name,
      environmentLabel: 'Production',
      color: '#000',
      serverTimeZone: 'UTC',
      schedule: {
        jobId: `job-${name}`,
        orgId: 'default',
        timeExpression: '0 0 4 ? * * *',
        fullBuild: false,
        createdBy: 'admin',
        createdAt: '2026-11-01T00:00:00Z',
        latestExecution: null,
        active: true,
        ...over,
      },
    },
    next: next === null ? null : new Date(next),
  };
}

const keys = (rows: readonly ListRow[]) => rows.map((r) => r.source.key);
const sorted = (rows: readonly ListRow[], column: SortColumn, direction: 'ascending' | 'descending' = 'ascending') =>
  keys(sortRows(rows, { column, direction }));
const ran = (executedAt: string) => ({ latestExecution: { id: executedAt, executedAt } });

describe('sort by profile', () => {
  // Profile names in the reverse of their expressions' order, so the two columns disagree.
  const rows = [
    row('gamma', '2026-12-01T11:00:00Z', { timeExpression: '0 0 1 ? * * *' }),
    row('alpha', '2026-12-01T12:00:00Z', { timeExpression: '0 0 3 ? * * *' }),
    row('beta', '2026-12-01T13:00:00Z', { timeExpression: '0 0 2 ? * * *' }),
  ];

  it('orders by profile name, not by expression', () => {
    expect(sorted(rows, 'profile')).toEqual(['alpha', 'beta', 'gamma']);
    expect(sorted(rows, 'profile', 'descending')).toEqual(['gamma', 'beta', 'alpha']);
  });

  it('keeps rows of the same profile in their next-run order in both directions', () => {
    const same = [
      { ...row('sales-1', '2026-12-01T11:00:00Z'), source: { ...row('sales-1', null).source, profileName: 'sales' } },
      row('finance', '2026-12-01T12:00:00Z'),
      { ...row('sales-2', '2026-12-01T13:00:00Z'), source: { ...row('sales-2', null).source, profileName: 'sales' } },
    ];
    expect(sorted(same, 'profile')).toEqual(['finance', 'sales-1', 'sales-2']);
    expect(sorted(same, 'profile', 'descending')).toEqual(['sales-1', 'sales-2', 'finance']);
  });
});

describe('sort by expression', () => {
  const rows = [
    row('a', '2026-12-01T11:00:00Z', { timeExpression: '0 0 2 ? * * *' }),
    row('b', '2026-12-01T12:00:00Z', { timeExpression: '0 0 1 ? * * *' }),
    row('c', null, { timeExpression: '0 0 3 ? * * *' }),
  ];

  it('orders by the expression text, whatever the next runs (a never-firing one included)', () => {
    expect(sorted(rows, 'schedule')).toEqual(['b', 'a', 'c']);
    expect(sorted(rows, 'schedule', 'descending')).toEqual(['c', 'a', 'b']);
  });
});

describe('sort by next run', () => {
  // Listed in another column's order: the never-firing row first.
  const rows = [
    row('never', null),
    row('late', '2026-12-03T04:00:00Z'),
    row('soon', '2026-12-01T11:00:00Z'),
    row('paused', null),
    row('mid', '2026-12-02T04:00:00Z'),
  ];

  it('puts the soonest first, and schedules that never fire again last in their listed order', () => {
    expect(sorted(rows, 'next')).toEqual(['soon', 'mid', 'late', 'never', 'paused']);
  });

  it('puts the latest first when descending, still with the never-firing ones last', () => {
    expect(sorted(rows, 'next', 'descending')).toEqual(['late', 'mid', 'soon', 'never', 'paused']);
  });

  it('keeps rows that never fire again in their order when none of them fires', () => {
    const none = [row('x', null), row('y', null), row('z', null)];
    expect(sorted(none, 'next')).toEqual(['x', 'y', 'z']);
    expect(sorted(none, 'next', 'descending')).toEqual(['x', 'y', 'z']);
  });
});

describe('sort by latest run', () => {
  const rows = [
    row('never-ran', '2026-12-01T11:00:00Z'),
    row('yesterday', '2026-12-01T12:00:00Z', ran('2026-11-30T04:00:00Z')),
    row('last-week', '2026-12-01T13:00:00Z', ran('2026-11-24T04:00:00Z')),
    row('no-run-either', '2026-12-01T14:00:00Z'),
    row('this-morning', '2026-12-01T15:00:00Z', ran('2026-12-01T04:00:00Z')),
  ];

  it('orders by the latest execution, schedules that never ran last in both directions', () => {
    expect(sorted(rows, 'latest')).toEqual(['last-week', 'yesterday', 'this-morning', 'never-ran', 'no-run-either']);
    expect(sorted(rows, 'latest', 'descending')).toEqual(['this-morning', 'yesterday', 'last-week', 'never-ran', 'no-run-either']);
  });
});

describe('sort by build kind', () => {
  const rows = [row('inc-1', '2026-12-01T11:00:00Z'), row('full', '2026-12-01T12:00:00Z', { fullBuild: true }), row('inc-2', '2026-12-01T13:00:00Z')];

  it('lists full builds first ascending and last descending, ties in next-run order', () => {
    expect(sorted(rows, 'build')).toEqual(['full', 'inc-1', 'inc-2']);
    expect(sorted(rows, 'build', 'descending')).toEqual(['inc-1', 'inc-2', 'full']);
  });
});

describe('sort by creation', () => {
  const rows = [
    row('newest', '2026-12-01T11:00:00Z', { createdAt: '2026-11-20T00:00:00Z' }),
    row('oldest', '2026-12-01T12:00:00Z', { createdAt: '2026-10-01T00:00:00Z' }),
    row('middle', '2026-12-01T13:00:00Z', { createdAt: '2026-11-05T00:00:00Z' }),
  ];

  it('orders by creation time', () => {
    expect(sorted(rows, 'created')).toEqual(['oldest', 'middle', 'newest']);
    expect(sorted(rows, 'created', 'descending')).toEqual(['newest', 'middle', 'oldest']);
  });

  it('orders schedules created at the same time by author, a missing author first', () => {
    const at = { createdAt: '2026-11-01T00:00:00Z' };
    const zoe = row('by-zoe', '2026-12-01T11:00:00Z', { ...at, createdBy: 'zoe' });
    const admin = row('by-admin', '2026-12-01T12:00:00Z', { ...at, createdBy: 'admin' });
    // The server may leave the author out.
    const unknown = row('by-nobody', '2026-12-01T13:00:00Z', { ...at, createdBy: null as unknown as string });
    expect(sorted([zoe, admin, unknown], 'created')).toEqual(['by-nobody', 'by-admin', 'by-zoe']);
    expect(sorted([unknown, admin, zoe], 'created')).toEqual(['by-nobody', 'by-admin', 'by-zoe']);
    expect(sorted([zoe, unknown, admin], 'created', 'descending')).toEqual(['by-zoe', 'by-admin', 'by-nobody']);
  });
});

describe('sort by status', () => {
  // active: null is a server that did not say: it counts as active.
  const rows = [
    row('off-1', '2026-12-01T11:00:00Z', { active: false }),
    row('on', '2026-12-01T12:00:00Z', { active: true }),
    row('unsaid', '2026-12-01T13:00:00Z', { active: null }),
    row('off-2', '2026-12-01T14:00:00Z', { active: false }),
  ];

  it('lists active schedules first ascending, deactivated ones first descending, ties in next-run order', () => {
    expect(sorted(rows, 'status')).toEqual(['on', 'unsaid', 'off-1', 'off-2']);
    expect(sorted(rows, 'status', 'descending')).toEqual(['off-1', 'off-2', 'on', 'unsaid']);
  });

  it('does not separate an active schedule from one whose status the server did not say', () => {
    const unsure = [row('unsaid', '2026-12-01T11:00:00Z', { active: null }), row('on', '2026-12-01T12:00:00Z', { active: true })];
    expect(sorted(unsure, 'status')).toEqual(['unsaid', 'on']);
    expect(sorted(unsure, 'status', 'descending')).toEqual(['unsaid', 'on']);
    expect(sorted([...unsure].reverse(), 'status')).toEqual(['on', 'unsaid']);
  });
});

describe('ties in the default order', () => {
  function source(profileName: string, timeExpression: string, key: string): ScheduleSource {
    return { ...row(key, null, { timeExpression }).source, profileName };
  }

  it('treats profile names that only differ in Unicode form as the same, ordering them by expression', () => {
    // "é" precomposed and as e + combining accent collate equal: the expression decides.
    const decomposed = source('e\u0301mile', '0 0 4 * * ?', 'decomposed');
    const precomposed = source('\u00e9mile', '0 0 4 ? * * *', 'precomposed');
    expect(new Intl.Collator().compare(decomposed.profileName, precomposed.profileName)).toBe(0);
    expect(keys(sortByNextRun([decomposed, precomposed], now))).toEqual(['precomposed', 'decomposed']);
    expect(keys(sortByNextRun([precomposed, decomposed], now))).toEqual(['precomposed', 'decomposed']);
  });
});

describe('search words', () => {
  it('splits the query at any run of spaces, lower-cased, with no empty words', () => {
    expect(searchWords('  Sales   DataOps\t2027 ')).toEqual(['sales', 'dataops', '2027']);
    expect(searchWords('   ')).toEqual([]);
  });
});
