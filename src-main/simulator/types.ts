// Public types of the simulator: its options and the control surface tests and the harness use.
import type { AuthKind } from './auth';
import type { SeedJob, SeedOrg } from './demo-data';
import type { ActiveFault, FaultRule, SimEndpoint } from './faults';

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
  /** username -> password for Basic sign-in; default { DEMO_USER: DEMO_PASSWORD }. */
  users?: Record<string, string>;
  /** Accepted API tokens; default [DEMO_TOKEN]. */
  apiTokens?: readonly string[];
  /** The simulator's clock (default: real time). advanceTime() moves it further. */
  now?: () => Date;
  /** Zone the simulated Quartz scheduler runs in (default 'UTC'). */
  timeZone?: string;
  /** Latency added to every API and auth request. */
  latencyMs?: number;
  /** Session tokens stop working this long (simulated time) after sign-in; default never. */
  sessionTtlMs?: number;
  /** Enable the /__sim/ HTTP control endpoint (off by default). */
  control?: boolean;
}

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

export interface SimHold {
  /** How many requests are waiting on this hold right now. */
  waiting(): number;
  /** Lets every waiting (and any later) matching request go on. */
  release(): void;
}

export interface SimulatorState {
  now: string;
  offline: boolean;
  orgs: { orgId: string; active: number; deactivated: number }[];
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
  addOrg(orgId: string, jobs?: readonly SeedJob[]): void;
  /** The server-side truth, for assertions (e.g. no duplicate job after a failed POST). */
  jobs(orgId: string, active?: boolean): SimJobView[];
  requests(filter?: { endpoint?: SimEndpoint; orgId?: string; method?: string }): RequestLogEntry[];
  clearRequests(): void;
  state(): SimulatorState;
  /** Back to the seed: no faults, no latency, no sessions, empty log, clock offset 0. */
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
  close(): Promise<void>;
}
