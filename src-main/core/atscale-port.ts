// What core needs from the AtScale client (issue 3's seam), so the service can be built with any factory
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

export interface ScheduleClient {
  listSchedules(options?: { active?: boolean }): Promise<readonly ClientSchedule[]>;
  createSchedule(timeExpression: string): Promise<Partial<ClientSchedule> & { jobId: string }>;
  deleteSchedule(jobId: string): Promise<unknown>;
  /** Signs in now (password credentials), so a connection test can tell sign-in from listing. */
  signIn?(): Promise<void>;
  close?(): void;
}

export type ClientFactory = (options: ClientOptions) => ScheduleClient;
