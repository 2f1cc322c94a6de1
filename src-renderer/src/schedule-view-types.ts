// The seam between the app shell and the calendar/timeline views: both views draw these sources.
import type { Schedule } from '@shared/domain';

export interface ScheduleSource {
  key: string /* profileId + ':' + jobId */;
  profileId: string;
  profileName: string;
  environmentLabel: string;
  color: string;
  serverTimeZone: string;
  schedule: Schedule /* from @shared/domain */;
  /** Kept by this app while paused (deleted on the server): drawn as a ghost, it does not run. */
  paused?: true;
  /** The paused entry's id (changes:resume), with `paused`. */
  pausedId?: string;
}

export interface ScheduleViewProps {
  sources: ScheduleSource[];
  displayZone: 'server' | 'local';
  now: Date;
  selectedKey: string | null;
  onSelect(key: string): void;
}
