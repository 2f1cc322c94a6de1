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
