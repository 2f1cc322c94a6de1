// Behaviour of the public seam that a user (or another part of the app) notices directly.
import { describe, expect, it } from 'vitest';
import { CronSyntaxError, expandWindow, nextRuns, validateQuartz } from '@shared/cron/index';
import { describeQuartz, loadDescriptionLocale } from '@shared/cron/describe';

const iso = (ds: Date[]): string[] => ds.map((d) => d.toISOString());

describe('nextRuns', () => {
  it('returns fire times strictly after `after`', () => {
    const runs = nextRuns('0 0 3 * * ?', { after: new Date('2027-06-01T03:00:00Z'), count: 2, timeZone: 'UTC' });
    expect(iso(runs)).toEqual(['2027-06-02T03:00:00.000Z', '2027-06-03T03:00:00.000Z']);
  });

  it('skips a time that does not exist on a spring-forward day (New York)', () => {
    const runs = nextRuns('0 30 2 ? * *', { after: new Date('2027-03-13T00:00:00Z'), count: 2, timeZone: 'America/New_York' });
    expect(iso(runs)).toEqual(['2027-03-13T07:30:00.000Z', '2027-03-15T06:30:00.000Z']);
  });

  it('fires once in a repeated hour, at its standard-time occurrence (New York)', () => {
    const runs = nextRuns('0 30 1 ? * *', { after: new Date('2027-11-06T12:00:00Z'), count: 2, timeZone: 'America/New_York' });
    expect(iso(runs)).toEqual(['2027-11-07T06:30:00.000Z', '2027-11-08T06:30:00.000Z']);
  });

  it('reads day-of-week 1 as Sunday and handles #, L and W', () => {
    const after = new Date('2027-01-01T00:00:00Z');
    expect(iso(nextRuns('0 0 12 ? * 1', { after, count: 1, timeZone: 'UTC' }))).toEqual(['2027-01-03T12:00:00.000Z']);
    expect(iso(nextRuns('0 0 12 ? * 6#3', { after, count: 1, timeZone: 'UTC' }))).toEqual(['2027-01-15T12:00:00.000Z']);
    expect(iso(nextRuns('0 0 12 ? * 6L', { after, count: 1, timeZone: 'UTC' }))).toEqual(['2027-01-29T12:00:00.000Z']);
    expect(iso(nextRuns('0 0 12 LW * ?', { after, count: 1, timeZone: 'UTC' }))).toEqual(['2027-01-29T12:00:00.000Z']);
    expect(iso(nextRuns('0 0 12 L-3 * ?', { after, count: 1, timeZone: 'UTC' }))).toEqual(['2027-01-28T12:00:00.000Z']);
  });

  it('stops when the year field runs out', () => {
    const runs = nextRuns('0 0 0 1 1 ? 2027-2028', { after: new Date('2026-06-01T00:00:00Z'), count: 5, timeZone: 'UTC' });
    expect(iso(runs)).toEqual(['2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z']);
  });

  it('throws a CronSyntaxError naming the field for an invalid expression', () => {
    const call = (): Date[] => nextRuns('0 0 25 * * ?', { after: new Date(0), count: 1, timeZone: 'UTC' });
    expect(call).toThrow(CronSyntaxError);
    expect(call).toThrow('Hours: 25 is out of range 0-23');
  });

  it('returns nothing, quickly, for a schedule that never fires again (a past year, 30 February)', () => {
    const after = new Date('2027-01-01T00:00:00Z');
    expect(nextRuns('0 0 0 1 1 ? 2020', { after, count: 3, timeZone: 'Europe/Berlin' })).toEqual([]);
    expect(nextRuns('0 0 0 30 2 ?', { after, count: 3, timeZone: 'UTC' })).toEqual([]);
    expect(expandWindow('0 0 0 30 2 ?', { from: after, to: new Date('2028-01-01T00:00:00Z'), timeZone: 'UTC', limit: 5 }).total).toBe(0);
  });

  it("stops at Quartz's last year (this year + 100) and gives nothing after it", () => {
    const last = new Date().getUTCFullYear() + 100;
    const runs = nextRuns('0 0 0 1 1 ?', { after: new Date(Date.UTC(last - 2, 5, 1)), count: 5, timeZone: 'UTC' });
    expect(runs.map((d) => d.getUTCFullYear())).toEqual([last - 1, last]);
    expect(nextRuns('0 0 0 * * ?', { after: new Date(Date.UTC(last + 1, 0, 1)), count: 1, timeZone: 'UTC' })).toEqual([]);
  });

  it('returns [] for count 0 and refuses an unbounded count or an invalid Date with a RangeError', () => {
    const after = new Date('2027-01-01T00:00:00Z');
    expect(nextRuns('* * * * * ?', { after, count: 0, timeZone: 'UTC' })).toEqual([]);
    expect(() => nextRuns('* * * * * ?', { after, count: Infinity, timeZone: 'UTC' })).toThrow(
      /count must be a whole number from 0 to 100000 \(got Infinity\)/,
    );
    expect(() => nextRuns('* * * * * ?', { after, count: NaN, timeZone: 'UTC' })).toThrow(RangeError);
    expect(() => nextRuns('0 0 0 * * ?', { after: new Date('nope'), count: 1, timeZone: 'UTC' })).toThrow(/after must be a valid Date/);
  });

  it("handles :45 and :30 offsets and a skipped calendar day (Kathmandu, St John's, Apia 2011-12-30)", () => {
    const at = (e: string, after: string, zone: string, count: number): string[] => iso(nextRuns(e, { after: new Date(after), count, timeZone: zone }));
    expect(at('0 30 5 * * ?', '2027-01-01T00:00:00Z', 'Asia/Kathmandu', 1)).toEqual(['2027-01-01T23:45:00.000Z']);
    expect(at('0 30 2 * * ?', '2027-03-13T00:00:00Z', 'America/St_Johns', 1)).toEqual(['2027-03-13T06:00:00.000Z']);
    // Samoa jumped from 29 to 31 December 2011: noon on the 30th never happened.
    expect(at('0 0 12 * * ?', '2011-12-28T00:00:00Z', 'Pacific/Apia', 4)).toEqual([
      '2011-12-28T22:00:00.000Z',
      '2011-12-29T22:00:00.000Z',
      '2011-12-30T22:00:00.000Z',
      '2011-12-31T22:00:00.000Z',
    ]);
  });

  it('names an unknown time zone', () => {
    const call = (): Date[] => nextRuns('0 0 3 * * ?', { after: new Date(0), count: 1, timeZone: 'Mars/Olympus' });
    expect(call).toThrow(RangeError);
    expect(call).toThrow(/Unknown time zone 'Mars\/Olympus'/);
  });
});

describe('validateQuartz messages', () => {
  const cases: [string, string, RegExp][] = [
    ['0 0 0 ? * 8', 'day-of-week', /^Day-of-week: 8 is out of range 1-7 \(1 = Sunday\)/],
    ['0 60 0 * * ?', 'minutes', /^Minutes: 60 is out of range 0-59/],
    ['0 0 0 32 * ?', 'day-of-month', /^Day-of-month: 32 is out of range 1-31/],
    ['0 0 0 * 13 ?', 'month', /^Month: 13 is out of range 1-12/],
    ['0 0 0 * * *', 'day-of-week', /put '\?' in one of them/],
    ['0 0 0 ? * ?', 'day-of-week', /'\?' cannot be used in both/],
    ['0 0 0 * *', 'expression', /expected 6 or 7 fields .* found 5; missing day-of-week/],
    ['0 0 0 ? * MON#6', 'day-of-week', /'#' must be followed by a number from 1 to 5/],
    ['0 0 0 ? FOO *', 'month', /'FOO' is not a month name/],
    ['0 0 0 L-31 * ?', 'day-of-month', /offset .* must be 30 or less/],
    ['0 0 0 * * ? 2030-2020', 'year', /^Year: the range 2030-2020 runs backwards/],
    ['0 0 */60 * * ?', 'hours', /^Hours: the step 60 is too large \(at most 23\)/],
    ['0 0 5L * * ?', 'hours', /^Hours: 'L' after a number/],
    // Quoted as typed, not upper-cased; the whole offending value, with a way to fix it.
    ['0 0 1/x * * ?', 'hours', /^Hours: '1\/x' has 'x' where a number was expected\. Use 0-23/],
    ['0 0 0 ? jan-foo *', 'month', /^Month: 'foo' is not a month name\. Use JAN-DEC or 1-12/],
    ['0 0 0 ? * mon#9', 'day-of-week', /\('mon#9'\)\. For example 6#3 = third Friday/],
    ['0 0 0 lw,1 * ?', 'day-of-month', /in a list \('lw,1'\)/],
    ['sunday 0 0 ? * 1', 'seconds', /^Seconds: letters are not allowed here \('sunday'\)\. Use 0-59/],
    ['0 0 0 L-3x * ?', 'day-of-month', /letters are not allowed here \('L-3x'\)/],
    ['0 0 0 99999999999 * ?', 'day-of-month', /the number 99999999999 is too large\. Use 1-31/],
    ['0 0 0 * * ? 2027-x', 'year', /^Year: '2027-x' has 'x' .* Use a year such as 2027/],
    ['', 'expression', /^Expression: it is empty; enter 6 or 7 fields, for example '0 0 3 \? \* MON-FRI'/],
  ];
  it.each(cases)('%s -> %s', (expression, field, message) => {
    const v = validateQuartz(expression);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.field).toBe(field);
    expect(v.message).toMatch(message);
  });

  it('accepts what Quartz accepts, oddities included', () => {
    for (const e of ['0 0 3 ? * MON-FRI', '0 0 22-2 * * ?', '0 */0 * * * ?', '0 0 5X * * ?', '0 0 3 * * ? 2027 extra']) {
      expect(validateQuartz(e), e).toEqual({ ok: true });
    }
  });
});

describe('expandWindow', () => {
  const march = { from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-04-01T00:00:00Z') };

  it('returns every run in [from, to) when under the limit', () => {
    const w = expandWindow('0 0 12 ? * MON', { ...march, timeZone: 'UTC', limit: 100 });
    expect(w.truncated).toBe(false);
    expect(w.total).toBe(5);
    expect(iso(w.runs)[0]).toBe('2027-03-01T12:00:00.000Z');
  });

  it('includes a run exactly at `from` and excludes one exactly at `to`', () => {
    const w = expandWindow('0 0 0 * * ?', { from: new Date('2027-03-01T00:00:00Z'), to: new Date('2027-03-03T00:00:00Z'), timeZone: 'UTC', limit: 10 });
    expect(iso(w.runs)).toEqual(['2027-03-01T00:00:00.000Z', '2027-03-02T00:00:00.000Z']);
  });

  it('counts an every-minute month exactly without building the Dates', () => {
    const w = expandWindow('0 * * * * ?', { ...march, timeZone: 'America/New_York', limit: 50 });
    expect(w.runs).toHaveLength(50);
    expect(w.truncated).toBe(true);
    expect(w.total).toBe(31 * 24 * 60);
  });

  it('counts exactly across a DST change (the repeated hour fires once)', () => {
    // New York falls back on 2027-11-07: the 01:xx minutes fire only in the second (EST) hour.
    const from = new Date('2027-11-07T04:00:00Z'); // 00:00 EDT
    const to = new Date('2027-11-08T05:00:00Z'); // 00:00 EST next day: 25 real hours
    const every = expandWindow('0 * * * * ?', { from, to, timeZone: 'America/New_York', limit: 10 });
    const slow = nextRuns('0 * * * * ?', { after: new Date(from.getTime() - 1000), count: 2000, timeZone: 'America/New_York' }).filter((d) => d < to);
    expect(every.total).toBe(slow.length);
    expect(every.total).toBe(24 * 60);
  });

  it.each([
    ['America/New_York', '2027-03-12T00:00:00Z'],
    ['Australia/Lord_Howe', '2027-04-01T00:00:00Z'],
    ['Australia/Lord_Howe', '2027-09-30T00:00:00Z'],
    ['Pacific/Chatham', '2027-09-24T00:00:00Z'],
    ['Europe/Berlin', '2027-10-29T00:00:00Z'],
  ])('counts the same total as walking every fire time, around the DST change in %s from %s', (zone, start) => {
    const from = new Date(start);
    const to = new Date(from.getTime() + 5 * 86_400_000);
    for (const e of ['0 * * * * ?', '0 0/15 * * * ?', '0 30 1,2 * * ?', '0 0,45 2 ? * *']) {
      const walked = nextRuns(e, { after: new Date(from.getTime() - 1000), count: 10_000, timeZone: zone }).filter((d) => d < to).length;
      expect(expandWindow(e, { from, to, timeZone: zone, limit: 0 }).total, `${e} in ${zone}`).toBe(walked);
    }
  });

  it('counts every second over a month quickly', () => {
    const t0 = Date.now();
    const w = expandWindow('* * * * * ?', { ...march, timeZone: 'Europe/Berlin', limit: 10 });
    expect(w.total).toBe(31 * 86400);
    // Walking 2.7 million seconds one by one takes far longer; the fast path takes well under 2 s. Code
    // instrumented for mutation testing runs ~30x slower, so the bound widens there (a mutant that walks
    // still fails, by Stryker's timeout).
    expect(Date.now() - t0).toBeLessThan('__stryker__' in globalThis ? 20_000 : 2000);
  });
});

describe('describeQuartz', () => {
  it('uses Quartz day numbering (2 = Monday)', () => {
    expect(describeQuartz('0 0 12 ? * 2')).toMatch(/Monday/);
  });

  it('speaks the user locale once its words are loaded, and falls back to English', async () => {
    expect(await loadDescriptionLocale('de-DE')).toBe(true);
    expect(await loadDescriptionLocale('pt-BR')).toBe(true);
    expect(describeQuartz('0 0 12 ? * 2-6', { locale: 'de-DE' })).toMatch(/Montag/);
    expect(describeQuartz('0 0 12 ? * 2-6', { locale: 'pt-BR' })).toMatch(/segunda/i);
    expect(describeQuartz('0 0 12 ? * 2-6', { locale: 'xx-YY' })).toMatch(/Monday through Friday/);
  });

  it('describes L, W, # and years without throwing', () => {
    expect(describeQuartz('0 0 12 LW * ?')).toMatch(/last weekday/);
    expect(describeQuartz('0 0 12 ? * 6#3')).toMatch(/third Friday/);
    expect(describeQuartz('0 0 12 L-3 * ? 2027')).toMatch(/2027/);
    expect(describeQuartz('0 0 3 ? * MON-FRI', { use24HourTimeFormat: true })).toMatch(/03:00/);
  });
});
