// Builds the sources of every view (list, calendar, timeline, load) from the store: one per schedule,
// coloured by its profile. Paused schedules (kept by this app, deleted on the server) come last, flagged
// `paused`. In All profiles the view filters (filter-slice.ts) decide which profiles take part.
import type { ProfileView } from '@shared/domain';
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import type { ScheduleSource } from '../schedule-view-types';
import { pausedSource } from '../changes/paused-sources';
import type { ProfileSchedules } from './schedules-slice';
import { connectionOf, listFor } from './schedule-state';
import { ALL_PROFILES } from './view-slice';
import { filterProfiles, type ViewFilters } from './filter-slice';
import { environmentName } from '../common/environment-name';

export function sourceKey(profileId: string, jobId: string): string {
  return `${profileId}:${jobId}`;
}

export function buildSources(
  profiles: ProfileView[],
  lists: Record<string, ProfileSchedules>,
  selectedProfileId: string | null,
  showDeactivated: boolean,
  paused: readonly PausedSchedule[] = [],
  /** Only in All profiles: one profile shown is shown whole. */
  filters?: ViewFilters,
): ScheduleSource[] {
  const all = selectedProfileId === ALL_PROFILES;
  const shown = all ? (filters ? filterProfiles(profiles, filters) : profiles) : profiles.filter((p) => p.id === selectedProfileId);
  const sources: ScheduleSource[] = [];
  for (const profile of shown) {
    // Only a list of the server and org the profile points at now is the profile's.
    const list = listFor(lists[profile.id], connectionOf(profile));
    if (!list) continue;
    for (const schedule of list.schedules) {
      if (!showDeactivated && schedule.active === false) continue;
      sources.push({
        key: sourceKey(profile.id, schedule.jobId),
        profileId: profile.id,
        profileName: profile.name,
        environmentLabel: environmentName(profile.environment),
        color: profile.environment.color,
        serverTimeZone: list.serverTimeZone || profile.serverTimeZone,
        schedule,
      });
    }
  }
  for (const entry of paused) {
    const profile = shown.find((p) => p.id === entry.profileId);
    if (profile) sources.push(pausedSource(entry, profile));
  }
  return sources;
}

export function findSource(
  profiles: ProfileView[],
  lists: Record<string, ProfileSchedules>,
  key: string | null,
  paused: readonly PausedSchedule[] = [],
): ScheduleSource | null {
  if (!key) return null;
  const all = buildSources(profiles, lists, ALL_PROFILES, true, paused);
  return all.find((s) => s.key === key) ?? null;
}
