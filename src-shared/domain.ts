// Domain types shared by main and renderer. Platform-free.
import type { ScheduleHealth } from './health/types';

export const ENVIRONMENT_KINDS = ['development', 'test', 'staging', 'production', 'custom'] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

export interface ProfileEnvironment {
  kind: EnvironmentKind;
  /** Shown to the user; for non-custom kinds usually the kind's own name. */
  label: string;
  /** CSS colour, e.g. '#d9480f'. */
  color: string;
}

export type SignInMethod = 'password' | 'token';

/**
 * A connection profile: one org on a server, resolved with its server's settings (URLs, sign-in method
 * and user, time zone, CA, environment) unless it overrides them. Never holds a secret.
 */
export interface Profile {
  id: string;
  /** The server this org is on; its orgs share its settings and one keychain entry. Set by the core. */
  serverId?: string;
  name: string;
  environment: ProfileEnvironment;
  /** Engine API base URL, e.g. https://atscale.example.com:10502 */
  apiUrl: string;
  /** Design Center URL used for password sign-in, e.g. https://atscale.example.com:10500 */
  authUrl: string;
  orgId: string;
  signIn: SignInMethod;
  username: string;
  /** IANA zone the server's scheduler evaluates expressions in; 'UTC' unless set. */
  serverTimeZone: string;
  /** Path of a PEM file with a private CA to trust for this profile only. */
  caCertPath: string | null;
  notes: string;
  /** Profiles created by demo mode point at the embedded simulator. */
  demo: boolean;
  /** How long after an expected fire a run still counts as on time; the classifier's default when absent. */
  healthGraceMinutes?: number;
  createdAt: string;
  updatedAt: string;
}

export type SecretStorage = 'keychain' | 'memory' | 'none';

/** What the renderer sees of a profile: never the secret, only whether there is one. */
export interface ProfileView extends Profile {
  hasSecret: boolean;
  secretStorage: SecretStorage;
}

export interface LatestExecution {
  id: string;
  executedAt: string;
}

export interface Schedule {
  jobId: string;
  orgId: string;
  timeExpression: string;
  fullBuild: boolean;
  createdBy: string;
  createdAt: string;
  latestExecution: LatestExecution | null;
  /** From the list's active filter; null when the server did not say. */
  active: boolean | null;
}

/** A schedule as `schedules:list` answers it: with its health, live or from a snapshot. */
export type ListedSchedule = Schedule & { health: ScheduleHealth };

/** A server zone that would explain a profile's executions better than the zone the profile says. */
export interface ZoneHint {
  zone: string;
  /** How much later than the profile's zone expects the executions ran (e.g. 300 for five hours). */
  offsetMinutes: number;
  /** E.g. "Executions match America/New_York; this profile says UTC." */
  message: string;
}

export const ERROR_KINDS = [
  'invalid-input',
  'network',
  'timeout',
  'tls',
  'unauthorized',
  'not-found',
  'bad-request',
  'server',
  'bad-response',
  'offline',
  'no-secret',
  'keychain-unavailable',
  'profile-mismatch',
  /** A write was sent but its answer was lost, and a re-list could not tell whether it happened. */
  'outcome-unknown',
  'storage',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The only error shape that crosses IPC: no stack, never a secret. */
export interface AppError {
  kind: ErrorKind;
  message: string;
}

export interface StaleInfo {
  /** Why the live list failed, in words. */
  reason: string;
  kind: ErrorKind;
}

export interface ScheduleList {
  profileId: string;
  orgId: string;
  schedules: ListedSchedule[];
  /** Set when the executions seen sit at one constant offset from the expected fires. */
  zoneHint: ZoneHint | null;
  /** When these schedules were fetched from the server (ISO). */
  fetchedAt: string;
  serverTimeZone: string;
  source: 'live' | 'snapshot';
  /** Present when the server could not be reached and this is the last snapshot. */
  stale: StaleInfo | null;
}

export interface AuditEntry {
  at: string;
  profileId: string;
  profileName: string;
  orgId: string;
  /** The server the write went to (`serverKeyOf`, host:port): after a move the org ID alone does not say. Older lines have none. */
  server?: string;
  action: 'create' | 'delete' | 'run-now';
  jobId: string | null;
  timeExpression: string | null;
  /** 'unknown': the write was sent, its answer was lost, and a re-list could not settle it. */
  outcome: 'ok' | 'failed' | 'unknown';
  error: string | null;
  /**
   * How a lost answer was settled, e.g. "reconciled: created as job 123", "not created (re-list)",
   * "unresolved"; null when the server answered. Lines written before this field existed read as null.
   */
  resolution: string | null;
  /** Set when this write is one step of a change made of several (an edit, a copy, an apply). */
  changeId?: string;
  change?: ChangeKind;
}

/** The kinds of change made of several writes; their audit entries share a changeId. */
export const CHANGE_KINDS = ['edit', 'reactivate', 'copy', 'bulk-delete', 'pause', 'resume', 'apply'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
