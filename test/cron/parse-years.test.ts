// The year field as Quartz reads it: '*' and a missing year are the same years (every year it can fire
// in), while a step or a list of years is its own set; the fire times follow.
import { describe, expect, it } from 'vitest';
import { MAX_YEAR, nextRuns, parseQuartz } from '@shared/cron';

describe('the year field', () => {
  it("'*' is every year from 1970 to the last Quartz fires in, the same as no year", () => {
    const star = parseQuartz('0 0 4 ? * MON *');
    expect(star.years).toEqual(parseQuartz('0 0 4 ? * MON').years);
    expect(star.years.filter((y) => y !== 99)).toEqual(Array.from({ length: MAX_YEAR - 1969 }, (_, i) => 1970 + i));
  });

  it('a step or a list of years is read as written (a step counts from 1970)', () => {
    expect(parseQuartz('0 0 4 1 1 ? 2027/2').years.slice(0, 3)).toEqual([2027, 2029, 2031]);
    expect(parseQuartz('0 0 4 1 1 ? 2028,2030').years).toEqual([2028, 2030]);
    const runs = nextRuns('0 0 4 1 1 ? */3', { after: new Date('2026-06-01T00:00:00Z'), count: 2, timeZone: 'UTC' });
    expect(runs.map((d) => d.toISOString())).toEqual(['2027-01-01T04:00:00.000Z', '2030-01-01T04:00:00.000Z']);
  });
});
