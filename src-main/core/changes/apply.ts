// Apply carries out exactly the plan that was shown: the target is planned again first, and when that
// plan differs (the target changed, or the source did) nothing is written and the new plan is answered.
// Creates go first, then deletes (no gap); the first step that does not succeed stops the rest.
import type { Profile } from '@shared/domain';
import type { ApplyResult, ChangeStep, PlanSource, SchedulePlan } from '@shared/ipc/channels/changes';
import { AppFailure } from '@core/errors';
import type { ChangeDeps } from './deps';
import { inChange } from './change-context';
import { confirmedProfile } from './guard';
import { desiredFrom, planFor } from './plan';
import { createStep, deleteStep, describeStep, notRun, withWarnings } from './steps';
import { isBlocked } from './verdicts';

export interface ApplyRequest {
  source: PlanSource;
  targetProfileId: string;
  planId: string;
  orgId: string;
  allowTooFrequent?: boolean;
}

/** Refuses a plan the linter blocks, or one planned against a snapshot; nothing is sent. */
export function assertRunnable(plan: SchedulePlan, allowTooFrequent: boolean): void {
  if (plan.targetSource !== 'live') {
    throw new AppFailure(
      'offline',
      `"${plan.targetName}" cannot be reached, so nothing was sent: the plan was made from its last saved list. Try again once the server answers.`,
    );
  }
  const refused = plan.create.filter((c) => isBlocked(c.verdicts, allowTooFrequent));
  if (refused.length > 0) {
    const detail = refused
      .map(
        (c) =>
          `"${c.expression}": ${c.verdicts
            .filter((v) => v.severity === 'error')
            .map((v) => v.message)
            .join(' ')}`,
      )
      .join('; ');
    throw new AppFailure(
      'invalid-input',
      `Nothing was sent: the linter refuses ${refused.length === 1 ? 'a schedule' : `${refused.length} schedules`} of the plan (${detail}).`,
    );
  }
}

/** Runs a plan's steps in order, stopping at the first one that does not succeed. Call inside a change. */
export async function runPlan(d: ChangeDeps, profile: Profile, orgId: string, plan: SchedulePlan): Promise<ChangeStep[]> {
  const steps: ChangeStep[] = [];
  let stopped = false;
  for (const c of plan.create) {
    if (stopped) {
      steps.push(notRun('create', profile.id, null, c.expression));
      continue;
    }
    const { step } = await createStep(d, profile, orgId, c.expression);
    steps.push(step);
    stopped = step.outcome !== 'ok';
  }
  for (const x of plan.delete) {
    if (stopped) {
      steps.push(notRun('delete', profile.id, x.jobId, x.expression));
      continue;
    }
    const step = await deleteStep(d, profile, orgId, x.jobId, x.expression);
    steps.push(step);
    stopped = step.outcome !== 'ok';
  }
  return steps;
}

/** `note`: said after the outcome, before any warning of the steps. */
export function summary(steps: readonly ChangeStep[], note = ''): { status: 'done' | 'stopped' | 'nothing-to-do'; message: string } {
  if (steps.length === 0) return { status: 'nothing-to-do', message: `Nothing to do: the target already has these schedules.${note}` };
  const failed = steps.find((s) => s.outcome === 'failed' || s.outcome === 'unknown');
  if (!failed) return { status: 'done', message: withWarnings(`Done: ${steps.length} step${steps.length === 1 ? '' : 's'} succeeded.${note}`, steps) };
  const done = steps.filter((s) => s.outcome === 'ok').length;
  const skipped = steps.filter((s) => s.outcome === 'not-run').length;
  return {
    status: 'stopped',
    message: withWarnings(
      `Stopped after ${done} of ${steps.length} steps at ${describeStep(failed)}; ${skipped} step${skipped === 1 ? ' was' : 's were'} not sent. Plan again to see where the target stands.${note}`,
      steps,
    ),
  };
}

export async function applyPlan(d: ChangeDeps, r: ApplyRequest): Promise<ApplyResult> {
  const target = confirmedProfile(d.profiles, r.targetProfileId, r.orgId, 'apply');
  const plan = await planFor(d, await desiredFrom(d, r.source), target, { deletes: true });
  if (plan.planId !== r.planId) {
    return {
      status: 'changed',
      message: `"${target.name}" or the source changed since the plan was made; nothing was written. Here is the new plan: review it and apply again.`,
      plan,
    };
  }
  assertRunnable(plan, r.allowTooFrequent ?? false);
  return inChange('apply', async (changeId) => {
    const steps = await runPlan(d, target, r.orgId, plan);
    return { changeId, steps, ...summary(steps) };
  });
}
