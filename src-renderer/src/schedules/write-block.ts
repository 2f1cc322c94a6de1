// Why create/delete is not possible right now, in words; null when it is. Derived from the profile's
// schedule state (store/derived.ts), so every place that disables a write says the same thing.
import type { SignInMethod } from '@shared/domain';
import type { ProfileSchedules } from '../store/schedule-state';
import { writeBlock } from '../store/derived';

export function writeBlockReason(entry: ProfileSchedules | undefined, signIn?: SignInMethod): string | null {
  return writeBlock(entry, signIn)?.reason ?? null;
}

/** A few words for tight places (the header); the full reason goes in its tooltip and the banner. */
export function writeBlockShort(entry: ProfileSchedules | undefined, signIn?: SignInMethod): string | null {
  return writeBlock(entry, signIn)?.short ?? null;
}
