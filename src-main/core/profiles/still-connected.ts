// An answer about a profile's former connection leaves no trace: a list or check under way when the user
// moves the profile to another server or org, or deletes it, is set aside when it comes back, and the
// profile is asked again where it points now (docs/architecture.md, "An answer about a former connection").
import type { Profile } from '@shared/domain';
import { AppFailure } from '@core/errors';
import { requireProfile, type ProfileStore } from './profile-store';

/** What a single ask answers when the profile was moved or deleted while the server answered. */
export const MOVED = Symbol('moved');

/** A profile that keeps moving is asked again this many times at most. */
const MAX_MOVES = 3;

/** Whether the profile still points at the server and org `before` (read before a wait) did; false once deleted. */
export function stillConnected(profiles: Pick<ProfileStore, 'get'>, before: Pick<Profile, 'id' | 'apiUrl' | 'orgId'>): boolean {
  const now = profiles.get(before.id);
  return now !== undefined && now.apiUrl === before.apiUrl && now.orgId === before.orgId;
}

/**
 * `once` for the profile as it is now, asked again while it answers MOVED; a deleted profile is refused
 * as not found. `what` and `retry` word the refusal of a profile that never stops moving.
 */
export async function askWhereItPoints<T>(
  profiles: Pick<ProfileStore, 'get'>,
  profileId: string,
  once: (profile: Profile) => Promise<T | typeof MOVED>,
  words: { what: string; retry: string },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const answer = await once(requireProfile(profiles, profileId));
    if (answer !== MOVED) return answer as T;
    if (attempt >= MAX_MOVES) {
      throw new AppFailure('profile-mismatch', `The connection of this profile changed ${MAX_MOVES} times while ${words.what}. ${words.retry}`);
    }
  }
}
