// A schedule's health as the renderer shows it: the verdict's label and tone, and which verdicts are
// "problems" (the problems-only filter, the sidebar dot's alarm).
import type { Schedule } from '@shared/domain';
import type { HealthVerdict, ScheduleHealth } from '@shared/health';

const UNKNOWN: ScheduleHealth = { verdict: 'unknown', expectedAt: null, executedAt: null };

/** The health main attached to a listed schedule; unknown for one that carries none (an older snapshot shape). */
export function healthOf(schedule: Schedule): ScheduleHealth {
  const health = (schedule as Schedule & { health?: ScheduleHealth }).health;
  return health ?? UNKNOWN;
}

export const VERDICT_LABEL: Record<HealthVerdict, string> = {
  'on-time': 'On time',
  late: 'Late',
  missed: 'Missed',
  extra: 'Extra run',
  'not-due': 'Not due yet',
  'never-fires': 'Never fires',
  unknown: 'Unknown',
};

/** CSS tone: bad (act now), warn (have a look), good, quiet (nothing to judge). */
export const VERDICT_TONE: Record<HealthVerdict, 'bad' | 'warn' | 'good' | 'quiet'> = {
  missed: 'bad',
  late: 'warn',
  'never-fires': 'warn',
  extra: 'quiet',
  'on-time': 'good',
  'not-due': 'quiet',
  unknown: 'quiet',
};

/**
 * What "problems only" keeps: a run that did not happen or came late, and an expression that never fires.
 * An extra run is not one: AtScale starts maintenance on events and on request, by design.
 */
export const PROBLEM_VERDICTS: ReadonlySet<HealthVerdict> = new Set<HealthVerdict>(['missed', 'late', 'never-fires']);

export function isProblem(verdict: HealthVerdict): boolean {
  return PROBLEM_VERDICTS.has(verdict);
}

/** The sources (or anything holding a schedule) whose health is a problem, when the filter is on. */
export function filterProblems<T extends { schedule: Schedule }>(items: readonly T[], problemsOnly: boolean): T[] {
  return problemsOnly ? items.filter((i) => isProblem(healthOf(i.schedule).verdict)) : [...items];
}
