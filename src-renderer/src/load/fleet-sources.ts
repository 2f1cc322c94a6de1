// The bridge from the app's schedule sources to fleet planning's: which server each schedule runs on
// (the API URL's host and port) and how long its runs are assumed to take.
import type { ProfileView } from '@shared/domain';
import { DEFAULT_RUN_MINUTES, serverKeyOf, type FleetSource } from '@shared/fleet';
import type { FleetProfileSettings } from '@shared/ipc/channels/fleet';
import type { ScheduleSource } from '../schedule-view-types';

export interface PlannedSource extends FleetSource {
  source: ScheduleSource;
  orgId: string;
}

/** Active schedules only: a deactivated one never runs. */
export function toFleetSources(
  sources: readonly ScheduleSource[],
  profiles: readonly ProfileView[],
  settings: Record<string, FleetProfileSettings>,
): PlannedSource[] {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  const out: PlannedSource[] = [];
  for (const s of sources) {
    const profile = byId.get(s.profileId);
    if (!profile || s.schedule.active === false) continue;
    out.push({
      key: s.key,
      serverKey: serverKeyOf(profile.apiUrl),
      profileId: s.profileId,
      environment: s.environmentLabel,
      timeExpression: s.schedule.timeExpression,
      serverTimeZone: s.serverTimeZone,
      durationMs: settingsOf(settings, s.profileId).runMinutes * 60_000,
      source: s,
      orgId: s.schedule.orgId || profile.orgId,
    });
  }
  return out;
}

/** The profiles on the same server as `profile` (itself included). */
export function sameServerProfiles(profile: ProfileView, profiles: readonly ProfileView[]): ProfileView[] {
  const key = serverKeyOf(profile.apiUrl);
  return profiles.filter((p) => serverKeyOf(p.apiUrl) === key);
}

/** A profile's planning settings, or the defaults (no blackouts, DEFAULT_RUN_MINUTES) before any were saved. */
export function settingsOf(settings: Record<string, FleetProfileSettings>, profileId: string): FleetProfileSettings {
  return settings[profileId] ?? { profileId, blackouts: [], runMinutes: DEFAULT_RUN_MINUTES };
}
