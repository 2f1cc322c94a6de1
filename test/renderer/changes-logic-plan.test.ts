// Plans read as a diff, line by line (what each line says happens to its schedule), the summary above
// them, and when a plan may be carried out.
import { describe, expect, it } from 'vitest';
import type { PlannedCreate } from '@shared/ipc/channels/changes';
import { diffLines, planGate, planSummary } from '@renderer/changes/plan-logic';
import { everySecond, frequent, never, plan } from './support/changes-fixtures';

const collision = { jobId: 'j8', expression: '0 30 1 ? * *', firstAt: '2026-11-29T01:30:00.000Z' };
const nightly: PlannedCreate = { expression: '0 30 1 ? * SUN *', label: 'nightly', verdicts: [], blocked: false, collisions: [collision] };

describe('a plan line by line', () => {
  it('a create line carries its label, verdicts and collisions', () => {
    expect(diffLines(plan({ create: [nightly] }))).toEqual([
      { kind: 'create', sign: '+', expression: '0 30 1 ? * SUN *', label: 'nightly', note: 'to create', verdicts: [], collisions: [collision], refused: false },
    ]);
  });

  it('a create without a label shows none', () => {
    const [line] = diffLines(plan({ create: [{ ...nightly, label: '' }] }));
    expect(line).not.toHaveProperty('label');
  });

  it('a delete line names its job and carries no verdict, collision or refusal', () => {
    expect(diffLines(plan({ delete: [{ jobId: 'j7', expression: '0 0 2 L * ?' }] }))).toEqual([
      { kind: 'delete', sign: '-', expression: '0 0 2 L * ?', note: 'to delete (job j7)', verdicts: [], collisions: [], refused: false },
    ]);
  });

  it('an unchanged line written the same way says it is already there, with its label', () => {
    expect(diffLines(plan({ unchanged: [{ expression: '0 0 4 ? * *', label: 'daily', jobId: 'j5', targetExpression: '0 0 4 ? * *' }] }))).toEqual([
      {
        kind: 'unchanged',
        sign: '=',
        expression: '0 0 4 ? * *',
        label: 'daily',
        note: 'already there (job j5), skipped',
        verdicts: [],
        collisions: [],
        refused: false,
      },
    ]);
  });

  it('a paused line says it is not created, with its label', () => {
    expect(diffLines(plan({ paused: [{ expression: '0 0 6 ? * *', label: 'morning' }] }))).toEqual([
      {
        kind: 'paused',
        sign: '‖',
        expression: '0 0 6 ? * *',
        label: 'morning',
        note: 'paused in the document: not created',
        verdicts: [],
        collisions: [],
        refused: false,
      },
    ]);
  });
});

describe('the summary above a plan', () => {
  it('names only the kinds the plan has', () => {
    expect(planSummary(plan({ create: [nightly, everySecond] }))).toBe('2 to create');
    expect(planSummary(plan({ delete: [{ jobId: 'j7', expression: '0 0 2 L * ?' }] }))).toBe('1 to delete');
    expect(planSummary(plan({ unchanged: [{ expression: '0 0 4 ? * *', jobId: 'j5', targetExpression: '0 0 4 ? * *' }] }))).toBe('1 unchanged');
    expect(planSummary(plan({ paused: [{ expression: '0 0 6 ? * *' }] }))).toBe('1 paused');
  });

  it('says nothing when the plan is empty', () => {
    expect(planSummary(plan())).toBe('nothing');
  });
});

describe('when a plan may be carried out', () => {
  it('a snapshot plan is refused even when its creates are clean', () => {
    expect(planGate(plan({ targetSource: 'snapshot', create: [nightly] }), true)).toEqual({
      ok: false,
      reason: 'Prod could not be reached: this plan was made from its last saved list and cannot be carried out.',
      needsOverride: false,
    });
  });

  it('a too-frequent create says which box to tick', () => {
    expect(planGate(plan({ create: [everySecond] }), false)).toEqual({
      ok: false,
      reason: 'A schedule runs too often: tick “Allow runs this frequent” to go on.',
      needsOverride: true,
    });
  });

  it('offers no override for a create the linter refuses anyway', () => {
    const both = plan({ create: [{ expression: '* * * 30 2 ?', verdicts: [frequent, never], blocked: true, collisions: [] }] });
    expect(planGate(both, false)).toEqual({
      ok: false,
      reason: '“* * * 30 2 ?” is refused by the linter: change it in the source first.',
      needsOverride: false,
    });
  });
});
