// Verdict edges an administrator would notice: runs around the creation, runs just early, a schedule that
// ends, an unreadable creation time or execution.
import { describe, expect, it } from 'vitest';
import { classifyHealth, type HealthInput } from '@shared/health';
import { MIN, H, DAY, GRACE, ms, iso, runs } from './run-times';

function health(input: Partial<HealthInput> & { timeExpression: string }, now: number, timeZone = 'UTC') {
  return classifyHealth({ createdAt: '2020-01-01T00:00:00Z', active: true, executions: [], ...input }, { timeZone, now: new Date(now), graceMs: GRACE });
}

describe('classifyHealth: runs around the creation of a daily 04:00 schedule created at 05:00', () => {
  const expr = '0 0 4 * * ?';
  const created = ms('2026-12-01T05:00:00Z');
  const now = ms('2026-12-01T10:00:00Z');
  const tomorrow = iso(ms('2026-12-02T04:00:00Z'));

  it('a run exactly at creation is an extra run, before the first fire tomorrow', () => {
    expect(health({ timeExpression: expr, createdAt: iso(created), executions: runs(created) }, now)).toEqual({
      verdict: 'extra',
      expectedAt: tomorrow,
      executedAt: iso(created),
    });
  });

  it('a run one minute before creation (clock skew) is still extra; ninety seconds before it is not due', () => {
    expect(health({ timeExpression: expr, createdAt: iso(created), executions: runs(created - MIN) }, now).verdict).toBe('extra');
    expect(health({ timeExpression: expr, createdAt: iso(created), executions: runs(created - 90_000) }, now)).toEqual({
      verdict: 'not-due',
      expectedAt: tomorrow,
      executedAt: iso(created - 90_000),
    });
  });
});

describe('classifyHealth: not due yet, naming the first fire', () => {
  const expr = '0 0 4 * * ?';

  it('created at 04:10, just after today’s fire: the first expected fire is tomorrow’s', () => {
    const health10 = health({ timeExpression: expr, createdAt: '2026-12-01T04:10:00Z' }, ms('2026-12-01T04:20:00Z'));
    expect(health10).toEqual({ verdict: 'not-due', expectedAt: '2026-12-02T04:00:00.000Z', executedAt: null });
  });

  it('created exactly at a fire, ten minutes later: that fire is still the one expected', () => {
    expect(health({ timeExpression: expr, createdAt: '2026-12-01T04:00:00Z' }, ms('2026-12-01T04:10:00Z'))).toEqual({
      verdict: 'not-due',
      expectedAt: '2026-12-01T04:00:00.000Z',
      executedAt: null,
    });
  });

  it('created at midnight, checked exactly at the end of the grace: today’s fire is still expected, not missed', () => {
    expect(health({ timeExpression: expr, createdAt: '2026-12-01T00:00:00Z' }, ms('2026-12-01T04:30:00Z'))).toEqual({
      verdict: 'not-due',
      expectedAt: '2026-12-01T04:00:00.000Z',
      executedAt: null,
    });
    expect(health({ timeExpression: expr, createdAt: '2026-12-01T00:00:00Z' }, ms('2026-12-01T04:10:00Z')).expectedAt).toBe('2026-12-01T04:00:00.000Z');
  });
});

describe('classifyHealth: which run answers the fire', () => {
  const expr = '0 0 4 * * ?';
  const fire = ms('2026-12-01T04:00:00Z');
  const now = ms('2026-12-01T10:00:00Z');

  it('a run exactly one minute early answers the fire, so a second run after it is extra', () => {
    expect(health({ timeExpression: expr, executions: runs(fire - MIN, fire + 5 * MIN) }, now)).toEqual({
      verdict: 'extra',
      expectedAt: iso(fire),
      executedAt: iso(fire + 5 * MIN),
    });
  });

  it('the last fire of a schedule that ends: its first run answers it, a later one is extra', () => {
    const last = '0 0 4 1 12 ? 2026';
    expect(health({ timeExpression: last, executions: runs(fire + 5 * MIN, fire + 5 * H) }, fire + 2 * DAY)).toEqual({
      verdict: 'extra',
      expectedAt: iso(fire),
      executedAt: iso(fire + 5 * H),
    });
  });

  it('an execution whose time cannot be read is ignored', () => {
    const history = [...runs(fire + 5 * MIN), { id: 'bad', executedAt: 'not a date' }];
    expect(health({ timeExpression: expr, executions: history }, now)).toEqual({ verdict: 'on-time', expectedAt: iso(fire), executedAt: iso(fire + 5 * MIN) });
  });
});

describe('classifyHealth: what is known', () => {
  it('an unreadable creation time looks back years: a daily schedule never run is missed, not "not due"', () => {
    const now = ms('2026-12-01T10:00:00Z');
    expect(health({ timeExpression: '0 0 4 * * ?', createdAt: 'yesterday' }, now)).toEqual({
      verdict: 'missed',
      expectedAt: '2026-12-01T04:00:00.000Z',
      executedAt: null,
    });
  });

  it('a deactivated schedule is unknown and names its latest run', () => {
    const t = ms('2026-11-01T04:00:00Z');
    expect(health({ timeExpression: '0 0 4 * * ?', active: false, executions: runs(t + 2 * DAY, t, t + DAY) }, t + 3 * DAY)).toEqual({
      verdict: 'unknown',
      expectedAt: null,
      executedAt: iso(t + 2 * DAY),
    });
  });
});
