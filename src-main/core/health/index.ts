// PUBLIC SEAM of schedule health in the core: health on every list, the execution history, the running
// job (asked and polled), run now, and the notifications these give rise to.
import type { ErrorKind, Profile, ScheduleList } from '@shared/domain';
import type { CoreEventSink, DataProblem, HistoryAnswer, NotificationSettings, RunNowResult, RunningState } from '@shared/ipc';
import { explainHealth, formatLateness } from '@shared/health';
import { serverKeyOf } from '@shared/profile-urls';
import { AppFailure, kindOf, type Redactor } from '@core/errors';
import { requireProfile } from '@core/profiles/profile-store';
import type { ClientPool } from '@core/schedules/client-pool';
import type { ServerLanes } from '@core/schedules/server-lanes';
import type { AuditLog } from '@core/storage/audit-log';
import { createHealthAttacher, graceOf, type AttachHealth } from './attach-health';
import { createHistoryStore } from './history-store';
import { historyView } from './history-view';
import { createNotificationPolicy, type NotificationPolicy } from './notification-policy';
import { openNotificationSettings } from './notification-settings';
import { runNow } from './run-now';
import { createRunningMonitor } from './running-monitor';

export type { AttachHealth, BareScheduleList } from './attach-health';

/** A run is "far longer than usual" past both of these. */
export const LONG_RUN_FACTOR = 3;
export const LONG_RUN_MIN_MS = 30 * 60_000;
const FLUSH_MS = 60_000;
const HISTORY_WINDOW_MS = 14 * 86_400_000;
const MAX_HISTORY_WINDOW_MS = 366 * 86_400_000;

export interface HealthCoreDeps {
  dataDir: string;
  /** `list` (the profiles as the core opens) names the server of history records written before records named theirs. */
  profiles: { get(id: string): Profile | undefined; list?(): readonly Profile[] };
  pool: Pick<ClientPool, 'clientFor'>;
  audit: AuditLog;
  redact: Redactor;
  now: () => Date;
  emit: CoreEventSink;
  /** A data file found unreadable (moved aside): shown in app:info. */
  reportProblem: (problem: DataProblem) => void;
  /** The core's per-server cap (server-lanes.ts): running checks share it with refreshes. */
  lanes?: ServerLanes;
  runningPollMs?: number;
  notifyWindowMs?: number;
}

export interface HealthCore {
  attach: AttachHealth;
  history(profileId: string, window: { jobId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<HistoryAnswer>;
  running(profileId: string): Promise<RunningState>;
  watch(profileIds: readonly string[]): { profileIds: string[]; intervalMs: number };
  runNow(profileId: string, orgId: string): Promise<RunNowResult>;
  notificationSettings(): NotificationSettings;
  setNotificationSettings(change: { enabled?: boolean | undefined; profiles?: Record<string, boolean | null> | undefined }): Promise<NotificationSettings>;
  /**
   * The profile changed or was deleted: drop what is known of it (and its history when it is gone). A moved
   * profile keeps its history: each record names the server and org it was seen on, and only the records
   * of where the profile points now are shown, so those of a former server come back when it points there again.
   */
  forget(profileId: string): void;
  close(): void;
}

type Reach = 'ok' | 'unreachable' | 'signed-out';

export async function createHealthCore(deps: HealthCoreDeps): Promise<HealthCore> {
  // Records from before they named their server were seen where the profile pointed when this core opened
  // (before the demo profiles follow the simulator to its new port): not wherever it was moved to since.
  const serverAtOpen = new Map((deps.profiles.list?.() ?? []).map((p) => [p.id, serverKeyOf(p.apiUrl)]));
  const serverNow = (id: string): string | undefined => {
    const profile = deps.profiles.get(id);
    return profile ? serverKeyOf(profile.apiUrl) : undefined;
  };
  const history = createHistoryStore(deps.dataDir, {
    now: deps.now,
    onProblem: deps.reportProblem,
    legacyServerOf: (id) => serverAtOpen.get(id) ?? serverNow(id),
  });
  const settings = await openNotificationSettings(deps.dataDir, deps.now, deps.reportProblem);
  const policy: NotificationPolicy = createNotificationPolicy({
    wants: (id) => settings.wants(id),
    profileName: (id) => deps.profiles.get(id)?.name ?? null,
    now: deps.now,
    emit: (payload) => deps.emit({ event: 'notification', payload }),
    ...(deps.notifyWindowMs !== undefined ? { windowMs: deps.notifyWindowMs } : {}),
  });
  const reach = new Map<string, Reach>();

  /** Notifies a profile that *became* unreachable or signed out (not one that already was at start). */
  function reached(profile: Profile, status: Reach, reason: string): void {
    const before = reach.get(profile.id);
    reach.set(profile.id, status);
    if (status === 'ok' || before !== 'ok') return;
    const title = status === 'unreachable' ? 'server unreachable' : 'signed out';
    policy.report(profile.id, { kind: status, key: `${status}@${deps.now().toISOString()}`, title, body: reason });
  }

  function reachOfError(profile: Profile, kind: ErrorKind | null, reason: string): void {
    if (kind === 'network' || kind === 'timeout') reached(profile, 'unreachable', deps.redact(reason));
    else if (kind === 'unauthorized' || kind === 'no-secret') reached(profile, 'signed-out', deps.redact(reason));
  }

  /** Problems are told once per server and org: the same job id and fire on another server is another problem. */
  const where = (profile: Profile): string => `${serverKeyOf(profile.apiUrl)}/${profile.orgId}`;

  function onList(profile: Profile, list: ScheduleList): void {
    if (list.source === 'live') reached(profile, 'ok', '');
    else if (list.stale) reachOfError(profile, list.stale.kind, list.stale.reason);
    for (const s of list.source === 'live' ? list.schedules : []) {
      if (s.health.verdict !== 'missed') continue;
      policy.report(profile.id, {
        kind: 'missed',
        key: `missed:${where(profile)}:${s.jobId}:${s.health.expectedAt ?? ''}`,
        title: 'missed maintenance run',
        body: `Schedule "${s.timeExpression}": ${explainHealth(s.health, localTime)}.`,
      });
    }
    policy.flush();
  }

  const monitor = createRunningMonitor({
    profiles: deps.profiles,
    pool: deps.pool,
    history,
    redact: deps.redact,
    now: deps.now,
    push: (payload) => deps.emit({ event: 'maintenance:running-changed', payload }),
    ...(deps.lanes ? { lanes: deps.lanes } : {}),
    ...(deps.runningPollMs !== undefined ? { intervalMs: deps.runningPollMs } : {}),
    onChecked(profile, state, error) {
      if (error === null) reached(profile, 'ok', '');
      else reachOfError(profile, kindOf(error), error instanceof Error ? error.message : String(error));
      const started = Date.parse(state.running?.startedAt ?? '');
      const typical = state.typicalDurationMs;
      const elapsed = deps.now().getTime() - started;
      if (error === null && typical !== null && Number.isFinite(started) && elapsed > LONG_RUN_FACTOR * typical && elapsed > LONG_RUN_MIN_MS) {
        policy.report(profile.id, {
          kind: 'long-run',
          key: `long-run:${where(profile)}:${state.running?.startedAt ?? ''}`,
          title: 'maintenance running long',
          body: `Running since ${localTime(new Date(started).toISOString())} (${formatLateness(elapsed)}); it usually takes ${formatLateness(typical)}.`,
        });
      }
      policy.flush();
    },
  });
  const flushTimer = setInterval(() => policy.flush(), FLUSH_MS);
  // Stryker disable next-line OptionalChaining: Node's timers always have unref (it only lets the app quit)
  flushTimer.unref?.();

  return {
    attach: createHealthAttacher({ profiles: deps.profiles, history, now: deps.now, onList }),
    async history(profileId, window) {
      const profile = requireProfile(deps.profiles, profileId);
      const recorded = await history.load(profileId);
      const now = deps.now();
      const to = window.to ? new Date(window.to) : now;
      const from = window.from ? new Date(window.from) : new Date(to.getTime() - HISTORY_WINDOW_MS);
      if (from.getTime() > to.getTime()) throw new AppFailure('invalid-input', 'The history window starts after it ends: pick a start before the end.');
      if (to.getTime() - from.getTime() > MAX_HISTORY_WINDOW_MS)
        throw new AppFailure('invalid-input', 'The history window is longer than a year: pick a shorter one.');
      return historyView(recorded, {
        server: serverKeyOf(profile.apiUrl),
        orgId: profile.orgId,
        timeZone: profile.serverTimeZone,
        graceMs: graceOf(profile),
        now,
        from,
        to,
        ...(window.jobId ? { jobId: window.jobId } : {}),
      });
    },
    running: (profileId) => monitor.check(profileId),
    watch: (profileIds) => monitor.watch(profileIds),
    runNow: (profileId, orgId) =>
      runNow(
        {
          profiles: deps.profiles,
          pool: deps.pool,
          audit: deps.audit,
          redact: deps.redact,
          now: deps.now,
          checkRunning: (id) => monitor.check(id),
          reportProblem: deps.reportProblem,
        },
        profileId,
        orgId,
      ),
    notificationSettings: () => settings.get(),
    setNotificationSettings: (change) => settings.set(change),
    forget(profileId) {
      monitor.forget(profileId);
      reach.delete(profileId);
      if (!deps.profiles.get(profileId)) {
        policy.forget(profileId);
        void history.remove(profileId).catch(() => undefined);
      }
    },
    close() {
      monitor.close();
      clearInterval(flushTimer);
    },
  };
}

/** A time in the user's own zone (the notification is read on this computer). */
function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isFinite(d.getTime()) ? d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : iso;
}
