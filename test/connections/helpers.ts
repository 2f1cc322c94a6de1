// Set-up for the connection tests: a real core on a temp folder, the real simulator over a real socket.
import { afterEach, beforeEach } from 'vitest';
import type { ProfileView } from '@shared/domain';
import type { ProfileInput } from '@shared/ipc/schemas';
import type { AppCore, AppCoreOptions } from '@core/app-core';
import { DEMO_USER } from '@simulator/index';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, tempDir } from '../core/helpers';

export { call, callFails, makeCore, profileInput, removeDir, sim, tempDir, DEMO_PASSWORD } from '../core/helpers';

/** Saves a password profile for `orgId` with the demo password, kept in memory. */
export async function saveProfile(core: AppCore, s: { url: string }, overrides: Partial<ProfileInput> = {}, secret = DEMO_PASSWORD): Promise<ProfileView> {
  return call(core, 'profiles:save', { profile: profileInput(s, overrides), secret, secretStorage: 'memory' });
}

/** The server part of a profile form (what org discovery is asked with): the admin's password sign-in to `s`. */
export function serverFields(s: { url: string }, over: Partial<{ username: string; signIn: 'password' | 'token'; orgId: string }> = {}) {
  return { apiUrl: s.url, authUrl: s.url, signIn: 'password' as const, username: DEMO_USER, caCertPath: null, ...over };
}

export interface CorePerTest {
  readonly core: AppCore;
  readonly dir: string;
  /** Closes the core and opens another on the same folder (a restart). */
  restart(): Promise<AppCore>;
}

/** A core on a temp folder of its own for each test: the handlers it builds are part of what each test checks. */
export function corePerTest(options: Partial<AppCoreOptions> = {}): CorePerTest {
  let core: AppCore | undefined;
  let dir = '';
  beforeEach(async () => {
    dir = await tempDir();
    core = await makeCore(dir, options);
  });
  afterEach(async () => {
    await core?.close();
    await removeDir(dir);
  });
  return {
    get core() {
      if (!core) throw new Error('the core opens before each test');
      return core;
    },
    get dir() {
      return dir;
    },
    async restart() {
      await core?.close();
      core = await makeCore(dir, options);
      return core;
    },
  };
}
