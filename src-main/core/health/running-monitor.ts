// The maintenance run in progress per profile: asked on demand (maintenance:running) and polled for the
// profiles the renderer shows (maintenance:watch). A run seen running and then gone has ended: its duration
// goes into the history, so each org gets a typical duration (the median of its recent runs on its server).
import type { Profile } from '@shared/domain';
import type { RunningJob, RunningState } from '@shared/ipc';
import type { ClientRunningJob } from '@core/atscale-port';
import { serverKeyOf } from '@shared/profile-urls';
import { createServerLanes, type ServerLanes } from '@core/schedules/server-lanes';
import { AppFailure, toAppError, type Redactor } from '@core/errors';
import { askWhereItPoints, MOVED, stillConnected as stillConnectedIn } from '@core/profiles/still-connected';
import type { ClientPool } from '@core/schedules/client-pool';
import { emptyHistory, ofConnection, type Connection, type HistoryStore, type StoredRun } from './history-store';

export const RUNNING_POLL_MS = 30_000;
/** A run's end is recorded only when known this closely (a share of its duration, or two polls). */
const END_UNCERTAINTY = 0.25;
/** Typical duration: the median of this many of the org's latest runs. */
const TYPICAL_OF = 20;

interface Tracked {
  /**
   * The run seen in progress at the last successful check, and when it was last seen running. A change
   * of the profile's connection (its org included) forgets it, so it is always of the profile's server and
   * org, and its end is recorded as seen there.
   */
  run: { key: string; server: string; orgId: string; job: RunningJob; seenAt: number } | null;
  /** What was pushed last, to push changes only. */
  pushed: string | null;
}

export interface RunningMonitorDeps {
  profiles: { get(id: string): Profile | undefined };
  pool: Pick<ClientPool, 'clientFor'>;
  history: HistoryStore;
  redact: Redactor;
  now: () => Date;
  push: (state: RunningState) => void;
  intervalMs?: number;
  /** The core's per-server cap, shared with refreshes (a cap of its own when absent). */
  lanes?: ServerLanes;
  /** Every check's outcome: for notifications (long runs, unreachable, signed out) and their flush. */
  onChecked: (profile: Profile, state: RunningState, error: unknown) => void;
}

export interface RunningMonitor {
  /** Asks the server now; rejects with the server's error (the state pushed to watchers carries it too). */
  check(profileId: string): Promise<RunningState>;
  watch(profileIds: readonly string[]): { profileIds: string[]; intervalMs: number };
  /** Drops what is known of the profile's run (its connection changed); a deleted profile is unwatched. */
  forget(profileId: string): void;
  close(): void;
}

export function createRunningMonitor(deps: RunningMonitorDeps): RunningMonitor {
  const intervalMs = deps.intervalMs ?? RUNNING_POLL_MS;
  const lanes = deps.lanes ?? createServerLanes();
  const tracked = new Map<string, Tracked>();
  const inFlight = new Map<string, Promise<RunningState>>();
  // Stryker disable next-line ArrayDeclaration: the first watch() replaces it whole; nothing reads it before
  let watched: string[] = [];
  let timer: ReturnType<typeof setInterval> | null = null;

  /** Of the runs seen on this server and org: a former server's or org's say nothing of this one. */
  async function typicalDuration(profileId: string, at: Connection): Promise<number | null> {
    const runs = ofConnection((await deps.history.load(profileId).catch(emptyHistory)).runs, at);
    return median(runs.slice(-TYPICAL_OF).map((r) => r.durationMs));
  }

  /** Whether the profile still points at the server and org it did when a check began (still-connected.ts). */
  const stillConnected = (profile: Profile): boolean => stillConnectedIn(deps.profiles, profile);

  /** The state of the org the profile points at when the answer comes: an answer about its former org is set aside. */
  function observe(profileId: string): Promise<RunningState> {
    return askWhereItPoints(deps.profiles, profileId, observeOnce, { what: 'its running job was being read', retry: 'Ask again.' });
  }

  async function observeOnce(profile: Profile): Promise<RunningState | typeof MOVED> {
    const profileId = profile.id;
    // Stryker disable next-line ObjectLiteral: fields left undefined read as these (nothing seen, nothing pushed)
    const t = tracked.get(profileId) ?? { run: null, pushed: null };
    tracked.set(profileId, t);
    const checkedAt = deps.now();
    let error: unknown = null;
    let job: ClientRunningJob | null = null;
    try {
      const client = await deps.pool.clientFor(profile);
      if (!client.getRunningJob) throw new AppFailure('invalid-input', 'This connection cannot read the running maintenance job.');
      job = await client.getRunningJob();
    } catch (e) {
      error = e;
    }
    // Nothing is recorded, pushed or told of an answer about the org the profile no longer points at.
    if (!stillConnected(profile)) return MOVED;
    // Known only to lie between the question and the answer: the end is placed at the answer (an upper bound).
    const answeredAt = deps.now();
    if (error === null) {
      const before = t.run;
      // The run seen last is over when nothing or another run is in progress now.
      if (before && before.key !== (job ? runKey(job) : null)) {
        // Stryker disable next-line StringLiteral: any text that is not a time parses as NaN, as '' does
        const started = Date.parse(before.job.startedAt ?? '');
        // The end lies between the last sighting and now: a duration that uncertain would skew the typical one.
        const uncertainty = answeredAt.getTime() - before.seenAt;
        if (Number.isFinite(started) && uncertainty <= Math.max(2 * intervalMs, END_UNCERTAINTY * (answeredAt.getTime() - started))) {
          const run: StoredRun = {
            orgId: before.orgId,
            server: before.server,
            triggerType: before.job.triggerType,
            startedAt: new Date(started).toISOString(),
            endedAt: answeredAt.toISOString(),
            durationMs: Math.max(0, answeredAt.getTime() - started),
          };
          await deps.history.addRun(profileId, run).catch(() => undefined);
        }
      }
      t.run = job ? { key: runKey(job), server: serverKeyOf(profile.apiUrl), orgId: profile.orgId, job: toRunningJob(job), seenAt: checkedAt.getTime() } : null;
    }
    const state: RunningState = {
      profileId,
      running: t.run ? t.run.job : null,
      typicalDurationMs: await typicalDuration(profileId, { server: serverKeyOf(profile.apiUrl), orgId: profile.orgId }),
      checkedAt: checkedAt.toISOString(),
      error: error === null ? null : toAppError(error, deps.redact, 'reading the running maintenance job'),
    };
    if (!stillConnected(profile)) return MOVED;
    const signature = JSON.stringify([state.running, state.typicalDurationMs, state.error]);
    if (signature !== t.pushed) {
      t.pushed = signature;
      deps.push(state);
    }
    deps.onChecked(profile, state, error);
    if (error !== null) throw error;
    return state;
  }

  /** One check per profile at a time: a slow server is not asked again while it still answers. */
  function check(profileId: string): Promise<RunningState> {
    const running = inFlight.get(profileId);
    if (running) return running;
    const started = observe(profileId).finally(() => {
      // A check forgotten meanwhile (the profile changed) may have been followed by a new one: that one stays.
      if (inFlight.get(profileId) === started) inFlight.delete(profileId);
    });
    inFlight.set(profileId, started);
    return started;
  }

  let ticking = false;
  /** Every watched profile once, a few per server at a time, sharing the refreshes' cap (All profiles may be a fleet on one engine). */
  function tick(): void {
    if (ticking) return; // a slow round is not overlapped by the next
    ticking = true;
    const rounds = watched.flatMap((id) => {
      const profile = deps.profiles.get(id);
      // A stray id is no profile: nothing to ask.
      if (!profile) return [];
      return [lanes.run(serverKeyOf(profile.apiUrl), () => check(id).catch(() => undefined))];
    });
    void Promise.all(rounds).finally(() => {
      ticking = false;
    });
  }

  return {
    check,
    watch(profileIds) {
      const added = profileIds.filter((id) => !watched.includes(id));
      watched = [...new Set(profileIds)];
      if (watched.length === 0 && timer) {
        clearInterval(timer);
        timer = null;
      } else if (watched.length > 0 && !timer) {
        timer = setInterval(tick, intervalMs);
        timer.unref();
      }
      // Newly shown profiles are asked at once, not after a full interval.
      // An id that is no profile (deleted meanwhile) is refused by its check, and ignored.
      for (const id of added) check(id).catch(() => undefined);
      return { profileIds: [...watched], intervalMs };
    },
    forget(profileId) {
      tracked.delete(profileId);
      // A check under way asked the former connection: the next caller asks anew.
      inFlight.delete(profileId);
      if (!deps.profiles.get(profileId)) watched = watched.filter((id) => id !== profileId);
    },
    close() {
      if (timer) clearInterval(timer);
      timer = null;
      watched = [];
    },
  };
}

/** The server's id of the run, else what it said of it (join writes a missing part as ''). */
function runKey(job: ClientRunningJob): string {
  return job.id ?? [job.startTime, job.creationTime, job.triggerType].join('|');
}

function toRunningJob(job: ClientRunningJob): RunningJob {
  return { triggerType: job.triggerType, startedAt: job.startTime ?? job.creationTime, creationTime: job.creationTime };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}
