// Public types of the simulator: its options and the control surface tests and the harness use.
import type { AuthKind } from './auth';
import type { SeedApiToken, SeedJob, SeedOrg } from './demo-data';
import type { ActiveFault, FaultRule, SimEndpoint } from './faults';
import type { SimState } from './saved-state';

export interface SimulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /**
   * Serve HTTPS: true or 'private-ca', a certificate signed by a throwaway private CA; 'self-signed', one
   * self-signed certificate. Either way Simulator.caCert is the PEM a client must trust.
   */
  tls?: boolean | 'private-ca' | 'self-signed';
  /** 'demo' (default): DEMO_ORGS. 'empty': no orgs. Or your own orgs. */
  seed?: 'demo' | 'empty' | readonly SeedOrg[];
  /** username -> password for Basic sign-in; default DEMO_USER and DEMO_ANALYST_USER with their passwords. */
  users?: Record<string, string>;
  /**
   * username -> the org ids that user may reach ('*' = all); others answer 403 and are left out of
   * GET /api/1.0/org. A user without an entry reaches every org. Default: DEMO_ANALYST_USER reaches
   * DEMO_ANALYST_ORGS only.
   */
  access?: Record<string, readonly string[] | '*'>;
  /** Accepted API tokens (a bare string belongs to DEMO_USER, issued at start); default DEMO_API_TOKENS. */
  apiTokens?: readonly (string | SeedApiToken)[];
  /** API tokens stop working this long after they were issued (default 90 days, as Design Center's). */
  apiTokenTtlMs?: number;
  /** How long a maintenance run takes in an org whose seed does not say (default 5 minutes). */
  runDurationMs?: number;
  /** The simulator's clock (default: real time). advanceTime() moves it further. */
  now?: () => Date;
  /** Zone the simulated Quartz scheduler fires expressions in (default 'UTC'); setTimeZone() changes it. */
  timeZone?: string;
  /** Latency added to every API and auth request. */
  latencyMs?: number;
  /** Session tokens stop working this long (simulated time) after sign-in; default never. */
  sessionTtlMs?: number;
  /** Enable the /__sim/ HTTP control endpoint (off by default). */
  control?: boolean;
  /**
   * Keep the server's state across starts (default: none, every start is the seed). At start the orgs,
   * jobs (created and deactivated), runs started and scheduler settings of `saved` (checked with
   * parseSimState) replace the seed's (seed orgs it lacks are added), and the port it listened on is taken
   * again: `port` is used only when that one is taken. `save` is called at start and after every change,
   * one call at a time with the latest state; a change is saved before its answer is sent.
   */
  state?: SimStateKeeping;
  /** Told when a save failed or the saved port was taken. */
  onStateProblem?: (problem: SimStateProblem) => void;
}

/** Where a simulator's state is kept: what was saved last time, and how to save it again. */
export interface SimStateKeeping {
  saved: SimState | null;
  save(state: SimState): Promise<void>;
}

/** What went wrong with keeping SimulatorOptions.state; the simulator runs on regardless. */
export type SimStateProblem =
  /** A save failed: changes since the last good save are lost at the next start. */
  | { kind: 'unwritable'; reason: string }
  /** The saved port was taken: the simulator listens on `port` instead (and saves that one). */
  | { kind: 'port-taken'; savedPort: number; port: number };

export interface RequestLogEntry {
  seq: number;
  /** Simulated time of arrival (ISO). */
  at: string;
  method: string;
  /** Path and query as sent (never carries a secret; the Authorization header is not logged). */
  path: string;
  endpoint: SimEndpoint | null;
  orgId: string | null;
  auth: AuthKind;
  /** HTTP status sent, 'hang' or 'reset' for those faults, null while in flight. */
  outcome: number | 'hang' | 'reset' | null;
}

export interface SimJobView {
  jobId: string;
  orgId: string;
  timeExpression: string;
  fullBuild: boolean;
  createdBy: string;
  createdAt: string;
  active: boolean;
  latestExecution: { id: string; executedAt: string } | null;
}

/** One maintenance run as the simulator knows it (times ISO). */
export interface SimRunView {
  id: string;
  orgId: string;
  /** The schedule that fired it; null for run-immediately and event runs. */
  jobId: string | null;
  /** 'ScheduledMaintenance', 'RunImmediately' or an event such as 'CubeUpdateMaintenance(FirstTimeCubeProcessed)'. */
  triggerType: string;
  creationTime: string;
  startTime: string;
  endTime: string;
  running: boolean;
}

/** An org's scheduler settings, as state() shows them. */
export interface SimSchedulerState {
  paused: boolean;
  lateMs: number;
  runDurationMs: number;
  running: boolean;
}

export interface SimHold {
  /** How many requests are waiting on this hold right now. */
  waiting(): number;
  /** Lets every waiting (and any later) matching request go on. */
  release(): void;
}

export interface SimulatorState {
  now: string;
  offline: boolean;
  timeZone: string;
  orgs: ({ orgId: string; active: number; deactivated: number } & SimSchedulerState)[];
  faults: ActiveFault[];
  latencyMs: number;
  orgLatencyMs: Record<string, number>;
  sessions: number;
  requests: number;
}

export interface SimulatorControl {
  /** Adds a fault; returns its id. Without `times` it lasts until removed or cleared. */
  inject(rule: FaultRule): number;
  removeFault(id: number): void;
  clearFaults(): void;
  /**
   * Matching requests wait (after any latency, before they are acted on) until release(): lets a test
   * keep a request in flight for exactly as long as it needs, instead of guessing a latency.
   */
  hold(filter: { orgId?: string; endpoint?: SimEndpoint }): SimHold;
  /** Latency for every request, or for one org. */
  setLatency(ms: number, orgId?: string): void;
  /** Every session token stops working; returns how many there were. */
  expireSessions(): number;
  advanceTime(ms: number): void;
  now(): Date;
  /**
   * Pauses (or resumes) the org's scheduled runs, as the engine setting pausescheduledjobs does: fires in
   * the pause are missed. `at` (default now) may lie in the past to make a pause that began days ago.
   * Run-immediately and event runs still run.
   */
  setSchedulerPaused(orgId: string, paused: boolean, options?: { at?: Date | string }): void;
  /** Scheduled runs firing from `at` (default now) on start `lateMs` after their fire time (0 = on time). */
  setLateRuns(orgId: string, lateMs: number, options?: { at?: Date | string }): void;
  /** How long the org's runs take from now on. */
  setRunDuration(orgId: string, ms: number): void;
  /** An event-triggered run (a cube was processed): an execution no schedule explains. */
  triggerEvent(orgId: string, options?: { at?: Date | string; triggerType?: string; durationMs?: number }): SimRunView;
  /** The zone the server fires expressions in (as if it had always run there). */
  setTimeZone(timeZone: string): void;
  timeZone(): string;
  /** The org's run in progress now, or null. */
  runningJob(orgId: string): SimRunView | null;
  /** Runs that started in (from, to], oldest first; default the last 7 days up to now. */
  runs(orgId: string, options?: { from?: Date | string; to?: Date | string; limit?: number }): SimRunView[];
  addOrg(orgId: string, jobs?: readonly SeedJob[]): void;
  /** The server-side truth, for assertions (e.g. no duplicate job after a failed POST). */
  jobs(orgId: string, active?: boolean): SimJobView[];
  requests(filter?: { endpoint?: SimEndpoint; orgId?: string; method?: string }): RequestLogEntry[];
  clearRequests(): void;
  state(): SimulatorState;
  /** Back to the seed: no faults, no latency, no sessions, empty log, clock offset 0, scheduler settings and zone as started. */
  reset(): void;
}

export interface Simulator extends SimulatorControl {
  /** Base URL for both the API and sign-in (one server serves both), e.g. http://127.0.0.1:4510 */
  readonly url: string;
  readonly port: number;
  /** PEM of the CA to trust in TLS mode (the certificate itself when self-signed); null over plain HTTP. */
  readonly caCert: string | null;
  /** Close the port (connections dropped) or open it again on the same port. */
  setOffline(offline: boolean): Promise<void>;
  isOffline(): boolean;
  /** Closes the port; with a state file, resolves once the last change is written. */
  close(): Promise<void>;
}
