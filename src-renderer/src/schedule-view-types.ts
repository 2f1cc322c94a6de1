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
}

export interface ScheduleViewProps {
  sources: ScheduleSource[];
  displayZone: 'server' | 'local';
  now: Date;
  selectedKey: string | null;
  onSelect(key: string): void;
}
