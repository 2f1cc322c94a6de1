// The engine seam's bounds as callers meet them: how many runs a count or limit gives, the exact
// total beside a cut list, and RangeErrors that name the bad argument.
import { describe, expect, it } from 'vitest';
import { expandWindow, MAX_RUNS, nextRunTimes, nextRuns } from '@shared/cron/index';

const after = new Date('2027-03-01T00:00:00Z');
const iso = (ds: Date[]): string[] => ds.map((d) => d.toISOString());

describe('counts', () => {
  it('refuses a fractional or negative count, as its message says', () => {
    expect(() => nextRuns('0 0 3 ? * *', { after, count: 2.9, timeZone: 'UTC' })).toThrow(
      new RangeError('count must be a whole number from 0 to 100000 (got 2.9).'),
    );
    expect(() => nextRuns('0 0 3 ? * *', { after, count: -4, timeZone: 'UTC' })).toThrow(
      new RangeError('count must be a whole number from 0 to 100000 (got -4).'),
    );
    expect(() => nextRunTimes('0 0 3 ? * *', after.getTime(), 1.5, 'UTC')).toThrow(RangeError);
    expect(iso(nextRuns('0 0 3 ? * *', { after, count: 2, timeZone: 'UTC' }))).toEqual(['2027-03-01T03:00:00.000Z', '2027-03-02T03:00:00.000Z']);
  });

  it('allows exactly MAX_RUNS and refuses one more, naming the bound', () => {
    expect(MAX_RUNS).toBe(100_000);
    expect(nextRuns('0 0 0 1 1 ? 2028', { after, count: MAX_RUNS, timeZone: 'UTC' })).toHaveLength(1);
    expect(() => nextRuns('0 0 0 1 1 ? 2028', { after, count: MAX_RUNS + 1, timeZone: 'UTC' })).toThrow(
      new RangeError('count must be a whole number from 0 to 100000 (got 100001).'),
    );
    expect(() => nextRunTimes('0 0 3 ? * *', 0, MAX_RUNS + 1, 'UTC')).toThrow(RangeError);
    expect(() => nextRunTimes('0 0 3 ? * *', 0, NaN, 'UTC')).toThrow(RangeError);
  });

  it('the first run is searched from any instant, not only from a fire time', () => {
    const halfPastTwo = Date.parse('2027-03-01T02:30:00Z');
    expect(nextRunTimes('0 0,45 3 ? * *', halfPastTwo, 2, 'UTC')).toEqual([Date.parse('2027-03-01T03:00:00Z'), Date.parse('2027-03-01T03:45:00Z')]);
    expect(iso(nextRuns('0 0,45 3 ? * *', { after: new Date(halfPastTwo), count: 1, timeZone: 'UTC' }))).toEqual(['2027-03-01T03:00:00.000Z']);
  });

  it('epoch-ms runs are the same instants as the Date runs, and stop with the schedule', () => {
    const e = '0 15 10 ? * 6L 2027';
    const dates = nextRuns(e, { after, count: 20, timeZone: 'Europe/Berlin' });
    expect(nextRunTimes(e, after.getTime(), 20, 'Europe/Berlin')).toEqual(dates.map((d) => d.getTime()));
    expect(dates).toHaveLength(10); // the last Fridays of March to December 2027
  });
});

describe('windows', () => {
  const from = new Date('2027-03-01T00:00:00Z');
  const to = new Date('2027-03-08T00:00:00Z');

  it('an empty or backwards window has no runs', () => {
    expect(expandWindow('0 0 * ? * *', { from, to: from, timeZone: 'UTC', limit: 10 })).toEqual({ runs: [], total: 0, truncated: false });
    expect(expandWindow('0 0 * ? * *', { from: to, to: from, timeZone: 'UTC', limit: 10 })).toEqual({ runs: [], total: 0, truncated: false });
  });

  it('cuts the list at the limit (whole part, at least 0) and keeps the exact total', () => {
    const daily = (limit: number): { runs: string[]; total: number; truncated: boolean } => {
      const w = expandWindow('0 0 12 ? * *', { from, to, timeZone: 'UTC', limit });
      return { runs: iso(w.runs), total: w.total, truncated: w.truncated };
    };
    expect(daily(7)).toMatchObject({ total: 7, truncated: false });
    expect(daily(7).runs).toHaveLength(7);
    expect(daily(2.8)).toEqual({ runs: ['2027-03-01T12:00:00.000Z', '2027-03-02T12:00:00.000Z'], total: 7, truncated: true });
    expect(daily(-3)).toEqual({ runs: [], total: 7, truncated: true });
    expect(daily(Infinity).runs).toHaveLength(7);
  });

  it('refuses an invalid bound by name', () => {
    expect(() => expandWindow('0 0 12 ? * *', { from: new Date(NaN), to, timeZone: 'UTC', limit: 1 })).toThrow(/from must be a valid Date/);
    expect(() => expandWindow('0 0 12 ? * *', { from, to: new Date(NaN), timeZone: 'UTC', limit: 1 })).toThrow(/to must be a valid Date/);
  });
});
