// The simulator's state and its programmatic control surface (faults, latency, clock, scheduler
// settings, zone), shared by startSimulator's HTTP handler and the /__sim/ control endpoint.
import { SimAuth, type SimApiToken } from './auth';
import {
  API_TOKEN_TTL_DAYS,
  DEMO_ANALYST_ORGS,
  DEMO_ANALYST_PASSWORD,
  DEMO_ANALYST_USER,
  DEMO_API_TOKENS,
  DEMO_ORGS,
  DEMO_PASSWORD,
  DEMO_USER,
  type SeedJob,
  type SeedOrg,
} from './demo-data';
import { FaultTable, type SimEndpoint } from './faults';
import { restoreState, type SimState } from './saved-state';
import { isRunning, pausedAt, latenessAt, type SimRun } from './runs';
import { SimStore } from './store';
import type { RequestLogEntry, SimHold, SimRunView, SimulatorControl, SimulatorOptions, SimulatorState } from './types';

const DAY = 86_400_000;

export interface HoldEntry {
  orgId?: string;
  endpoint?: SimEndpoint;
  gate: Promise<void>;
  open: () => void;
  waiting: number;
}

/** What the HTTP handler reads; store and auth are replaced by reset(), so read them through here. */
export interface SimWorld {
  now(): Date;
  store(): SimStore;
  auth(): SimAuth;
  faults: FaultTable;
  latencyFor(orgId: string | null): number;
  log(entry: RequestLogEntry): void;
  nextSeq(): number;
  holds: Set<HoldEntry>;
}

/**
 * `restored`: a state file's content, used instead of the seed at start (reset() still goes back to the
 * seed). `changed` is told after every change the state file keeps.
 */
export function createController(
  options: SimulatorOptions,
  isOffline: () => boolean,
  restored: SimState | null = null,
  changed: () => void = () => undefined,
): { control: SimulatorControl; world: SimWorld } {
  const baseNow = options.now ?? (() => new Date());
  let offsetMs = 0;
  const now = (): Date => new Date(baseNow().getTime() + offsetMs);
  const startedAt = now().getTime();
  const seed: readonly SeedOrg[] = options.seed === 'empty' ? [] : options.seed === 'demo' || options.seed === undefined ? DEMO_ORGS : options.seed;
  let zone = checkZone(options.timeZone ?? 'UTC');
  const users = new Map(Object.entries(options.users ?? { [DEMO_USER]: DEMO_PASSWORD, [DEMO_ANALYST_USER]: DEMO_ANALYST_PASSWORD }));
  const access = new Map(Object.entries(options.access ?? (options.users ? {} : { [DEMO_ANALYST_USER]: DEMO_ANALYST_ORGS })));
  const apiTokens: SimApiToken[] = (options.apiTokens ?? DEMO_API_TOKENS).map((t) =>
    typeof t === 'string'
      ? { token: t, user: DEMO_USER, issuedAt: startedAt }
      : { token: t.token, user: t.user ?? DEMO_USER, issuedAt: startedAt - (t.issuedDaysAgo ?? 0) * DAY },
  );

  const freshStore = (saved: SimState | null = null): SimStore => {
    const s = new SimStore(now, () => zone, options.runDurationMs);
    if (saved) restoreState(s, saved);
    // Seed orgs a saved state lacks are added (all of them without one).
    s.seed(seed.filter((org) => !s.hasOrg(org.orgId)));
    s.onChange(changed);
    return s;
  };
  const freshAuth = (): SimAuth =>
    new SimAuth(users, apiTokens, access, now, options.sessionTtlMs ?? Infinity, options.apiTokenTtlMs ?? API_TOKEN_TTL_DAYS * DAY);
  let store = freshStore(restored);
  let auth = freshAuth();
  const faults = new FaultTable();
  let latencyMs = options.latencyMs ?? 0;
  const orgLatency = new Map<string, number>();
  let log: RequestLogEntry[] = [];
  let seq = 0;
  const holds = new Set<HoldEntry>();

  const orgOf = (orgId: string): SimStore => {
    if (!store.hasOrg(orgId)) throw new Error(`unknown org ${orgId}`);
    return store;
  };
  const timeOf = (at: Date | string | undefined): number => {
    if (at === undefined) return now().getTime();
    const ms = new Date(at).getTime();
    if (Number.isNaN(ms)) throw new Error(`not a time: ${String(at)}`);
    return ms;
  };
  const view = (run: SimRun): SimRunView => ({
    id: run.id,
    orgId: run.orgId,
    jobId: run.jobId,
    triggerType: run.triggerType,
    creationTime: run.creationTime.toISOString(),
    startTime: run.startTime.toISOString(),
    endTime: new Date(run.startTime.getTime() + run.durationMs).toISOString(),
    running: isRunning(run, now().getTime()),
  });

  const control: SimulatorControl = {
    inject: (rule) => faults.add(rule),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    hold(filter): SimHold {
      let open!: () => void; // assigned synchronously by the Promise executor
      const gate = new Promise<void>((resolve) => (open = resolve));
      const entry: HoldEntry = { ...filter, gate, open, waiting: 0 };
      holds.add(entry);
      return {
        waiting: () => entry.waiting,
        release() {
          holds.delete(entry);
          entry.open();
        },
      };
    },
    setLatency(ms, orgId) {
      if (!(ms >= 0)) throw new Error('latency must be >= 0 ms');
      if (orgId === undefined) latencyMs = ms;
      else orgLatency.set(orgId, ms);
    },
    expireSessions: () => auth.expireSessions(),
    advanceTime(ms) {
      offsetMs += ms;
    },
    now,
    addOrg(orgId, jobs: readonly SeedJob[] = []) {
      if (store.hasOrg(orgId)) throw new Error(`org ${orgId} exists already`);
      store.seed([{ orgId, name: orgId, jobs: [...jobs] }]);
    },
    setSchedulerPaused(orgId, paused, opts = {}) {
      const sched = orgOf(orgId).scheduler(orgId);
      const at = timeOf(opts.at);
      const open = sched.pauses.find((p) => p.to === null);
      if (paused && !open) sched.pauses.push({ from: at, to: null });
      if (!paused && open) open.to = Math.max(at, open.from);
      changed();
    },
    setLateRuns(orgId, lateMs, opts = {}) {
      if (!(lateMs >= 0)) throw new Error('lateMs must be >= 0');
      const sched = orgOf(orgId).scheduler(orgId);
      const from = timeOf(opts.at);
      sched.lateness = [...sched.lateness.filter((r) => r.from < from), { from, ms: lateMs }];
      changed();
    },
    setRunDuration(orgId, ms) {
      if (!(ms > 0)) throw new Error('a run must take more than 0 ms');
      orgOf(orgId).scheduler(orgId).durationMs = ms;
      changed();
    },
    triggerEvent(orgId, opts = {}) {
      if (opts.durationMs !== undefined && !(opts.durationMs > 0)) throw new Error('durationMs must be > 0');
      return view(orgOf(orgId).triggerEvent(orgId, new Date(timeOf(opts.at)), opts.triggerType, opts.durationMs));
    },
    setTimeZone(timeZone) {
      zone = checkZone(timeZone);
    },
    timeZone: () => zone,
    runningJob(orgId) {
      const run = orgOf(orgId).runningJob(orgId);
      return run ? view(run) : null;
    },
    runs(orgId, opts = {}) {
      const to = Math.min(timeOf(opts.to), now().getTime());
      const from = opts.from === undefined ? to - 7 * DAY : timeOf(opts.from);
      return orgOf(orgId)
        .runsBetween(orgId, new Date(from), new Date(to), opts.limit ?? 1000)
        .map(view);
    },
    jobs(orgId, active) {
      if (!store.hasOrg(orgId)) return [];
      return store.list(orgId, active).map((job) => {
        const execution = store.latestExecution(job);
        return {
          jobId: job.jobId,
          orgId: job.orgId,
          timeExpression: job.timeExpression,
          fullBuild: job.fullBuild,
          createdBy: job.createdBy,
          createdAt: job.createdAt.toISOString(),
          active: job.deactivatedAt === null,
          latestExecution: execution ? { id: execution.id, executedAt: execution.executedAt.toISOString() } : null,
        };
      });
    },
    requests(filter = {}) {
      return log
        .filter((e) => (filter.endpoint === undefined || e.endpoint === filter.endpoint) && (filter.orgId === undefined || e.orgId === filter.orgId))
        .filter((e) => filter.method === undefined || e.method === filter.method)
        .map((e) => ({ ...e }));
    },
    clearRequests() {
      log = [];
    },
    state(): SimulatorState {
      const t = now().getTime();
      return {
        now: now().toISOString(),
        offline: isOffline(),
        timeZone: zone,
        orgs: store.orgIds().map((orgId) => {
          const sched = store.scheduler(orgId);
          return {
            orgId,
            active: store.list(orgId, true).length,
            deactivated: store.list(orgId, false).length,
            paused: pausedAt(sched, t) !== null,
            lateMs: latenessAt(sched, t),
            runDurationMs: sched.durationMs,
            running: store.runningJob(orgId) !== null,
          };
        }),
        faults: faults.list(),
        latencyMs,
        orgLatencyMs: Object.fromEntries(orgLatency),
        sessions: auth.sessionCount(),
        requests: log.length,
      };
    },
    reset() {
      offsetMs = 0;
      zone = checkZone(options.timeZone ?? 'UTC');
      store = freshStore();
      auth = freshAuth();
      faults.clear();
      latencyMs = options.latencyMs ?? 0;
      orgLatency.clear();
      log = [];
      for (const held of holds) held.open();
      holds.clear();
      changed();
    },
  };

  const world: SimWorld = {
    now,
    store: () => store,
    auth: () => auth,
    faults,
    latencyFor: (orgId) => latencyMs + (orgId === null ? 0 : (orgLatency.get(orgId) ?? 0)),
    log: (entry) => void log.push(entry),
    nextSeq: () => ++seq,
    holds,
  };
  return { control, world };
}

function checkZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new Error(`unknown time zone ${timeZone}: use an IANA name such as America/New_York`);
  }
  return timeZone;
}
