// "Same schedule" is the same fire times, checked against the engine's own fire-by-fire walk: written
// differently but equal, differing only on a DST day, in some years or months, and invalid input.
import { describe, expect, it } from 'vitest';
import { nextRunTimes, sameSchedule, SAME_SCHEDULE_HORIZON_DAYS } from '@shared/cron/index';

const from = new Date('2027-01-01T00:00:00Z');
const same = (a: string, b: string, timeZone = 'UTC', horizonDays?: number, start = from): boolean =>
  sameSchedule(a, b, { timeZone, from: start, ...(horizonDays !== undefined ? { horizonDays } : {}) });

/** Ground truth for sparse schedules: both fire-by-fire walks, compared over the horizon. */
function walkedEqual(a: string, b: string, timeZone: string, days: number, start = from): boolean {
  const end = start.getTime() + days * 86_400_000;
  const upTo = (e: string): number[] => nextRunTimes(e, start.getTime() - 1000, 5000, timeZone).filter((t) => t < end);
  return upTo(a).join() === upTo(b).join();
}

describe('sameSchedule', () => {
  it.each([
    ['0 0 4 ? * * *', '0 0 4 * * ?'],
    ['0 0 4 ? * MON-FRI', '0 0 4 ? * 2-6'],
    ['0 0/30 * ? * *', '0 0,30 0-23 * * ?'],
    ['0 0 4 L 4,6,9,11 ?', '0 0 4 30 APR,JUN,SEP,NOV ?'],
    ['0 0 12 1W 3 ? 2027', '0 0 12 1 3 ? 2027'], // 1 March 2027 is a Monday
    ['0 0 4 1 1 ? 2027,2028', '0 0 4 1 1 ? 2027-2028'],
    ['0 0 4 ? * 6L', '0 0 4 ? * FRIL'],
  ])('%s equals %s in New York and Berlin', (a, b) => {
    expect(same(a, b, 'America/New_York')).toBe(true);
    expect(same(a, b, 'Europe/Berlin')).toBe(true);
    expect(walkedEqual(a, b, 'Europe/Berlin', SAME_SCHEDULE_HORIZON_DAYS)).toBe(true);
  });

  it.each([
    ['0 0 4 ? * 2-6', '0 0 4 ? * 1-5'], // 1 = Sunday in Quartz
    ['0 0 4 ? * 6#5', '0 0 4 ? * 6L'], // not every month has five Fridays
    ['0 0 4 15W * ?', '0 0 4 15 * ?'], // some 15th falls on a weekend
    ['0 0 4 L * ?', '0 0 4 31 * ?'], // months of 30 days
    ['0 0 4 ? * *', '0 0 5 ? * *'],
    ['0 0 4 ? * *', '1 0 4 ? * *'],
  ])('%s differs from %s', (a, b) => {
    expect(same(a, b, 'America/New_York')).toBe(false);
    expect(same(b, a, 'Europe/Berlin')).toBe(false);
    expect(walkedEqual(a, b, 'Europe/Berlin', SAME_SCHEDULE_HORIZON_DAYS)).toBe(false);
  });

  it('compares in the given zone, DST included: a time that only falls in the skipped hour never fires', () => {
    // The second Sunday of March at 02:30 does not exist in New York (clocks jump 02:00 -> 03:00 that day).
    const dst = '0 30 2 ? 3 1#2';
    const never = '0 30 2 ? 3 1#2 2020';
    expect(same(dst, never, 'America/New_York')).toBe(true);
    expect(same(dst, never, 'Europe/Berlin')).toBe(false);
    expect(same(dst, never, 'UTC')).toBe(false);
  });

  it('spring-forward and fall-back days in New York and Berlin: day-of-month and day-of-week forms agree', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin']) {
      for (const [a, b] of [
        ['0 30 2 ? * *', '0 30 2 * * ?'],
        ['0 30 1 ? * *', '0 30 1 1-31 * ?'],
        ['0 0/20 1-3 ? * *', '0 0,20,40 1,2,3 * * ?'],
      ] as const) {
        expect(same(a, b, zone), `${a} / ${b} in ${zone}`).toBe(true);
        expect(walkedEqual(a, b, zone, SAME_SCHEDULE_HORIZON_DAYS)).toBe(true);
      }
      // Every minute around the changes, against a form that skips the hour after 02:00.
      expect(same('0 * * ? * *', '0 * 0-1,3-23 ? * *', zone)).toBe(false);
    }
  });

  it('the last day of February is the 28th until a leap year comes within the horizon or just after it', () => {
    expect(same('0 0 4 L 2 ? 2027', '0 0 4 28 2 ? 2027', 'Europe/Berlin', 400, new Date('2027-01-01T00:00:00Z'))).toBe(true);
    // 2028-02-29 is the first run of L after the horizon, and 28 runs on the 28th.
    expect(same('0 0 4 L 2 ?', '0 0 4 28 2 ?', 'Europe/Berlin', 400, new Date('2027-01-01T00:00:00Z'))).toBe(false);
    expect(same('0 0 4 L 2 ?', '0 0 4 28 2 ?', 'Europe/Berlin', 400, new Date('2027-06-01T00:00:00Z'))).toBe(false);
  });

  it('a year field only matters within the horizon and for the first run after it', () => {
    const start = new Date('2027-01-01T00:00:00Z');
    expect(same('0 0 4 ? * *', '0 0 4 ? * * 2027', 'Europe/Berlin', 300, start)).toBe(true);
    expect(same('0 0 4 ? * *', '0 0 4 ? * * 2027', 'Europe/Berlin', 400, start)).toBe(false);
    expect(same('0 0 4 1 1 ? 2027/2', '0 0 4 1 1 ? 2027,2029,2031,2033', 'UTC', 1500, start)).toBe(true);
    // After the horizon 2027/2 fires on 2033-01-01, and the list never again.
    expect(same('0 0 4 1 1 ? 2027/2', '0 0 4 1 1 ? 2027,2029,2031', 'UTC', 1500, start)).toBe(false);
    expect(same('0 0 4 1 1 ? 2027/2', '0 0 4 1 1 ? 2027,2029,2031,2033', 'UTC', 3700, start)).toBe(false);
  });

  it('is false when either is invalid, or one Quartz fails on at run time', () => {
    expect(same('0 0 25 * * ?', '0 0 25 * * ?')).toBe(false);
    expect(same('0 0 4 ? * *', 'nope')).toBe(false);
    expect(same('L 0 4 * * ?', 'L 0 4 * * ?')).toBe(false);
    expect(same('0 4 * * *', '0 0 4 ? * *')).toBe(false); // Unix cron is not Quartz
  });

  // Days are compared, not 34 million fire times: a walk of every second would hit the test timeout.
  it.each([
    ['* * * ? * *', '* * * * * ?', 'America/New_York', true],
    ['* * * ? * *', '* * * ? * 1-6', 'Europe/Berlin', false],
    ['* * * ? * *', '0-59 * * * * ?', 'Europe/Berlin', true],
    ['* * * ? * *', '* * 0-22 * * ?', 'Europe/Berlin', false],
  ] as const)('every-second schedules: %s against %s in %s is %s', (a, b, zone, equal) => {
    expect(same(a, b, zone)).toBe(equal);
  });

  it('defaults: from now, 400 days; a bad zone or horizon is a RangeError', () => {
    expect(SAME_SCHEDULE_HORIZON_DAYS).toBe(400);
    expect(sameSchedule('0 0 4 ? * * *', '0 0 4 * * ?', { timeZone: 'UTC' })).toBe(true);
    expect(() => sameSchedule('0 0 4 ? * *', '0 0 4 ? * *', { timeZone: 'Mars/Base' })).toThrow(RangeError);
    expect(() => sameSchedule('0 0 4 ? * *', '0 0 4 ? * *', { timeZone: 'UTC', horizonDays: 0 })).toThrow(RangeError);
    expect(() => sameSchedule('0 0 4 ? * *', '0 0 4 ? * *', { timeZone: 'UTC', from: new Date('x') })).toThrow(RangeError);
  });
});
