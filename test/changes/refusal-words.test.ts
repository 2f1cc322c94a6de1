// The words of a refusal by the linter, as the user reads them: every error of an expression is named, in
// order, and nothing but the errors (a warning does not refuse, so it is not quoted as a reason); the
// frequency override is offered only when being too frequent is the one thing in the way.
import { describe, expect, it } from 'vitest';
import type { SchedulePlan } from '@shared/ipc/channels/changes';
import { assertRunnable } from '@core/changes/apply';
import { assertWritable, lintFor } from '@core/changes/verdicts';

const NOW = new Date('2026-12-01T00:00:00Z');
const EVERY_MINUTE = '0 * * ? * *';
const FREQUENT_WORDS =
  'Expression: runs can be 1 minute apart, more often than once every 5 minutes, and each run rebuilds aggregates. Space the runs out (e.g. 0 0/15 * ? * *), or confirm the frequency override to allow it.';
const DUPLICATE_WORDS = `Expression: fires at the same times as the existing schedule '${EVERY_MINUTE}'. Keep that one, or change the time.`;
const OVERRIDE_HINT = ' To create it anyway, allow too-frequent schedules explicitly.';
/** Too frequent (an error) and stopping after 2026 (a warning). */
const FREQUENT_UNTIL_2026 = '0 * * ? * * 2026';

const lint = (expression: string, existing: string[] = []) =>
  lintFor(expression, { timeZone: 'UTC', now: NOW, existing: existing.map((e, i) => ({ jobId: `j${i}`, timeExpression: e })) });

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  return 'allowed';
}

describe('a write the linter refuses', () => {
  it('names each of its errors, and no override when another error stands in the way too', () => {
    const linted = lint(EVERY_MINUTE, [EVERY_MINUTE]);
    expect(linted.verdicts.map((v) => v.code)).toEqual(['too-frequent', 'duplicate']);
    expect(refusal(() => assertWritable(linted))).toBe(`"${EVERY_MINUTE}" was not sent: ${FREQUENT_WORDS} ${DUPLICATE_WORDS}`);
  });

  it('quotes only the errors, and offers the override when being too frequent is the only error', () => {
    const linted = lint(FREQUENT_UNTIL_2026);
    expect(linted.verdicts.map((v) => [v.code, v.severity])).toEqual([
      ['too-frequent', 'error'],
      ['stops-firing', 'warning'],
    ]);
    expect(refusal(() => assertWritable(linted))).toBe(`"${FREQUENT_UNTIL_2026}" was not sent: ${FREQUENT_WORDS}${OVERRIDE_HINT}`);
  });
});

describe('a plan the linter refuses', () => {
  const plan = (expressions: { expression: string; existing?: string[] }[]): SchedulePlan => ({
    planId: 'p',
    fingerprint: 'f',
    targetProfileId: 't',
    targetName: 'Prod',
    targetOrgId: 'o',
    production: true,
    serverTimeZone: 'UTC',
    targetSource: 'live',
    source: { kind: 'document' },
    create: expressions.map((e) => ({ ...lint(e.expression, e.existing), collisions: [] })),
    delete: [],
    unchanged: [],
    paused: [],
    hasChanges: true,
    blocked: true,
  });

  it('quotes each refused schedule with its errors only, in order', () => {
    expect(refusal(() => assertRunnable(plan([{ expression: FREQUENT_UNTIL_2026 }, { expression: EVERY_MINUTE, existing: [EVERY_MINUTE] }]), false))).toBe(
      `Nothing was sent: the linter refuses 2 schedules of the plan ("${FREQUENT_UNTIL_2026}": ${FREQUENT_WORDS}; "${EVERY_MINUTE}": ${FREQUENT_WORDS} ${DUPLICATE_WORDS}).`,
    );
  });
});
