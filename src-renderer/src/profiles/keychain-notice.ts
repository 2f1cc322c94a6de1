// What the profile editor says of an older secret left in the OS keychain, and how it keeps the app's
// keychain state fresh. The core reports it in app:info (`keychainProblem` while the keychain is
// `available`): a secret put in memory for this session whose old keychain entry could not be removed
// (the keychain failed then, mid-session). After a restart the app would sign in with that older secret.
// The problem is a sentence that names no profile, so every editor shows it, with the profiles it can be.
import { useEffect } from 'react';
import type { ProfileView } from '@shared/domain';
import type { AppInfo } from '@shared/ipc';
import { call } from '../api-client';
import { useAppStore } from '../store';
import { clause } from '../common/text';

export interface KeychainNotice {
  /** What happened, in the core's words. */
  what: string;
  /** Which profiles it can be: those whose secret is kept in memory now (null when none is). */
  which: string | null;
  /** What to do about it. */
  todo: string;
}

/**
 * The notice for an editor of `current` (null: a new profile), or null when the keychain has no such
 * problem. An unavailable keychain is not this: the editor says that beside its storage choice.
 */
export function keychainNoticeOf(
  appInfo: Pick<AppInfo, 'keychain' | 'keychainProblem' | 'keychainService'> | null,
  profiles: readonly Pick<ProfileView, 'id' | 'name' | 'secretStorage' | 'signIn'>[],
  current: Pick<ProfileView, 'id'> | null,
): KeychainNotice | null {
  const problem = appInfo?.keychain === 'available' ? appInfo.keychainProblem?.trim() : undefined;
  if (!problem || !appInfo) return null;
  // Only a secret kept in memory can have left an entry behind (saving it in the keychain again replaces it).
  const inMemory = profiles.filter((p) => p.secretStorage === 'memory');
  const names = inMemory.slice(0, 3).map((p) => `“${p.name}”`);
  if (inMemory.length > 3) names.push(`${inMemory.length - 3} more`);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}` : (names[0] ?? '');
  const mine = current !== null && inMemory.some((p) => p.id === current.id);
  const only = 'Only a profile whose secret is kept in memory for this session can have one';
  const which =
    inMemory.length === 0
      ? null
      : mine && inMemory.length === 1
        ? `${only}, and this profile is the only one.`
        : `${only}: ${listed}${mine ? ' (this profile among them)' : ''}.`;
  const kinds = new Set(inMemory.map((p) => p.signIn));
  const secret = kinds.size === 1 && kinds.has('token') ? 'API token' : kinds.size === 1 ? 'password' : 'password or API token';
  const how =
    mine && inMemory.length === 1 ? `type its ${secret} above and save this profile` : `type the ${secret} of each such profile in its editor and save it`;
  const todo =
    `To remove it, once the keychain answers again (unlock it, or start its service), ${how}: ` +
    `kept in the system keychain, the new secret replaces the old entry; kept in memory, the old entry is removed. ` +
    `Or delete the old entry in your keychain app (Passwords and Keys, Keychain Access or Credential Manager), where the app's entries are named “${appInfo.keychainService}”; ` +
    `a server whose entry is gone asks for its secret at the next start.`;
  return { what: `${clause(problem)}.`, which, todo };
}

/** Asks the core for its state again: a keychain problem can arise after the app started (a save, a failing keychain). */
export async function rereadAppInfo(): Promise<void> {
  try {
    const appInfo = await call('app:info', {});
    useAppStore.setState({ appInfo });
  } catch {
    // The store keeps the state it has; the next editor asks again.
  }
}

/** While mounted: the app's state as it is now (read on mount and on every app:info-changed). */
export function useFreshAppInfo(): void {
  useEffect(() => {
    void rereadAppInfo();
    return window.appEvents?.on('app:info-changed', (appInfo) => useAppStore.setState({ appInfo }));
  }, []);
}
