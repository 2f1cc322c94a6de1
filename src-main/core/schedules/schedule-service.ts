// List, create and delete schedules for one profile. Lists fall back to the last snapshot when the server
// cannot be reached; create and delete are refused while the profile is offline, and bound at call time
// to the profile and org the user confirmed.
import type { AuditEntry, ErrorKind, Profile, Schedule, ScheduleList } from '@shared/domain';
import type { RefreshEntry, RefreshProgress } from '@shared/ipc';
import type { ClientSchedule } from '@core/atscale-port';
import { refreshMany } from './refresh-many';
import type { AuditLog } from '@core/storage/audit-log';
import type { ClientPool } from './client-pool';
import { AppFailure, kindOf, type Redactor } from '@core/errors';
import { requireProfile, type ProfileStore } from '@core/profiles/profile-store';
import type { SnapshotStore } from '@core/storage/snapshot-store';
import type { AttachHealth } from '@core/health/index';

/** Failures after which the last snapshot is shown instead of an error. */
const SNAPSHOT_KINDS = new Set<ErrorKind>(['network', 'timeout', 'tls', 'server', 'bad-response', 'no-secret', 'keychain-unavailable']);
/** "Offline": the last list for the profile failed with one of these (the server could not be reached). */
const OFFLINE_KINDS = new Set<ErrorKind>(['network', 'timeout']);
const ANSWERED_KINDS = new Set<ErrorKind>(['tls', 'server', 'bad-response', 'unauthorized', 'not-found', 'bad-request']);

export interface ScheduleServiceDeps {
  profiles: ProfileStore;
  pool: ClientPool;
  snapshots: SnapshotStore;
  audit: AuditLog;
  redact: Redactor;
  now: () => Date;
  /** Adds each schedule's health (and the zone hint) to a list, live or from a snapshot. */
  attachHealth: AttachHealth;
}

export interface ScheduleService {
  list(profileId: string): Promise<ScheduleList>;
  /** Many profiles, each answered with its list or its own error (see refresh-many.ts). */
  refresh(profileIds: readonly string[], onProgress: (progress: RefreshProgress) => void): Promise<RefreshEntry[]>;
  create(profileId: string, orgId: string, timeExpression: string): Promise<Schedule>;
  remove(profileId: string, orgId: string, jobId: string): Promise<{ deleted: true; jobId: string }>;
  /** Forget the offline state of a profile (deleted, or its connection settings changed). */
  forget(profileId: string): void;
}

export function createScheduleService(deps: ScheduleServiceDeps): ScheduleService {
  const offline = new Map<string, { kind: ErrorKind; reason: string }>();

  /** Binds a write to the profile as it is now, and refuses when the confirmed org is not its org. */
  function bind(profileId: string, orgId: string, action: string): Profile {
    const profile = requireProfile(deps.profiles, profileId);
    if (profile.orgId !== orgId) {
      throw new AppFailure(
        'profile-mismatch',
        `The ${action} was confirmed for org "${orgId}", but profile "${profile.name}" is connected to org "${profile.orgId}". Nothing was sent; check the profile and try again.`,
      );
    }
    const down = offline.get(profileId);
    if (down) {
      throw new AppFailure('offline', `"${profile.name}" is offline, so the ${action} was not sent: ${down.reason} Refresh the schedules once the server can be reached again.`);
    }
    return profile;
  }

  async function record(profile: Profile, entry: Pick<AuditEntry, 'action' | 'jobId' | 'timeExpression'>, error: unknown): Promise<void> {
    await deps.audit.append({
      at: deps.now().toISOString(),
      profileId: profile.id,
      profileName: profile.name,
      orgId: profile.orgId,
      ...entry,
      outcome: error === null ? 'ok' : 'failed',
      error: error === null ? null : deps.redact(error instanceof Error ? error.message : String(error)),
    });
  }

  const service: ScheduleService = {
    refresh(profileIds, onProgress) {
      return refreshMany({ profiles: deps.profiles, list: (id) => service.list(id), redact: deps.redact }, profileIds, onProgress);
    },

    async list(profileId) {
      const profile = requireProfile(deps.profiles, profileId);
      try {
        const client = await deps.pool.clientFor(profile);
        // The unfiltered list has no `active` field (deleted jobs linger, deactivated): ask both filters.
        const [active, inactive] = await Promise.all([client.listSchedules({ active: true }), client.listSchedules({ active: false })]);
        const schedules = mergeByActivity(active, inactive, profile.orgId);
        const fetchedAt = deps.now().toISOString();
        offline.delete(profileId);
        // A failed cache write must not hide a live answer; the next list tries again.
        await deps.snapshots.save({ profileId, orgId: profile.orgId, fetchedAt, serverTimeZone: profile.serverTimeZone, schedules }).catch(() => undefined);
        return deps.attachHealth({ profileId, orgId: profile.orgId, schedules, fetchedAt, serverTimeZone: profile.serverTimeZone, source: 'live', stale: null });
      } catch (error) {
        const kind = kindOf(error);
        const reason = error instanceof Error ? error.message : String(error);
        if (kind && OFFLINE_KINDS.has(kind)) offline.set(profileId, { kind, reason });
        // Any answer from the server (even an error status) proves it can be reached again.
        else if (kind && ANSWERED_KINDS.has(kind)) offline.delete(profileId);
        if (!kind || !SNAPSHOT_KINDS.has(kind)) throw error;
        const snapshot = await deps.snapshots.load(profileId);
        // A snapshot of another org (the profile's org was changed since) is not this profile's truth.
        if (!snapshot || snapshot.orgId !== profile.orgId) {
          throw new AppFailure(kind, `${reason} No offline copy of "${profile.name}" exists yet: it is saved after the first successful refresh.`);
        }
        return deps.attachHealth({ ...snapshot, serverTimeZone: profile.serverTimeZone, source: 'snapshot', stale: { reason, kind } });
      }
    },

    async create(profileId, orgId, timeExpression) {
      const profile = bind(profileId, orgId, 'new schedule');
      const client = await deps.pool.clientFor(profile);
      try {
        const created = await client.createSchedule(timeExpression);
        const schedule = toSchedule(created, profile.orgId, { timeExpression, createdBy: profile.username, now: deps.now(), active: true });
        await record(profile, { action: 'create', jobId: schedule.jobId, timeExpression }, null);
        return schedule;
      } catch (error) {
        // Refused before sending (a bad expression) is not a write to the server: nothing to audit.
        if (kindOf(error) !== 'invalid-input') await record(profile, { action: 'create', jobId: null, timeExpression }, error);
        throw error;
      }
    },

    async remove(profileId, orgId, jobId) {
      const profile = bind(profileId, orgId, 'delete');
      const client = await deps.pool.clientFor(profile);
      const known = (await deps.snapshots.load(profileId))?.schedules.find((s) => s.jobId === jobId);
      const entry = { action: 'delete' as const, jobId, timeExpression: known?.timeExpression ?? null };
      try {
        await client.deleteSchedule(jobId);
      } catch (error) {
        if (kindOf(error) !== 'invalid-input') await record(profile, entry, error);
        throw error;
      }
      await record(profile, entry, null);
      return { deleted: true, jobId };
    },

    forget(profileId) {
      offline.delete(profileId);
    },
  };
  return service;
}

function mergeByActivity(active: readonly ClientSchedule[], inactive: readonly ClientSchedule[], orgId: string): Schedule[] {
  const byId = new Map<string, Schedule>();
  for (const s of inactive) byId.set(s.jobId, toSchedule(s, orgId, { active: false }));
  // Listed as active wins: a job cannot be both, and active is the safer label to show.
  for (const s of active) byId.set(s.jobId, toSchedule(s, orgId, { active: true }));
  return [...byId.values()];
}

function iso(value: string | Date | undefined, fallback: Date): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' && value !== '' ? value : fallback.toISOString();
}

function toSchedule(
  s: Partial<ClientSchedule> & { jobId: string },
  orgId: string,
  defaults: { active: boolean; timeExpression?: string; createdBy?: string; now?: Date },
): Schedule {
  const now = defaults.now ?? new Date(0);
  const latest = s.latestExecution;
  return {
    jobId: s.jobId,
    orgId: s.orgId ?? orgId,
    timeExpression: s.timeExpression ?? defaults.timeExpression ?? '',
    fullBuild: s.fullBuild ?? false,
    createdBy: s.createdBy ?? defaults.createdBy ?? '',
    createdAt: iso(s.createdAt, now),
    latestExecution: latest ? { id: latest.id, executedAt: iso(latest.executedAt, now) } : null,
    active: defaults.active,
  };
}
