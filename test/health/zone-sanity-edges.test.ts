// Which server zone explains the executions when the profile's zone explains none of them.
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import { suggestServerZone, type ExecutionRecord } from '@shared/health';

const MIN = 60_000;
const iso = (t: number): string => new Date(t).toISOString();
const runs = (times: number[]): ExecutionRecord[] => times.map((t, i) => ({ id: `e${i}`, executedAt: iso(t) }));
const fire = (expr: string, after: string, timeZone: string): number => (nextRuns(expr, { after: new Date(after), count: 1, timeZone })[0] as Date).getTime();
const EXPR = '0 0 4 * * ?';
const ny = (after: string): number => fire(EXPR, after, 'America/New_York');

describe('suggestServerZone', () => {
  it('runs exactly at the grace after the New York fire still point to New York', () => {
    const executed = [ny('2026-12-01T00:00:00Z'), ny('2026-12-02T00:00:00Z')].map((t) => t + 30 * MIN);
    expect(suggestServerZone({ timeExpression: EXPR, executions: runs(executed), currentZone: 'UTC' })).toEqual({
      zone: 'America/New_York',
      offsetMinutes: 300,
    });
  });

  it('the offset is read at the latest run, whatever order the executions come in', () => {
    const summer = ny('2026-07-10T00:00:00Z');
    const winter = ny('2026-01-10T00:00:00Z');
    expect(suggestServerZone({ timeExpression: EXPR, executions: runs([summer, winter]), currentZone: 'UTC' })).toEqual({
      zone: 'America/New_York',
      offsetMinutes: 240,
    });
  });

  it('the same execution listed twice is one execution: not enough to suggest anything', () => {
    const t = ny('2026-12-01T00:00:00Z');
    expect(suggestServerZone({ timeExpression: EXPR, executions: [...runs([t]), { id: 'again', executedAt: iso(t) }], currentZone: 'UTC' })).toBeNull();
  });

  it('an execution time that cannot be read is left out', () => {
    const executed = [ny('2026-12-01T00:00:00Z'), ny('2026-12-02T00:00:00Z')];
    const history = [...runs(executed), { id: 'bad', executedAt: 'soon' }];
    expect(suggestServerZone({ timeExpression: EXPR, executions: history, currentZone: 'UTC' })).toEqual({ zone: 'America/New_York', offsetMinutes: 300 });
  });

  it('one run on time in the profile’s zone keeps it, even when London explains both across the clock change', () => {
    // 04:00Z in January is on time in UTC; 03:00Z in July is 04:00 BST, which UTC does not explain.
    const winter = Date.parse('2026-01-10T04:00:00Z');
    const summer = Date.parse('2026-07-10T03:00:00Z');
    expect(suggestServerZone({ timeExpression: EXPR, executions: runs([winter, summer]), currentZone: 'UTC' })).toBeNull();
    expect(
      suggestServerZone({ timeExpression: EXPR, executions: runs([summer, summer + 86_400_000]), currentZone: 'UTC', candidates: ['Europe/London'] }),
    ).toEqual({ zone: 'Europe/London', offsetMinutes: -60 });
  });
});

describe('suggestServerZone: an unknown zone', () => {
  it('a profile zone that does not exist gives no suggestion rather than a wrong one', () => {
    const executed = [ny('2026-12-01T00:00:00Z'), ny('2026-12-02T00:00:00Z')];
    expect(suggestServerZone({ timeExpression: EXPR, executions: runs(executed), currentZone: 'Mars/Olympus' })).toBeNull();
  });
});
