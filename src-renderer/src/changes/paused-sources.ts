// Paused schedules as calendar/timeline/list sources: flagged `paused`, so each view draws them as
// ghosts (they do not run while paused) and the list shows a "Paused" row.
import type { ProfileView, Schedule } from '@shared/domain';
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import type { ScheduleSource } from '../schedule-view-types';

const PAUSED_MARK = 'paused:';

/** The key of a paused entry: its own id, never a server job id (the job was deleted on pause). */
export function pausedKey(profileId: string, pausedId: string): string {
  return `${profileId}:${PAUSED_MARK}${pausedId}`;
}

export function isPausedKey(key: string): boolean {
  return key.includes(`:${PAUSED_MARK}`);
}

/** The schedule a paused entry stands for, as the list and the views read schedules. */
function ghostSchedule(entry: PausedSchedule): Schedule {
  return {
    jobId: `${PAUSED_MARK}${entry.id}`,
    orgId: entry.orgId,
    timeExpression: entry.timeExpression,
    fullBuild: false,
    createdBy: 'this app (paused)',
    createdAt: entry.pausedAt,
    latestExecution: null,
    active: true,
  };
}

export function pausedSource(entry: PausedSchedule, profile: ProfileView): ScheduleSource {
  return {
    key: pausedKey(profile.id, entry.id),
    profileId: profile.id,
    profileName: profile.name,
    environmentLabel: profile.environment.label,
    color: profile.environment.color,
    serverTimeZone: entry.serverTimeZone || profile.serverTimeZone,
    schedule: ghostSchedule(entry),
    paused: true,
    pausedId: entry.id,
  };
}

/** The status cell's text for a row; a paused row says so (the job is gone from the server meanwhile). */
export function rowStatus(sourceKey: string, active: boolean | null): 'Paused' | 'Deactivated' | 'Active' {
  if (isPausedKey(sourceKey)) return 'Paused';
  return active === false ? 'Deactivated' : 'Active';
}
