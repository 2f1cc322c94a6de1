// Fleet planning shapes: schedules of many orgs placed on the servers (AtScale engines) they share.

/** One schedule as the fleet views see it. */
export interface FleetSource {
  /** Unique per schedule, e.g. `${profileId}/${jobId}`. */
  key: string;
  /** serverKeyOf(profile.apiUrl): orgs on one engine share its hardware. */
  serverKey: string;
  profileId: string;
  /** The environment label shown to the user (groups a server's load). */
  environment: string;
  timeExpression: string;
  /** The zone Quartz evaluates the expression in. */
  serverTimeZone: string;
  /** Typical run length: history where known, else the profile's default. */
  durationMs: number;
}

/** One run: it occupies [start, end). */
export interface FleetRun {
  key: string;
  profileId: string;
  environment: string;
  timeExpression: string;
  start: number;
  end: number;
}

/**
 * A window when maintenance must not run. Weekly: on the given days (1 = Sunday .. 7 = Saturday, as Quartz),
 * from `start` (inclusive) to `end` (exclusive), 'HH:MM' wall time in `timeZone`; an `end` at or before
 * `start` runs past midnight into the next day. Dates: from one ISO instant (inclusive) to another (exclusive).
 */
export type Blackout =
  | { kind: 'weekly'; days: number[]; start: string; end: string; timeZone: string; label?: string }
  | { kind: 'dates'; from: string; to: string; label?: string };

/** Minimum occupation of a run: a run with no known length still occupies its start. */
export const MIN_RUN_MS = 1000;

export const runLength = (durationMs: number): number => (Number.isFinite(durationMs) ? Math.max(MIN_RUN_MS, durationMs) : MIN_RUN_MS);

/** Minutes assumed for a run when nothing else is known. */
export const DEFAULT_RUN_MINUTES = 10;
export const MAX_RUN_MINUTES = 24 * 60;
