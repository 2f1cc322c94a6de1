// Where "same schedule" could be fooled: time lists that share a prefix or a first run, a run exactly at
// the start or at the next midnight, and the bounds of its options as the caller reads them.
import { describe, expect, it } from 'vitest';
import { sameSchedule } from '@shared/cron/index';

const from = new Date('2027-01-01T00:00:00Z');
const same = (a: string, b: string, horizonDays = 400, start = from): boolean => sameSchedule(a, b, { timeZone: 'UTC', from: start, horizonDays });

describe('sameSchedule tells apart', () => {
  it.each([
    ['0 0 4 ? * *', '0 0 4,5 ? * *'], // one hour list starts the other
    ['0 0 4,6 ? * *', '0 0 4,5 ? * *'], // same first run each day
    ['0 0,30 4 ? * *', '0 0,20 4 ? * *'], // same hours, minutes differ
    ['0,30 0 4 ? * *', '0,20 0 4 ? * *'], // same hours and minutes, seconds differ
  ])('%s and %s', (a, b) => {
    expect(same(a, b)).toBe(false);
    expect(same(b, a)).toBe(false);
  });

  it('a run exactly at the start counts', () => {
    const start = new Date('2027-01-01T04:00:00Z');
    expect(same('0 0 4 1 1 ? 2027,2028', '0 0 4 1 1 ? 2028', 400, start)).toBe(false);
    expect(same('0 0 4 1 1 ? 2027,2028', '0 0 4 1 1 ? 2027-2028', 400, start)).toBe(true);
  });

  it('a run at the next midnight counts', () => {
    expect(same('0 0 0 * * ?', '0 0 0 1 * ?', 2)).toBe(false);
    // The horizon ends before the next midnight: that run is the first after it, the same for both.
    expect(same('0 0 0 1,2 1 ?', '0 0 0 1-3 1 ?', 1)).toBe(true);
    expect(same('0 0 0 1,2 1 ?', '0 0 0 1-3 1 ?', 2)).toBe(false);
  });

  it('the first runs after the horizon must agree too', () => {
    expect(same('0 0 0 * * ?', '0 0 0 1 * ?', 1)).toBe(false); // 2 January against 1 February
  });
});

describe('sameSchedule options', () => {
  it('refuses a start that is not a valid Date, saying so', () => {
    expect(() => same('0 0 4 ? * *', '0 0 4 ? * *', 400, new Date('x'))).toThrow(new RangeError('from must be a valid Date.'));
    expect(() => same('0 0 4 ? * *', '0 0 4 ? * *', 400, '2027-01-01' as unknown as Date)).toThrow(new RangeError('from must be a valid Date.'));
  });

  it('takes a horizon of up to 36600 days and refuses more, naming the value', () => {
    expect(same('0 0 4 ? * *', '0 0 4 ? * *', 36_600)).toBe(true);
    expect(() => same('0 0 4 ? * *', '0 0 4 * * ?', 36_601)).toThrow(new RangeError('horizonDays must be more than 0 and at most 36600 (got 36601).'));
    expect(() => same('0 0 4 ? * *', '0 0 4 * * ?', -1)).toThrow(new RangeError('horizonDays must be more than 0 and at most 36600 (got -1).'));
    expect(() => same('0 0 4 ? * *', '0 0 4 * * ?', Number.NaN)).toThrow(new RangeError('horizonDays must be more than 0 and at most 36600 (got NaN).'));
  });
});
