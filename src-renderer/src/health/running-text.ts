// "Running since 04:00 (12 min; usually 6 min)": the words for an org's maintenance run in progress.
import type { RunningState } from '@shared/ipc';
import { formatLateness } from '@shared/health';
import { formatTime, zoneAbbreviation } from '../common/time';
import { runningSince } from '../store/health-slice';

/** The words, or null when nothing is known to be running. */
export function runningText(state: RunningState | undefined, now: Date, zone: string): string | null {
  const running = state?.running;
  if (!running) return null;
  const start = runningSince(state);
  if (start === null) return 'Maintenance running';
  const elapsed = Math.max(0, now.getTime() - start.getTime());
  const usual = state.typicalDurationMs === null ? '' : `; usually ${formatLateness(state.typicalDurationMs)}`;
  return `Running since ${formatTime(start, zone)} ${zoneAbbreviation(zone, start)} (${formatLateness(elapsed)}${usual})`;
}
