// The field grammar as a user meets it: what each form fires (Quartz's oddities included, as the golden
// fixtures from the real jar confirm) and the words for each mistake the create dialog shows.
import { describe, expect, it } from 'vitest';
import { nextRuns, validateQuartz } from '@shared/cron/index';

const MONDAY = '2027-01-04T00:00:00Z';
const fires = (e: string, count = 4, after = MONDAY): string[] =>
  nextRuns(e, { after: new Date(after), count, timeZone: 'UTC' }).map((d) => d.toISOString().slice(0, 16).replace('T04:00', ''));

describe('what each form fires (after Monday 2027-01-04, at 04:00 UTC)', () => {
  it.each([
    ['0 0 4 L-3 * ?', ['2027-01-28', '2027-02-25', '2027-03-28', '2027-04-27']],
    ['0 0 4 L-5W * ?', ['2027-01-26', '2027-02-23', '2027-03-26', '2027-04-26']],
    ['0 0 4 LW * ?', ['2027-01-29', '2027-02-26', '2027-03-31', '2027-04-30']],
    ['0 0 4 31W * ?', ['2027-01-29', '2027-03-31', '2027-04-30', '2027-05-31']],
    ['0 0 4 ? * L-3', ['2027-01-09', '2027-01-16', '2027-01-23', '2027-01-30']],
    ['0 0 4 ? * 2-6/2', ['2027-01-04', '2027-01-06', '2027-01-08', '2027-01-11']],
    ['0 0 4 ? * 2-6/0', ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25']],
    ['0 0 4 ? * 2-6X', ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07']],
    ['0 0 4 ? * */2', ['2027-01-05', '2027-01-07', '2027-01-09', '2027-01-10']],
    ['0 0 4 ? * 7-2', ['2027-01-04', '2027-01-09', '2027-01-10', '2027-01-11']],
    ['0 0 4 ? * FRIL', ['2027-01-29', '2027-02-26', '2027-03-26', '2027-04-30']],
    ['0 0 4 ? * FRI#3', ['2027-01-15', '2027-02-19', '2027-03-19', '2027-04-16']],
    ['0 0 4 ? * FRIX', ['2027-01-08', '2027-01-15', '2027-01-22', '2027-01-29']],
    ['0 0 4 ? * MON\u2013FRI', ['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25']],
    ['0 0 4 ?5 * *', ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07']],
    ['0 0 4 ? JAN,MAR/2 SUN', ['2027-01-10', '2027-01-17', '2027-01-24', '2027-01-31']],
    ['0 0 4 ?? * *', ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07']],
    ['0 0 4 ? * *5', ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07']],
    ['0 0 4 ? * 5L6', ['2027-01-28', '2027-02-25', '2027-03-25', '2027-04-29']],
    ['0 0 4 ? * 5-6-7', ['2027-01-07', '2027-01-08', '2027-01-14', '2027-01-15']],
    ['0 0 4 ? * 1-7/3X', ['2027-01-06', '2027-01-09', '2027-01-10', '2027-01-13']],
    ['0 0 4 ? * 1-7/10', ['2027-01-10', '2027-01-17', '2027-01-24', '2027-01-31']],
    ['0 0 4 ? * SUN#2', ['2027-01-10', '2027-02-14', '2027-03-14', '2027-04-11']],
    ['0 0 4 L-0 * ?', ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']],
  ])('%s', (expression, dates) => {
    expect(fires(expression)).toEqual(dates);
  });

  it('reads steps and wrapped ranges in the time fields', () => {
    expect(fires('0 0/59 4 * * ?', 3)).toEqual(['2027-01-04', '2027-01-04T04:59', '2027-01-05']);
    expect(fires('0 5/0 4 * * ?', 2)).toEqual(['2027-01-04T04:05', '2027-01-05T04:05']);
    expect(fires('0 5X 4 * * ?', 1)).toEqual(['2027-01-04T04:05']);
    // A leading '/' is '*/': every 15 minutes.
    expect(fires('0 /15 4 * * ?', 3)).toEqual(['2027-01-04', '2027-01-04T04:15', '2027-01-04T04:30']);
    // Quartz skips an 'L' outside the day fields: the list is just 5.
    expect(fires('0 0 5,L * * ?', 2)).toEqual(['2027-01-04T05:00', '2027-01-05T05:00']);
    expect(fires('0 0 22-2 * * ?', 4)).toEqual(['2027-01-04T01:00', '2027-01-04T02:00', '2027-01-04T22:00', '2027-01-04T23:00']);
  });

  it('reads a month name and ignores what follows it: JANUARY is JAN, JAN-JUN/2 is January to June', () => {
    expect(fires('0 0 4 1 JANUARY ?', 2)).toEqual(['2028-01-01', '2029-01-01']);
    expect(fires('0 0 4 ? JAN-JUN/2 *', 2, '2027-06-30T05:00:00Z')).toEqual(['2028-01-01', '2028-01-02']);
    expect(fires('0 0 4 1 FEB-APR ?', 3)).toEqual(['2027-02-01', '2027-03-01', '2027-04-01']);
  });
});

describe('the words for each mistake', () => {
  it.each([
    ['? 0 4 * * ?', 'seconds', "Seconds: '?' is only allowed in day-of-month or day-of-week. Use * here."],
    ['0 0 4 * ? ?', 'month', "Month: '?' is only allowed in day-of-month or day-of-week. Use * here."],
    ['0 0 4 ? * 5-', 'day-of-week', "Day-of-week: '5-' ends too early. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n."],
    ['0 0 4 1- * ?', 'day-of-month', "Day-of-month: '1-' ends too early. Use 1-31, L, L-n, nW or LW, optionally with - and /."],
    ['0 0 4 ? * 2-6/', 'day-of-week', "Day-of-week: '2-6/' ends too early. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n."],
    ['0 0/60 4 * * ?', 'minutes', "Minutes: the step 60 is too large (at most 59) in '0/60'."],
    ['0 0/ 4 * * ?', 'minutes', "Minutes: '/' must be followed by a number. For example 0/15."],
    ['0 0 4 * / ?', 'month', "Month: '/' must be followed by a number. For example */5 or 0/15."],
    ['0 # 4 * * ?', 'minutes', "Minutes: unexpected character '#' in '#'. Use 0-59 with -, / and , as needed."],
    ['0 0 4 ? JA *', 'month', "Month: 'JA' is not a valid value. Use 1-12 or JAN-DEC, optionally with - and /."],
    ['0 0 4 ? * MON-FR', 'day-of-week', "Day-of-week: 'FR' is not a valid value. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n."],
    ['0 0 4 15L * ?', 'day-of-month', "Day-of-month: 'L' after a number ('15L') is only allowed in day-of-week (e.g. 6L = last Friday)."],
    ['0 0 4 ? 6#2 *', 'month', "Month: '#' ('6#2') is only allowed in day-of-week (e.g. 6#3)."],
    ['0 0 4 L,5 * ?', 'day-of-month', "Day-of-month: 'L' and 'LW' cannot be combined with other days in a list ('L,5'). Use L, L-n or LW on its own."],
    ['0 0 4 ? * 1,L', 'day-of-week', "Day-of-week: 'L' cannot be combined with other days in a list ('1,L'). Use a single nL (e.g. 6L = last Friday)."],
    ['0 0 4 ? * 5#', 'day-of-week', "Day-of-week: '#' must be followed by a number from 1 to 5 ('5#'). For example 6#3 = third Friday."],
    [
      '0 0 4 ? * ?',
      'day-of-week',
      "Day-of-week: '?' cannot be used in both day-of-month and day-of-week. Give one of them a value (e.g. * or 1-7) and keep ? in the other.",
    ],
    ['0 0 4 ? * 6#3#4', 'day-of-week', 'Day-of-week: only one "nth day" (#) is supported (\'6#3#4\').'],
    ['0 0 4 ?XY * *', 'day-of-month', "Day-of-month: unexpected 'X' after '?'. '?' stands alone."],
    ['0 0 4 ? * */', 'day-of-week', "Day-of-week: '/' must be followed by a number. For example */5 or 0/15."],
    ['0 0 4 ? * 1/', 'day-of-week', "Day-of-week: '/' must be followed by a number. For example 0/15."],
    ['0 0 4 L-X * ?', 'day-of-month', "Day-of-month: letters are not allowed here ('L-X'). Use 1-31, L, L-n, nW or LW, optionally with - and /."],
    ['0 0 4 L- * ?', 'day-of-month', "Day-of-month: 'L-' ends too early. Use 1-31, L, L-n, nW or LW, optionally with - and /."],
    ['0 0 4 LX * ?', 'day-of-month', "Day-of-month: 'LX' is not a valid value. Use 1-31, L, L-n, nW or LW, optionally with - and /."],
    ['0 0 4 ? * 5#3X', 'day-of-week', "Day-of-week: '#' must be followed by a number from 1 to 5 ('5#3X'). For example 6#3 = third Friday."],
    ['0 0 4 ? * 5/8', 'day-of-week', "Day-of-week: the step 8 is too large (at most 7) in '5/8'."],
    ['0 0 4 ? * 12', 'day-of-week', 'Day-of-week: 12 is out of range 1-7 (1 = Sunday).'],
    ['0 0 4 ? * 1-12', 'day-of-week', "Day-of-week: 12 is out of range 1-7 (1 = Sunday) (in '1-12')."],
    ['0 0 4 ? 1#2#3 *', 'month', "Month: '#' ('1#2#3') is only allowed in day-of-week (e.g. 6#3)."],
    ['0 0 4 ? * MON,1-9', 'day-of-week', "Day-of-week: 9 is out of range 1-7 (1 = Sunday) (in '1-9')."],
    ['0 0 4 ? * _', 'day-of-week', "Day-of-week: unexpected character '_' in '_'. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n."],
    ['0 0 4 ? * :', 'day-of-week', "Day-of-week: unexpected character ':' in ':'. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n."],
    ['0 0 4 ? * ZZZ', 'day-of-week', "Day-of-week: 'ZZZ' is not a day name. Use SUN-SAT or 1-7 (1 = Sunday)."],
    ['0 0 4 ML-3 * ?', 'day-of-month', "Day-of-month: letters are not allowed here ('ML-3'). Use 1-31, L, L-n, nW or LW, optionally with - and /."],
    ['0 0 4 , * ?', 'day-of-month', "Day-of-month: has no value (only commas). Give it a day such as 15, or * for every day, and keep '?' in day-of-week."],
    [
      '0 0 4 ?,5 * ?',
      'day-of-week',
      "Day-of-week: '?' cannot be used in both day-of-month and day-of-week. Give one of them a value (e.g. * or 1-7) and keep ? in the other.",
    ],
    ['0 0 4 ? * 1/1-', 'day-of-week', "Day-of-week: unexpected '-' after '/' in '1/1-'. The step must be a whole number."],
    ['0 0 4 ? * 3-X', 'day-of-week', "Day-of-week: '3-X' has 'X' where a number was expected. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n."],
  ])('%s', (expression, field, message) => {
    expect(validateQuartz(expression)).toEqual({ ok: false, field, message });
  });

  it('quotes Quartz’s reading when upper-casing changes the length (ß is SS)', () => {
    expect(validateQuartz('0 0 4 ß * ?')).toMatchObject({
      message: "Day-of-month: 'SS' is not a valid value. Use 1-31, L, L-n, nW or LW, optionally with - and /.",
    });
  });

  it('quotes the value as typed, not upper-cased', () => {
    expect(validateQuartz('0 0 4 ? * mon-fooo')).toMatchObject({ message: "Day-of-week: 'foo' is not a day name. Use SUN-SAT or 1-7 (1 = Sunday)." });
    expect(validateQuartz('0 0 4 1 jan-xyz ?')).toMatchObject({ message: "Month: 'xyz' is not a month name. Use JAN-DEC or 1-12." });
  });
});
