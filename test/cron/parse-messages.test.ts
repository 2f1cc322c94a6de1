// What the parser tells a user about text Quartz refuses, read word for word: the field named, the part
// quoted as typed (not upper-cased, even after leading blanks), and the fix that closes the message.
import { describe, expect, it } from 'vitest';
import { lintExpression, sameSchedule, validateQuartz } from '@shared/cron/index';

describe('messages for refused expressions', () => {
  it.each([
    // Both days '?': the list '*,?' passes the day-of-week check, so the whole-expression rule answers.
    ['0 0 4 *,? * ?', 'day-of-week', "Day-of-week: '?' cannot be used in both day-of-month and day-of-week. Give one of them a value."],
    [' 0 0 4 ? jan-foo *', 'month', "Month: 'foo' is not a month name. Use JAN-DEC or 1-12."],
    ['\t0 0 4 ? * mon#9', 'day-of-week', "Day-of-week: '#' must be followed by a number from 1 to 5 ('mon#9'). For example 6#3 = third Friday."],
    ['*/+99999999999 0 4 ? * *', 'seconds', "Seconds: '*/+99999999999': the number +99999999999 is too large. Use 0-59 with -, / and , as needed."],
    ['*/x99999999999 0 4 ? * *', 'seconds', "Seconds: '*/x99999999999': the step after '/' must be a whole number."],
    [
      '0 0 4 1-99999999999 * ?',
      'day-of-month',
      "Day-of-month: '1-99999999999': the number 99999999999 is too large. Use 1-31, L, L-n, nW or LW, optionally with - and /.",
    ],
    ['0 0 4 L- * ?', 'day-of-month', "Day-of-month: 'L-' ends too early. Use 1-31, L, L-n, nW or LW, optionally with - and /."],
    ['0 0 4 * * ? 2030-2020', 'year', 'Year: the range 2030-2020 runs backwards. Put the earlier year first.'],
    ['60 0 4 * * ?', 'seconds', 'Seconds: 60 is out of range 0-59.'],
    ['0 0 24 * * ?', 'hours', 'Hours: 24 is out of range 0-23.'],
    ['0 0 4 0 * ?', 'day-of-month', 'Day-of-month: 0 is out of range 1-31.'],
    ['0 0 4 ? 0 MON', 'month', 'Month: 0 is out of range 1-12 (or JAN-DEC).'],
    ['0 0 4 ? * 3-8', 'day-of-week', "Day-of-week: 8 is out of range 1-7 (1 = Sunday) (in '3-8')."],
    ['0 0 4 ? * 9-12', 'day-of-week', "Day-of-week: 9 is out of range 1-7 (1 = Sunday) (in '9-12')."],
  ] as const)('%j', (expression, field, message) => {
    expect(validateQuartz(expression)).toEqual({ ok: false, field, message });
  });

  it.each([
    '59 59 23 31 12 ? 2027',
    '0-59 0-59 0-23 1-31 1-12 ?',
    '0 0 4 ? * 1-7',
    '0 0 4 ? JAN-DEC SUN-SAT',
    '0 0 4 ? * 7L',
    '0 0 4 L-30 * ?',
    '0 0 4 1 1 ? 1969-3000',
  ])('%s, at the edges of each field, is accepted', (expression) => {
    expect(validateQuartz(expression)).toEqual({ ok: true });
  });
});

describe('what Quartz reads from an expression', () => {
  const from = new Date('2027-01-01T00:00:00Z');
  // Each pair has the same value sets and differs only in one of Quartz's flags (last, nth, offset, weekday).
  it.each([
    ['0 0 4 ? * 6L', '0 0 4 ? * 6'],
    ['0 0 4 ? * 6#3', '0 0 4 ? * 6#2'],
    ['0 0 4 L-3 * ?', '0 0 4 L-2 * ?'],
    ['0 0 4 LW * ?', '0 0 4 L * ?'],
  ])('%s is not the schedule %s', (a, b) => {
    expect(sameSchedule(a, b, { timeZone: 'UTC', from })).toBe(false);
    expect(sameSchedule(b, a, { timeZone: 'UTC', from })).toBe(false);
  });

  it('a look-alike past the seventh field is told against the whole expression, which Quartz reads as intended', () => {
    const issues = lintExpression('0 0 4 ? * * 2027 –', { timeZone: 'UTC', now: from });
    expect(issues.find((i) => i.code === 'lookalike-character')).toEqual({
      code: 'lookalike-character',
      severity: 'warning',
      field: 'expression',
      message:
        "Expression: '–' has an en dash (–, U+2013); Quartz happens to read it as intended, but it is easy to misread. Type '-' instead, and fix the other issues.",
    });
    // The extra field's own fix is the one that reads whole.
    expect(issues.find((i) => i.code === 'too-many-fields')?.suggestion).toBe('0 0 4 ? * * 2027');
  });
});
