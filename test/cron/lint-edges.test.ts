// The linter's words at the edges: how a gap and a threshold are spelled, short gaps the first runs do
// not show, and why an expression never fires (years out of Quartz's span, days a month never has).
import { describe, expect, it } from 'vitest';
import { lintExpression, MAX_YEAR, type LintIssue } from '@shared/cron/index';

const now = new Date('2026-12-01T10:00:00Z');
const lint = (e: string, minIntervalMs?: number): LintIssue[] =>
  lintExpression(e, { timeZone: 'Europe/Berlin', now, ...(minIntervalMs !== undefined ? { minIntervalMs } : {}) });
const only = (e: string, minIntervalMs?: number): Pick<LintIssue, 'code' | 'field' | 'message'> => {
  const issues = lint(e, minIntervalMs);
  expect(issues, e).toHaveLength(1);
  const { code, field, message } = issues[0] as LintIssue;
  return { code, field, message };
};
const gapWords = (e: string, minIntervalMs?: number): string =>
  /runs can be (.*) apart, more often than once every (.*), and/.exec(only(e, minIntervalMs).message)?.slice(1).join(' | ') ?? '';

describe('too-frequent spells the gap and the threshold', () => {
  it.each([
    ['0 0/1 * ? * *', 90_000, '1 minute | 1 minute 30 seconds'],
    ['0 0 * ? * *', 2 * 3_600_000, '1 hour | 2 hours'],
    ['0 0 * ? * *', 90 * 60_000, '1 hour | 90 minutes'],
    ['0/20 * * ? * *', 60_000, '20 seconds | 1 minute'],
    ['0/2 * * ? * *', 3_000, '2 seconds | 3 seconds'],
    ['0 0 0/2 ? * *', 3 * 3_600_000, '2 hours | 3 hours'],
  ])('%s under %d ms: %s', (e, min, words) => {
    expect(gapWords(e, min)).toBe(words);
  });

  it('finds a short gap that only comes late in the day, past the first runs', () => {
    // Every 5 minutes until :50 and again at :59, in even hours and at 23: only 22:59 -> 23:00 is 1 minute.
    expect(gapWords('0 0-50/5,59 0-22/2,23 ? * *')).toBe('1 minute | 5 minutes');
    expect(lint('0 0-50/5,59 0-22/2 ? * *')).toEqual([]);
  });

  it('names the shortest gap when it is across midnight, shorter than any within a day', () => {
    // 00:00, 00:03, 00:58, 23:00, 23:03, 23:58: 3 minutes within a day, 2 from 23:58 to 00:00.
    expect(gapWords('0 0,3,58 0,23 ? * *', 5 * 60_000)).toBe('2 minutes | 5 minutes');
  });

  it('a gap exactly at the threshold is allowed', () => {
    expect(lint('0 0/5 * ? * *')).toEqual([]);
    expect(lint('0 0/1 * ? * *', 60_000)).toEqual([]);
    expect(lint('0/1 * * ? * *', 1_000)).toEqual([]);
  });
});

describe('never-fires says which field to change', () => {
  it.each([
    ['0 0 4 ? * * 1969', 'year', 'Year: every year it names (1969) is past or has no run left, so it never runs again.'],
    ['0 0 4 ? * * 3000', 'year', `Year: Quartz fires only from 1970 to ${MAX_YEAR}, so it never runs. Use a year in that span.`],
    ['0 0 4 ? * 2#5 2026', 'year', 'Year: every year it names (2026) is past or has no run left'],
    ['0 0 4 31 2 ? 2028', 'day-of-month', 'Day-of-month: day 31 never falls in FEB of 2028, so it never runs.'],
    ['0 0 4 29 2 ? 2027,2029', 'day-of-month', 'Day-of-month: day 29 never falls in FEB of 2027,2029, so it never runs.'],
    ['0 0 4 31 4 ?', 'day-of-month', 'Day-of-month: day 31 never falls in APR, so it never runs.'],
    ['0 0 4 31 4 ? 2020', 'year', 'Year: every year it names (2020) is past'],
  ])('%s: %s', (e, field, start) => {
    const i = only(e);
    expect(i.code).toBe('never-fires');
    expect(i.field).toBe(field);
    expect(i.message.startsWith(start), i.message).toBe(true);
  });

  it('a day that leap years have is not "never"', () => {
    expect(lint('0 0 4 29 2 ?')).toEqual([]);
    expect(lint('0 0 4 29 2 ? 2027,2028')).toEqual([expect.objectContaining({ code: 'stops-firing', message: expect.stringContaining('after 2028') })]);
  });
});

describe('stops-firing names the last year that can fire', () => {
  it.each([
    ['0 0 4 ? * * 2027', 'after 2027'],
    ['0 0 4 ? * * 2027,3000', 'after 2027'],
    ['0 0 4 31 * ? 2026', 'after 2026'],
  ])('%s: %s', (e, words) => {
    expect(only(e)).toMatchObject({ code: 'stops-firing', field: 'year', message: expect.stringContaining(words) });
  });

  it('a year list running to Quartz’s last year does not stop early', () => {
    expect(lint(`0 0 4 ? * * 2027-${MAX_YEAR}`)).toEqual([]);
  });
});

describe('the year and the duplicate check follow the given now and zone', () => {
  it("reads this year in the server's zone: New Year's Eve in New York is still 2026 there", () => {
    const at = new Date('2027-01-01T03:00:00Z');
    const never = (timeZone: string): LintIssue[] => lintExpression('0 0 4 30 2 ? 2027', { timeZone, now: at });
    expect(never('America/New_York').map((i) => i.message)).toEqual([
      'Day-of-month: day 30 never falls in FEB of 2027, so it never runs. Pick a day that exists in that month (e.g. L for the last day).',
    ]);
    expect(never('UTC').map((i) => i.message)).toEqual([
      'Year: every year it names (2027) is past or has no run left, so it never runs again. Use a later year, or leave the year out.',
    ]);
  });

  it('compares with existing schedules from the given now, not the wall clock', () => {
    const asOf2019 = { timeZone: 'UTC', now: new Date('2019-06-01T00:00:00Z') };
    // Over the 400 days from June 2019 both fire every day at 04:00.
    expect(lintExpression('0 0 4 ? * *', { ...asOf2019, existing: ['0 0 4 ? * * 2019-2020'] }).map((i) => i.code)).toEqual(['duplicate']);
    expect(lintExpression('0 0 4 ? * *', { ...asOf2019, existing: ['0 0 4 ? * * 2019'] })).toEqual([]);
  });

  it('the last year that fires is the largest one Quartz reaches', () => {
    expect(only('0 0 4 ? * * 2029,2027').message).toBe('Year: it stops running after 2029. Leave the year out to keep it running.');
    expect(lint(`0 0 4 ? * * 2027,${MAX_YEAR}`)).toEqual([]);
  });
});

describe('the verdict object', () => {
  it('a too-frequent schedule is about the whole expression', () => {
    expect(lint('0 0/4 * ? * *')).toEqual([
      {
        code: 'too-frequent',
        severity: 'error',
        field: 'expression',
        message:
          'Expression: runs can be 4 minutes apart, more often than once every 5 minutes, and each run rebuilds aggregates. Space the runs out (e.g. 0 0/15 * ? * *), or confirm the frequency override to allow it.',
      },
    ]);
  });

  it('text that is not a string is invalid, and a bad now is named', () => {
    expect(lintExpression(42 as unknown as string, { timeZone: 'UTC', now })).toEqual([
      { code: 'invalid', severity: 'error', field: 'expression', message: 'Expression: expected text such as "0 0 3 ? * MON-FRI".' },
    ]);
    expect(() => lintExpression('0 0 4 ? * *', { timeZone: 'UTC', now: new Date(NaN) })).toThrow(new RangeError('now must be a valid Date.'));
  });

  it('a short gap inside the day is found even when an earlier gap is already too short', () => {
    expect(gapWords('0 0,4,5 * ? * *')).toBe('1 minute | 5 minutes');
  });
});

describe('never-fires when no field alone is to blame', () => {
  it.each(['0 0 4 ? 2 2#5 2027', '0 0 4 * * ? 2020,3000', '0 0 4 29 2 ? 2024,2027', '0 0 4 L 2 ? 2020,3000'])('%s', (e) => {
    expect(only(e)).toEqual({
      code: 'never-fires',
      field: 'expression',
      message: 'Expression: no date matches its day, month and year fields after now, so it never runs. Check those fields.',
    });
  });

  it('a year list with some future years blames the day, not the years', () => {
    expect(only('0 0 4 30 2 ? 2020,2027').message).toMatch(/^Day-of-month: day 30 never falls in FEB of 2020,2027/);
    expect(only(`0 0 4 30 2 ? ${MAX_YEAR}`).message).toMatch(new RegExp(`^Day-of-month: day 30 never falls in FEB of ${MAX_YEAR}`));
  });
});

describe('Sunday as 0 is found in the days, not in the n after #', () => {
  it("'2#0' is told that # needs 1 to 5, not that 0 is not a day", () => {
    const issues = lint('0 0 4 ? * 2#0');
    expect(issues.map((i) => i.code)).toEqual(['invalid']);
    expect(issues[0]?.message).toContain("'#' must be followed by a number from 1 to 5");
  });

  it("'0#2' is still the second Saturday to Quartz, and the Sunday fix is offered", () => {
    const issues = lint('0 0 4 ? * 0#2');
    expect(issues.find((i) => i.code === 'sunday-zero')?.suggestion).toBe('0 0 4 ? * 1#2');
  });
});
