// Unix cron typed where Quartz is expected: the linter names it and offers the Quartz form that fires on
// the same days, or says plainly that there is none.
import { describe, expect, it } from 'vitest';
import { lintExpression, validateQuartz } from '@shared/cron/index';

const now = new Date('2026-12-01T10:00:00Z');
const unix = (e: string) => lintExpression(e, { timeZone: 'UTC', now }).find((i) => i.code === 'unix-cron');
const FIVE = "Expression: this is a five-field Unix cron; Quartz starts with seconds, needs '?' in one day field and counts days 1-7 from Sunday.";

describe('five-field Unix cron', () => {
  it.each([
    ['0 4 * * 1,2,3,5', '0 0 4 ? * 2-4,6'],
    ['0 4 * * 2-4,6', '0 0 4 ? * 3-5,7'],
    ['0 4 * * 1,3', '0 0 4 ? * 2,4'],
    ['0 4 * * 1-3/2', '0 0 4 ? * 2,4'],
    ['0 4 * * sun', '0 0 4 ? * 1'],
    ['0 4 * * SUNDAY', '0 0 4 ? * 1'],
    ['0 4 * * 6-7', '0 0 4 ? * 1,7'],
    ['0 4 * * 0-6', '0 0 4 ? * *'],
    ['0 4 * * *,1', '0 0 4 ? * *'],
    ['0 4 ? * 1', '0 0 4 ? * 2'],
    ['0 4 1 1 *', '0 0 4 1 1 ?'],
    ['0 4 * 1 *', '0 0 4 ? 1 *'],
  ])('%s is offered as %s', (e, quartz) => {
    expect(unix(e)).toEqual({ code: 'unix-cron', severity: 'error', field: 'expression', message: `${FIVE} Use ${quartz}.`, suggestion: quartz });
    expect(validateQuartz(quartz)).toEqual({ ok: true });
  });

  it.each(['0 4 * * 8', '0 4 * * 5-2', '0 4 * * 1/0', '0 4 * * MO'])('%s has no single Quartz form: no suggestion, the fields to write', (e) => {
    expect(unix(e)).toEqual({
      code: 'unix-cron',
      severity: 'error',
      field: 'expression',
      message: `${FIVE} Write it as 6 or 7 Quartz fields, e.g. 0 0 4 ? * *.`,
    });
  });
});

describe('@-shorthands', () => {
  it.each([
    ['@hourly', '0 0 * ? * *'],
    ['@yearly', '0 0 0 1 1 ?'],
    ['@ANNUALLY', '0 0 0 1 1 ?'],
    ['@monthly', '0 0 0 1 * ?'],
    ['@weekly', '0 0 0 ? * 1'],
    ['@midnight', '0 0 0 ? * *'],
  ])('%s is written out as %s', (e, quartz) => {
    expect(unix(e)).toEqual({
      code: 'unix-cron',
      severity: 'error',
      field: 'expression',
      message: `Expression: '${e}' is Unix cron shorthand; Quartz needs its fields written out: ${quartz}.`,
      suggestion: quartz,
    });
  });

  it('@reboot has no Quartz form', () => {
    expect(unix('@reboot')).toEqual({
      code: 'unix-cron',
      severity: 'error',
      field: 'expression',
      message: "Expression: '@reboot' is Unix cron shorthand that Quartz has no form for; write the 6 or 7 fields, e.g. 0 0 3 ? * *.",
    });
  });
});

const verdict = (e: string, code: string) => lintExpression(e, { timeZone: 'UTC', now }).find((i) => i.code === code);

describe('Sunday as 0', () => {
  it.each([
    ['0 4 * * 0-3', "Day-of-week: Unix cron's 0 (Sunday) is 1 in Quartz, which counts 1-7 from Sunday; '0-3' becomes '1-4'.", '0 0 4 ? * 1-4'],
    ['0 4 * * 0,6', "Day-of-week: Unix cron's 0 (Sunday) is 1 in Quartz, which counts 1-7 from Sunday; '0,6' becomes '1,7'.", '0 0 4 ? * 1,7'],
    [
      '0 0 4 ? * 0,3',
      "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so 0 is not a day. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '0,3' is '1,4'.",
      '0 0 4 ? * 1,4',
    ],
    [
      '0 0 4 ? * 0L',
      "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so 0 is not a day. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '0L' is '1L'.",
      '0 0 4 ? * 1L',
    ],
    [
      '0 0 4 ? * 0/2',
      "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so 0 is not a day. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '0/2' is '1,3,5,7'.",
      '0 0 4 ? * 1,3,5,7',
    ],
    [
      '0 0 4 ? * 0#2 2027',
      "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so it reads 0 in '0#2' as Saturday. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '0#2' is '1#2'.",
      '0 0 4 ? * 1#2 2027',
    ],
  ])('%s', (e, message, suggestion) => {
    expect(verdict(e, 'sunday-zero')).toEqual({ code: 'sunday-zero', severity: 'error', field: 'day-of-week', message, suggestion });
  });

  it('offers no fix when the shifted expression still breaks the day-field rule', () => {
    expect(verdict('0 0 4 15 * 0', 'sunday-zero')?.suggestion).toBeUndefined();
    expect(verdict('0 4 1 * 0', 'sunday-zero')?.suggestion).toBeUndefined();
  });
});

describe('the day-field rule', () => {
  it.each([
    ['0 0 4 * JAN *', "Day-of-week: Quartz needs '?' in day-of-month or day-of-week; put it in day-of-week: 0 0 4 * JAN ?.", '0 0 4 * JAN ?'],
    ['0 0 4 * * MON-FRI', "Day-of-week: Quartz needs '?' in day-of-month or day-of-week; put it in day-of-month: 0 0 4 ? * MON-FRI.", '0 0 4 ? * MON-FRI'],
    ['0 0 4 ? * ?', "Day-of-week: '?' is in both day fields; give one of them a value: 0 0 4 * * ?.", '0 0 4 * * ?'],
  ])('%s', (e, message, suggestion) => {
    expect(verdict(e, 'both-day-fields')).toEqual({ code: 'both-day-fields', severity: 'error', field: 'day-of-week', message, suggestion });
  });

  it('both restricted: each way offered, none chosen', () => {
    expect(verdict('0 0 4 L * 6L', 'both-day-fields')).toEqual({
      code: 'both-day-fields',
      severity: 'error',
      field: 'day-of-week',
      message: "Day-of-week: Quartz cannot combine day-of-month 'L' with day-of-week '6L'; keep one and put '?' in the other (0 0 4 L * ? or 0 0 4 ? * 6L).",
    });
  });

  it('says nothing when another field is what is wrong', () => {
    expect(verdict('0 0 4 32 * *', 'both-day-fields')).toBeUndefined();
    expect(verdict('0 0 4 * * 9', 'both-day-fields')).toBeUndefined();
  });

  it('Unix cron with both day fields: two schedules, the day-of-week one only when it reads', () => {
    expect(unix('0 4 15 * mon')?.message).toMatch(/create two schedules: 0 0 4 15 \* \? and 0 0 4 \? \* 2\.$/);
    expect(unix('0 4 15 * 8')?.message).toMatch(/create two schedules: 0 0 4 15 \* \?\.$/);
  });
});
