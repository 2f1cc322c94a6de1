// The calendar's past marks from a history answer: executions and missed fires on the day they fell
// in the grid's zone, only for the schedules shown.
import { describe, expect, it } from 'vitest';
import type { HistoryAnswer } from '@shared/ipc';
import { pastMarksByDay, pastMarksBySource } from '@renderer/health/past-marks';

const answer: HistoryAnswer = {
  executions: [
    {
      jobId: 'daily',
      executionId: 'e2',
      executedAt: '2026-11-29T04:01:00.000Z',
      expectedAt: '2026-11-29T04:00:00.000Z',
      latenessMs: 60_000,
      verdict: 'on-time',
      timeExpression: '0 0 4 ? * * *',
    },
    {
      jobId: 'hidden',
      executionId: 'e3',
      executedAt: '2026-11-29T05:00:00.000Z',
      expectedAt: '2026-11-29T05:00:00.000Z',
      latenessMs: 0,
      verdict: 'on-time',
      timeExpression: '0 0 5 ? * * *',
    },
  ],
  fires: [
    { jobId: 'daily', at: '2026-11-29T04:00:00.000Z', answeredBy: 'e2', verdict: 'on-time' },
    { jobId: 'daily', at: '2026-11-30T04:00:00.000Z', answeredBy: null, verdict: 'missed' },
    { jobId: 'daily', at: '2026-12-01T04:00:00.000Z', answeredBy: null, verdict: 'unknown' },
  ],
};

describe('past marks', () => {
  it('puts each execution and each proven missed fire on its day, nothing for unknown fires or hidden schedules', () => {
    const marks = pastMarksByDay(new Map([['dev', answer]]), new Set(['dev:daily']), 'UTC');
    expect([...marks.keys()].sort()).toEqual(['2026-11-29', '2026-11-30']);
    expect(marks.get('2026-11-29')?.map((m) => [m.kind, m.verdict])).toEqual([['ran', 'on-time']]);
    expect(marks.get('2026-11-30')?.map((m) => [m.kind, m.sourceKey])).toEqual([['missed', 'dev:daily']]);
  });

  it('uses the grid zone for the day: 04:00 UTC is the evening before in Los Angeles', () => {
    const marks = pastMarksByDay(new Map([['dev', answer]]), new Set(['dev:daily']), 'America/Los_Angeles');
    expect([...marks.keys()].sort()).toEqual(['2026-11-28', '2026-11-29']);
  });
});

describe('past marks on timeline lanes', () => {
  it('groups by schedule, in time order', () => {
    const marks = pastMarksBySource(new Map([['dev', answer]]), new Set(['dev:daily', 'dev:hidden']));
    expect(marks.get('dev:daily')?.map((m) => m.kind)).toEqual(['ran', 'missed']);
    expect(marks.get('dev:hidden')?.map((m) => m.verdict)).toEqual(['on-time']);
  });
});
