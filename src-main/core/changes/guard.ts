// The guard every change passes before it sends anything, as create and delete do: the org the user
// confirmed must be the profile's org. Checked up front so a change of several writes never stops
// half-way on a mismatch (the schedule service checks each write again).
import type { Profile, Schedule, ScheduleList } from '@shared/domain';
import type { SavedList } from '@shared/ipc/channels/changes';
import { AppFailure } from '@core/errors';
import { requireProfile, type ProfileStore } from '@core/profiles/profile-store';
import type { ScheduleService } from '@core/schedules/schedule-service';

export function isProduction(profile: Profile): boolean {
  return profile.environment.kind === 'production';
}

export function confirmedProfile(profiles: Pick<ProfileStore, 'get'>, profileId: string, orgId: string, action: string): Profile {
  const profile = requireProfile(profiles, profileId);
  if (profile.orgId !== orgId) {
    throw new AppFailure(
      'profile-mismatch',
      `The ${action} was confirmed for org "${orgId}", but profile "${profile.name}" is connected to org "${profile.orgId}". Nothing was sent; check the profile and try again.`,
    );
  }
  return profile;
}

/** The profile's live list: a write is only planned against what the server says now, never a snapshot. */
export async function liveList(schedules: Pick<ScheduleService, 'list'>, profile: Profile, action: string): Promise<ScheduleList> {
  const list = await schedules.list(profile.id);
  if (list.source !== 'live') {
    throw new AppFailure(
      'offline',
      `"${profile.name}" cannot be reached, so the ${action} was not sent: ${staleReason(list)} Try again once the server answers.`,
    );
  }
  return list;
}

// Stryker disable next-line StringLiteral,OptionalChaining: a list from a snapshot always carries why the live list failed
const staleReason = (list: ScheduleList): string => list.stale?.reason ?? 'only the last saved list is available.';

/** A list from its last saved copy, told as when it was fetched and why the server was not asked; undefined when live. */
export function savedOf(list: ScheduleList): SavedList | undefined {
  return list.source === 'snapshot' ? { fetchedAt: list.fetchedAt, reason: staleReason(list) } : undefined;
}

/** Active schedules (deactivated ones are the server's history, not schedules that fire). */
export function activeOf(list: ScheduleList): Schedule[] {
  return list.schedules.filter((s) => s.active !== false);
}
