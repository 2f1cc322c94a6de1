// What Quartz accepts but reads differently from how it was typed, as the linter words it: the part as
// typed, what Quartz takes from it, and what it skips.
import { describe, expect, it } from 'vitest';
import { lintExpression, nextRuns } from '@shared/cron/index';

const now = new Date('2026-12-01T10:00:00Z');
const verdicts = (e: string) => lintExpression(e, { timeZone: 'UTC', now }).map((i) => [i.code, i.message]);

describe('text Quartz skips, and steps of 0', () => {
  it.each([
    ['0 0 4 ? * FRILX', "Day-of-week: Quartz reads 'FRILX' as 'FRIL' and ignores 'X'. Write 'FRIL'."],
    ['0 0 4 ? * 5LX', "Day-of-week: Quartz reads '5LX' as '5L' and ignores 'X'. Remove 'X' or correct the value."],
    ['0 0 4 15WX * ?', "Day-of-month: Quartz reads '15WX' as '15W' and ignores 'X'. Remove 'X' or correct the value."],
    ['0 0 4 ? * 2-6/2X', "Day-of-week: Quartz reads '2-6/2X' as '2-6/2' and ignores 'X'. Remove 'X' or correct the value."],
  ])('%s', (e, message) => {
    expect(verdicts(e)).toEqual([['ignored-text', message]]);
  });

  it.each([
    ['0 0 4 ? * 2-6/0', "Day-of-week: '2-6/0' has a step of 0, so Quartz reads it as '2' only. Use a step of 1 or more, e.g. '2/5'."],
    ['0 0 0/0 ? * *', "Hours: '0/0' has a step of 0, so Quartz reads it as '0' only. Use a step of 1 or more, e.g. '0/5'."],
  ])('%s', (e, message) => {
    expect(verdicts(e)).toEqual([['zero-step', message]]);
  });

  it("'L' outside the day fields is skipped whole, and said so: '5,L' in hours fires at 05:00 only", () => {
    const why = "('L', last, means something only in day-of-month and day-of-week). Remove it.";
    expect(verdicts('0 0 5,L * * ?')).toEqual([['ignored-text', `Hours: Quartz ignores 'L' here ${why}`]]);
    expect(verdicts('0 0,LW 4 * * ?')).toEqual([['ignored-text', `Minutes: Quartz ignores 'LW' here ${why}`]]);
    const fires = nextRuns('0 0 5,L * * ?', { after: now, count: 2, timeZone: 'UTC' }).map((d) => d.toISOString());
    expect(fires).toEqual(['2026-12-02T05:00:00.000Z', '2026-12-03T05:00:00.000Z']);
    expect(verdicts('0 0 4 L * ?')).toEqual([]);
  });

  it('says nothing of an ordinary step', () => {
    expect(verdicts('0 0 */6 ? * *')).toEqual([]);
    expect(verdicts('0 0/15 4 ? * 2-6/2')).toEqual([]);
  });
});
