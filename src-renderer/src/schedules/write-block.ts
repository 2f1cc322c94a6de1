// Why create/delete is not possible right now, in words; null when it is.
import type { ProfileSchedules } from '../store/schedules-slice';
import { clause } from '../common/text';

export function writeBlockReason(entry: ProfileSchedules | undefined): string | null {
  if (!entry || (!entry.list && entry.loading)) return 'Wait for the schedules to load first.';
  if (!entry.list) return 'The server could not be reached and there is no snapshot: refresh once it is back.';
  if (entry.list.stale) return `Offline: ${clause(entry.list.stale.reason)}. Creating and deleting need the server; refresh when it is back.`;
  return null;
}

/** A few words for tight places (the header); the full reason goes in its tooltip and the banner. */
export function writeBlockShort(entry: ProfileSchedules | undefined): string | null {
  if (!entry || (!entry.list && entry.loading)) return 'Loading…';
  if (!entry.list) return 'Server unreachable';
  if (entry.list.stale) return 'Unavailable offline';
  return null;
}
