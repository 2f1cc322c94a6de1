// Plan: what a target profile needs so its schedules are the desired ones (a document or another profile):
// to create, to delete, unchanged (same fire times in the target's server zone), with the linter's verdicts.
// The plan is identified by a hash of the target's list and every step, so apply can carry out exactly it.
import { createHash } from 'node:crypto';
import { serverKeyOf } from '@shared/profile-urls';
import type { Profile, Schedule, ScheduleList } from '@shared/domain';
import type { DocumentSchedule, PlannedCreate, PlannedDelete, PlannedUnchanged, PlanSource, SchedulePlan } from '@shared/ipc/channels/changes';
import { requireProfile } from '@core/profiles/profile-store';
import type { ChangeDeps } from './deps';
import { collisionsWith } from './collisions';
import { activeOf, isProduction, savedOf } from './guard';
import { assertListedOnce, parseSchedulesDocument } from './schedules-document';
import { fireTheSame, lintFor } from './verdicts';

export interface Desired {
  entries: DocumentSchedule[];
  source: SchedulePlan['source'];
}

export async function desiredFrom(d: ChangeDeps, source: PlanSource): Promise<Desired> {
  if (source.kind === 'document') return { entries: parseSchedulesDocument(source.json).schedules, source: { kind: 'document' } };
  const profile = requireProfile(d.profiles, source.profileId);
  const list = await d.schedules.list(profile.id);
  return {
    entries: activeOf(list).map((s) => ({ expression: s.timeExpression })),
    source: profileSource(profile, list),
  };
}

/** A profile as a plan's source: its zone, and whether (and since when) its list came from its saved copy. */
export function profileSource(profile: Profile, list: ScheduleList): SchedulePlan['source'] {
  return { kind: 'profile', profileId: profile.id, name: profile.name, serverTimeZone: profile.serverTimeZone, listSource: list.source, saved: savedOf(list) };
}

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Changes whenever the target's active schedules (or where and how they are read) change, whatever order they are listed in. */
export function fingerprintOf(profile: Profile, active: readonly Schedule[]): string {
  const jobs = active.map((s) => JSON.stringify([s.jobId, s.timeExpression])).sort();
  // The server and environment too: a plan made against one server is never applied to another.
  return sha([serverKeyOf(profile.apiUrl), profile.environment.kind, profile.orgId, profile.serverTimeZone, jobs]);
}

/** `deletes`: false for a copy (it only adds what is missing). */
export async function planFor(d: ChangeDeps, desired: Desired, target: Profile, options: { deletes: boolean }): Promise<SchedulePlan> {
  const zone = target.serverTimeZone;
  const now = d.now();
  if (desired.source.kind === 'document') assertListedOnce(desired.entries, zone, now);
  const list = await d.schedules.list(target.id);
  const current = activeOf(list);
  const unmatched = new Set(current.map((s) => s.jobId));
  const create: PlannedCreate[] = [];
  const unchanged: PlannedUnchanged[] = [];
  const paused: SchedulePlan['paused'] = [];
  for (const entry of desired.entries) {
    const label = entry.label ? { label: entry.label } : {};
    if (entry.paused) {
      paused.push({ expression: entry.expression, ...label });
      continue;
    }
    const twin = current.find((s) => unmatched.has(s.jobId) && fireTheSame(entry.expression, s.timeExpression, zone));
    if (twin) {
      unmatched.delete(twin.jobId);
      unchanged.push({ expression: entry.expression, ...label, jobId: twin.jobId, targetExpression: twin.timeExpression });
      continue;
    }
    const linted = lintFor(entry.expression, { timeZone: zone, now, existing: current });
    const collisions = collisionsWith(entry.expression, current, { timeZone: zone, now });
    create.push({ expression: entry.expression, ...label, verdicts: linted.verdicts, blocked: linted.blocked, collisions });
  }
  const toDelete: PlannedDelete[] = options.deletes
    ? current.filter((s) => unmatched.has(s.jobId)).map((s) => ({ jobId: s.jobId, expression: s.timeExpression }))
    : [];
  const fingerprint = fingerprintOf(target, current);
  // The deletes follow from the target's list (the fingerprint) and what is unchanged.
  const planId = sha([fingerprint, options.deletes, create.map((c) => c.expression), unchanged.map((u) => [u.expression, u.jobId])]);
  return {
    planId,
    fingerprint,
    targetProfileId: target.id,
    targetName: target.name,
    targetOrgId: target.orgId,
    production: isProduction(target),
    serverTimeZone: zone,
    targetSource: list.source,
    targetSaved: savedOf(list),
    source: desired.source,
    create,
    delete: toDelete,
    unchanged,
    paused,
    hasChanges: create.length > 0 || toDelete.length > 0,
    blocked: create.some((c) => c.blocked),
  };
}

export async function planChanges(d: ChangeDeps, r: { source: PlanSource; targetProfileId: string }): Promise<SchedulePlan> {
  const target = requireProfile(d.profiles, r.targetProfileId);
  return planFor(d, await desiredFrom(d, r.source), target, { deletes: true });
}
