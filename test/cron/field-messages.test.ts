// The engine's words for each kind of mistake in a field: the field at fault, what was typed, and what to
// type instead, exactly as the create dialog shows them.
import { describe, expect, it } from 'vitest';
import { validateQuartz } from '@shared/cron/index';

const CASES: [string, string, string][] = [
  ['0 0 4 LW,5 * ?', 'day-of-month', "Day-of-month: 'L' and 'LW' cannot be combined with other days in a list ('LW,5'). Use L, L-n or LW on its own."],
  ['0 0 4 ? * 5L,6', 'day-of-week', "Day-of-week: 'L' cannot be combined with other days in a list ('5L,6'). Use a single nL (e.g. 6L = last Friday)."],
  ['0 0 4 ? * 2#1,3#2', 'day-of-week', 'Day-of-week: only one "nth day" (#) is supported (\'2#1,3#2\').'],
  ['0 0 4 L-31 * ?', 'day-of-month', "Day-of-month: the offset in 'L-31' must be 30 or less. L-n counts back from the last day, n = 0-30."],
  ['0 0 4 ? * MO', 'day-of-week', "Day-of-week: 'MO' is not a valid value. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n."],
  ['0 0 4 ? * MON-FOO', 'day-of-week', "Day-of-week: 'FOO' is not a day name. Use SUN-SAT or 1-7 (1 = Sunday)."],
  ['0 0 4 ? * FOO-MON', 'day-of-week', "Day-of-week: 'FOO' is not a day name. Use SUN-SAT or 1-7 (1 = Sunday)."],
  ['0 0 4 1 JUN-XYZ ?', 'month', "Month: 'XYZ' is not a month name. Use JAN-DEC or 1-12."],
  ['0 0 4 1 XYZ ?', 'month', "Month: 'XYZ' is not a month name. Use JAN-DEC or 1-12."],
  ['0 0 4 ? * 8L', 'day-of-week', "Day-of-week: 8 is out of range 1-7 (1 = Sunday) (in '8L')."],
  ['0 0 4 ? * 0L', 'day-of-week', "Day-of-week: 0 is out of range 1-7 (1 = Sunday) (in '0L')."],
  ['0 0 5L * * ?', 'hours', "Hours: 'L' after a number ('5L') is only allowed in day-of-week (e.g. 6L = last Friday)."],
  ['0 0 4 ? * 5W', 'day-of-week', "Day-of-week: 'W' ('5W') is only allowed in day-of-month (e.g. 15W)."],
  ['0 0 4 32W * ?', 'day-of-month', "Day-of-month: '32W': W needs a day from 1 to 31."],
  ['0 0 4 5#2 * ?', 'day-of-month', "Day-of-month: '#' ('5#2') is only allowed in day-of-week (e.g. 6#3)."],
  ['0 0 4 ? * 2#6', 'day-of-week', "Day-of-week: '#' must be followed by a number from 1 to 5 ('2#6'). For example 6#3 = third Friday."],
  ['0 0 4 ? * 1/x', 'day-of-week', "Day-of-week: '1/x' has 'x' where a number was expected. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n."],
  ['0 0 4 ? * 1/1x', 'day-of-week', "Day-of-week: unexpected 'x' after '/' in '1/1x'. The step must be a whole number."],
  [
    '0 0 4 1 * ? 2027/a',
    'year',
    "Year: '2027/a' has 'a' where a number was expected. Use a year such as 2027, a range such as 2027-2030, or * (Quartz stops at 2126).",
  ],
  ['0 0 4 ab * ?', 'day-of-month', "Day-of-month: 'ab' is not a valid value. Use 1-31, L, L-n, nW or LW, optionally with - and /."],
  [
    '* * * * *',
    'expression',
    'Expression: expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]) but found 5; missing day-of-week.',
  ],
];

describe('field messages', () => {
  it.each(CASES)('%s', (expression, field, message) => {
    expect(validateQuartz(expression)).toEqual({ ok: false, field, message });
  });

  it('accepts the edge values those messages name', () => {
    for (const ok of [
      '0 0 4 L-30 * ?',
      '0 0 4 31W * ?',
      '0 0 4 ? * 2#5',
      '0 0 4 ? * 7L',
      '0 0 4 ? * 1L',
      '0 0 4 LW * ?',
      '0 0 4 ? * MON-FRI',
      '0 0 4 1 JAN-DEC ?',
    ]) {
      expect(validateQuartz(ok), ok).toEqual({ ok: true });
    }
  });
});
