// Defects found by a review against the Quartz 2.3.2 jar (Debian libquartz2-java). Every fire time below is
// the jar's own answer (CronExpression.getNextValidTimeAfter, zone set on the expression), kept as a fixed value.
import { describe, expect, it } from 'vitest';
import { lintExpression, nextRuns, sameSchedule, validateQuartz } from '@shared/cron/index';
import { zoneFor } from '@shared/cron/zone';

const iso = (ds: Date[]): string[] => ds.map((d) => d.toISOString());
const runs = (e: string, timeZone: string, after: string, count: number): string[] => iso(nextRuns(e, { after: new Date(after), count, timeZone }));

describe('W and LW on a calendar day the zone skips', () => {
  // Quartz reads the weekday of the W day at its 00:00 resolved in the zone: a skipped day reads as the next.
  it('Pacific/Apia skipped 2011-12-30 (a Friday read as Saturday): 30W is Thursday the 29th', () => {
    expect(runs('0 0 0 30W * ?', 'Pacific/Apia', '2011-12-01T00:00:00Z', 3)).toEqual([
      '2011-12-29T10:00:00.000Z', // 2011-12-29 00:00 -10
      '2012-01-29T10:00:00.000Z', // 2012-01-30 00:00 +14
      '2012-03-29T10:00:00.000Z',
    ]);
  });

  it('Pacific/Kwajalein skipped 1993-08-21 (a Saturday read as Sunday): 21W is Monday the 22nd', () => {
    expect(runs('0 0 0 21W * ?', 'Pacific/Kwajalein', '1993-08-01T00:00:00Z', 3)).toEqual([
      '1993-08-21T12:00:00.000Z', // 1993-08-22 00:00 +12
      '1993-09-20T12:00:00.000Z',
      '1993-10-20T12:00:00.000Z',
    ]);
  });

  it('Kiritimati and Kanton skipped 1994-12-31 (read as Sunday, the month’s last day): 31W and LW are the 29th', () => {
    // Only the first fire: from then on Quartz answers the same instant again (see firesBefore in next.ts).
    expect(runs('0 0 0 31W * ?', 'Pacific/Kiritimati', '1994-12-01T00:00:00Z', 1)).toEqual(['1994-12-29T10:00:00.000Z']);
    expect(runs('0 0 0 31W * ?', 'Pacific/Kanton', '1994-12-01T00:00:00Z', 1)).toEqual(['1994-12-29T11:00:00.000Z']);
    expect(runs('0 0 0 LW * ?', 'Pacific/Kiritimati', '1994-12-01T00:00:00Z', 1)).toEqual(['1994-12-29T10:00:00.000Z']);
  });
});

describe('W and LW after a start with milliseconds whose next second never fires', () => {
  it('Asia/Kathmandu 1986-01-01 00:00 was skipped: 1W goes on to February, as Quartz does', () => {
    expect(runs('0 0 0 1W * ?', 'Asia/Kathmandu', '1985-12-31T18:29:59.500Z', 2)).toEqual(['1986-02-02T18:15:00.000Z', '1986-03-02T18:15:00.000Z']);
  });

  it('Pacific/Apia after 2011-12-30T09:59:59.999Z: LW and 31W go on to January', () => {
    expect(runs('0 0 0 LW * ?', 'Pacific/Apia', '2011-12-30T09:59:59.999Z', 2)).toEqual(['2012-01-30T10:00:00.000Z', '2012-02-28T10:00:00.000Z']);
    expect(runs('0 0 0 31W * ?', 'Pacific/Apia', '2011-12-30T09:59:59.999Z', 2)).toEqual(['2012-01-30T10:00:00.000Z', '2012-03-29T10:00:00.000Z']);
  });

  it('still says so where Quartz itself never returns (a whole-second start)', () => {
    expect(() => runs('0 0 0 1W * ?', 'Asia/Kathmandu', '1985-12-31T18:29:59.000Z', 1)).toThrow(/never ends/);
  });
});

describe('year ranges as Quartz reads them', () => {
  it('counts the years a range holds, not its width, and fires as Quartz does', () => {
    expect(runs('0 0 3 * * ? 2027-2999999/100000', 'UTC', '2026-12-02T12:00:00Z', 2)).toEqual(['2027-01-01T03:00:00.000Z', '2027-01-02T03:00:00.000Z']);
    expect(runs('0 0 3 1 1 ? 2027-2999999/100000', 'UTC', '2026-12-02T12:00:00Z', 3)).toEqual(['2027-01-01T03:00:00.000Z']);
    expect(runs('0 0 3 * * ? 1970-1002000', 'UTC', '2026-12-02T12:00:00Z', 2)).toEqual(['2026-12-03T03:00:00.000Z', '2026-12-04T03:00:00.000Z']);
  });

  it("follows Quartz's int loop past 2147483647: a wrap that ends is read, one that fills without end is refused", () => {
    // The jar stores 1970, -2147483648 and -1970 for this one and fires on 1970-01-01.
    expect(runs('0 0 3 1 1 ? */2147481678', 'UTC', '1969-06-01T00:00:00Z', 2)).toEqual(['1970-01-01T03:00:00.000Z']);
    // The jar runs out of memory (5-...) or never finishes (2027-...) reading these.
    for (const e of ['0 0 3 * * ? 5-2147483640/2147483600', '0 0 3 * * ? 2027-2147483647/100000000']) {
      expect(validateQuartz(e)).toMatchObject({ ok: false, field: 'year', message: expect.stringContaining('more years than Quartz can hold') });
    }
  });
});

describe('the time zone is required', () => {
  it.each([undefined, null, '', 5])('zoneFor(%s) throws a RangeError instead of using the machine’s zone', (name) => {
    expect(() => zoneFor(name as string)).toThrow(new RangeError("timeZone is required, e.g. 'UTC' or 'Europe/Berlin'."));
  });

  it('so do nextRuns, sameSchedule and lintExpression', () => {
    const after = new Date('2026-12-02T12:00:00Z');
    const missing = new RangeError("timeZone is required, e.g. 'UTC' or 'Europe/Berlin'.");
    expect(() => nextRuns('0 0 3 * * ?', { after, count: 1, timeZone: undefined as unknown as string })).toThrow(missing);
    expect(() => sameSchedule('0 0 3 * * ?', '0 0 3 ? * *', { timeZone: '' })).toThrow(missing);
    expect(() => lintExpression('0 0 3 * * ?', { now: after } as never)).toThrow(missing);
  });
});

describe('count', () => {
  const after = new Date('2026-12-02T12:00:00.500Z');
  it.each([-1, 0.5, 1.9, -0.5])('%s is refused as not a whole number from 0 to 100000', (count) => {
    expect(() => nextRuns('0 0 3 * * ?', { after, count, timeZone: 'UTC' })).toThrow(
      new RangeError(`count must be a whole number from 0 to 100000 (got ${count}).`),
    );
  });

  it('0 and whole numbers are taken as they are', () => {
    expect(nextRuns('0 0 3 * * ?', { after, count: 0, timeZone: 'UTC' })).toEqual([]);
    expect(nextRuns('0 0 3 * * ?', { after, count: 2, timeZone: 'UTC' })).toHaveLength(2);
  });
});

describe('sameSchedule past the horizon', () => {
  const from = new Date('2026-12-02T00:00:00Z');
  it('is false when neither fires within the horizon but one fires after it', () => {
    // 29 February fires 2028-02-29 (past the default 400 days); 30 February never does.
    expect(sameSchedule('0 0 0 29 2 ?', '0 0 0 30 2 ?', { timeZone: 'UTC', from })).toBe(false);
    expect(sameSchedule('0 0 0 1 1 ? 2029', '0 0 0 1 1 ? 2030', { timeZone: 'UTC', from })).toBe(false);
  });

  it('is true when both never fire, or fire first at the same instant after it', () => {
    expect(sameSchedule('0 0 0 30 2 ?', '0 0 0 31 2 ?', { timeZone: 'UTC', from })).toBe(true);
    expect(sameSchedule('0 0 0 29 2 ?', '0 0 0 29 2 ? 2028,2032', { timeZone: 'UTC', from })).toBe(true);
  });

  it('leaves the linter’s duplicate check as it was', () => {
    const codes = (e: string, other: string): string[] => lintExpression(e, { timeZone: 'UTC', now: from, existing: [other] }).map((i) => i.code);
    expect(codes('0 0 0 29 2 ?', '0 0 0 30 2 ?')).not.toContain('duplicate');
    expect(codes('0 0 3 * * ?', '0 0 3 ? * *')).toContain('duplicate');
  });
});

describe('lint messages that name what is wrong and how to fix it', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const issues = (e: string): { code: string; field?: string; message: string }[] =>
    lintExpression(e, { timeZone: 'UTC', now }).map(({ code, field, message }) => ({ code, field, message }));

  it.each(['0 0 3 * * ? ,', '0 0 3 * * ? L'])('%s: the year field has no value', (e) => {
    expect(issues(e)).toContainEqual({
      code: 'never-fires',
      field: 'year',
      message: 'Year: the field has no value, so it never runs. Use * for every year, or a year such as 2027.',
    });
  });

  it('0 0 3 , * ?: blames the empty day-of-month, not day-of-week', () => {
    expect(issues('0 0 3 , * ?')).toContainEqual({
      code: 'invalid',
      field: 'day-of-month',
      message: "Day-of-month: has no value (only commas). Give it a day such as 15, or * for every day, and keep '?' in day-of-week.",
    });
  });

  it('0 0 3 ? * MON-: the range has no end', () => {
    expect(issues('0 0 3 ? * MON-')).toEqual([
      { code: 'invalid', field: 'day-of-week', message: "Day-of-week: the range 'MON-' has no end. Write both ends, e.g. MON-FRI." },
    ]);
    expect(validateQuartz('0 0 3 ? JAN- *')).toEqual({
      ok: false,
      field: 'month',
      message: "Month: the range 'JAN-' has no end. Write both ends, e.g. JAN-MAR.",
    });
  });

  it('0 0 3 * * ? 2200/5: no range was typed; the start is after the last year Quartz fills', () => {
    expect(issues('0 0 3 * * ? 2200/5')).toEqual([
      {
        code: 'invalid',
        field: 'year',
        message: expect.stringMatching(
          /^Year: '2200\/5' starts after \d{4}, the last year Quartz fills a step up to, so it has no years\. Start at \d{4} or earlier, e\.g\. 2027\/5\.$/,
        ),
      },
    ]);
  });

  it('0 0 3 ? * 8#3: names day-of-week 8 and says to use 1-7', () => {
    expect(issues('0 0 3 ? * 8#3')).toEqual([
      {
        code: 'never-fires',
        field: 'day-of-week',
        message: "Day-of-week: 8 in '8#3' is no day of the week, so it never runs. Use 1-7 (1 = Sunday) or SUN-SAT, e.g. 6#3.",
      },
    ]);
  });
});
