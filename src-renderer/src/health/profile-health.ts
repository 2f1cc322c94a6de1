// A profile's verdicts as the sidebar dot and the header read them: its active schedules' health.
import type { HealthVerdict } from '@shared/health';
import type { ProfileSchedules } from '../store/schedule-state';
import { healthOf } from './verdicts';

/** null before the profile's list was loaded. */
export function profileVerdicts(entry: ProfileSchedules | undefined): HealthVerdict[] | null {
  const list = entry?.list;
  if (!list) return null;
  return list.schedules.filter((s) => s.active !== false).map((s) => healthOf(s).verdict);
}
