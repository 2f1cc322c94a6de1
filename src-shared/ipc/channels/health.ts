// Did maintenance run: execution history, the running job, run now, and desktop notifications.
import { z } from 'zod';
import type { AppError } from '../../domain';
import type { PastFire } from '../../health/history';
import type { HealthVerdict } from '../../health/types';
import { channel } from '../define';
import { empty, id } from '../schemas';

/** One execution seen in a list's latest_execution, beside the expected fire it answered. */
export interface HistoryExecution {
  jobId: string;
  executionId: string;
  /** ISO. */
  executedAt: string;
  /** The expected fire (in the profile's server zone) this execution answered; null when none explains it. */
  expectedAt: string | null;
  /** executedAt - expectedAt; null for an extra run. */
  latenessMs: number | null;
  /** on-time / late by the profile's grace; extra when no fire explains it or the fire was answered already. */
  verdict: Extract<HealthVerdict, 'on-time' | 'late' | 'extra'>;
  /** The job's expression when the execution was seen. */
  timeExpression: string;
}

/**
 * One expected fire in the asked window (calendar and timeline marks). missed: a list proved it (the job's
 * latest execution, seen after the fire's grace, was older); unknown: no list saw that stretch.
 */
export type HistoryFire = PastFire & { jobId: string };

export interface HistoryAnswer {
  /** Newest first. */
  executions: HistoryExecution[];
  /** Oldest first; for the jobs the history has seen (with or without executions). */
  fires: HistoryFire[];
}

/** The maintenance run in progress in a profile's org. Times ISO. */
export interface RunningJob {
  /** Why it runs, in the server's words (e.g. "ScheduledMaintenance"); null when not said. */
  triggerType: string | null;
  /** When it started; creationTime when the server gives no start time. */
  startedAt: string | null;
  /** When it was requested (a scheduled fire, a run-now, an event). */
  creationTime: string | null;
}

export interface RunningState {
  profileId: string;
  running: RunningJob | null;
  /** Median of the org's recent recorded run durations; null until one run was seen to end. */
  typicalDurationMs: number | null;
  /** When the server was asked (ISO). */
  checkedAt: string;
  /** Why the last check failed (the state above is then the last known one), else null. */
  error: AppError | null;
}

export interface RunNowResult {
  /** The server's own words, e.g. "Maintenance successfully started for default". */
  message: string;
  /** Fetched right after the request; null when that check failed. */
  running: RunningState | null;
  /** Started, but a local record of it could not be written ("Maintenance started on the server, but ..."); else null. */
  warning: string | null;
}

export interface NotificationSettings {
  /** Notifications for every profile, unless the profile says otherwise. Off until the user opts in. */
  enabled: boolean;
  /** profileId -> on/off, overriding `enabled` for that profile. */
  profiles: Record<string, boolean>;
}

export type NotificationKind = 'missed' | 'long-run' | 'unreachable' | 'signed-out';

/** A desktop notification the core decided to show (Electron shows it; the browser harness lists it). */
export interface AppNotification {
  id: string;
  profileId: string;
  kinds: NotificationKind[];
  title: string;
  body: string;
  /** ISO. */
  at: string;
}

const isoTime = z
  .string()
  .max(40)
  .refine((t) => Number.isFinite(Date.parse(t)), { message: 'must be an ISO date-time' });

export const healthChannels = {
  /** One job's when jobId is given; fires of the window [from, to] (default the last 14 days up to now). */
  'history:list': channel(
    z.object({ profileId: id, jobId: z.string().min(1).max(128).optional(), from: isoTime.optional(), to: isoTime.optional() }).strict(),
  ).returns<HistoryAnswer>(),
  /** Asks the server now. A 503 means the Design Center APIs are not enabled on that server. */
  'maintenance:running': channel(z.object({ profileId: id }).strict()).returns<RunningState>(),
  /**
   * The profiles whose running job the core polls (replaces the previous set; [] stops polling). Changes
   * are pushed as `maintenance:running-changed`.
   */
  'maintenance:watch': channel(z.object({ profileIds: z.array(id).max(10_000) }).strict()).returns<{ profileIds: string[]; intervalMs: number }>(),
  /** orgId is the org the user confirmed; main refuses when it is not the profile's. Never retried. */
  'maintenance:run-now': channel(z.object({ profileId: id, orgId: z.string().min(1).max(200) }).strict()).returns<RunNowResult>(),
  'notifications:get': channel(empty).returns<NotificationSettings>(),
  /** Changes the global switch and/or per-profile switches (null removes a profile's own setting). */
  'notifications:set': channel(
    z
      .object({
        enabled: z.boolean().optional(),
        profiles: z.record(id, z.boolean().nullable()).optional(),
      })
      .strict(),
  ).returns<NotificationSettings>(),
};
