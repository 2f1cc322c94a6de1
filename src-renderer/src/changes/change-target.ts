// What every change dialog needs to know about the schedule it acts on: the source, its profile, the
// server zone, whether it is production, why writes are off, and the org's other active schedules.
import { useShallow } from 'zustand/react/shallow';
import type { ProfileView } from '@shared/domain';
import type { ScheduleSource } from '../schedule-view-types';
import { useAppStore } from '../store';
import { findSource } from '../store/sources';
import type { ProfileSchedules } from '../store/schedule-state';
import { writeBlockReason } from '../schedules/write-block';
import { sameOrgSchedules } from '../create/expression-fields';

export interface ChangeTarget {
  source: ScheduleSource;
  profile: ProfileView;
  zone: string;
  production: boolean;
  /** Why the profile cannot be written to now (not live), or null. */
  blocked: string | null;
  /** Expressions of the org's active schedules other than this one (for duplicates). */
  others: string[];
}

export function changeTargetOf(profiles: ProfileView[], lists: Record<string, ProfileSchedules>, source: ScheduleSource | null): ChangeTarget | null {
  if (!source) return null;
  const profile = profiles.find((p) => p.id === source.profileId);
  if (!profile) return null;
  const entry = lists[profile.id];
  const others = sameOrgSchedules(profile, profiles, (id) => lists[id]?.list?.schedules ?? [])
    .filter((s) => source.paused || s.jobId !== source.schedule.jobId)
    .map((s) => s.timeExpression);
  return {
    source,
    profile,
    zone: entry?.list?.serverTimeZone ?? source.serverTimeZone ?? profile.serverTimeZone,
    production: profile.environment.kind === 'production',
    blocked: writeBlockReason(entry, profile.signIn),
    others,
  };
}

/** The change target of a source key, kept current as the store changes. */
export function useChangeTarget(key: string): ChangeTarget | null {
  const { profiles, lists, paused } = useAppStore(useShallow((s) => ({ profiles: s.profiles, lists: s.lists, paused: s.paused })));
  return changeTargetOf(profiles, lists, findSource(profiles, lists, key, paused));
}

/** The org a production write needs typed; anything goes elsewhere. */
export function orgConfirmed(target: Pick<ChangeTarget, 'production' | 'profile'>, typed: string): boolean {
  return !target.production || typed.trim() === target.profile.orgId;
}
