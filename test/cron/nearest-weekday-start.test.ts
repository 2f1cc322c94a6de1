// A start with milliseconds must not make a W or LW rule skip its day. Quartz compares the candidate on the
// W day with a calendar that keeps the milliseconds of the machine's clock, so for a start such as
// 07:09:16.192 and a candidate of 07:09:17 it skips the whole month only when its clock reads below .192;
// the engine takes the candidate, as Quartz does with any whole-second start (fixtures: test/golden).
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron/index';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('W and LW rules after a start with milliseconds', () => {
  it('fire on the next second of the W day rather than a month later', () => {
    // 13W in November 2032 is Friday the 12th (the 13th is a Saturday); Lubumbashi is UTC+2.
    const after = new Date('2032-11-12T05:09:16.192Z');
    expect(iso(nextRuns('22-21 6-17 6-1 13W * ?', { after, count: 2, timeZone: 'Africa/Lubumbashi' }))).toEqual([
      '2032-11-12T05:09:17.000Z',
      '2032-11-12T05:09:18.000Z',
    ]);
  });

  it('give the same runs as the whole second of the start, for every W and LW form', () => {
    const cases: [string, string][] = [
      ['* * * 15W * ?', '2027-01-15T10:00:00Z'],
      ['* * * LW * ?', '2027-04-30T10:00:00Z'],
      ['* * * L-2W * ?', '2027-06-28T10:00:00Z'],
      ['*/5 * 9-17 1W * ?', '2027-02-01T09:59:55Z'],
      ['0 * * 13W * ?', '2032-11-12T05:09:00Z'],
    ];
    const differ: string[] = [];
    for (const [e, whole] of cases) {
      for (const zone of ['UTC', 'Europe/Berlin', 'Asia/Kolkata']) {
        for (const ms of [1, 192, 500, 999]) {
          const base = Date.parse(whole);
          const got = iso(nextRuns(e, { after: new Date(base + ms), count: 3, timeZone: zone }));
          const want = iso(nextRuns(e, { after: new Date(base), count: 3, timeZone: zone }));
          if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${e} ${zone} +${ms} ms: ${got[0]} instead of ${want[0]}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });
});
