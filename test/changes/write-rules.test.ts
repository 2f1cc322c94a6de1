// The rules a change passes before anything is sent: the linter's errors refuse it in its own words (the
// frequency override lets only "too frequent" through), a plan from a saved list is refused, and the runs
// a new schedule would share with the target's others are named.
import { describe, expect, it } from 'vitest';
import type { Schedule } from '@shared/domain';
import type { SchedulePlan } from '@shared/ipc/channels/changes';
import { assertRunnable } from '@core/changes/apply';
import { collisionsWith } from '@core/changes/collisions';
import { assertWritable, isBlocked, lintFor } from '@core/changes/verdicts';

const NOW = new Date('2026-12-01T00:00:00Z');
const EVERY_MINUTE = '0 * * * * ?';
const NEVER = '0 0 0 30 2 ?';
const FREQUENT_WORDS =
  'Expression: runs can be 1 minute apart, more often than once every 5 minutes, and each run rebuilds aggregates. Space the runs out (e.g. 0 0/15 * ? * *), or confirm the frequency override to allow it.';
const NEVER_WORDS = 'Day-of-month: day 30 never falls in FEB, so it never runs. Pick a day that exists in that month (e.g. L for the last day).';
const DUPLICATE_WORDS = `Expression: fires at the same times as the existing schedule '${EVERY_MINUTE}'. Keep that one, or change the time.`;
/** Too frequent (an error) and stopping after 2026 (a warning). */
const FREQUENT_UNTIL_2026 = '0 * * ? * * 2026';

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return `${(error as { kind: string }).kind}: ${(error as Error).message}`;
  }
  return 'allowed';
}
const lint = (expression: string, allowTooFrequent?: boolean, existing: string[] = []) =>
  lintFor(expression, { timeZone: 'UTC', now: NOW, existing: existing.map((e, i) => ({ jobId: `j${i}`, timeExpression: e })), allowTooFrequent });

describe('a write the linter refuses', () => {
  it('is refused with every error, and the override named when only the frequency stands in the way', () => {
    expect(refusal(() => assertWritable(lint(EVERY_MINUTE)))).toBe(
      `invalid-input: "${EVERY_MINUTE}" was not sent: ${FREQUENT_WORDS} To create it anyway, allow too-frequent schedules explicitly.`,
    );
    expect(refusal(() => assertWritable(lint(NEVER)))).toBe(`invalid-input: "${NEVER}" was not sent: ${NEVER_WORDS}`);
    expect(refusal(() => assertWritable(lint('0 0 4 ? * *', false, ['0 0 4 ? * * *'])))).toMatch(
      /^invalid-input: "0 0 4 \? \* \*" was not sent: Expression: fires at the same times as the existing schedule '0 0 4 \? \* \* \*'\. Keep that one, or change the time\.$/,
    );
  });

  it('passes with the override when only too frequent, and with a warning; the override never lets another error pass', () => {
    expect(lint(EVERY_MINUTE, true).blocked).toBe(false);
    expect(refusal(() => assertWritable(lint(EVERY_MINUTE, true)))).toBe('allowed');
    expect(lint(EVERY_MINUTE).blocked).toBe(true);
    expect(lint(NEVER, true).blocked).toBe(true);
    const warned = lint('0 0 4 ? * * 2020-2099');
    expect(warned.verdicts.map((v) => v.severity)).toContain('warning');
    expect([warned.blocked, refusal(() => assertWritable(warned))]).toEqual([false, 'allowed']);
    expect(isBlocked([{ code: 'too-frequent', severity: 'warning', field: 'expression', message: 'w' }], false)).toBe(false);
  });

  it('names each of its errors in order, and offers no override when another error stands in the way too', () => {
    const twin = lint(EVERY_MINUTE, false, [EVERY_MINUTE]);
    expect(twin.verdicts.map((v) => v.code)).toEqual(['too-frequent', 'duplicate']);
    expect(refusal(() => assertWritable(twin))).toBe(`invalid-input: "${EVERY_MINUTE}" was not sent: ${FREQUENT_WORDS} ${DUPLICATE_WORDS}`);
  });

  it('quotes only the errors (a warning does not refuse), with the override when being too frequent is the only error', () => {
    const linted = lint(FREQUENT_UNTIL_2026);
    expect(linted.verdicts.map((v) => [v.code, v.severity])).toEqual([
      ['too-frequent', 'error'],
      ['stops-firing', 'warning'],
    ]);
    expect(refusal(() => assertWritable(linted))).toBe(
      `invalid-input: "${FREQUENT_UNTIL_2026}" was not sent: ${FREQUENT_WORDS} To create it anyway, allow too-frequent schedules explicitly.`,
    );
  });
});

function plan(fields: Partial<SchedulePlan>): SchedulePlan {
  return {
    planId: 'p',
    fingerprint: 'f',
    targetProfileId: 't',
    targetName: 'Prod',
    targetOrgId: 'o',
    production: true,
    serverTimeZone: 'UTC',
    targetSource: 'live',
    source: { kind: 'document' },
    create: [],
    delete: [],
    unchanged: [],
    paused: [],
    hasChanges: true,
    blocked: false,
    ...fields,
  };
}
const planned = (expression: string) => ({ ...lint(expression), collisions: [] });

describe('a plan that cannot be carried out', () => {
  it('is refused when it was made from the last saved list, naming the target', () => {
    expect(refusal(() => assertRunnable(plan({ targetSource: 'snapshot' }), false))).toBe(
      'offline: "Prod" cannot be reached, so nothing was sent: the plan was made from its last saved list. Try again once the server answers.',
    );
  });

  it('is refused when the linter blocks one or more of its creates, quoting each with its errors', () => {
    expect(refusal(() => assertRunnable(plan({ create: [planned('0 0 4 ? * *'), planned(NEVER)] }), false))).toBe(
      `invalid-input: Nothing was sent: the linter refuses a schedule of the plan ("${NEVER}": ${NEVER_WORDS}).`,
    );
    expect(refusal(() => assertRunnable(plan({ create: [planned(EVERY_MINUTE), planned(NEVER)] }), false))).toBe(
      `invalid-input: Nothing was sent: the linter refuses 2 schedules of the plan ("${EVERY_MINUTE}": ${FREQUENT_WORDS}; "${NEVER}": ${NEVER_WORDS}).`,
    );
    expect(refusal(() => assertRunnable(plan({ create: [planned(EVERY_MINUTE)] }), true))).toBe('allowed');
  });

  it('quotes each refused schedule with its errors only, in order', () => {
    const twin = { ...lint(EVERY_MINUTE, false, [EVERY_MINUTE]), collisions: [] };
    expect(refusal(() => assertRunnable(plan({ create: [planned(FREQUENT_UNTIL_2026), twin] }), false))).toBe(
      `invalid-input: Nothing was sent: the linter refuses 2 schedules of the plan ("${FREQUENT_UNTIL_2026}": ${FREQUENT_WORDS}; "${EVERY_MINUTE}": ${FREQUENT_WORDS} ${DUPLICATE_WORDS}).`,
    );
  });
});

describe('runs shared with the target’s other schedules', () => {
  const job = (jobId: string, timeExpression: string): Schedule => ({ jobId, timeExpression }) as Schedule;

  it('names each schedule that would start at the same instant within 30 days, with the first shared run', () => {
    const others = [job('mon', '0 0 4 ? * MON'), job('five', '0 0 5 ? * *'), job('bad', 'not cron'), job('late', '0 0 4 15 1 ? 2027')];
    expect(collisionsWith('0 0 4 ? * *', others, { timeZone: 'UTC', now: NOW })).toEqual([
      { jobId: 'mon', expression: '0 0 4 ? * MON', firstAt: '2026-12-07T04:00:00.000Z' },
    ]);
    // In the target's zone: 04:00 in Berlin is 03:00 UTC.
    expect(collisionsWith('0 0 3 ? * *', [job('utc3', '0 0 3 ? * *')], { timeZone: 'Europe/Berlin', now: NOW })).toEqual([
      { jobId: 'utc3', expression: '0 0 3 ? * *', firstAt: '2026-12-01T02:00:00.000Z' },
    ]);
    // The 30 days end before the 31st of December begins.
    const edge = [job('last', '0 59 23 30 12 ? *'), job('after', '0 0 0 31 12 ? *')];
    expect(collisionsWith('0 59 23 30 12 ? 2026', edge, { timeZone: 'UTC', now: NOW })).toEqual([
      { jobId: 'last', expression: '0 59 23 30 12 ? *', firstAt: '2026-12-30T23:59:00.000Z' },
    ]);
    expect(collisionsWith('0 0 0 31 12 ? 2026', edge, { timeZone: 'UTC', now: NOW })).toEqual([]);
  });

  it('is none for an expression that cannot be read or never fires in the window', () => {
    expect(collisionsWith('not cron', [job('a', '0 0 4 ? * *'), job('bad', 'not cron either')], { timeZone: 'UTC', now: NOW })).toEqual([]);
    expect(collisionsWith('0 0 4 15 1 ? 2027', [job('a', '0 0 4 ? * *')], { timeZone: 'UTC', now: NOW })).toEqual([]);
  });
});
