// What the change workflows need: the same profile store and schedule service as create and delete.
import type { Redactor } from '@core/errors';
import type { ProfileStore } from '@core/profiles/profile-store';
import type { ScheduleService } from '@core/schedules/schedule-service';
import type { PausedStore } from './paused-store';

export interface ChangeDeps {
  profiles: ProfileStore;
  schedules: ScheduleService;
  paused: PausedStore;
  redact: Redactor;
  now: () => Date;
}
