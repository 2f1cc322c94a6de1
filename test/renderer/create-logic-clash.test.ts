// The create dialog's "within an hour of another schedule" note: which run of which schedule it names
// when several are near, frequent schedules of the org, and expressions that cannot be read.
import { describe, expect, it } from 'vitest';
import type { Schedule } from '@shared/domain';
import { findClash } from '@renderer/create/analysis';

// Saturday 28 November 2026, 10:00 UTC.
const now = new Date('2026-11-28T10:00:00Z');
function schedule(timeExpression: string): Schedule {
  return { timeExpression, active: true, jobId: timeExpression } as unknown as Schedule;
}
const clashOf = (expression: string, others: string[]) => {
  const clash = findClash(expression, 'UTC', others.map(schedule), now);
  return clash && { other: clash.other.timeExpression, ours: clash.ours.toISOString(), theirs: clash.theirs.toISOString() };
};

describe('a run within the hour of a frequent schedule', () => {
  it('finds a schedule every 30 minutes, naming its run 30 minutes before ours', () => {
    expect(clashOf('0 0 4 ? * * *', ['0 0/30 * ? * * *'])).toEqual({
      other: '0 0/30 * ? * * *',
      ours: '2026-11-29T04:00:00.000Z',
      theirs: '2026-11-29T03:30:00.000Z',
    });
  });

  it('finds the second of two runs when the first is exactly an hour before ours', () => {
    // 03:00 is an hour away (no clash); 03:30 is within the hour.
    expect(clashOf('0 0 4 ? * * *', ['0 0,30 3 ? * * *'])?.theirs).toBe('2026-11-29T03:30:00.000Z');
  });

  it('does not count a run exactly an hour after ours', () => {
    expect(clashOf('0 0 4 ? * * *', ['0 0 5 ? * * *'])).toBeNull();
  });
});

describe('a weekly schedule near a daily one', () => {
  it('finds the daily run on the weekly one’s day, past the daily runs of the days before', () => {
    expect(clashOf('0 0 4 ? * MON *', ['0 30 3 ? * * *'])).toEqual({
      other: '0 30 3 ? * * *',
      ours: '2026-11-30T04:00:00.000Z',
      theirs: '2026-11-30T03:30:00.000Z',
    });
  });
});

describe('several schedules near ours', () => {
  // Ours runs daily at 02:00; one neighbour runs near it on Mondays (30 Nov), the other on Wednesdays (2 Dec).
  const monday = '0 30 2 ? * MON *';
  const wednesday = '0 30 2 ? * WED *';

  it('names the earliest clash, whatever order the org’s schedules come in', () => {
    expect(clashOf('0 0 2 ? * * *', [monday, wednesday])).toMatchObject({ other: monday, ours: '2026-11-30T02:00:00.000Z' });
    expect(clashOf('0 0 2 ? * * *', [wednesday, monday])).toMatchObject({ other: monday, ours: '2026-11-30T02:00:00.000Z' });
  });

  it('names the first listed of two schedules near the same run', () => {
    const alsoMonday = '0 15 2 ? * MON *';
    expect(clashOf('0 0 2 ? * * *', [monday, alsoMonday])?.other).toBe(monday);
    expect(clashOf('0 0 2 ? * * *', [alsoMonday, monday])?.other).toBe(alsoMonday);
  });
});

describe('expressions that cannot be read or never fire', () => {
  it('finds no clash for an expression that cannot be read, or one that never fires', () => {
    expect(clashOf('every day at four', ['0 0 4 ? * * *'])).toBeNull();
    expect(clashOf('0 0 4 30 2 ?', ['0 0 4 ? * * *'])).toBeNull();
  });

  it('passes over another schedule that cannot be read and still finds the next one', () => {
    expect(clashOf('0 0 4 ? * * *', ['not a cron', '0 30 4 ? * * *'])).toMatchObject({ other: '0 30 4 ? * * *', ours: '2026-11-29T04:00:00.000Z' });
  });
});
