// Set-up for the connection tests: a real core on a temp folder, the real simulator over a real socket.
import type { ProfileView } from '@shared/domain';
import type { ProfileInput } from '@shared/ipc/schemas';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, call, profileInput } from '../core/helpers';

export { call, callFails, makeCore, profileInput, removeDir, sim, tempDir, DEMO_PASSWORD } from '../core/helpers';

/** Saves a password profile for `orgId` with the demo password, kept in memory. */
export async function saveProfile(core: AppCore, s: { url: string }, overrides: Partial<ProfileInput> = {}, secret = DEMO_PASSWORD): Promise<ProfileView> {
  return call(core, 'profiles:save', { profile: profileInput(s, overrides), secret, secretStorage: 'memory' });
}
