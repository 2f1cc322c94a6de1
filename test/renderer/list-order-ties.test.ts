// The list's next-run order on a large mixed list: the same order as comparing the strings with
// localeCompare on every tie, and the sort of a large list waits for a slice of its own.
import { describe, expect, it } from 'vitest';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { advanceOrdering, nextRunOf, sortByNextRun, startOrdering } from '@renderer/schedules/list-order';

const now = new Date('2026-11-28T10:00:00Z');
const PROFILES = ['Zeta', 'alpha', 'Alpha', 'émile', 'Emile', 'beta 10', 'beta 9', 'ß-org'];
const EXPRESSIONS = ['0 0 4 ? * * *', '0 0 4 ? * MON-FRI *', '0 0/30 * ? * * *', '0 0 4 1 1 ? 2020', '0 15 10 ? * * *', '0 0 12 L * ?', '0 0 4 * * MON'];

function mixed(n: number): ScheduleSource[] {
  return Array.from({ length: n }, (_, i) => {
    const profileName = PROFILES[(i * 7) % PROFILES.length] as string;
    const timeExpression = EXPRESSIONS[(i * 3 + Math.floor(i / 5)) % EXPRESSIONS.length] as string;
    return {
      key: `${profileName}:${i}`,
      profileId: profileName,
      profileName,
      environmentLabel: 'Dev',
      color: '#000',
      serverTimeZone: i % 4 === 0 ? 'Europe/Berlin' : 'UTC',
      schedule: { timeExpression } as ScheduleSource['schedule'],
      ...(i % 11 === 0 ? { paused: true } : {}),
    };
  });
}

/** The order by definition: next run, then profile and expression compared as text, then the sources' order. */
function reference(sources: ScheduleSource[]): string[] {
  return sources
    .map((source, i) => ({ source, i, next: nextRunOf(source, now)?.getTime() ?? Infinity }))
    .sort(
      (a, b) =>
        (a.next === b.next ? 0 : a.next - b.next) ||
        a.source.profileName.localeCompare(b.source.profileName) ||
        a.source.schedule.timeExpression.localeCompare(b.source.schedule.timeExpression) ||
        a.i - b.i,
    )
    .map((r) => r.source.key);
}

describe('list order on a large mixed list', () => {
  it('orders by next run, ties by profile then expression as text, never-again and paused last', () => {
    const sources = mixed(700);
    const keys = sortByNextRun(sources, now).map((r) => r.source.key);
    expect(keys).toEqual(reference(sources));
    // The rows that never run again (paused, or a past year) are the tail.
    const rows = sortByNextRun(sources, now);
    const firstNone = rows.findIndex((r) => r.next === null);
    expect(firstNone).toBeGreaterThan(0);
    expect(rows.slice(firstNone).every((r) => r.next === null)).toBe(true);
  });

  it('sorts a large list in a slice of its own once its last next runs spent the budget', () => {
    const sources = mixed(700);
    const job = startOrdering(sources, now);
    // The budget is spent exactly when the last next run is in: the sort waits for the next slice.
    const clock = () => (job.nexts.length < sources.length ? 0 : 1_000);
    expect(advanceOrdering(job, 50, clock)).toBe(false);
    expect(job.nexts).toHaveLength(sources.length);
    expect(job.rows).toBeNull();
    expect(advanceOrdering(job, 50, clock)).toBe(true);
    expect(job.rows?.map((r) => r.source.key)).toEqual(reference(sources));
  });
});
