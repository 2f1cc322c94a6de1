// Health verdicts against fire times computed by the real engine (nothing here hard-codes what Quartz does).
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import { classifyHealth, DEFAULT_GRACE_MS, type HealthInput } from '@shared/health';
import { MIN, H, DAY, GRACE, ms, iso, runs } from './run-times';

const LONG_AGO = '2020-01-01T00:00:00.000Z';

/** The engine's fire times strictly after `after`. */
function fires(expr: string, after: number, count: number, timeZone = 'UTC'): number[] {
  return nextRuns(expr, { after: new Date(after), count, timeZone }).map((d) => d.getTime());
}

function health(input: Partial<HealthInput> & { timeExpression: string }, now: number, timeZone = 'UTC', graceMs = GRACE) {
  return classifyHealth({ createdAt: LONG_AGO, active: true, executions: [], ...input }, { timeZone, now: new Date(now), graceMs });
}

describe('classifyHealth: daily 04:00 UTC', () => {
  const expr = '0 0 4 * * ?';
  const fire = ms('2026-12-01T04:00:00Z');
  const now = ms('2026-12-01T10:00:00Z');

  it('a run 7 minutes after the fire is on time', () => {
    expect(health({ timeExpression: expr, executions: runs(fire + 7 * MIN) }, now)).toEqual({
      verdict: 'on-time',
      expectedAt: iso(fire),
      executedAt: iso(fire + 7 * MIN),
    });
  });

  it('grace edge: exactly at the grace is on time, one second past is late', () => {
    expect(health({ timeExpression: expr, executions: runs(fire + GRACE) }, now).verdict).toBe('on-time');
    expect(health({ timeExpression: expr, executions: runs(fire + GRACE + 1000) }, now)).toEqual({
      verdict: 'late',
      expectedAt: iso(fire),
      executedAt: iso(fire + GRACE + 1000),
    });
  });

  it('a run shortly before the fire (clock skew) answers it; one well before does not', () => {
    expect(health({ timeExpression: expr, executions: runs(fire - 30_000) }, now).verdict).toBe('on-time');
    expect(health({ timeExpression: expr, executions: runs(fire - 10 * MIN) }, now)).toMatchObject({ verdict: 'missed', expectedAt: iso(fire) });
  });

  it('latest execution three weeks old: missed, naming the expected fire and the old run', () => {
    const old = fire - 21 * DAY + 2 * MIN;
    expect(health({ timeExpression: expr, executions: runs(old) }, now)).toEqual({ verdict: 'missed', expectedAt: iso(fire), executedAt: iso(old) });
  });

  it('created seven months ago and never run: missed, not a neutral "never run"', () => {
    expect(health({ timeExpression: expr, createdAt: '2026-05-01T12:00:00Z', executions: [] }, now)).toEqual({
      verdict: 'missed',
      expectedAt: iso(fire),
      executedAt: null,
    });
  });

  it('grace edge for missing: exactly at the grace the fire is still pending, one ms later it is missed', () => {
    const yesterday = runs(fire - DAY + 3 * MIN);
    expect(health({ timeExpression: expr, executions: yesterday }, fire + GRACE)).toMatchObject({ verdict: 'on-time', expectedAt: iso(fire - DAY) });
    expect(health({ timeExpression: expr, executions: yesterday }, fire + GRACE + 1)).toMatchObject({ verdict: 'missed', expectedAt: iso(fire) });
  });

  it('a run answering a fire still within its grace is on time for that fire', () => {
    expect(health({ timeExpression: expr, executions: runs(fire + 2 * MIN) }, fire + 5 * MIN)).toMatchObject({ verdict: 'on-time', expectedAt: iso(fire) });
  });

  it('a second run after the on-time answer is extra (manual or event-triggered)', () => {
    expect(health({ timeExpression: expr, executions: runs(fire + 2 * MIN, fire + 5 * H) }, now)).toEqual({
      verdict: 'extra',
      expectedAt: iso(fire),
      executedAt: iso(fire + 5 * H),
    });
  });

  it('the first run after a late fire answers it; order of the history does not matter', () => {
    const h = health({ timeExpression: expr, executions: runs(fire + 5 * H, fire + 2 * H) }, now);
    expect(h).toEqual({ verdict: 'late', expectedAt: iso(fire), executedAt: iso(fire + 2 * H) });
  });

  it('created after its last expected fire: not due, expecting the next one', () => {
    const h = health({ timeExpression: expr, createdAt: '2026-12-01T05:00:00Z' }, now);
    expect(h).toEqual({ verdict: 'not-due', expectedAt: iso(fires(expr, now, 1)[0] as number), executedAt: null });
  });

  it('a run after creation but before the first fire is extra', () => {
    const h = health({ timeExpression: expr, createdAt: '2026-12-01T05:00:00Z', executions: runs(ms('2026-12-01T06:00:00Z')) }, now);
    expect(h.verdict).toBe('extra');
  });

  it('unknown: deactivated, unreadable expression, unknown zone, nothing known about executions', () => {
    expect(health({ timeExpression: expr, active: false }, now).verdict).toBe('unknown');
    expect(health({ timeExpression: '0 0 25 * * ?' }, now).verdict).toBe('unknown');
    expect(health({ timeExpression: expr }, now, 'Mars/Olympus').verdict).toBe('unknown');
    expect(health({ timeExpression: expr, executions: null }, now)).toEqual({ verdict: 'unknown', expectedAt: iso(fire), executedAt: null });
  });

  it('active === null (server did not say) is judged like an active schedule', () => {
    expect(health({ timeExpression: expr, active: null, executions: runs(fire + MIN) }, now).verdict).toBe('on-time');
  });

  it('DEFAULT_GRACE_MS leaves room for queued maintenance', () => {
    expect(DEFAULT_GRACE_MS).toBe(30 * MIN);
  });
});

describe('classifyHealth: never fires', () => {
  it('30 February never fires, with or without a run', () => {
    const now = ms('2026-12-01T10:00:00Z');
    expect(fires('0 0 4 30 2 ?', now, 1)).toEqual([]);
    expect(health({ timeExpression: '0 0 4 30 2 ?' }, now)).toEqual({ verdict: 'never-fires', expectedAt: null, executedAt: null });
    expect(health({ timeExpression: '0 0 4 30 2 ?', executions: runs(now - H) }, now).verdict).toBe('never-fires');
  });

  it('a schedule whose last year has passed before creation never fires', () => {
    expect(health({ timeExpression: '0 0 4 1 1 ? 2021', createdAt: '2024-01-01T00:00:00Z' }, ms('2026-12-01T10:00:00Z')).verdict).toBe('never-fires');
  });
});

describe('classifyHealth: DST in America/New_York', () => {
  const zone = 'America/New_York';

  it('spring forward: a 02:30 fire that Quartz skips is not counted missed', () => {
    const expr = '0 30 2 * * ?';
    const saturday = fires(expr, ms('2026-03-07T00:00:00Z'), 1, zone)[0] as number;
    const following = fires(expr, saturday, 1, zone)[0] as number;
    const now = ms('2026-03-08T15:00:00Z'); // Sunday of the change, well past 02:30 wall time
    expect(following).toBeGreaterThan(now); // the engine has no fire on the change day
    expect(health({ timeExpression: expr, executions: runs(saturday + 4 * MIN) }, now, zone)).toEqual({
      verdict: 'on-time',
      expectedAt: iso(saturday),
      executedAt: iso(saturday + 4 * MIN),
    });
  });

  it('fall back: the 01:30 fire is where the engine puts it, and a run at the other 01:30 does not answer it', () => {
    const expr = '0 30 1 * * ?';
    const fire = fires(expr, ms('2026-11-01T00:00:00Z'), 1, zone)[0] as number;
    const now = fire + 3 * H;
    expect(health({ timeExpression: expr, executions: runs(fire + 2 * MIN) }, now, zone)).toMatchObject({ verdict: 'on-time', expectedAt: iso(fire) });
    // The other occurrence of 01:30 wall time is one hour away from the fire: outside the grace.
    const otherOccurrence = fire === ms('2026-11-01T06:30:00Z') ? ms('2026-11-01T05:30:00Z') : ms('2026-11-01T06:30:00Z');
    const verdict = health({ timeExpression: expr, executions: runs(otherOccurrence) }, now, zone).verdict;
    expect(verdict).toBe(otherOccurrence < fire ? 'missed' : 'late');
  });

  it('hourly on the fall-back day (25 hours long): each fire is judged against itself', () => {
    const expr = '0 0 * * * ?';
    const day = fires(expr, ms('2026-11-01T04:00:00Z') - 1, 30, zone).filter((f) => f < ms('2026-11-02T05:00:00Z'));
    expect(day.length).toBeGreaterThanOrEqual(24);
    for (const f of day) {
      expect(health({ timeExpression: expr, executions: runs(f + 10 * MIN) }, f + 20 * MIN, zone, 15 * MIN)).toMatchObject({
        verdict: 'on-time',
        expectedAt: iso(f),
      });
    }
  });
});

describe('classifyHealth: L, W and # schedules', () => {
  const cases: [string, string][] = [
    ['last day of the month', '0 0 4 L * ?'],
    ['nearest weekday to the 15th', '0 0 4 15W * ?'],
    ['last weekday of the month', '0 0 4 LW * ?'],
    ['third Friday', '0 0 4 ? * 6#3'],
    ['last Sunday', '0 0 4 ? * 1L'],
  ];
  for (const [name, expr] of cases) {
    it(`${name} (${expr}): on time, late and missed around the engine's fire`, () => {
      const [prev, fire, next] = fires(expr, ms('2026-08-01T00:00:00Z'), 3, 'Europe/Berlin') as [number, number, number];
      const now = fire + 6 * H;
      const tz = 'Europe/Berlin';
      expect(health({ timeExpression: expr, executions: runs(prev + MIN, fire + 5 * MIN) }, now, tz)).toMatchObject({
        verdict: 'on-time',
        expectedAt: iso(fire),
      });
      expect(health({ timeExpression: expr, executions: runs(fire + 2 * H) }, now, tz)).toMatchObject({ verdict: 'late', expectedAt: iso(fire) });
      expect(health({ timeExpression: expr, executions: runs(prev + MIN) }, now, tz)).toMatchObject({
        verdict: 'missed',
        expectedAt: iso(fire),
        executedAt: iso(prev + MIN),
      });
      expect(health({ timeExpression: expr, createdAt: iso(prev + H) }, prev + 2 * H, tz)).toEqual({
        verdict: 'not-due',
        expectedAt: iso(fire),
        executedAt: null,
      });
      expect(next).toBeGreaterThan(now);
    });
  }
});

describe('classifyHealth: frequent schedules', () => {
  it('every second for years back does not explode and judges the latest fire', () => {
    const now = ms('2026-12-01T10:00:00Z');
    const t0 = performance.now();
    const h = health({ timeExpression: '* * * * * ?', createdAt: LONG_AGO, executions: runs(now - 5 * MIN) }, now);
    expect(h.verdict).toBe('on-time');
    expect(health({ timeExpression: '* * * * * ?', executions: runs(now - 2 * H) }, now)).toMatchObject({
      verdict: 'missed',
      expectedAt: iso(now - GRACE - 1000),
    });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('every 15 minutes during business hours: the latest overdue fire is the one judged', () => {
    const expr = '0 0/15 9-17 ? * MON-FRI';
    const now = ms('2026-12-01T20:00:00Z'); // Tuesday evening
    const last = ms('2026-12-01T17:45:00Z');
    expect(health({ timeExpression: expr, executions: runs(last + MIN) }, now)).toMatchObject({ verdict: 'on-time', expectedAt: iso(last) });
    expect(health({ timeExpression: expr, executions: runs(last - 15 * MIN + MIN) }, now)).toMatchObject({ verdict: 'missed', expectedAt: iso(last) });
  });
});
