// The words follow what Quartz will do, not the typed text: text Quartz skips, a step of 0, a bare step
// and a list holding '*' or '?' are worded as Quartz reads them; what the description library cannot word
// (it would write 'undefined' or 'NaN') gets the plain label instead.
import { describe, expect, it } from 'vitest';
import { describeQuartz } from '@shared/cron/describe';
import { quartzReading } from '@shared/cron/describe-text';

describe('words for what Quartz reads', () => {
  it.each([
    ['0 31 2 24 ** ? *', '0 31 2 24 * ? *', 'At 02:31 AM, on day 24 of the month'],
    ['8 53/6 4 ? *2100 3 2027-2031', '8 53/6 4 ? * 3 2027-2031', 'only on Tuesday, 2027 through 2031'],
    ['5 23 2 1 * ?L', '5 23 2 1 * ?', 'At 02:23:05 AM, on day 1 of the month'],
    ['0 29 21-16 L *,*,1 ? 2026-2029', '0 29 21-16 L * ? 2026-2029', 'on the last day of the month, 2026 through 2029'],
    ['0 30 10 /19 6 ?', '0 30 10 */19 6 ?', 'every 19 days in a month, only in June'],
    ['0 0 12 5 JAN ?,2', '0 0 12 5 JAN ?', 'At 12:00 PM, on day 5 of the month, only in January'],
    ['0 52/0 4 * * ?', '0 52 4 * * ?', 'At 04:52 AM'],
    ['0 0 4 ? * MONDAY', '0 0 4 ? * MON', 'At 04:00 AM, only on Monday'],
    ['0 0 5,L * * ?', '0 0 5 * * ?', 'At 05:00 AM'],
  ])('%s', (typed, read, words) => {
    expect(quartzReading(typed)).toBe(read);
    const d = describeQuartz(typed);
    expect(d).toContain(words);
    expect(d).not.toMatch(/undefined|NaN/);
  });

  it('leaves ordinary expressions as typed, so steps and ranges keep their words', () => {
    for (const e of ['0 0/15 9-17 ? * MON-FRI', '0 0 4 L-2 * ?', '0 15 10 ? * 6#3 2030', '0 0 4 1W JAN-MAR ?']) expect(quartzReading(e)).toBe(e);
    expect(describeQuartz('0 0/15 9-17 ? * MON-FRI')).toBe('Every 15 minutes, between 09:00 AM and 05:59 PM, Monday through Friday');
  });

  it('gives the plain label where the library cannot word the schedule', () => {
    expect(describeQuartz('0 25 12 ? * * 292026')).toBe('Quartz schedule 0 25 12 ? * * 292026');
  });
});
