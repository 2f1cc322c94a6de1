// nextAfterFire (fast-step.ts) must give exactly what Quartz's full walk (timeAfter) gives after every fire
// time: long runs that start a day before a clock change (spring and autumn, 1 h, 30 min and :45 offsets)
// or a month, year or leap-day end, for plain, L, W and # day rules, months and years left out, and the
// first and last values of each time field. Each run parses its expression afresh (parseQuartz, not the
// compile cache), so fast-step.ts's per-expression tables are built inside the test that checks them.
import { describe, expect, it } from 'vitest';
import { nextAfterFire } from '@shared/cron/fast-step';
import { timeAfter } from '@shared/cron/next';
import { parseQuartz } from '@shared/cron/parse';
import { zoneFor } from '@shared/cron/zone';

const EXPRESSIONS = [
  '0 0 1 * * ?',
  '0 0 2 * * ?',
  '0 30 1,2,3 * * ?',
  '0 0/20 * * * ?',
  '0,59 59 0,23 * * ?',
  '30 0,59 0 * * ?',
  '0 0 0 * * ?',
  '0 45 2 ? * SUN',
  '0 15 2 ? * MON-FRI',
  '0 0 12 ? * SAT',
  '0 0 23 ? * 1,7',
  '0 0 3 1 * ?',
  '0 0 0 31 * ?',
  '0 0 12 29 2 ?',
  '0 30 6 28,29 2,3 ?',
  '30 59 23 L * ?',
  '0 0 12 L-3 * ?',
  '0 0 9 15W * ?',
  '0 0 9 LW * ?',
  '0 0 12 ? * 6#3',
  '0 0 12 ? * 2L',
  '0 0 0/7 ? 3,4,9,10,11,12 *',
  '0 20 0-3 ? * 1,7 2027-2028',
  '0 0 12 1,15 JAN,JUL,DEC ? 2027,2029',
  '0 0 12 ? 2,5 MON 2027,2029',
];
// A day before each clock change or month end: every run crosses it.
const STARTS: [string, string][] = [
  ['America/New_York', '2027-11-05T12:00:00Z'],
  ['America/New_York', '2027-03-12T12:00:00Z'],
  ['Europe/Berlin', '2027-10-29T12:00:00Z'],
  ['Europe/Berlin', '2027-03-27T00:00:00Z'],
  ['Australia/Lord_Howe', '2027-04-02T10:00:00Z'],
  ['Pacific/Chatham', '2027-09-24T10:00:00Z'],
  ['Asia/Kathmandu', '2028-02-27T00:00:00Z'],
  ['UTC', '2027-12-30T00:00:00Z'],
];
// Mutation runs (vitest.mutate.config.ts) follow fewer fire times per expression.
const RUNS = process.env['CRON_GOLDEN_SAMPLE'] === '1' ? 60 : 150;
const iso = (t: number | null): string => (t === null ? 'null' : new Date(t).toISOString());

describe('nextAfterFire equals the Quartz walk after every fire time', () => {
  it.each(STARTS)('in %s from %s', (zoneName, startIso) => {
    const zone = zoneFor(zoneName);
    const problems: string[] = [];
    for (const e of EXPRESSIONS) {
      const fast = parseQuartz(e),
        slow = parseQuartz(e);
      let t = timeAfter(slow, zone, Date.parse(startIso));
      for (let k = 0; k < RUNS && t !== null; k++) {
        const want = timeAfter(slow, zone, t);
        const got = nextAfterFire(fast, zone, t);
        if (got !== want) {
          problems.push(`${e} after ${iso(t)}: ${iso(got)} vs Quartz walk ${iso(want)}`);
          break;
        }
        t = want;
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives null after the last fire time, as the walk does', () => {
    const zone = zoneFor('Europe/Berlin');
    for (const e of ['0 0 12 ? * WED 2027', '0 0 12 31 DEC ? 2027', '0 30 23 L 12 ? 2027']) {
      const c = parseQuartz(e);
      const last = timeAfter(c, zone, Date.parse('2027-12-28T00:00:00Z')) as number;
      expect([e, iso(timeAfter(c, zone, last)), iso(nextAfterFire(c, zone, last))]).toEqual([e, 'null', 'null']);
    }
  });
});
