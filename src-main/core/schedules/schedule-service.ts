// List, create and delete schedules for one profile. Lists fall back to the last snapshot when the server
// cannot be reached; create and delete are refused while the profile is offline, and bound at call time
// to the profile and org the user confirmed. A write whose answer was lost is settled by a re-list at
// once (see lost-answer.ts); what happens locally after the server accepted a write follows
// write-effects.ts.
import type { AuditEntry, ErrorKind, Profile, Schedule, ScheduleList } from '@shared/domain';
import type { DataProblem, RefreshEntry, RefreshProgress } from '@shared/ipc';
import type { CreatedSchedule, DeletedSchedule } from '@shared/ipc/channels/schedules';
import { serverKeyOf } from '@shared/profile-urls';
import type { ClientSchedule, ScheduleClient } from '@core/atscale-port';
import { refreshMany, type RefreshOptions } from './refresh-many';
import type { ServerLanes } from './server-lanes';
import { AUDIT_FILE, type AuditLog } from '@core/storage/audit-log';
import type { ClientPool } from './client-pool';
import { AppFailure, kindOf, quote, type Redactor } from '@core/errors';
import { requireProfile, type ProfileStore } from '@core/profiles/profile-store';
import { askWhereItPoints, MOVED, stillConnected as stillConnectedIn } from '@core/profiles/still-connected';
import { SNAPSHOTS_DIR, type Snapshot, type SnapshotStore } from '@core/storage/snapshot-store';
import type { AttachHealth } from '@core/health/index';
import { findCreated, isGone, messageOf, settleLostWrite, type LostWrite } from './lost-answer';
import { afterServerWrite, type LocalEffect } from './write-effects';
import { assertCreatable, type CreateLint } from './create-lint';

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
  /** A local file could not be written (listed in app:info's dataProblems). */
  reportProblem?: (problem: DataProblem) => void;
  /** Adds each schedule's health (and the zone hint) to a list, live or from a snapshot. */
  attachHealth: AttachHealth;
  /** The core's per-server cap, shared by every refresh and the running checks (server-lanes.ts). */
  lanes?: ServerLanes;
}

export interface ScheduleService {
  list(profileId: string): Promise<ScheduleList>;
  /** Many profiles, each answered with its list or its own error (see refresh-many.ts). */
  refresh(profileIds: readonly string[], onProgress: (progress: RefreshProgress) => void, options?: RefreshOptions): Promise<RefreshEntry[]>;
  /**
   * With `lint`, the linter's errors refuse the write before anything is sent (the create dialog's path);
   * the change flows lint their plans themselves and pass none.
   */
  create(profileId: string, orgId: string, timeExpression: string, lint?: CreateLint): Promise<CreatedSchedule>;
  remove(profileId: string, orgId: string, jobId: string): Promise<DeletedSchedule>;
  /** Forget the offline state of a profile (deleted, or its connection settings changed). */
  forget(profileId: string): void;
}

type AuditFields = Pick<AuditEntry, 'action' | 'jobId' | 'timeExpression'>;
type Outcome = Pick<AuditEntry, 'outcome' | 'error' | 'resolution'>;

export function createScheduleService(deps: ScheduleServiceDeps): ScheduleService {
  const offline = new Map<string, { kind: ErrorKind; reason: string }>();
  /** Job ids of the last live list per profile, with the server and org it came from. */
  const lastSeen = new Map<string, { apiUrl: string; orgId: string; jobIds: Set<string> }>();
  const reportProblem = deps.reportProblem ?? (() => undefined);
  const effectsDeps = { redact: deps.redact, now: deps.now, reportProblem };

  /** An answer about the server and org the profile no longer points at says nothing of it now (still-connected.ts). */
  const stillConnected = (profile: Profile): boolean => stillConnectedIn(deps.profiles, profile);

  /** Binds a write to the profile as it is now, and refuses when the confirmed org is not its org. */
  function bind(profileId: string, orgId: string, action: string): Profile {
    const profile = requireProfile(deps.profiles, profileId);
    if (profile.orgId !== orgId) {
      throw new AppFailure(
        'profile-mismatch',
        `The ${action} was confirmed for org ${quote(orgId)}, but profile ${quote(profile.name)} is connected to org ${quote(profile.orgId)}. Nothing was sent; check the profile and try again.`,
      );
    }
    assertOnline(profile, action);
    return profile;
  }

  /** A write to a profile whose server could not be reached is not sent until a refresh reaches it. */
  function assertOnline(profile: Profile, action: string): void {
    const down = offline.get(profile.id);
    if (down) {
      throw new AppFailure(
        'offline',
        `${quote(profile.name)} is offline, so the ${action} was not sent: ${down.reason} Refresh the schedules once the server can be reached again.`,
      );
    }
  }

  function auditEntry(profile: Profile, fields: AuditFields, outcome: Outcome): AuditEntry {
    return {
      at: deps.now().toISOString(),
      profileId: profile.id,
      profileName: profile.name,
      orgId: profile.orgId,
      server: serverKeyOf(profile.apiUrl),
      ...fields,
      ...outcome,
    };
  }

  const auditEffect = (entry: AuditEntry): LocalEffect => ({ what: 'the local audit record', file: AUDIT_FILE, run: () => deps.audit.append(entry) });

  /** The offline copy follows the write, so it never shows a deleted job as active or misses a new one. */
  const snapshotEffect = (profile: Profile, change: (schedules: Schedule[]) => Schedule[]): LocalEffect => ({
    what: 'the offline snapshot',
    file: `${SNAPSHOTS_DIR}/${profile.id}.json`,
    run: async () => {
      const snapshot = await deps.snapshots.load(profile);
      if (snapshot) await deps.snapshots.save({ ...snapshot, schedules: change(snapshot.schedules) });
    },
  });

  /** A write that did not happen (or may not have): audited, but a failing audit never hides the error. */
  async function recordFailure(profile: Profile, fields: AuditFields, outcome: Outcome & { error: string }): Promise<void> {
    const entry = auditEntry(profile, fields, { ...outcome, error: deps.redact(outcome.error) });
    await afterServerWrite(effectsDeps, `The ${fields.action} was not confirmed by the server`, [auditEffect(entry)]);
  }

  /** The server's list now, never a snapshot; remembers which jobs it holds. */
  async function liveList(profile: Profile, client: ScheduleClient): Promise<Schedule[]> {
    // The unfiltered list has no `active` field (deleted jobs linger, deactivated): ask both filters.
    const [active, inactive] = await Promise.all([client.listSchedules({ active: true }), client.listSchedules({ active: false })]);
    const schedules = mergeByActivity(active, inactive, profile.orgId);
    // An answer about the server and org the profile no longer points at says nothing of it now.
    if (stillConnected(profile)) {
      lastSeen.set(profile.id, { apiUrl: profile.apiUrl, orgId: profile.orgId, jobIds: new Set(schedules.map((s) => s.jobId)) });
      offline.delete(profile.id);
    }
    return schedules;
  }

  /** The jobs this server and org is known to hold: the last live list, else a list now. */
  async function knownJobs(profile: Profile, client: ScheduleClient): Promise<Set<string>> {
    const seen = lastSeen.get(profile.id);
    // Stryker disable next-line ConditionalExpression: a profile that moves is forgotten first (onChanged); this guards any path that would not
    if (seen && seen.apiUrl === profile.apiUrl && seen.orgId === profile.orgId) return new Set(seen.jobIds);
    return new Set((await liveList(profile, client)).map((s) => s.jobId));
  }

  /**
   * The jobs there just before a create, listed now: a job someone else made since the last list is
   * never taken for the one a lost create made. A server this list cannot reach is offline and the
   * create is not sent; any other failure leaves no baseline, so a lost answer stays unknown (null).
   */
  async function jobsJustBefore(profile: Profile, client: ScheduleClient): Promise<Set<string> | null> {
    const schedules = await relist(profile, client);
    if (schedules === null) assertOnline(profile, 'new schedule');
    return schedules && new Set(schedules.map((s) => s.jobId));
  }

  /** The server's list now (before a create, and the re-list after a lost answer); null when it fails (the profile is then offline if unreachable). */
  async function relist(profile: Profile, client: ScheduleClient): Promise<Schedule[] | null> {
    try {
      return await liveList(profile, client);
    } catch (error) {
      const kind = kindOf(error);
      if (kind && OFFLINE_KINDS.has(kind) && stillConnected(profile)) offline.set(profile.id, { kind, reason: messageOf(error) });
      return null;
    }
  }

  /** The parts of a lost write's settling that are the same for create and delete. */
  const lostWriteOf = (profile: Profile, client: ScheduleClient, fields: AuditFields): Pick<LostWrite<unknown>, 'relist' | 'recordFailure'> => ({
    relist: () => relist(profile, client),
    recordFailure: (outcome) => recordFailure(profile, fields, outcome),
  });

  /**
   * One list of the profile as read before it: MOVED when the profile was moved or deleted while the
   * server answered, and then nothing of that answer is kept (see stillConnected).
   */
  async function listOnce(profile: Profile): Promise<ScheduleList | typeof MOVED> {
    const profileId = profile.id;
    try {
      const client = await deps.pool.clientFor(profile);
      const schedules = await liveList(profile, client);
      if (!stillConnected(profile)) return MOVED;
      const fetchedAt = deps.now().toISOString();
      const snapshot: Snapshot = { profileId, apiUrl: profile.apiUrl, orgId: profile.orgId, fetchedAt, serverTimeZone: profile.serverTimeZone, schedules };
      // A failed cache write must not hide a live answer; it is reported, and the next list tries again.
      await deps.snapshots.save(snapshot).catch((error: unknown) =>
        reportProblem({
          file: `${SNAPSHOTS_DIR}/${profileId}.json`,
          movedTo: null,
          reason: `The offline snapshot of ${quote(profile.name)} could not be written (${deps.redact(messageOf(error).split('\n')[0] ?? '')}).`,
          at: fetchedAt,
        }),
      );
      if (!stillConnected(profile)) {
        // Deleted while the copy was written: the copy goes too (a moved profile's copy is replaced by its next list).
        if (!deps.profiles.get(profileId)) await deps.snapshots.remove(profileId).catch(() => undefined);
        return MOVED;
      }
      const list = await deps.attachHealth({
        profileId,
        orgId: profile.orgId,
        schedules,
        fetchedAt,
        serverTimeZone: profile.serverTimeZone,
        source: 'live',
        stale: null,
      });
      return stillConnected(profile) ? list : MOVED;
    } catch (error) {
      if (!stillConnected(profile)) return MOVED;
      const kind = kindOf(error);
      const reason = messageOf(error);
      if (kind && OFFLINE_KINDS.has(kind)) offline.set(profileId, { kind, reason });
      // Any answer from the server (even an error status) proves it can be reached again.
      else if (kind && ANSWERED_KINDS.has(kind)) offline.delete(profileId);
      if (!kind || !SNAPSHOT_KINDS.has(kind)) throw error;
      // Only a snapshot of the server and org the profile points at now is this profile's truth.
      const snapshot = await deps.snapshots.load(profile);
      if (!stillConnected(profile)) return MOVED;
      if (!snapshot) {
        const unreadable = deps.snapshots.unreadable(profileId);
        const kept = unreadable?.movedTo
          ? `kept as ${SNAPSHOTS_DIR}/${unreadable.movedTo}`
          : `left as ${SNAPSHOTS_DIR}/${profileId}.json (it could not be moved)`;
        throw new AppFailure(
          kind,
          unreadable
            ? `${reason} The offline copy of ${quote(profile.name)} was unreadable and was ${kept}; a new one is saved after the next successful refresh.`
            : `${reason} No offline copy of ${quote(profile.name)} for this server and org exists yet: it is saved after the first successful refresh.`,
        );
      }
      const { apiUrl: _apiUrl, ...copy } = snapshot;
      const list = await deps.attachHealth({ ...copy, serverTimeZone: profile.serverTimeZone, source: 'snapshot', stale: { reason, kind } });
      return stillConnected(profile) ? list : MOVED;
    }
  }

  const service: ScheduleService = {
    refresh(profileIds, onProgress, options) {
      const lanes = deps.lanes ? { lanes: deps.lanes } : {};
      return refreshMany({ profiles: deps.profiles, list: (id) => service.list(id), redact: deps.redact, ...lanes }, profileIds, onProgress, options);
    },

    list(profileId) {
      // The profile as it is when the answer comes: one moved meanwhile is listed again where it points now.
      return askWhereItPoints(deps.profiles, profileId, listOnce, { what: 'its schedules were being listed', retry: 'Refresh again.' });
    },

    async create(profileId, orgId, timeExpression, lint) {
      const profile = bind(profileId, orgId, 'new schedule');
      if (lint) assertCreatable(profile, timeExpression, lint, deps.now());
      const client = await deps.pool.clientFor(profile);
      const fields = { action: 'create' as const, jobId: null, timeExpression };
      const before = await jobsJustBefore(profile, client);
      let created: Schedule;
      let reconciled = false;
      let lost: string | null = null;
      try {
        created = toSchedule(await client.createSchedule(timeExpression), profile.orgId, {
          timeExpression,
          createdBy: profile.username,
          now: deps.now(),
          active: true,
        });
      } catch (error) {
        const settled = await settleLostWrite(error, {
          ...lostWriteOf(profile, client, fields),
          // Without the jobs from just before, no re-list can tell ours from another's: unknown.
          ...(before === null ? { relist: () => Promise.resolve(null) } : {}),
          verb: 'created',
          notDone: 'it was not created',
          notDoneResolution: 'not created (re-list)',
          whenUnknown: 'Refresh before trying again; retrying now could make a duplicate.',
          settled: (after) => (before === null ? null : findCreated(after, before, timeExpression)),
        });
        created = settled.found;
        reconciled = true;
        lost = settled.lost;
      }
      // Known from now on: deleting it next is checked against this org without listing again.
      lastSeen.get(profile.id)?.jobIds.add(created.jobId);
      const entry = auditEntry(
        profile,
        { ...fields, jobId: created.jobId },
        {
          outcome: 'ok',
          error: lost === null ? null : deps.redact(lost),
          resolution: reconciled ? `reconciled: created as job ${created.jobId}` : null,
        },
      );
      const warning = await afterServerWrite(effectsDeps, 'Created on the server', [
        auditEffect(entry),
        snapshotEffect(profile, (list) => [...list.filter((s) => s.jobId !== created.jobId), created]),
      ]);
      return { ...created, warning, reconciled };
    },

    async remove(profileId, orgId, jobId) {
      const profile = bind(profileId, orgId, 'delete');
      const client = await deps.pool.clientFor(profile);
      // Only a job this org lists is deleted: a job id from another profile's or org's list (a wrong
      // profile picked in "All profiles", a hand-edited snapshot) is refused before anything is sent.
      if (!(await knownJobs(profile, client)).has(jobId) && !(await liveList(profile, client)).some((s) => s.jobId === jobId)) {
        throw new AppFailure(
          'not-found',
          `Job ${quote(jobId)} is not in org ${quote(profile.orgId)} of ${quote(profile.name)}, so nothing was sent. Refresh the list and pick the job again.`,
        );
      }
      // The expression is only taken from this server's and org's own snapshot.
      const known = (await deps.snapshots.load(profile).catch(() => undefined))?.schedules.find((s) => s.jobId === jobId);
      const fields = { action: 'delete' as const, jobId, timeExpression: known?.timeExpression ?? null };
      let reconciled = false;
      let lost: string | null = null;
      try {
        await client.deleteSchedule(jobId);
      } catch (error) {
        lost = (
          await settleLostWrite(error, {
            ...lostWriteOf(profile, client, fields),
            verb: 'deleted',
            notDone: 'the job is still there',
            notDoneResolution: 'not deleted (re-list)',
            whenUnknown: 'Refresh to see whether the job is gone before trying again.',
            settled: (after) => isGone(after, jobId) || null,
          })
        ).lost;
        reconciled = true;
      }
      const entry = auditEntry(profile, fields, {
        outcome: 'ok',
        error: lost === null ? null : deps.redact(lost),
        resolution: reconciled ? 'reconciled: deleted' : null,
      });
      const warning = await afterServerWrite(effectsDeps, 'Deleted on the server', [
        auditEffect(entry),
        snapshotEffect(profile, (list) => list.map((s) => (s.jobId === jobId ? { ...s, active: false } : s))),
      ]);
      return { deleted: true, jobId, warning, reconciled };
    },

    forget(profileId) {
      offline.delete(profileId);
      lastSeen.delete(profileId);
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
