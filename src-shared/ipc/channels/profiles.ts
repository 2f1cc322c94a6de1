// Connection profiles, their secrets, and testing a connection.
import { z } from 'zod';
import type { ProfileView } from '../../domain';
import { channel } from '../define';
import { empty, id, profileInputSchema, profileName, secretStorage } from '../schemas';
import type { ConnectionTestResult, ImportResult } from '../types';

export const profileChannels = {
  'profiles:list': channel(empty).returns<ProfileView[]>(),
  /**
   * Create (no id) or update (id) a profile: an org on the server its URLs, sign-in method and user name
   * (found or created). A secret, when given, goes to the keychain only, as that server's (shared by its
   * orgs). `applyToServer`: the server settings given change the server, for every org on it.
   */
  'profiles:save': channel(
    z
      .object({
        profile: profileInputSchema,
        secret: z.string().min(1).max(8192).optional(),
        secretStorage: secretStorage.optional(),
        applyToServer: z.boolean().optional(),
      })
      .strict(),
  ).returns<ProfileView>(),
  'profiles:duplicate': channel(z.object({ id, name: profileName.optional() }).strict()).returns<ProfileView>(),
  'profiles:rename': channel(z.object({ id, name: profileName }).strict()).returns<ProfileView>(),
  'profiles:delete': channel(z.object({ id }).strict()).returns<{ deleted: true }>(),
  /** JSON of the chosen profiles (all when ids is absent), without secrets. */
  'profiles:export': channel(z.object({ ids: z.array(id).max(10_000).optional() }).strict()).returns<{ json: string; count: number }>(),
  'profiles:import': channel(z.object({ json: z.string().max(5_000_000) }).strict()).returns<ImportResult>(),
  /** The secret of the profile's server and user: every org on that server with that user signs in with it. */
  'secrets:set': channel(z.object({ profileId: id, secret: z.string().min(1).max(8192), storage: secretStorage }).strict()).returns<ProfileView>(),
  'secrets:clear': channel(z.object({ profileId: id }).strict()).returns<ProfileView>(),
  'connection:test': channel(z.object({ profileId: id }).strict()).returns<ConnectionTestResult>(),
  /** Checks a CA certificate file as the profile editor picks it: a regular, small PEM file. */
  'files:check-ca': channel(z.object({ path: z.string().min(1).max(4096) }).strict()).returns<CaFileCheck>(),
};

export type CaFileCheck = { ok: true; subject?: string } | { ok: false; message: string };
