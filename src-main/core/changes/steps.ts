// One write of a change, as the schedule service does it (guarded and audited there), captured as a step.
import type { AppError, Profile, Schedule } from '@shared/domain';
import type { ChangeStep } from '@shared/ipc/channels/changes';
import { kindOf, toAppError, type Redactor } from '@core/errors';
import type { ScheduleService } from '@core/schedules/schedule-service';

/**
 * 'unknown' only when the service says so: it judges every error of the write itself (answerMayBeLost,
 * then a re-list), so any other error it throws is a refusal, a write never sent, or a failure before the
 * write (signing in, the list it reads first): nothing was done.
 */
export function outcomeOf(error: unknown): 'failed' | 'unknown' {
  return kindOf(error) === 'outcome-unknown' ? 'unknown' : 'failed';
}

export interface StepContext {
  schedules: ScheduleService;
  redact: Redactor;
}

export async function createStep(
  c: StepContext,
  profile: Profile,
  orgId: string,
  timeExpression: string,
): Promise<{ step: ChangeStep; created: Schedule | null }> {
  try {
    const created = await c.schedules.create(profile.id, orgId, timeExpression);
    return {
      step: { action: 'create', profileId: profile.id, jobId: created.jobId, timeExpression, outcome: 'ok', error: null, ...noted(created.warning) },
      created,
    };
  } catch (error) {
    return {
      step: {
        action: 'create',
        profileId: profile.id,
        jobId: null,
        timeExpression,
        outcome: outcomeOf(error),
        error: toAppError(error, c.redact, 'creating a schedule'),
      },
      created: null,
    };
  }
}

export async function deleteStep(c: StepContext, profile: Profile, orgId: string, jobId: string, timeExpression: string | null): Promise<ChangeStep> {
  try {
    const { warning } = await c.schedules.remove(profile.id, orgId, jobId);
    return { action: 'delete', profileId: profile.id, jobId, timeExpression, outcome: 'ok', error: null, ...noted(warning) };
  } catch (error) {
    return {
      action: 'delete',
      profileId: profile.id,
      jobId,
      timeExpression,
      outcome: outcomeOf(error),
      error: toAppError(error, c.redact, 'deleting a schedule'),
    };
  }
}

/** The service's warning after a write the server accepted, kept on the step (absent when there is none). */
const noted = (warning: string | null): { warning?: string } => (warning ? { warning } : {});

/** Every distinct warning of the steps, in order. */
export function warningsOf(steps: readonly ChangeStep[]): string[] {
  return [...new Set(steps.flatMap((s) => (s.warning ? [s.warning] : [])))];
}

/** A change's message with what was not recorded locally after it: "Done: 2 steps succeeded. Warning: Created on the server, but …". */
export function withWarnings(message: string, steps: readonly ChangeStep[]): string {
  const warnings = warningsOf(steps);
  return warnings.length === 0 ? message : `${message} Warning: ${warnings.join(' ')}`;
}

export function notRun(action: ChangeStep['action'], profileId: string, jobId: string | null, timeExpression: string | null): ChangeStep {
  return { action, profileId, jobId, timeExpression, outcome: 'not-run', error: null };
}

/** Why a step did not succeed, as its messages quote it (a step that did succeed has no error). */
export function failureOf(step: ChangeStep): AppError {
  return step.error ?? { kind: 'internal', message: '' };
}

/** One line per step, for messages: "create 0 0 4 ? * *: ok". */
export function describeStep(step: ChangeStep): string {
  const what = step.action === 'create' ? `create "${step.timeExpression ?? ''}"` : `delete job ${step.jobId ?? '?'}`;
  const how =
    step.outcome === 'ok'
      ? 'done'
      : step.outcome === 'not-run'
        ? 'not sent'
        : step.outcome === 'unknown'
          ? `outcome unknown (${failureOf(step).message})`
          : `failed (${failureOf(step).message})`;
  return `${what}: ${how}`;
}
