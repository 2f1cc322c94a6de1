// Properties the window expansion must keep against Quartz's own walk (timeAfter, step for step as
// getTimeAfter): the total is the number of fire times stepping through [from, to), the runs are the first
// `limit` of them, in zones with clock changes (Europe/Berlin, America/New_York, Lord Howe's half hour,
// Chatham's :45), for windows that start or end exactly on a fire time, a millisecond either side of one,
// at x.999, across month ends and a leap day, and for L, W and # day rules. Each window parses its
// expression afresh (parseQuartz, not the compile cache): fast-step.ts's per-expression tables are built
// in the test that checks them.
import { describe, expect, it } from 'vitest';
import { timeAfter } from '@shared/cron/next';
import { parseQuartz } from '@shared/cron/parse';
import { expand } from '@shared/cron/window';
import { zoneFor } from '@shared/cron/zone';

const EXPRESSIONS = [
  '0 0 2 * * ?',
  '0 30 1,2,3 * * ?',
  '0 0/20 * * * ?',
  '0,30 * 2 * * ?',
  '59 59 23 * * ?',
  '0 0 0 * * ?',
  '15,45 5,59 0,23 * * ?',
  '0 15 2 ? * SUN',
  '0 0/15 0-4 ? * SAT,SUN',
  '0 0 12 L * ?',
  '0 0 1 L-2 * ?',
  '0 30 23 LW * ?',
  '0 0 12 15W * ?',
  '0 0 2 1W * ?',
  '0 0 12 ? * 6L',
  '0 0 3 ? * 1#1',
  '0 0 12 ? * 2#5',
  '0 0 12 29 2 ?',
  '0 0 6,18 28-31 * ?',
  '0 0 12 ? JAN,MAR,OCT,NOV,DEC MON,FRI',
  '0 0 9 1,15,31 * ? 2027,2028',
  '0 0 12 31 DEC ?',
];

const H = 3_600_000,
  D = 24 * H;
// Windows around clock changes and month ends; starts and ends deliberately off the whole second.
const WINDOWS: [string, string, string][] = [
  ['Europe/Berlin', '2027-03-26T07:13:11.999Z', '2027-03-30T05:00:00.001Z'],
  ['Europe/Berlin', '2027-10-29T00:00:00Z', '2027-11-02T12:34:56.789Z'],
  ['America/New_York', '2027-03-12T23:59:59.999Z', '2027-03-16T00:00:00Z'],
  ['America/New_York', '2027-10-29T16:00:00.5Z', '2027-11-09T07:00:00Z'],
  ['Australia/Lord_Howe', '2027-04-01T13:00:00Z', '2027-04-05T14:00:00Z'],
  ['Pacific/Chatham', '2027-09-23T00:00:00Z', '2027-09-28T00:00:00Z'],
  ['UTC', '2028-02-26T12:00:00Z', '2028-03-02T00:00:00.001Z'],
  ['Europe/Berlin', '2028-02-27T00:00:00Z', '2028-03-03T00:00:00Z'],
  ['America/New_York', '2027-12-29T00:00:00Z', '2028-01-04T00:00:00Z'],
  ['UTC', '2027-04-28T23:59:59.999Z', '2027-05-03T00:00:00Z'],
];

/** Fire times in [from, to) by Quartz's walk alone: the first after from - 1 ms, then one after another. */
function walk(e: string, zoneName: string, from: number, to: number): number[] {
  const c = parseQuartz(e),
    zone = zoneFor(zoneName);
  const out: number[] = [];
  for (let t = timeAfter(c, zone, from - 1); t !== null && t < to; t = timeAfter(c, zone, t)) out.push(t);
  return out;
}

const iso = (t: number): string => new Date(t).toISOString();
// Mutation runs (vitest.mutate.config.ts) take fewer sub-windows per expression.
const SAMPLE = process.env['CRON_GOLDEN_SAMPLE'] === '1';
const SHIFTS: readonly (readonly [number, number])[] = SAMPLE
  ? [
      [0, 0],
      [-1, 1],
      [999, 999],
    ]
  : [
      [0, 0],
      [-1, 1],
      [1, -1],
      [999, 999],
      [-1000, 1000],
    ];

describe('expand equals the Quartz walk through the same window', () => {
  it.each(WINDOWS)('in %s from %s to %s', (zoneName, fromIso, toIso) => {
    const zone = zoneFor(zoneName);
    const from = Date.parse(fromIso),
      to = Date.parse(toIso);
    const problems: string[] = [];
    const check = (e: string, a: number, b: number, limits: number[]): void => {
      const want = walk(e, zoneName, a, b);
      for (const limit of limits) {
        const got = expand(parseQuartz(e), zone, a, b, limit);
        const runs = want.slice(0, limit);
        if (got.total !== want.length || got.runs.join() !== runs.join()) {
          problems.push(
            `${e} [${iso(a)}, ${iso(b)}) limit ${limit}: total ${got.total} vs walk ${want.length}; runs ${got.runs.map(iso).join(' ')} vs ${runs.map(iso).join(' ')}`,
          );
        }
      }
    };
    for (const e of EXPRESSIONS) {
      const all = walk(e, zoneName, from, to);
      check(e, from, to, [0, 1, 3, all.length, all.length + 1]);
      if (all.length === 0) continue;
      // Sub-windows that start and end on fire times (and a millisecond either side), first, middle and last.
      const picks = [...new Set(SAMPLE ? [0, all.length - 1] : [0, Math.floor(all.length / 2), all.length - 1])].map((k) => all[k] as number);
      for (const a of picks) {
        for (const b of picks) {
          if (b < a) continue;
          for (const [da, db] of SHIFTS) {
            check(e, a + da, b + db, [2, 1_000]);
          }
        }
        // A window that ends within the fire time's own day, and one that runs a day on.
        check(e, a, a + H, [1_000]);
        check(e, a - D, a + 2 * D + 1, [4, 1_000]);
      }
    }
    expect(problems.slice(0, 8)).toEqual([]);
  });
});
