// The expression linter against the real engine: each verdict says what Quartz 2.3.2 will really do,
// and every suggested fix is an expression Quartz accepts and that fires as the user meant.
import { describe, expect, it } from 'vitest';
import { lintExpression, MIN_RUN_INTERVAL_MS, nextRuns, sameSchedule, validateQuartz, type LintIssue } from '@shared/cron/index';
import { FLAGGED_EXPRESSIONS } from './lint-corpus';

const now = new Date('2026-12-01T10:00:00Z');
const lint = (e: string, extra: { now?: Date; minIntervalMs?: number; timeZone?: string } = {}): LintIssue[] =>
  lintExpression(e, {
    timeZone: extra.timeZone ?? 'Europe/Berlin',
    now: extra.now ?? now,
    ...(extra.minIntervalMs !== undefined ? { minIntervalMs: extra.minIntervalMs } : {}),
  });
const codes = (e: string): string[] => lint(e).map((i) => i.code);
const issue = (e: string, code: string): LintIssue => {
  const found = lint(e).find((i) => i.code === code);
  if (!found) throw new Error(`${e}: no ${code} in ${JSON.stringify(lint(e))}`);
  return found;
};
const weekdays = (e: string): number[] => [...new Set(nextRuns(e, { after: now, count: 20, timeZone: 'UTC' }).map((d) => d.getUTCDay()))].sort();

describe('clean expressions', () => {
  it.each(['0 0 4 ? * *', '0 0 4 ? * * *', '0 30 1 ? * MON-FRI', '0 0 2 L * ?', '0 10 3 ? * 2#3', '0 0/15 * ? * *', '0 0 0 1 1 ?'])(
    '%s has nothing to say',
    (e) => {
      expect(lint(e)).toEqual([]);
    },
  );
});

describe('invalid', () => {
  it('carries the engine message and field', () => {
    const v = validateQuartz('0 0 25 ? * *');
    expect(lint('0 0 25 ? * *')).toEqual([{ code: 'invalid', severity: 'error', field: 'hours', message: v.ok ? '' : v.message }]);
  });

  it('reports forms Quartz accepts but then fails on as invalid', () => {
    expect(issue('L 0 4 * * ?', 'invalid')).toMatchObject({ severity: 'error', field: 'seconds' });
  });
});

describe('never-fires', () => {
  it('an impossible date names the day and month', () => {
    const i = issue('0 0 4 30 2 ?', 'never-fires');
    expect(i).toMatchObject({ severity: 'error', field: 'day-of-month' });
    expect(i.message).toMatch(/^Day-of-month: day 30 never falls in FEB/);
    expect(issue('0 0 4 29 2 ? 2027', 'never-fires').message).toMatch(/29 never falls in FEB of 2027/);
    expect(codes('0 0 4 29 2 ? 2028')).not.toContain('never-fires');
    expect(issue('0 0 4 31 4,6,9,11 ?', 'never-fires').message).toMatch(/APR,JUN,SEP,NOV/);
  });

  it('years all in the past relative to now', () => {
    expect(issue('0 0 4 ? * * 2020-2025', 'never-fires')).toMatchObject({
      severity: 'error',
      field: 'year',
      message: expect.stringMatching(/^Year: .*2020,2021/),
    });
    // This year's only date has gone by.
    expect(issue('0 0 4 1 1 ? 2026', 'never-fires').field).toBe('year');
    // The same expression, linted in 2019, is fine but says it will stop.
    const earlier = lint('0 0 4 ? * * 2020-2025', { now: new Date('2019-06-01T00:00:00Z') });
    expect(earlier.map((i) => [i.code, i.severity])).toEqual([['stops-firing', 'warning']]);
  });

  it('a date that only falls on a skipped DST hour: the second Sunday of March at 02:30 in New York', () => {
    expect(codes('0 30 2 ? 3 1#2')).not.toContain('never-fires'); // Berlin changes on the last Sunday
    expect(lint('0 30 2 ? 3 1#2', { timeZone: 'America/New_York' }).map((i) => i.code)).toContain('never-fires');
  });
});

describe('too-frequent', () => {
  it('refuses runs closer than the threshold, says how close and how to override', () => {
    expect(MIN_RUN_INTERVAL_MS).toBe(5 * 60_000);
    const i = issue('* * * ? * *', 'too-frequent');
    expect(i.severity).toBe('error');
    expect(i.message).toMatch(/1 second apart/);
    expect(i.message).toMatch(/5 minutes/);
    expect(i.message).toMatch(/override/);
    expect(issue('0 0/4 * ? * *', 'too-frequent').message).toMatch(/4 minutes apart/);
    expect(codes('0 0/5 * ? * *')).not.toContain('too-frequent');
  });

  it('finds an irregular gap within a day and one across midnight', () => {
    expect(issue('0 0,1 4 ? * *', 'too-frequent').message).toMatch(/1 minute apart/);
    expect(issue('0 0,58 0,23 ? * *', 'too-frequent').message).toMatch(/2 minutes apart/);
  });

  it('takes another threshold from the caller', () => {
    expect(lint('0 0/4 * ? * *', { minIntervalMs: 60_000 })).toEqual([]);
    expect(lint('0 0 * ? * *', { minIntervalMs: 2 * 3_600_000 }).map((i) => i.code)).toEqual(['too-frequent']);
  });
});

describe('lookalike-character', () => {
  it('an en dash in MON–FRI: Quartz fires on Mondays only, and the fix is a hyphen', () => {
    const e = '0 0 4 ? * MON\u2013FRI';
    expect(validateQuartz(e)).toEqual({ ok: true }); // accepted without a word...
    expect(weekdays(e)).toEqual([1]); // ...and runs on Mondays only
    const i = issue(e, 'lookalike-character');
    expect(i).toMatchObject({ severity: 'error', field: 'day-of-week', suggestion: '0 0 4 ? * MON-FRI' });
    expect(i.message).toMatch(/^Day-of-week: 'MON–FRI' has an en dash .*U\+2013.*reads only 'MON' and ignores '–FRI'/);
    expect(weekdays(i.suggestion as string)).toEqual([1, 2, 3, 4, 5]);
    expect(codes(e)).not.toContain('ignored-text'); // told once, as the look-alike it is
  });

  it.each([
    ['an em dash', '0 0 4 ? * 2\u20146', [1]],
    ['a minus sign', '0 0 4 ? * 2\u22126', [1]],
    ['a zero-width space', '0 0 4 ? * 2\u200b-6', [1]],
  ])('%s in 2-6 reads as Monday only', (name, e, days) => {
    expect(weekdays(e)).toEqual(days);
    const i = issue(e, 'lookalike-character');
    expect(i.severity).toBe('error');
    expect(i.message).toContain(name);
    expect(i.suggestion).toBe('0 0 4 ? * 2-6');
  });

  it('a non-breaking space between fields: Quartz sees one field "*<NBSP>MON" and runs every day', () => {
    const e = '0 0 4 ? *\u00a0MON *';
    expect(weekdays(e)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const i = issue(e, 'lookalike-character');
    expect(i).toMatchObject({ severity: 'error', field: 'month', suggestion: '0 0 4 ? * MON *' });
    expect(i.message).toMatch(/'\*<U\+00A0>MON' has a non-breaking space/);
  });

  it('a look-alike Quartz happens to read as meant is a warning; one it rejects is an error next to invalid', () => {
    expect(lint('0 0 4 ? * MON\u00a0').map((i) => [i.code, i.severity])).toEqual([['lookalike-character', 'warning']]);
    expect(lint('0 0 4 ? * 2-\uff16').map((i) => [i.code, i.severity])).toEqual([['lookalike-character', 'warning']]);
    expect(lint('\uff10 0 4 * * ?').map((i) => [i.code, i.severity])).toEqual([
      ['invalid', 'error'],
      ['lookalike-character', 'error'],
    ]);
    expect(issue('\uff10 0 4 * * ?', 'lookalike-character')).toMatchObject({ field: 'seconds', suggestion: '0 0 4 * * ?' });
    expect(issue('0 0 4 ? * \u041cON', 'lookalike-character').message).toMatch(/non-Latin 'М'.*looks like 'M'/);
  });
});

describe('ignored-text', () => {
  it('trailing garbage after a number is ignored by Quartz', () => {
    const i = issue('0 0 4 5X * ?', 'ignored-text');
    expect(i).toMatchObject({ severity: 'error', field: 'day-of-month' });
    expect(i.message).toBe("Day-of-month: Quartz reads '5X' as '5' and ignores 'X'. Remove 'X' or correct the value.");
  });

  it('a spelled-out day name reads as meant (a warning with the short form); a range of them does not', () => {
    expect(issue('0 0 4 ? * MONDAY', 'ignored-text')).toMatchObject({ severity: 'warning', suggestion: '0 0 4 ? * MON' });
    expect(issue('0 0 4 ? * MONDAY-FRIDAY', 'ignored-text')).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/as 'MON' and ignores 'DAY-FRIDAY'/),
    });
    expect(weekdays('0 0 4 ? * MONDAY-FRIDAY')).toEqual([1]);
  });

  it.each([
    ['*5 0 4 * * ?', 'seconds', '*', '5'],
    ['0 0 4 ? JAN-JUN/2 *', 'month', 'JAN-JUN', '/2'],
    ['0 0 4 ? * L-3', 'day-of-week', 'L', '-3'],
    ['0/15x 0 4 * * ?', 'seconds', '0/15', 'x'],
  ])('%s: %s reads %s, ignores %s', (e, field, read, ignored) => {
    expect(issue(e, 'ignored-text')).toMatchObject({ field, message: expect.stringContaining(`as '${read}' and ignores '${ignored}'`) });
  });
});

describe('too-many-fields and zero-step', () => {
  it('text past the seventh field is ignored: an error with the seven-field form', () => {
    expect(issue('0 0 4 * * ? 2027 extra', 'too-many-fields')).toMatchObject({ severity: 'error', suggestion: '0 0 4 * * ? 2027' });
    expect(issue('0 0 4 * * ? 2027 extra', 'too-many-fields').message).toMatch(/has 8 fields; .*ignores 'extra'/);
  });

  it.each([
    ['0/0 0 4 * * ?', 'seconds', "'0' only"],
    ['0 */0 4 * * ?', 'minutes', "'*' (every value)"],
    ['0 0 1-5/0 * * ?', 'hours', "'1' only"],
  ])('%s: a step of 0 in %s reads as %s', (e, field, reading) => {
    expect(issue(e, 'zero-step')).toMatchObject({ severity: 'error', field, message: expect.stringContaining(reading) });
  });
});

describe('unix-cron and sunday-zero', () => {
  it.each([
    ['0 4 * * *', '0 0 4 ? * *'],
    ['30 2 * * 1-5', '0 30 2 ? * 2-6'],
    ['0 4 * * 0', '0 0 4 ? * 1'],
    ['0 4 * * 7', '0 0 4 ? * 1'],
    ['0 4 * * 0,6', '0 0 4 ? * 1,7'],
    ['0 4 * * 5-7', '0 0 4 ? * 1,6,7'],
    ['0 4 * * */2', '0 0 4 ? * 1,3,5,7'],
    ['15 3 1 * *', '0 15 3 1 * ?'],
    ['0 4 * * mon-fri', '0 0 4 ? * 2-6'],
    ['@daily', '0 0 0 ? * *'],
  ])('%s -> %s', (unix, quartz) => {
    const i = issue(unix, 'unix-cron');
    expect(i).toMatchObject({ severity: 'error', field: 'expression', suggestion: quartz });
    expect(i.message).toContain(quartz);
    expect(validateQuartz(quartz)).toEqual({ ok: true });
    expect(codes(unix)[0]).toBe('invalid');
  });

  it('the Quartz form fires on the days Unix cron meant', () => {
    expect(sameSchedule(issue('30 2 * * 1-5', 'unix-cron').suggestion as string, '0 30 2 ? * MON-FRI', { timeZone: 'UTC', from: now })).toBe(true);
  });

  it('both day fields in Unix cron mean "either": two Quartz schedules, no single suggestion', () => {
    const i = issue('0 4 1 * 1', 'unix-cron');
    expect(i.suggestion).toBeUndefined();
    expect(i.message).toMatch(/two schedules: 0 0 4 1 \* \? and 0 0 4 \? \* 2/);
  });

  it('Sunday as 0 in a Quartz expression', () => {
    expect(issue('0 0 4 ? * 0', 'sunday-zero')).toMatchObject({ severity: 'error', field: 'day-of-week', suggestion: '0 0 4 ? * 1' });
    expect(issue('0 0 4 ? * 0-4', 'sunday-zero').suggestion).toBe('0 0 4 ? * 1-5');
    // Quartz accepts 0#2 and fires on the second Saturday: the worst case, since nothing else warns.
    expect(weekdays('0 0 4 ? * 0#2')).toEqual([6]);
    expect(issue('0 0 4 ? * 0#2', 'sunday-zero')).toMatchObject({
      suggestion: '0 0 4 ? * 1#2',
      message: expect.stringMatching(/reads 0 in '0#2' as Saturday/),
    });
    expect(weekdays('0 0 4 ? * 1#2')).toEqual([0]);
    expect(issue('0 4 * * 0', 'sunday-zero').message).toMatch(/Unix cron's 0 \(Sunday\) is 1/);
    expect(codes('0 0 4 ? * 1')).toEqual([]);
  });
});

describe('both-day-fields', () => {
  it.each([
    ['0 0 4 * * *', '0 0 4 * * ?'],
    ['0 0 4 ? * ?', '0 0 4 * * ?'],
    ['0 0 4 * * MON', '0 0 4 ? * MON'],
  ])('%s -> %s', (e, fix) => {
    expect(issue(e, 'both-day-fields')).toMatchObject({ severity: 'error', suggestion: fix });
  });

  it('both restricted: names both and offers each way', () => {
    const i = issue('0 0 4 15 * MON', 'both-day-fields');
    expect(i.suggestion).toBeUndefined();
    expect(i.message).toMatch(/'15' with day-of-week 'MON'.*0 0 4 15 \* \? or 0 0 4 \? \* MON/);
  });
});

describe('duplicate', () => {
  it('an existing schedule with the same fire times, however written, is named', () => {
    const issues = lintExpression('0 0 4 ? * * *', { timeZone: 'Europe/Berlin', now, existing: ['0 30 4 ? * *', 'garbage', '0 0 4 * * ?'] });
    expect(issues).toEqual([{ code: 'duplicate', severity: 'error', field: 'expression', message: expect.stringContaining("'0 0 4 * * ?'") }]);
  });

  it('one that differs only later (a year field) is not a duplicate', () => {
    expect(lintExpression('0 0 4 ? * *', { timeZone: 'UTC', now, existing: ['0 0 4 ? * * 2026-2027', '0 0 4 ? * 1-6'] })).toEqual([]);
  });
});

describe('every verdict', () => {
  it('starts with the field it is about, is short, and lists errors before warnings', () => {
    for (const e of FLAGGED_EXPRESSIONS) {
      const issues = lint(e);
      expect(issues.length, e).toBeGreaterThan(0);
      for (const i of issues) {
        expect(i.message, e).toMatch(/^(Seconds|Minutes|Hours|Day-of-month|Month|Day-of-week|Year|Expression): \S/);
        expect(i.message.length, i.message).toBeLessThan(300);
        expect(['error', 'warning']).toContain(i.severity);
        if (i.suggestion !== undefined) expect(validateQuartz(i.suggestion), i.suggestion).toEqual({ ok: true });
      }
      const firstWarning = issues.findIndex((i) => i.severity === 'warning');
      if (firstWarning >= 0)
        expect(
          issues.slice(firstWarning).every((i) => i.severity === 'warning'),
          e,
        ).toBe(true);
    }
  });

  it('refuses a bad zone or date with a RangeError, as nextRuns does', () => {
    expect(() => lintExpression('0 0 4 ? * *', { timeZone: 'Mars/Base', now })).toThrow(RangeError);
    expect(() => lintExpression('0 0 4 ? * *', { timeZone: 'UTC', now: new Date('x') })).toThrow(RangeError);
  });
});
