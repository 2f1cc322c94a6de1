// A profile's status dot, derived from the store's per-profile list state. Kept in this one function
// so a change of the store's shape is adapted here only.
import type { ProfileView, ScheduleList } from '@shared/domain';

/** What this reads of the store's per-profile entry (store/schedules-slice.ts `lists[id]`). */
export interface ListState {
  list: ScheduleList | null;
  /** Why the last refresh failed with nothing to show. */
  error: string | null;
}

export type ProfileStatus = 'live' | 'snapshot' | 'signed-out' | 'failing' | 'unknown';

export const STATUS_WORDS: Record<ProfileStatus, string> = {
  live: 'Live',
  snapshot: 'From a snapshot (server not reachable)',
  'signed-out': 'Signed out (no secret, or the server refused it)',
  failing: 'Failing',
  unknown: 'Not loaded yet',
};

const SIGNED_OUT_KINDS = new Set(['unauthorized', 'no-secret', 'keychain-unavailable']);

export function profileStatus(profile: Pick<ProfileView, 'hasSecret'>, entry: ListState | undefined): ProfileStatus {
  if (!profile.hasSecret) return 'signed-out';
  const list = entry?.list;
  if (list?.stale && SIGNED_OUT_KINDS.has(list.stale.kind)) return 'signed-out';
  if (list && list.source === 'live' && !entry.error) return 'live';
  if (list) return 'snapshot';
  if (entry?.error) return 'failing';
  return 'unknown';
}
