// Ordering the schedules list in slices: when a slice stops (its budget spent), when the sort follows
// the last next runs in the same slice, and that a finished ordering stays finished.
import { describe, expect, it } from 'vitest';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { advanceOrdering, sortByNextRun, startOrdering } from '@renderer/schedules/list-order';

const now = new Date('2026-11-28T10:00:00Z');
function list(n: number): ScheduleSource[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `p${i}`,
    profileId: `p${i}`,
    profileName: `p${String(i).padStart(4, '0')}`,
    environmentLabel: 'Dev',
    color: '#000',
    serverTimeZone: 'UTC',
    // Listed latest first: the order has to change.
    schedule: { timeExpression: `0 ${59 - (i % 60)} ${23 - (i % 24)} ? * * *` } as ScheduleSource['schedule'],
  }));
}
const keys = (rows: readonly { source: ScheduleSource }[] | null) => rows?.map((r) => r.source.key);

describe('a slice with its budget spent', () => {
  it('stops after the first few rows when the clock says the budget is already gone', () => {
    const job = startOrdering(list(8), now);
    // A clock that stands still: a budget of 0 is spent at the first check (every 4 rows).
    expect(advanceOrdering(job, 0, () => 0)).toBe(false);
    expect(job.nexts).toHaveLength(4);
    expect(job.rows).toBeNull();
  });

  it('stops early with the real clock too when given no budget', () => {
    const job = startOrdering(list(8), now);
    expect(advanceOrdering(job, 0)).toBe(false);
    expect(job.rows).toBeNull();
  });
});

describe('the sort after the last next runs', () => {
  /** A clock that stands at 0 while next runs are computed and at `after` once they all are. */
  const spentAtTheEnd = (job: { nexts: unknown[]; sources: readonly unknown[] }, after: number) => () => (job.nexts.length < job.sources.length ? 0 : after);

  it('sorts a small list in the same slice even when its last next runs spent the budget', () => {
    const sources = list(6);
    const job = startOrdering(sources, now);
    expect(advanceOrdering(job, 50, spentAtTheEnd(job, 1_000))).toBe(true);
    expect(keys(job.rows)).toEqual(keys(sortByNextRun(sources, now)));
  });

  it('sorts a list of exactly 500 in the same slice when the budget runs out right after its last next run', () => {
    const sources = list(500);
    const job = startOrdering(sources, now);
    let readsWhenDone = 0;
    // The first read after the last next run is still within the budget; any later one is past it.
    const clock = () => (job.nexts.length < sources.length ? 0 : readsWhenDone++ === 0 ? 0 : 1_000);
    expect(advanceOrdering(job, 50, clock)).toBe(true);
    expect(keys(job.rows)).toEqual(keys(sortByNextRun(sources, now)));
  });

  it('leaves the sort of a larger list to the next slice when the budget is spent exactly', () => {
    const sources = list(501);
    const job = startOrdering(sources, now);
    // 501 rows: the last next run is not at a 4-row check, so only the check before the sort sees the spent budget.
    expect(advanceOrdering(job, 50, spentAtTheEnd(job, 50))).toBe(false);
    expect(job.nexts).toHaveLength(501);
    expect(job.rows).toBeNull();
  });

  it('sorts in the next slice whatever that slice’s budget, once every next run is known', () => {
    const sources = list(501);
    const job = startOrdering(sources, now);
    expect(advanceOrdering(job, 50, spentAtTheEnd(job, 1_000))).toBe(false);
    expect(advanceOrdering(job, 0, () => 1_000)).toBe(true);
    expect(keys(job.rows)).toEqual(keys(sortByNextRun(sources, now)));
  });
});

describe('a finished ordering', () => {
  it('stays finished with the same rows, whatever the budget of a later call', () => {
    const job = startOrdering(list(5), now);
    expect(advanceOrdering(job, 1_000)).toBe(true);
    const rows = job.rows;
    expect(advanceOrdering(job, 0, () => 0)).toBe(true);
    expect(job.rows).toBe(rows);
  });
});
