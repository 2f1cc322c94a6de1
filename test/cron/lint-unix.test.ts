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
