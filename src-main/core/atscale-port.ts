// What core needs from the AtScale client (createAtScaleClient's seam), so the service can be built with any factory
// of that shape (the real client in the app and the harness; tests use the real one too).
export type Credentials = { kind: 'password'; username: string; password: string } | { kind: 'token'; token: string };

export interface ClientOptions {
  apiUrl: string;
  authUrl?: string;
  orgId: string;
  credentials: Credentials;
  timeoutMs?: number;
  /** PEM text of a private CA to trust for this client only. */
  caCert?: string;
}

export interface ClientSchedule {
  jobId: string;
  orgId: string;
  timeExpression: string;
  fullBuild: boolean;
  createdBy: string;
  createdAt: string | Date;
  latestExecution?: { id: string; executedAt: string | Date } | null;
  active?: boolean | null;
}

/** The maintenance run in progress in the org (`GET /aggregates/maintenance/orgId/{orgId}`). Times are ISO or null. */
export interface ClientRunningJob {
  /** The run's own id, when the server gives one. */
  id: string | null;
  /** Why it runs, in the server's words, e.g. "CubeUpdateMaintenance(FirstTimeCubeProcessed)"; null when not said. */
  triggerType: string | null;
  /** When the run was requested (a scheduled fire, a run-now, an event). */
  creationTime: string | null;
  /** When it actually started (later than creationTime when it queued). */
  startTime: string | null;
  /** The server's state word (e.g. "RUNNING"), when given. */
  status: string | null;
}

export interface ClientRunNowResult {
  /** The server's own words, e.g. "Maintenance successfully started for default". */
  message: string;
}

/** One org the signed-in user can reach (`GET /api/1.0/org`). */
export interface ClientOrg {
  id: string;
  /** The server's display name; the id when it gives none. */
  name: string;
}

/** What the server says about the token in use (`GET /api/1.0/sessiontoken`). Times are ISO or null. */
export interface ClientSessionToken {
  userId: string | null;
  generatedAt: string | null;
  /** Only when the server says so; otherwise derive it from generatedAt (API tokens live 90 days). */
  expiresAt: string | null;
}

export interface ScheduleClient {
  listSchedules(options?: { active?: boolean }): Promise<readonly ClientSchedule[]>;
  createSchedule(timeExpression: string): Promise<Partial<ClientSchedule> & { jobId: string }>;
  deleteSchedule(jobId: string): Promise<unknown>;
  /** Signs in now (password credentials), so a connection test can tell sign-in from listing. */
  signIn?(): Promise<void>;
  /** The run in progress in the org, or null when none is (200 with no job, 204, 404 or an empty body). */
  getRunningJob?(): Promise<ClientRunningJob | null>;
  /** Starts maintenance in the org now. Never retried: a lost answer means the run may have started. */
  runNow?(): Promise<ClientRunNowResult>;
  /** The orgs the signed-in user can reach; the client's own org is only used to sign in. */
  listOrgs?(): Promise<readonly ClientOrg[]>;
  /** The token's user and age, or null when the server does not offer the endpoint (404 / 405). */
  sessionToken?(): Promise<ClientSessionToken | null>;
  close?(): void;
}

export type ClientFactory = (options: ClientOptions) => ScheduleClient;
