// What a user reads when Quartz's fire-time search cannot give an answer: a field left without values
// (Quartz 2.3.2 fails at run time with NoSuchElementException) or a search that never ends (Quartz loops).
import { describe, expect, it } from 'vitest';
import { CronSyntaxError, nextRuns } from '@shared/cron/index';

const after = new Date('2027-01-01T00:00:00Z');
const failure = (e: string, timeZone = 'Europe/Berlin'): { field: string; message: string } => {
  try {
    nextRuns(e, { after, count: 2, timeZone });
  } catch (err) {
    if (err instanceof CronSyntaxError) return { field: err.field, message: err.message };
    throw err;
  }
  throw new Error(`${e} gave fire times`);
};

describe('a field without values names the field and how to fix it', () => {
  it.each([
    ['L 0 12 * * ?', 'seconds', 'Seconds'],
    ['0 L 12 * * ?', 'minutes', 'Minutes'],
    ['0 0 L * * ?', 'hours', 'Hours'],
    ['0 0 12 * L ?', 'month', 'Month'],
  ])('%s', (e, field, label) => {
    expect(failure(e)).toEqual({ field, message: `${label}: has no values, so the schedule never fires; give it a value such as *.` });
  });
});

describe('a search that never ends', () => {
  it('names the expression, the instant and the zone, and says what to change', () => {
    expect(failure('0 0 12 0W * ?', 'America/New_York')).toEqual({
      field: 'expression',
      message:
        "Expression: Quartz's search for the next fire time of '0 0 12 0W * ?' after 2027-01-01T00:00:00.000Z in America/New_York never ends " +
        '(as with W on day 0, or a W/L day whose midnight a clock change skips); choose another day or time of day.',
    });
  });
});

describe('an nth weekday that is no weekday', () => {
  // Quartz 2.3.2 accepts '8#3' (it stores the weekday of n#k unchecked) and answers null: no more runs.
  it.each(['0 0 0 ? * 8#3', '33 47 11/2 ? * 46#3 2027/1', '0 0 4 ? JAN 100#5'])('%s never fires, in any zone', (e) => {
    for (const timeZone of ['UTC', 'Europe/Berlin', 'Australia/Lord_Howe']) expect(nextRuns(e, { after, count: 3, timeZone })).toEqual([]);
  });

  it('still fires when a real weekday is listed beside it, as Quartz reads the smallest', () => {
    expect(nextRuns('0 0 0 ? * 8#3,2', { after, count: 2, timeZone: 'Europe/Berlin' }).map((d) => d.toISOString())).toEqual([
      '2027-01-17T23:00:00.000Z',
      '2027-02-14T23:00:00.000Z',
    ]);
  });
});
