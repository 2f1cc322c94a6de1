// How a step of a change is judged and told: "outcome unknown" only when the service found the write may
// have reached the server, never for one that never left; and the summary the user reads after a change.
import { describe, expect, it } from 'vitest';
import type { ChangeStep } from '@shared/ipc/channels/changes';
import { AppFailure } from '@core/errors';
import { summary } from '@core/changes/apply';
import { describeStep, failureOf, notRun, outcomeOf } from '@core/changes/steps';

describe('the outcome of a write that threw', () => {
  // The service judges every error of the write itself and re-lists when its answer may be lost, so a
  // step reads only its verdict: anything it throws besides "outcome unknown" left nothing done.
  it('is unknown only when the service says the outcome is unknown', () => {
    expect([new AppFailure('outcome-unknown', 'lost'), { kind: 'outcome-unknown' }].map(outcomeOf)).toEqual(['unknown', 'unknown']);
  });

  it('is failed for anything else, even a reset or a timeout the service passed on (it came before the write)', () => {
    expect(
      [
        { kind: 'timeout', step: 'request' },
        { kind: 'network', step: 'connect', code: 'ECONNRESET' },
        { kind: 'network', code: 'ECONNREFUSED' },
        { kind: 'server', status: 500 },
        new AppFailure('timeout', 'settled by the re-list: not created'),
        new AppFailure('network', 'settled'),
        null,
        'text',
        undefined,
      ].map(outcomeOf),
    ).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed']);
  });
});

const step = (fields: Partial<ChangeStep>): ChangeStep => ({
  action: 'create',
  profileId: 'p',
  jobId: null,
  timeExpression: '0 0 4 ? * *',
  outcome: 'ok',
  error: null,
  ...fields,
});
const lost = { kind: 'outcome-unknown' as const, message: 'the connection was reset' };

describe('one step in words', () => {
  it('names the action and how it ended', () => {
    expect(
      [
        step({}),
        step({ outcome: 'not-run' }),
        step({ outcome: 'unknown', error: lost }),
        step({ outcome: 'failed', error: { kind: 'server', message: 'HTTP 500' } }),
        step({ outcome: 'failed' }),
        step({ action: 'delete', jobId: 'job-9', timeExpression: null }),
        step({ action: 'delete', jobId: null, timeExpression: null, outcome: 'unknown' }),
        step({ timeExpression: null }),
      ].map(describeStep),
    ).toEqual([
      'create "0 0 4 ? * *": done',
      'create "0 0 4 ? * *": not sent',
      'create "0 0 4 ? * *": outcome unknown (the connection was reset)',
      'create "0 0 4 ? * *": failed (HTTP 500)',
      'create "0 0 4 ? * *": failed ()',
      'delete job job-9: done',
      'delete job ?: outcome unknown ()',
      'create "": done',
    ]);
  });

  it('quotes why a step did not succeed, as an internal error with no words when it carries none', () => {
    expect(failureOf(step({ outcome: 'failed', error: { kind: 'server', message: 'HTTP 500' } }))).toEqual({ kind: 'server', message: 'HTTP 500' });
    expect(failureOf(step({ outcome: 'failed' }))).toEqual({ kind: 'internal', message: '' });
  });

  it('a step that was not sent carries what it would have done', () => {
    expect(notRun('delete', 'p', 'job-1', '0 0 4 ? * *')).toEqual({
      action: 'delete',
      profileId: 'p',
      jobId: 'job-1',
      timeExpression: '0 0 4 ? * *',
      outcome: 'not-run',
      error: null,
    });
  });
});

describe('the summary of a change', () => {
  it('says there was nothing to do, or that every step succeeded, counting them', () => {
    expect(summary([])).toEqual({ status: 'nothing-to-do', message: 'Nothing to do: the target already has these schedules.' });
    expect(summary([step({})])).toEqual({ status: 'done', message: 'Done: 1 step succeeded.' });
    expect(summary([step({}), step({ action: 'delete', jobId: 'j' })])).toEqual({ status: 'done', message: 'Done: 2 steps succeeded.' });
  });

  it('names the step it stopped at, what was done and what was not sent', () => {
    const failed = step({ timeExpression: '0 0 5 ? * *', outcome: 'failed', error: { kind: 'server', message: 'HTTP 500' } });
    expect(summary([step({}), failed, notRun('delete', 'p', 'j1', null)])).toEqual({
      status: 'stopped',
      message: 'Stopped after 1 of 3 steps at create "0 0 5 ? * *": failed (HTTP 500); 1 step was not sent. Plan again to see where the target stands.',
    });
    expect(summary([step({ outcome: 'unknown', error: lost }), notRun('create', 'p', null, 'x'), notRun('delete', 'p', 'j', null)]).message).toBe(
      'Stopped after 0 of 3 steps at create "0 0 4 ? * *": outcome unknown (the connection was reset); 2 steps were not sent. Plan again to see where the target stands.',
    );
  });
});
