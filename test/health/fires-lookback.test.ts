// The latest expected fire at or before an instant: the fire a run is judged against.
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import { lastFireAtOrBefore } from '@shared/health';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const ms = (iso: string): number => Date.parse(iso);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
/** The scheduler's own chain of fires after `after`. */
const chain = (expr: string, after: string, count: number, timeZone: string): number[] =>
  nextRuns(expr, { after: new Date(after), count, timeZone }).map((d) => d.getTime());

describe('lastFireAtOrBefore', () => {
  it('a fire exactly at the instant counts, even when it is also the floor (created at the fire)', () => {
    const fire = ms('2026-12-01T04:00:00Z');
    expect(iso(lastFireAtOrBefore('0 0 4 * * ?', 'UTC', fire, fire))).toBe(iso(fire));
    expect(iso(lastFireAtOrBefore('0 0 4 * * ?', 'UTC', fire + 5 * MIN, fire))).toBe(iso(fire));
  });

  it('a fire a moment before the floor (the creation) is not the schedule’s', () => {
    const fire = ms('2026-12-01T04:00:00Z');
    expect(lastFireAtOrBefore('0 0 4 * * ?', 'UTC', fire + 500, fire + 1)).toBeNull();
    expect(lastFireAtOrBefore('0 0 4 * * ?', 'UTC', fire + 3 * DAY - H, fire + 1)).toBe(fire + 2 * DAY);
  });

  it('a daily fire weeks back is found', () => {
    const at = ms('2026-12-20T12:00:00Z');
    expect(iso(lastFireAtOrBefore('0 0 4 1 * ?', 'UTC', at, ms('2026-01-01T00:00:00Z')))).toBe('2026-12-01T04:00:00.000Z');
  });

  it('New York fall-back: a fire at 01:00 EST that only the scheduler’s chain reaches is the latest, at the instant itself', () => {
    const [, second] = chain('0 0 1 * * ?', '2026-10-31T00:00:00Z', 2, 'America/New_York') as [number, number];
    expect(new Date(second).toISOString().slice(0, 10)).toBe('2026-11-01');
    const floor = ms('2026-10-01T00:00:00Z');
    expect(iso(lastFireAtOrBefore('0 0 1 * * ?', 'America/New_York', second, floor))).toBe(iso(second));
    expect(iso(lastFireAtOrBefore('0 0 1 * * ?', 'America/New_York', second + 10 * MIN, floor))).toBe(iso(second));
    expect(iso(lastFireAtOrBefore('0 0 1 * * ?', 'America/New_York', second - 1000, floor))).toBe(iso(second - DAY - H));
  });

  it('Berlin fall-back: every 20 minutes, the first fire of the repeated hour is found from inside it', () => {
    const fires = chain('0 0/20 * * * ?', '2026-10-24T23:00:00Z', 8, 'Europe/Berlin');
    const floor = ms('2026-10-01T00:00:00Z');
    for (const f of fires) {
      expect(iso(lastFireAtOrBefore('0 0/20 * * * ?', 'Europe/Berlin', f, floor))).toBe(iso(f));
      expect(iso(lastFireAtOrBefore('0 0/20 * * * ?', 'Europe/Berlin', f + 5 * MIN, floor))).toBe(iso(f));
    }
  });

  it('every second for ten hours, then nothing: the last second of the block, hours later', () => {
    const at = ms('2026-12-01T15:00:00Z');
    expect(iso(lastFireAtOrBefore('* * 0-9 * * ?', 'UTC', at, ms('2026-11-01T00:00:00Z')))).toBe('2026-12-01T09:59:59.000Z');
  });

  it('every second all day: the second at or just before the instant', () => {
    const at = ms('2026-12-01T15:00:00.700Z');
    expect(iso(lastFireAtOrBefore('* * * * * ?', 'UTC', at, ms('2026-11-01T00:00:00Z')))).toBe('2026-12-01T15:00:00.000Z');
  });

  it('nothing since the floor: null', () => {
    expect(lastFireAtOrBefore('0 0 4 * * ? 2030', 'UTC', ms('2026-12-01T00:00:00Z'), ms('2026-01-01T00:00:00Z'))).toBeNull();
  });
});
