// The copy dialog's pure logic: which picked schedules can be copied (one source profile, active, on
// the server), the profiles they can go to, and whether every target is confirmed.
import type { ProfileView } from '@shared/domain';
import type { CopyTargetPreview } from '@shared/ipc/channels/changes';
import type { ScheduleSource } from '../schedule-view-types';
import { planGate } from './plan-logic';

export interface CopySource {
  profile: ProfileView | null;
  jobIds: string[];
  /** Why nothing can be copied, or null. */
  problem: string | null;
  /** Picked but left out (paused or deactivated), in words. */
  leftOut: string[];
}

export function copySourceOf(sources: readonly ScheduleSource[], profiles: readonly ProfileView[]): CopySource {
  const leftOut: string[] = [];
  const usable = sources.filter((s) => {
    if (s.paused) leftOut.push(`“${s.schedule.timeExpression}” is paused (not on the server)`);
    else if (s.schedule.active === false) leftOut.push(`“${s.schedule.timeExpression}” is deactivated`);
    else return true;
    return false;
  });
  const ids = [...new Set(usable.map((s) => s.profileId))];
  const profile = ids.length === 1 ? (profiles.find((p) => p.id === ids[0]) ?? null) : null;
  const problem =
    usable.length === 0
      ? 'Pick at least one active schedule to copy.'
      : ids.length > 1
        ? 'The picked schedules come from several profiles: pick schedules of one profile to copy.'
        : profile
          ? null
          : 'The source profile is gone.';
  return { profile, jobIds: usable.map((s) => s.schedule.jobId), problem, leftOut };
}

/** Every other profile, production last (a copy usually goes from development towards production). */
export function copyTargetsFor(source: ProfileView | null, profiles: readonly ProfileView[]): ProfileView[] {
  const rank = (p: ProfileView) => (p.environment.kind === 'production' ? 1 : 0);
  return profiles.filter((p) => p.id !== source?.id).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export interface CopyGate {
  ok: boolean;
  reason: string | null;
  needsOverride: boolean;
}

/** Each production target's org typed (typed: profile id -> text), every target's plan runnable. */
export function copyGate(previews: readonly CopyTargetPreview[], typed: Readonly<Record<string, string>>, allowTooFrequent: boolean): CopyGate {
  if (previews.length === 0) return { ok: false, reason: 'Pick the profiles to copy to, then preview.', needsOverride: false };
  let needsOverride = false;
  for (const p of previews) {
    const gate = planGate(p.plan, allowTooFrequent);
    needsOverride ||= gate.needsOverride;
    if (!gate.ok) return { ok: false, reason: `${p.name}: ${gate.reason ?? 'cannot be copied to.'}`, needsOverride };
  }
  const unconfirmed = previews.find((p) => p.production && (typed[p.profileId] ?? '').trim() !== p.orgId);
  if (unconfirmed) return { ok: false, reason: `Type the org ID of ${unconfirmed.name} to copy to production.`, needsOverride };
  if (!previews.some((p) => p.plan.create.length > 0))
    return { ok: false, reason: 'Every picked schedule already exists in every target: nothing to copy.', needsOverride };
  return { ok: true, reason: null, needsOverride };
}
