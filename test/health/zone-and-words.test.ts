// Zone sanity (which server zone explains the executions), tooltip sentences and the sidebar's worst verdict.
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import { classifyHealth, explainHealth, suggestServerZone, worstVerdict, type ExecutionRecord } from '@shared/health';

const H = 3_600_000;
const iso = (t: number): string => new Date(t).toISOString();
const runs = (times: number[]): ExecutionRecord[] => times.map((t, i) => ({ id: `e${i}`, executedAt: iso(t) }));
const fires = (expr: string, after: string, count: number, timeZone: string): number[] =>
  nextRuns(expr, { after: new Date(after), count, timeZone }).map((d) => d.getTime());
const hhmm = (s: string): string => s.slice(11, 16);

describe('suggestServerZone', () => {
  const expr = '0 0 4 * * ?';

  it('runs five hours off a UTC profile in winter name America/New_York (+300 min)', () => {
    const executed = fires(expr, '2026-12-01T00:00:00Z', 3, 'America/New_York').map((t) => t + 3 * 60_000);
    expect(new Date(executed[0] as number).getUTCHours()).toBe(9);
    const health = classifyHealth(
      { timeExpression: expr, createdAt: '2026-01-01T00:00:00Z', active: true, executions: runs(executed) },
      { timeZone: 'UTC', now: new Date((executed[2] as number) + H), graceMs: 30 * 60_000 },
    );
    expect(health.verdict).toBe('late');
    expect(suggestServerZone({ timeExpression: expr, executions: runs(executed), currentZone: 'UTC' })).toEqual({
      zone: 'America/New_York',
      offsetMinutes: 300,
    });
  });

  it('a winter and a summer run together rule out zones that match only one of them', () => {
    const winter = fires(expr, '2026-01-10T00:00:00Z', 1, 'America/New_York');
    const summer = fires(expr, '2026-07-10T00:00:00Z', 1, 'America/New_York');
    // In July, 04:00 in New York (08:00Z) is also 04:00 in Toronto only; Chicago is an hour off.
    expect(suggestServerZone({ timeExpression: expr, executions: runs([...winter, ...summer]), currentZone: 'UTC' })).toEqual({
      zone: 'America/New_York',
      offsetMinutes: 240,
    });
    expect(
      suggestServerZone({
        timeExpression: expr,
        executions: runs([...winter, ...summer]),
        currentZone: 'UTC',
        candidates: ['America/Chicago', 'America/Toronto'],
      })?.zone,
    ).toBe('America/Toronto');
  });

  it('a profile in New York whose server runs UTC: runs five hours early name UTC (-300 min)', () => {
    const executed = fires(expr, '2026-12-01T00:00:00Z', 3, 'UTC');
    expect(suggestServerZone({ timeExpression: expr, executions: runs(executed), currentZone: 'America/New_York' })).toEqual({
      zone: 'UTC',
      offsetMinutes: -300,
    });
  });

  it('no suggestion when runs are on time in the current zone, too few, or at no steady offset', () => {
    const onTime = fires(expr, '2026-12-01T00:00:00Z', 3, 'UTC');
    expect(suggestServerZone({ timeExpression: expr, executions: runs(onTime), currentZone: 'UTC' })).toBeNull();
    const one = fires(expr, '2026-12-01T00:00:00Z', 1, 'America/New_York');
    expect(suggestServerZone({ timeExpression: expr, executions: runs(one), currentZone: 'UTC' })).toBeNull();
    const scattered = [Date.parse('2026-12-01T09:00:00Z'), Date.parse('2026-12-02T13:17:00Z')];
    expect(suggestServerZone({ timeExpression: expr, executions: runs(scattered), currentZone: 'UTC' })).toBeNull();
    expect(suggestServerZone({ timeExpression: 'nonsense', executions: runs(scattered), currentZone: 'UTC' })).toBeNull();
  });
});

describe('explainHealth', () => {
  it('says expected, ran and by how much', () => {
    const h = { verdict: 'on-time', expectedAt: '2026-12-01T04:00:00.000Z', executedAt: '2026-12-01T04:07:00.000Z' } as const;
    expect(explainHealth(h, hhmm)).toBe('Expected 04:00, ran 04:07 (7 min late)');
    expect(explainHealth({ ...h, verdict: 'late', executedAt: '2026-12-01T05:12:00.000Z' }, hhmm)).toBe('Expected 04:00, ran 05:12 (1 h 12 min late)');
    expect(explainHealth({ ...h, executedAt: '2026-12-01T03:59:45.000Z' }, hhmm)).toBe('Expected 04:00, ran 03:59 (on the minute)');
  });

  it('missed names the latest run or that there was none', () => {
    expect(explainHealth({ verdict: 'missed', expectedAt: '2026-12-01T04:00:00.000Z', executedAt: null }, hhmm)).toBe(
      'Expected 04:00, did not run (it has never run)',
    );
    expect(explainHealth({ verdict: 'missed', expectedAt: '2026-12-01T04:00:00.000Z', executedAt: '2026-11-10T04:01:00.000Z' }, (s) => s.slice(0, 16))).toBe(
      'Expected 2026-12-01T04:00, did not run (latest run 2026-11-10T04:01)',
    );
  });

  it('every verdict has words', () => {
    for (const verdict of ['extra', 'not-due', 'never-fires', 'unknown'] as const) {
      expect(explainHealth({ verdict, expectedAt: '2026-12-01T04:00:00.000Z', executedAt: '2026-12-01T09:00:00.000Z' }, hhmm).length).toBeGreaterThan(10);
    }
    expect(explainHealth({ verdict: 'extra', expectedAt: null, executedAt: '2026-12-01T09:00:00.000Z' }, hhmm)).toContain('Ran 09:00 outside the schedule');
  });
});

describe('worstVerdict', () => {
  it('missed beats never-fires beats late beats extra; not-due and unknown never hide on-time; empty has no dot', () => {
    expect(worstVerdict(['on-time', 'late', 'not-due'])).toBe('late');
    expect(worstVerdict(['extra', 'missed', 'late'])).toBe('missed');
    expect(worstVerdict(['late', 'never-fires'])).toBe('never-fires');
    expect(worstVerdict(['on-time', 'extra'])).toBe('extra');
    expect(worstVerdict(['on-time', 'not-due'])).toBe('on-time');
    expect(worstVerdict(['not-due', 'unknown'])).toBe('not-due');
    expect(worstVerdict(['unknown'])).toBe('unknown');
    expect(worstVerdict(['on-time', 'never-fires', 'unknown'])).toBe('never-fires');
    expect(worstVerdict([])).toBeNull();
  });
});
