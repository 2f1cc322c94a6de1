// One schedule as the exports see it: what names it for a reader, and what places its runs in time.

export interface ExportSource {
  profileId: string;
  profileName: string;
  orgId: string;
  environmentLabel: string;
  jobId: string;
  timeExpression: string;
  serverTimeZone: string;
  /** Length of each run (the schedule's typical run); exports use 30 minutes when absent. */
  durationMs?: number;
  /** The schedule's own description, when it has one. */
  description?: string;
}
