// Ranges written backwards wrap past the field's end, steps run through the wrap, and the year takes
// steps too: fire times checked against the Quartz 2.3.2 jar. And the parser's words for text that is
// not an expression at all.
import { describe, expect, it } from 'vitest';
import { CronSyntaxError, MAX_YEAR, nextRuns, validateQuartz } from '@shared/cron/index';

const fires = (e: string): string[] =>
  nextRuns(e, { after: new Date('2027-01-04T00:00:00Z'), count: 5, timeZone: 'UTC' }).map((d) => d.toISOString().slice(0, 19));

describe('wrapped ranges and steps, as Quartz fires them', () => {
  it.each([
    ['0 0 4 1 NOV-FEB ?', ['2027-02-01T04:00:00', '2027-11-01T04:00:00', '2027-12-01T04:00:00', '2028-01-01T04:00:00', '2028-02-01T04:00:00']],
    ['0 0 4 1 12-1 ?', ['2027-12-01T04:00:00', '2028-01-01T04:00:00', '2028-12-01T04:00:00', '2029-01-01T04:00:00', '2029-12-01T04:00:00']],
    ['0 0 4 1 11-2/2 ?', ['2027-11-01T04:00:00', '2028-01-01T04:00:00', '2028-11-01T04:00:00', '2029-01-01T04:00:00', '2029-11-01T04:00:00']],
    ['0 0 4 30-2 * ?', ['2027-01-30T04:00:00', '2027-01-31T04:00:00', '2027-02-01T04:00:00', '2027-02-02T04:00:00', '2027-03-01T04:00:00']],
    ['0 0 4 31-1 * ?', ['2027-01-31T04:00:00', '2027-02-01T04:00:00', '2027-03-01T04:00:00', '2027-03-31T04:00:00', '2027-04-01T04:00:00']],
    ['0 0 4 29-3/2 * ?', ['2027-01-29T04:00:00', '2027-01-31T04:00:00', '2027-02-02T04:00:00', '2027-03-02T04:00:00', '2027-03-29T04:00:00']],
    ['0 0 4 ? * SAT-SUN', ['2027-01-09T04:00:00', '2027-01-10T04:00:00', '2027-01-16T04:00:00', '2027-01-17T04:00:00', '2027-01-23T04:00:00']],
    ['0 0 22-2/2 * * ?', ['2027-01-04T02:00:00', '2027-01-04T22:00:00', '2027-01-05T00:00:00', '2027-01-05T02:00:00', '2027-01-05T22:00:00']],
    ['58-1 0 4 * * ?', ['2027-01-04T04:00:00', '2027-01-04T04:00:01', '2027-01-04T04:00:58', '2027-01-04T04:00:59', '2027-01-05T04:00:00']],
    ['0 0 4 1 1 ? 2027/2', ['2029-01-01T04:00:00', '2031-01-01T04:00:00', '2033-01-01T04:00:00', '2035-01-01T04:00:00', '2037-01-01T04:00:00']],
    ['0 0 4 1 1 ? 2028-2030/2', ['2028-01-01T04:00:00', '2030-01-01T04:00:00']],
  ])('%s', (e, want) => {
    expect(fires(e)).toEqual(want);
  });

  it('refuses a year range that has Quartz store more than 100 million years, where it runs out of memory', () => {
    expect(() => fires('0 0 4 1 1 ? 2027-100002027')).toThrow(
      new CronSyntaxError(
        'year',
        'Year: the range 2027-100002027 has more years than Quartz can hold: it stores every one, and runs out of memory past about 100000000. Use a shorter range or a larger step (years after 2999 never fire).',
      ),
    );
    expect(validateQuartz('0 0 4 1 1 ? 2027-100002026')).toEqual({ ok: true });
    expect(validateQuartz('0 0 4 1 1 ? 2027-1002028')).toEqual({ ok: true });
  });

  it('accepts a long year range as Quartz does, firing as far as its search goes', () => {
    expect(fires('0 0 4 1 1 ? 2026-202830')).toEqual(fires('0 0 4 1 1 ? 2026-2999'));
    expect(fires('0 0 4 1 1 ? 2026-202830/7')).toEqual(fires('0 0 4 1 1 ? 2026-2999/7'));
    expect(fires('0 0 4 1 1 ? 3500-3600')).toEqual([]);
    // Quartz 2.3.2 gives the first of January of its last year (this year + 100), then nothing.
    const late = nextRuns('0 0 4 1 1 ? 2026-202830', { after: new Date(`${MAX_YEAR - 1}-06-01T00:00:00Z`), count: 3, timeZone: 'UTC' });
    expect(late.map((d) => d.toISOString())).toEqual([`${MAX_YEAR}-01-01T04:00:00.000Z`]);
  });
});

describe('text that is not an expression', () => {
  it.each([
    [42, 'Expression: expected text such as "0 0 3 ? * MON-FRI".'],
    ['   ', "Expression: it is empty; enter 6 or 7 fields, for example '0 0 3 ? * MON-FRI' (03:00 on weekdays)."],
    ['\t', "Expression: it is empty; enter 6 or 7 fields, for example '0 0 3 ? * MON-FRI' (03:00 on weekdays)."],
    [
      '0',
      'Expression: expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]) but found 1; missing minutes, hours, day-of-month, month, day-of-week.',
    ],
    [
      '0 0 4',
      'Expression: expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]) but found 3; missing day-of-month, month, day-of-week.',
    ],
  ])('%j', (e, message) => {
    expect(validateQuartz(e as string)).toEqual({ ok: false, field: 'expression', message });
  });

  it('fields past the seventh are ignored, separated by tabs as well as spaces', () => {
    expect(validateQuartz('0 0 4 ? * * 2027 9 9')).toEqual({ ok: true });
    expect(fires('\t0\t0  4 ? *\t* 2027  ')).toHaveLength(5);
  });

  it('quotes a value of up to 40 characters whole and cuts a longer one to 39 and an ellipsis', () => {
    const message = (n: number): string => {
      const v = validateQuartz(`${'a'.repeat(n)} 0 4 ? * *`);
      return v.ok ? '' : v.message;
    };
    expect(message(40)).toBe(`Seconds: letters are not allowed here ('${'a'.repeat(40)}'). Use 0-59 with -, / and , as needed.`);
    expect(message(41)).toBe(`Seconds: letters are not allowed here ('${'a'.repeat(39)}…'). Use 0-59 with -, / and , as needed.`);
  });

  it('names the error type in logs', () => {
    const e = new CronSyntaxError('hours', 'Hours: 25 is out of range 0-23.');
    expect([e.name, e.field, e.message, e instanceof Error]).toEqual(['CronSyntaxError', 'hours', 'Hours: 25 is out of range 0-23.', true]);
  });
});
