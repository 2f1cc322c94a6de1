// Which execution answered which expected fire (schedule panel) and which past fires went unanswered
// (calendar marks), at the edges: exact grace, exact early tolerance, the next fire's window, a clock change.
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import { matchExecutions, pastFires, type ExecutionRecord, type PastFiresOptions } from '@shared/health';
import { MIN, H, DAY, GRACE, ms, iso, runs } from './run-times';

const DAILY = '0 0 4 * * ?';
const D1 = ms('2026-12-01T04:00:00Z');

describe('matchExecutions', () => {
  const match = (executions: ExecutionRecord[]) =>
    matchExecutions({ timeExpression: DAILY, createdAt: '2026-01-01T00:00:00Z', executions }, { timeZone: 'UTC', graceMs: GRACE });

  it('executions listed newest first are matched as if oldest first', () => {
    const history = runs(D1 + DAY + 2 * H, D1 + DAY + 5 * MIN, D1 + 3 * MIN);
    expect(match(history).map((m) => [m.id, m.verdict, m.expectedAt])).toEqual([
      ['e0', 'extra', null],
      ['e1', 'on-time', iso(D1 + DAY)],
      ['e2', 'on-time', iso(D1)],
    ]);
  });

  it('a second run answering the same fire is extra, with no lateness', () => {
    expect(match(runs(D1 + MIN, D1 + 3 * H))).toEqual([
      { id: 'e1', executedAt: iso(D1 + 3 * H), expectedAt: null, latenessMs: null, verdict: 'extra' },
      { id: 'e0', executedAt: iso(D1 + MIN), expectedAt: iso(D1), latenessMs: MIN, verdict: 'on-time' },
    ]);
  });

  it('a run exactly at the grace is on time; a second later is late', () => {
    expect(match(runs(D1 + GRACE))[0]?.verdict).toBe('on-time');
    expect(match(runs(D1 + GRACE + 1000))[0]?.verdict).toBe('late');
  });
});

describe('pastFires', () => {
  const input = (executions: ExecutionRecord[], createdAt = '2026-01-01T00:00:00Z') => ({ timeExpression: DAILY, createdAt, executions });
  const opts = (o: Partial<PastFiresOptions>): PastFiresOptions => ({
    timeZone: 'UTC',
    graceMs: GRACE,
    from: new Date('2026-11-30T12:00:00Z'),
    to: new Date('2026-12-03T12:00:00Z'),
    now: new Date('2026-12-03T12:00:00Z'),
    ...o,
  });
  const verdicts = (out: ReturnType<typeof pastFires>) => out.fires.map((f) => [f.at.slice(0, 10), f.verdict, f.answeredBy]);

  it('a run exactly one minute early answers its fire; earlier than that it does not', () => {
    expect(verdicts(pastFires(input(runs(D1 - MIN)), opts({}))).slice(0, 1)).toEqual([['2026-12-01', 'on-time', 'e0']]);
    expect(verdicts(pastFires(input(runs(D1 - MIN - 1000)), opts({}))).slice(0, 1)).toEqual([['2026-12-01', 'missed', null]]);
  });

  it('a run a few seconds after its fire answers it', () => {
    expect(verdicts(pastFires(input(runs(D1 + 5000)), opts({}))).slice(0, 1)).toEqual([['2026-12-01', 'on-time', 'e0']]);
  });

  it('a run one minute before the next fire answers the next fire, not the unanswered one before', () => {
    expect(verdicts(pastFires(input(runs(D1 + DAY - MIN)), opts({})))).toEqual([
      ['2026-12-01', 'missed', null],
      ['2026-12-02', 'on-time', 'e0'],
      ['2026-12-03', 'missed', null],
    ]);
    expect(verdicts(pastFires(input(runs(D1 + DAY - 90_000)), opts({}))).slice(0, 2)).toEqual([
      ['2026-12-01', 'late', 'e0'],
      ['2026-12-02', 'missed', null],
    ]);
  });

  it('the last fire in the window is not answered by a run after the next fire', () => {
    const out = pastFires(input(runs(D1 + DAY + 5 * MIN)), opts({ to: new Date('2026-12-01T12:00:00Z'), now: new Date('2026-12-03T12:00:00Z') }));
    expect(verdicts(out)).toEqual([['2026-12-01', 'missed', null]]);
  });

  it('a run exactly at the grace is on time', () => {
    expect(verdicts(pastFires(input(runs(D1 + GRACE)), opts({}))).slice(0, 1)).toEqual([['2026-12-01', 'on-time', 'e0']]);
  });

  it('a fire exactly now is pending; exactly at the end of its grace still pending, then missed', () => {
    expect(verdicts(pastFires(input([]), opts({ now: new Date(D1) })))).toEqual([['2026-12-01', 'pending', null]]);
    expect(verdicts(pastFires(input([]), opts({ now: new Date(D1 + GRACE) })))).toEqual([['2026-12-01', 'pending', null]]);
    expect(verdicts(pastFires(input([]), opts({ now: new Date(D1 + GRACE + 1) })))).toEqual([['2026-12-01', 'missed', null]]);
  });

  it('a fire exactly when the history starts is missed, not unknown', () => {
    const out = pastFires(input([]), opts({ knownSince: new Date(D1) }));
    expect(verdicts(out).slice(0, 1)).toEqual([['2026-12-01', 'missed', null]]);
  });

  it('a schedule created exactly at a fire lists that fire', () => {
    const out = pastFires(input([], iso(D1)), opts({ from: new Date(D1) }));
    expect(verdicts(out).map((v) => v[0])).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });

  it('exactly as many fires as the limit: not truncated', () => {
    expect(pastFires(input([]), opts({ limit: 3 })).truncated).toBe(false);
    expect(pastFires(input([]), opts({ limit: 2 }))).toMatchObject({ truncated: true, fires: [{ at: iso(D1) }, { at: iso(D1 + DAY) }] });
  });

  it('New York fall-back, every 20 minutes, created just before the repeated hour: the fires Quartz makes', () => {
    const expr = '0 0/20 * * * ?';
    const created = '2026-11-01T04:40:00Z'; // 00:40 EDT, itself a fire
    const out = pastFires(
      { timeExpression: expr, createdAt: created, executions: [] },
      {
        timeZone: 'America/New_York',
        graceMs: GRACE,
        from: new Date('2026-11-01T05:10:00Z'),
        to: new Date('2026-11-01T07:00:00Z'),
        now: new Date('2026-11-02T00:00:00Z'),
      },
    );
    const engine = nextRuns(expr, { after: new Date(created), count: 10, timeZone: 'America/New_York' })
      .map((d) => d.getTime())
      .filter((t) => t >= ms('2026-11-01T05:10:00Z') && t < ms('2026-11-01T07:00:00Z'));
    expect(out.fires.map((f) => f.at)).toEqual(engine.map(iso));
    expect(engine.map(iso)).toContain('2026-11-01T06:00:00.000Z');
  });
});

describe('unreadable settings', () => {
  const history = runs(D1 + 2 * MIN);

  it('a creation time that cannot be read still matches a run to its fire', () => {
    const m = matchExecutions({ timeExpression: DAILY, createdAt: 'unknown', executions: history }, { timeZone: 'UTC', graceMs: GRACE });
    expect(m.map((x) => [x.verdict, x.expectedAt])).toEqual([['on-time', iso(D1)]]);
  });

  it('an unknown zone: every run is extra and no past fire is listed', () => {
    const m = matchExecutions({ timeExpression: DAILY, createdAt: '2026-01-01T00:00:00Z', executions: history }, { timeZone: 'Mars/Olympus', graceMs: GRACE });
    expect(m.map((x) => [x.verdict, x.expectedAt])).toEqual([['extra', null]]);
    const out = pastFires(
      { timeExpression: DAILY, createdAt: '2026-01-01T00:00:00Z', executions: history },
      { timeZone: 'Mars/Olympus', graceMs: GRACE, from: new Date(D1 - DAY), to: new Date(D1 + DAY), now: new Date(D1 + DAY) },
    );
    expect(out).toEqual({ fires: [], truncated: false });
  });

  it('a window that ends before it starts lists nothing and is not truncated', () => {
    const out = pastFires(
      { timeExpression: DAILY, createdAt: '2026-01-01T00:00:00Z', executions: history },
      { timeZone: 'UTC', graceMs: GRACE, from: new Date(D1 + DAY), to: new Date(D1 - DAY), now: new Date(D1 + DAY) },
    );
    expect(out).toEqual({ fires: [], truncated: false });
  });
});
