// Numbers are read as Quartz reads them (Java's Integer.parseInt and Character.digit): a plus sign, any
// script's decimal digits, the 32-bit limit, control characters trimmed. The fire times show it.
import { describe, expect, it } from 'vitest';
import { nextRuns, validateQuartz } from '@shared/cron/index';

const after = new Date('2027-01-04T00:00:00Z'); // a Monday
const fires = (e: string, count = 6): string[] => nextRuns(e, { after, count, timeZone: 'UTC' }).map((d) => d.toISOString().slice(0, 16));

describe('numbers as Quartz reads them', () => {
  it('takes a step written with a plus sign: */+15 is every 15 minutes', () => {
    expect(fires('0 */+15 4 * * ?', 5)).toEqual(['2027-01-04T04:00', '2027-01-04T04:15', '2027-01-04T04:30', '2027-01-04T04:45', '2027-01-05T04:00']);
  });

  it('reads a negative step after * as a step of 0 (every minute), and refuses a step with a letter in it', () => {
    expect(fires('0 */-5 4 * * ?', 3)).toEqual(['2027-01-04T04:00', '2027-01-04T04:01', '2027-01-04T04:02']);
    expect(validateQuartz('0 */5x 4 * * ?')).toEqual({ ok: false, field: 'minutes', message: "Minutes: '*/5x': the step after '/' must be a whole number." });
  });

  it('refuses a sign with no digits after it', () => {
    expect(validateQuartz('0 */+ 4 * * ?')).toEqual({ ok: false, field: 'minutes', message: "Minutes: '*/+': the step after '/' must be a whole number." });
  });

  it('accepts the largest 32-bit step and refuses one past it as too large', () => {
    expect(validateQuartz('0 0 4 ? * * */2147483647')).toEqual({ ok: true });
    expect(validateQuartz('0 0 4 ? * * */2147483648')).toMatchObject({
      ok: false,
      field: 'year',
      message: expect.stringMatching(/^Year: '\*\/2147483648': the number 2147483648 is too large\./),
    });
    expect(validateQuartz('0 0 4 ? * * */99999999999')).toMatchObject({ ok: false, message: expect.stringContaining('the number 99999999999 is too large') });
  });

  it.each([
    ['Arabic-Indic', '\u0666'],
    ['Thai', '\u0e56'],
    ['Mongolian', '\u1816'],
    ['full-width', '\uff16'],
  ])('reads a %s 6 ending a range as 6: 2-6 is Monday to Friday', (_script, six) => {
    expect(fires(`0 0 4 ? * 2-${six}`)).toEqual([
      '2027-01-04T04:00',
      '2027-01-05T04:00',
      '2027-01-06T04:00',
      '2027-01-07T04:00',
      '2027-01-08T04:00',
      '2027-01-11T04:00',
    ]);
  });

  it('refuses a letter where a digit was expected, quoting it', () => {
    expect(validateQuartz('0 0 4 ? * 2-\u00e9')).toMatchObject({
      ok: false,
      field: 'day-of-week',
      message: expect.stringMatching(/^Day-of-week: '2-é' has 'é' where a number was expected\./),
    });
  });

  it('trims control characters around the fields, as Java does', () => {
    expect(fires('\n0 0 4 * * ?\r', 2)).toEqual(['2027-01-04T04:00', '2027-01-05T04:00']);
    expect(fires('\u00010 0 4 * * ?', 1)).toEqual(['2027-01-04T04:00']);
    expect(nextRuns('\n\n15 0 4 * * ?', { after, count: 1, timeZone: 'UTC' })[0]?.toISOString()).toBe('2027-01-04T04:00:15.000Z');
  });

  it('reads #+2 as the second weekday of that kind, and refuses #-1', () => {
    expect(fires('0 0 4 ? * 6#+2', 2)).toEqual(['2027-01-08T04:00', '2027-02-12T04:00']);
    expect(validateQuartz('0 0 4 ? * 6#-1')).toMatchObject({ ok: false, message: expect.stringContaining("'#' must be followed by a number from 1 to 5") });
  });
});
