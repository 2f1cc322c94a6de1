// The linter's whole verdict, word for word, for Unix cron, Sunday as 0, the day-field rule and schedules
// that never fire: what the user reads in the editor, with nothing more (no stray entries) and nothing
// less (the fix when there is one).
import type { LintIssue } from '@shared/cron/index';
import { verdicts } from './lint-verdict-table';

// The linter's advice for a five-field Unix cron: the Quartz form, or the fields to write when there is none.
const UNIX = "Expression: this is a five-field Unix cron; Quartz starts with seconds, needs '?' in one day field and counts days 1-7 from Sunday.";
const unixUse = (quartz: string): LintIssue => ({
  code: 'unix-cron',
  severity: 'error',
  field: 'expression',
  message: `${UNIX} Use ${quartz}.`,
  suggestion: quartz,
});
const UNIX_NO_FORM: LintIssue = {
  code: 'unix-cron',
  severity: 'error',
  field: 'expression',
  message: `${UNIX} Write it as 6 or 7 Quartz fields, e.g. 0 0 4 ? * *.`,
};
// What the engine says about every five-field Unix cron, before the linter's advice.
const FIVE_FIELDS: LintIssue = {
  code: 'invalid',
  severity: 'error',
  field: 'expression',
  message: 'Expression: expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]) but found 5; missing day-of-week.',
};

verdicts('Unix cron', [
  ['x', [{ code: 'invalid', severity: 'error', field: 'seconds', message: "Seconds: 'x' is not a valid value. Use 0-59 with -, / and , as needed." }]],
  [
    '@daily now',
    [{ code: 'invalid', severity: 'error', field: 'seconds', message: "Seconds: unexpected character '@' in '@daily'. Use 0-59 with -, / and , as needed." }],
  ],
  ['0 4 * * 17', [{ code: 'invalid', severity: 'error', field: 'month', message: 'Month: 17 is out of range 1-12 (or JAN-DEC).' }, UNIX_NO_FORM]],
  ['0 4 * * */10', [FIVE_FIELDS, unixUse('0 0 4 ? * 1')]],
  ['0 4 * * X-3', [{ code: 'invalid', severity: 'error', field: 'month', message: "Month: 'X-3' is not a month name. Use JAN-DEC or 1-12." }, UNIX_NO_FORM]],
  ['0 4 * 13 *', [FIVE_FIELDS, UNIX_NO_FORM]],
  ['30 2 * * 1-5', [FIVE_FIELDS, unixUse('0 30 2 ? * 2-6')]],
  [
    '0 4 * * 0-6',
    [
      { code: 'invalid', severity: 'error', field: 'month', message: "Month: 0 is out of range 1-12 (or JAN-DEC) (in '0-6')." },
      unixUse('0 0 4 ? * *'),
      {
        code: 'sunday-zero',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Unix cron's 0 (Sunday) is 1 in Quartz, which counts 1-7 from Sunday.",
        suggestion: '0 0 4 ? * *',
      },
    ],
  ],
  [
    '0 4 * * 0#2',
    [
      { code: 'invalid', severity: 'error', field: 'month', message: "Month: '#' ('0#2') is only allowed in day-of-week (e.g. 6#3)." },
      UNIX_NO_FORM,
      {
        code: 'sunday-zero',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Unix cron's 0 (Sunday) is 1 in Quartz, which counts 1-7 from Sunday.",
      },
    ],
  ],
]);

verdicts('Sunday as 0', [
  ['0 0 4 ? * 10', [{ code: 'invalid', severity: 'error', field: 'day-of-week', message: 'Day-of-week: 10 is out of range 1-7 (1 = Sunday).' }]],
  ['0 0 4 ? * 0X', [{ code: 'invalid', severity: 'error', field: 'day-of-week', message: "Day-of-week: 0 is out of range 1-7 (1 = Sunday) (in '0X')." }]],
  [
    '0 0 4 ? * 00',
    [
      { code: 'invalid', severity: 'error', field: 'day-of-week', message: "Day-of-week: 0 is out of range 1-7 (1 = Sunday) (in '00')." },
      {
        code: 'sunday-zero',
        severity: 'error',
        field: 'day-of-week',
        message:
          "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so 0 is not a day. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '00' is '1'.",
        suggestion: '0 0 4 ? * 1',
      },
    ],
  ],
  [
    '0 0 4 ? * 00L',
    [
      { code: 'invalid', severity: 'error', field: 'day-of-week', message: "Day-of-week: 0 is out of range 1-7 (1 = Sunday) (in '00L')." },
      {
        code: 'sunday-zero',
        severity: 'error',
        field: 'day-of-week',
        message:
          "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so 0 is not a day. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '00L' is '1L'.",
        suggestion: '0 0 4 ? * 1L',
      },
    ],
  ],
  [
    '0 0 4 ? * 0#2,0',
    [
      { code: 'invalid', severity: 'error', field: 'day-of-week', message: 'Day-of-week: 0 is out of range 1-7 (1 = Sunday).' },
      {
        code: 'sunday-zero',
        severity: 'error',
        field: 'day-of-week',
        message:
          "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so 0 is not a day. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '0#2,0' is '1#2,1'.",
        suggestion: '0 0 4 ? * 1#2,1',
      },
    ],
  ],
  [
    '0 4 * * 0-X',
    [
      {
        code: 'invalid',
        severity: 'error',
        field: 'month',
        message: "Month: '0-X' has 'X' where a number was expected. Use 1-12 or JAN-DEC, optionally with - and /.",
      },
      UNIX_NO_FORM,
      {
        code: 'sunday-zero',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Unix cron's 0 (Sunday) is 1 in Quartz, which counts 1-7 from Sunday.",
      },
    ],
  ],
  [
    '0 0 4 ? * 5-0',
    [
      {
        code: 'sunday-zero',
        severity: 'error',
        field: 'day-of-week',
        message:
          "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so it reads 0 in '5-0' as Saturday. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '5-0' is '5-1'.",
        suggestion: '0 0 4 ? * 5-1',
      },
    ],
  ],
]);

verdicts('the day-field rule', [
  ['0 0 4 ? * 8', [{ code: 'invalid', severity: 'error', field: 'day-of-week', message: 'Day-of-week: 8 is out of range 1-7 (1 = Sunday).' }]],
  ['0 0 4 32 * ?', [{ code: 'invalid', severity: 'error', field: 'day-of-month', message: 'Day-of-month: 32 is out of range 1-31.' }]],
  [
    '0 0 4 15 * *',
    [
      {
        code: 'invalid',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: day-of-month and day-of-week cannot both be restricted; put '?' in one of them (e.g. '0 0 3 ? * MON' or '0 0 3 15 * ?').",
      },
      {
        code: 'both-day-fields',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Quartz needs '?' in day-of-month or day-of-week; put it in day-of-week: 0 0 4 15 * ?.",
        suggestion: '0 0 4 15 * ?',
      },
    ],
  ],
  ['0 0 4 * * 9', [{ code: 'invalid', severity: 'error', field: 'day-of-week', message: 'Day-of-week: 9 is out of range 1-7 (1 = Sunday).' }]],
  ['0 0 4 * 13 *', [{ code: 'invalid', severity: 'error', field: 'month', message: 'Month: 13 is out of range 1-12 (or JAN-DEC).' }]],
  ['0 0 4 15 * 8', [{ code: 'invalid', severity: 'error', field: 'day-of-week', message: 'Day-of-week: 8 is out of range 1-7 (1 = Sunday).' }]],
  ['0 0 4 ? ? ?', [{ code: 'invalid', severity: 'error', field: 'month', message: "Month: '?' is only allowed in day-of-month or day-of-week. Use * here." }]],
  [
    '0 0 4 * * * *',
    [
      {
        code: 'invalid',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: day-of-month and day-of-week cannot both be restricted; put '?' in one of them (e.g. '0 0 3 ? * MON' or '0 0 3 15 * ?').",
      },
      {
        code: 'both-day-fields',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Quartz needs '?' in day-of-month or day-of-week; put it in day-of-week: 0 0 4 * * ? *.",
        suggestion: '0 0 4 * * ? *',
      },
    ],
  ],
  [
    '0 0 4 ? * ? 2027',
    [
      {
        code: 'invalid',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: '?' cannot be used in both day-of-month and day-of-week. Give one of them a value (e.g. * or 1-7) and keep ? in the other.",
      },
      {
        code: 'both-day-fields',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: '?' is in both day fields; give one of them a value: 0 0 4 * * ? 2027.",
        suggestion: '0 0 4 * * ? 2027',
      },
    ],
  ],
]);

verdicts('schedules that never fire', [
  [
    '0 0 4 30 2 ? 2020,2027',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'day-of-month',
        message: 'Day-of-month: day 30 never falls in FEB of 2020,2027, so it never runs. Pick a day that exists in that month (e.g. L for the last day).',
      },
    ],
  ],
  [
    '0 0 4 30 2 ? 2126',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'day-of-month',
        message: 'Day-of-month: day 30 never falls in FEB of 2126, so it never runs. Pick a day that exists in that month (e.g. L for the last day).',
      },
    ],
  ],
  [
    '0 0 4 ? 2 2#5 2027',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'expression',
        message: 'Expression: no date matches its day, month and year fields after now, so it never runs. Check those fields.',
      },
    ],
  ],
  [
    '0 0 4 * * ? 2020,3000',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'expression',
        message: 'Expression: no date matches its day, month and year fields after now, so it never runs. Check those fields.',
      },
    ],
  ],
  [
    '0 0 4 29 2 ? 2024,2027',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'expression',
        message: 'Expression: no date matches its day, month and year fields after now, so it never runs. Check those fields.',
      },
    ],
  ],
  [
    '0 0 4 ? * * 1969,3000',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'year',
        message: 'Year: Quartz fires only from 1970 to 2126, so it never runs. Use a year in that span.',
      },
    ],
  ],
  [
    '0 0 4 ? * * 1970,3000',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'expression',
        message: 'Expression: no date matches its day, month and year fields after now, so it never runs. Check those fields.',
      },
    ],
  ],
  [
    '0 0 4 30,29 2 ? 2024,2027',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'expression',
        message: 'Expression: no date matches its day, month and year fields after now, so it never runs. Check those fields.',
      },
    ],
  ],
  [
    '0 0 4 30,31 2 ?',
    [
      {
        code: 'never-fires',
        severity: 'error',
        field: 'day-of-month',
        message: 'Day-of-month: day 30,31 never falls in FEB, so it never runs. Pick a day that exists in that month (e.g. L for the last day).',
      },
    ],
  ],
]);
