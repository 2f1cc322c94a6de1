// The history as the panel and the calendar read it, from stored records: only the asked org (and job),
// executions newest first and fires oldest first across jobs, each execution with the expression it ran
// under, and a fire called missed only when a list proved it (seen after the fire's grace with an older
// latest run, or with none); otherwise it stays unknown.
import { describe, expect, it } from 'vitest';
import { historyView, type HistoryViewOptions } from '@core/health/history-view';
import type { NeverRunJob, StoredExecution } from '@core/health/history-store';

const DAILY = '0 0 4 ? * * *';
const SIX = '0 0 6 ? * * *';
const GRACE = 30 * 60_000;
const CREATED = '2026-11-01T00:00:00.000Z';

const SERVER = 'atscale.example.com:10502';
const options = (over: Partial<HistoryViewOptions> = {}): HistoryViewOptions => ({
  server: SERVER,
  orgId: 'default',
  timeZone: 'UTC',
  graceMs: GRACE,
  now: new Date('2026-11-28T12:00:00.000Z'),
  from: new Date('2026-11-25T00:00:00.000Z'),
  to: new Date('2026-11-29T00:00:00.000Z'),
  ...over,
});

function run(jobId: string, executedAt: string, over: Partial<StoredExecution> = {}): StoredExecution {
  return {
    id: `${jobId}@${executedAt}`,
    jobId,
    orgId: 'default',
    executedAt,
    timeExpression: jobId === 'six' ? SIX : DAILY,
    jobCreatedAt: CREATED,
    seenAt: executedAt,
    ...over,
  };
}

function quiet(jobId: string, lastSeenAt: string, over: Partial<NeverRunJob> = {}): NeverRunJob {
  return { jobId, orgId: 'default', timeExpression: DAILY, jobCreatedAt: CREATED, firstSeenAt: CREATED, lastSeenAt, ...over };
}

const at = (day: number, hhmm: string) => `2026-11-${String(day).padStart(2, '0')}T${hhmm}:00.000Z`;

describe('what the history view shows', () => {
  it("shows only the asked org's records, and only the asked job when one is named", () => {
    const history = {
      executions: [run('daily', at(27, '04:00')), run('daily', at(28, '04:00'), { orgId: 'other', id: 'elsewhere' }), run('six', at(27, '06:00'))],
      neverRun: [quiet('never', at(28, '12:00'), { orgId: 'other' })],
    };
    const view = historyView(history, options());
    expect(view.executions.map((e) => e.executionId)).toEqual([`six@${at(27, '06:00')}`, `daily@${at(27, '04:00')}`]);
    expect(view.fires.some((f) => f.jobId === 'never')).toBe(false);
    const one = historyView(history, options({ jobId: 'six' }));
    expect(new Set([...one.executions.map((e) => e.jobId), ...one.fires.map((f) => f.jobId)])).toEqual(new Set(['six']));
  });

  it('lists executions newest first and fires oldest first, across jobs', () => {
    const history = {
      executions: [
        run('daily', at(26, '04:00')),
        run('daily', at(27, '04:00')),
        run('daily', at(28, '04:00')),
        run('six', at(26, '06:00')),
        run('six', at(27, '06:00')),
      ],
      neverRun: [],
    };
    const view = historyView(history, options({ from: new Date(at(26, '00:00')) }));
    expect(view.executions.map((e) => e.executedAt)).toEqual([at(28, '04:00'), at(27, '06:00'), at(27, '04:00'), at(26, '06:00'), at(26, '04:00')]);
    expect(view.fires.map((f) => `${f.at} ${f.verdict}`)).toEqual([
      `${at(26, '04:00')} on-time`,
      `${at(26, '06:00')} on-time`,
      `${at(27, '04:00')} on-time`,
      `${at(27, '06:00')} on-time`,
      `${at(28, '04:00')} on-time`,
      `${at(28, '06:00')} unknown`,
    ]);
  });

  it('gives each execution the expression it ran under, and judges by the latest one, in whatever order the records come', () => {
    // The job ran at 03:00 until the 26th, then was changed to 04:00.
    const history = {
      executions: [run('daily', at(28, '04:05')), run('daily', at(27, '04:00')), run('daily', at(26, '03:00'), { timeExpression: '0 0 3 ? * * *' })],
      neverRun: [],
    };
    const view = historyView(history, options());
    expect(view.executions.map((e) => [e.executedAt, e.timeExpression, e.latenessMs])).toEqual([
      [at(28, '04:05'), DAILY, 5 * 60_000],
      [at(27, '04:00'), DAILY, 0],
      // Judged by the job's expression now: the 25th's 04:00, 23 hours late.
      [at(26, '03:00'), '0 0 3 ? * * *', 23 * 3_600_000],
    ]);
  });
  it("judges each execution in the profile's server zone with its grace", () => {
    // 04:00 in New York is 09:00 UTC in November.
    const history = { executions: [run('daily', at(27, '09:00')), run('daily', at(28, '09:45'))], neverRun: [] };
    const view = historyView(history, options({ timeZone: 'America/New_York', now: new Date(at(28, '18:00')) }));
    expect(view.executions.map((e) => [e.expectedAt, e.verdict, e.latenessMs])).toEqual([
      [at(28, '09:00'), 'late', 45 * 60_000],
      [at(27, '09:00'), 'on-time', 0],
    ]);
  });
});

describe('when a fire counts as missed', () => {
  const fire = at(28, '04:00');
  const fireMs = Date.parse(fire);
  const iso = (ms: number) => new Date(ms).toISOString();
  const verdictOf = (history: { executions: StoredExecution[]; neverRun: NeverRunJob[] }) =>
    historyView(history, options({ from: new Date(at(27, '12:00')) })).fires.find((f) => f.at === fire)?.verdict;

  it('a job never run, seen so by a list at the end of the grace or later: missed; seen earlier only: unknown', () => {
    expect(verdictOf({ executions: [], neverRun: [quiet('daily', iso(fireMs + GRACE))] })).toBe('missed');
    expect(verdictOf({ executions: [], neverRun: [quiet('daily', at(28, '11:00'))] })).toBe('missed');
    expect(verdictOf({ executions: [], neverRun: [quiet('daily', iso(fireMs + GRACE - 1000))] })).toBe('unknown');
    expect(verdictOf({ executions: [], neverRun: [quiet('daily', iso(fireMs - GRACE / 2))] })).toBe('unknown');
  });

  it('an older run still shown as the latest after the grace: missed; last shown before the grace ended: unknown', () => {
    const older = (seen: Partial<StoredExecution>) => verdictOf({ executions: [run('daily', at(27, '04:00'), seen)], neverRun: [] });
    expect(older({ seenAt: at(27, '04:10'), lastSeenAt: at(28, '09:00') })).toBe('missed');
    expect(older({ seenAt: at(28, '09:00') })).toBe('missed');
    expect(older({ seenAt: at(27, '04:10'), lastSeenAt: iso(fireMs + GRACE) })).toBe('missed');
    expect(older({ seenAt: at(27, '04:10'), lastSeenAt: iso(fireMs + GRACE - 1000) })).toBe('unknown');
    expect(older({ seenAt: at(27, '04:10'), lastSeenAt: iso(fireMs - GRACE / 2) })).toBe('unknown');
    expect(older({ seenAt: at(27, '04:10') })).toBe('unknown');
  });
});
