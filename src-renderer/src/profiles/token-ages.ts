// API token ages for the sidebar and the editor: loaded from main when profiles change, and after the
// editor asked the server about a token. One small shared cache, outside the app store.
import { useEffect, useSyncExternalStore } from 'react';
import type { TokenAge } from '@shared/ipc/channels/connections';
import { call } from '../api-client';

let ages: ReadonlyMap<string, TokenAge> = new Map();
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const publish = (next: ReadonlyMap<string, TokenAge>) => {
  ages = next;
  for (const listener of listeners) listener();
};

/** Reloads every known token age (a failure keeps what was shown: ages are advice, not data). */
export async function reloadTokenAges(): Promise<void> {
  try {
    publish(new Map((await call('tokens:ages', {})).map((a) => [a.profileId, a])));
  } catch {
    // Advice only; the next profile change tries again.
  }
}

/** Asks the server when the profile's token was issued (where it says), then reloads. */
export async function checkTokenAge(profileId: string): Promise<void> {
  try {
    await call('tokens:check', { profileId });
  } catch {
    // The server may be unreachable; the saved date still gives an age.
  }
  await reloadTokenAges();
}

/** Token ages by profile id; reloaded whenever `reloadKey` changes (e.g. the profile list). */
export function useTokenAges(reloadKey?: unknown): ReadonlyMap<string, TokenAge> {
  useEffect(() => {
    if (reloadKey !== undefined) void reloadTokenAges();
  }, [reloadKey]);
  return useSyncExternalStore(subscribe, () => ages);
}

/** "expires in 10 days" / "expired 3 days ago" / "expires today". */
export function expiryWords(age: TokenAge): string {
  if (age.daysLeft > 1) return `expires in ${age.daysLeft} days`;
  if (age.daysLeft === 1) return 'expires tomorrow';
  if (age.daysLeft === 0) return 'expires today';
  return `expired ${-age.daysLeft} day${age.daysLeft === -1 ? '' : 's'} ago`;
}

export const RENEW_STEPS =
  'To renew it: in Design Center open the profile menu (top right) > API Token, create a new token, and paste it here as the API token.';
