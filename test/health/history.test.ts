// Execution history beside expected fires (schedule panel, calendar marks) and the All-profiles summary.
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import { countGroupsByWorst, describeHealthCounts, matchExecutions, pastFires, type ExecutionRecord } from '@shared/health';
import { MIN, H, GRACE, iso, runs } from './run-times';

const fires = (expr: string, after: string, count: number, timeZone = 'UTC'): number[] =>
  nextRuns(expr, { after: new Date(after), count, timeZone }).map((d) => d.getTime());

describe('matchExecutions', () => {
  it('puts each execution beside the fire it answered, with lateness; a second run is extra', () => {
    const [d1, d2, d3] = fires('0 0 4 * * ?', '2026-11-28T00:00:00Z', 3) as [number, number, number];
    const history = runs(d1 + 2 * MIN, d2 + 2 * H, d2 + 5 * H, d3 - 30_000);
    const m = matchExecutions({ timeExpression: '0 0 4 * * ?', createdAt: '2026-01-01T00:00:00Z', executions: history }, { timeZone: 'UTC', graceMs: GRACE });
    expect(m.map((x) => [x.id, x.verdict, x.expectedAt, x.latenessMs])).toEqual([
      ['e3', 'on-time', iso(d3), -30_000],
      ['e2', 'extra', null, null],
      ['e1', 'late', iso(d2), 2 * H],
      ['e0', 'on-time', iso(d1), 2 * MIN],
    ]);
  });

  it("a run before the schedule's first fire is extra; duplicates by id count once", () => {
    const created = Date.parse('2026-12-01T05:00:00Z');
    const m = matchExecutions(
      { timeExpression: '0 0 4 * * ?', createdAt: iso(created), executions: [...runs(created + H), { id: 'e0', executedAt: iso(created + H) }] },
      { timeZone: 'UTC', graceMs: GRACE },
    );
    expect(m).toEqual([{ id: 'e0', executedAt: iso(created + H), expectedAt: null, latenessMs: null, verdict: 'extra' }]);
  });
});

describe('pastFires', () => {
  const expr = '0 0 4 * * ?';
  const input = (executions: ExecutionRecord[]) => ({ timeExpression: expr, createdAt: '2026-01-01T00:00:00Z', executions });

  it("a week of fires: answered, late, missed, and today's still pending", () => {
    const week = fires(expr, '2026-11-25T00:00:00Z', 7); // 25 Nov .. 1 Dec at 04:00
    const now = (week[6] as number) + 10 * MIN;
    const history = runs(week[0]! + MIN, week[1]! + 3 * H, week[3]! + MIN, week[4]! + MIN, week[5]! + MIN);
    const out = pastFires(input(history), {
      timeZone: 'UTC',
      graceMs: GRACE,
      from: new Date('2026-11-25T00:00:00Z'),
      to: new Date('2026-12-08T00:00:00Z'),
      now: new Date(now),
    });
    expect(out.truncated).toBe(false);
    expect(out.fires.map((f) => f.verdict)).toEqual(['on-time', 'late', 'missed', 'on-time', 'on-time', 'on-time', 'pending']);
    expect(out.fires.map((f) => f.at)).toEqual(week.map(iso));
    expect(out.fires[1]!.answeredBy).toBe('e1');
    expect(out.fires[2]!.answeredBy).toBeNull();
  });

  it('fires before the history starts are unknown, not missed; fires before creation are not listed', () => {
    const out = pastFires(
      { timeExpression: expr, createdAt: '2026-11-27T12:00:00Z', executions: [] },
      {
        timeZone: 'UTC',
        graceMs: GRACE,
        from: new Date('2026-11-20T00:00:00Z'),
        to: new Date('2026-12-01T00:00:00Z'),
        now: new Date('2026-12-01T00:00:00Z'),
        knownSince: new Date('2026-11-29T12:00:00Z'),
      },
    );
    expect(out.fires.map((f) => [f.at.slice(0, 10), f.verdict])).toEqual([
      ['2026-11-28', 'unknown'],
      ['2026-11-29', 'unknown'],
      ['2026-11-30', 'missed'],
    ]);
  });

  it('the fall-back day in New York lists the fires Quartz makes, hourly', () => {
    const out = pastFires(
      { timeExpression: '0 0 * * * ?', createdAt: '2026-01-01T00:00:00Z', executions: [] },
      {
        timeZone: 'America/New_York',
        graceMs: GRACE,
        from: new Date('2026-11-01T04:00:00Z'),
        to: new Date('2026-11-01T09:00:00Z'),
        now: new Date('2026-11-02T00:00:00Z'),
      },
    );
    const engine = fires('0 0 * * * ?', '2026-11-01T03:59:59Z', 10, 'America/New_York').filter((t) => t < Date.parse('2026-11-01T09:00:00Z'));
    expect(out.fires.map((f) => f.at)).toEqual(engine.map(iso));
  });

  it('bounded: an every-second schedule over a day stops at the limit and says so', () => {
    const out = pastFires(
      { timeExpression: '* * * * * ?', createdAt: '2026-01-01T00:00:00Z', executions: [] },
      {
        timeZone: 'UTC',
        graceMs: GRACE,
        from: new Date('2026-11-30T00:00:00Z'),
        to: new Date('2026-12-01T00:00:00Z'),
        now: new Date('2026-12-01T00:00:00Z'),
        limit: 500,
      },
    );
    expect(out.fires).toHaveLength(500);
    expect(out.truncated).toBe(true);
  });
});

describe('All-profiles summary', () => {
  it('counts each org once at its worst verdict and words it', () => {
    const entries = [
      ...Array.from({ length: 9 }, (_, i) => ({ group: `org${i}`, verdict: 'on-time' as const })),
      { group: 'org9', verdict: 'on-time' as const },
      { group: 'org9', verdict: 'missed' as const },
    ];
    const counts = countGroupsByWorst(entries);
    expect(counts['on-time']).toBe(9);
    expect(counts.missed).toBe(1);
    expect(describeHealthCounts(counts)).toBe('9 orgs on time, 1 missed');
    expect(describeHealthCounts(countGroupsByWorst([{ group: 'a', verdict: 'late' }]))).toBe('1 org late');
    expect(describeHealthCounts(countGroupsByWorst([]))).toBe('No orgs');
  });
});
