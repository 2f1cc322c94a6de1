// A profile's status dot, derived from the store's per-profile schedule state (store/schedule-state.ts).
import type { ProfileView } from '@shared/domain';
import { settledOf, type ProfileSchedules } from '../store/schedule-state';

export type ProfileStatus = 'live' | 'snapshot' | 'signed-out' | 'failing' | 'unknown';

export const STATUS_WORDS: Record<ProfileStatus, string> = {
  live: 'Live',
  snapshot: 'From a snapshot (server not reachable)',
  'signed-out': 'Signed out (no secret, or the server refused it)',
  failing: 'Failing',
  unknown: 'Not loaded yet',
};

const SIGNED_OUT_KINDS = new Set(['unauthorized', 'no-secret', 'keychain-unavailable']);

export function profileStatus(profile: Pick<ProfileView, 'hasSecret'>, entry: ProfileSchedules | undefined): ProfileStatus {
  if (!profile.hasSecret) return 'signed-out';
  // While a refresh runs, the dot keeps telling the last known truth.
  const settled = settledOf(entry);
  if (!settled) return 'unknown';
  if (settled.status === 'live') return 'live';
  if (SIGNED_OUT_KINDS.has(settled.kind)) return 'signed-out';
  return settled.status === 'snapshot' ? 'snapshot' : 'failing';
}
