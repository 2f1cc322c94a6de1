// Schedule health: did the schedule run when Quartz says it should have? Shared by core (which attaches a
// verdict to every listed schedule) and renderer (badge, tooltip, sidebar dot).

export const HEALTH_VERDICTS = ['on-time', 'late', 'missed', 'extra', 'not-due', 'never-fires', 'unknown'] as const;
export type HealthVerdict = (typeof HEALTH_VERDICTS)[number];

export interface ScheduleHealth {
  verdict: HealthVerdict;
  /** The expected fire the verdict is about (ISO), or null. */
  expectedAt: string | null;
  /** The execution the verdict is about (ISO), or null. */
  executedAt: string | null;
}

export interface ExecutionRecord {
  id: string;
  /** ISO instant. */
  executedAt: string;
}

export interface HealthInput {
  timeExpression: string;
  /** ISO instant the schedule was created; fires before it are not the schedule's. */
  createdAt: string;
  /** false: deactivated (health is not judged); null: the server did not say (judged as active). */
  active: boolean | null;
  /** The known executions (any order, possibly only the latest); null when nothing is known at all. */
  executions: readonly ExecutionRecord[] | null;
}

export interface HealthOptions {
  /** The server's IANA zone: Quartz evaluates the expression there. */
  timeZone: string;
  now: Date;
  /** How long after an expected fire a run still counts as on time. */
  graceMs: number;
  /** How long before an expected fire a run still answers it (clock skew); default EARLY_TOLERANCE_MS. */
  earlyToleranceMs?: number;
}
