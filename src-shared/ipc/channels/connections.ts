// Connections beyond one saved profile: testing a draft, discovering a server's orgs, token age, the
// CA file dialog, and exports whose secrets are encrypted under a passphrase.
import { z } from 'zod';
import { channel } from '../define';
import { empty, id, profileInputSchema } from '../schemas';
import type { ConnectionTestResult, ImportResult } from '../types';

const secret = z.string().min(1).max(8192);
const passphrase = z.string().min(8, 'Passphrase: at least 8 characters').max(1024);

/** What discovery needs to sign in: the server part of a profile (the org is only used to sign in). */
export const serverPartSchema = profileInputSchema
  .pick({ apiUrl: true, authUrl: true, signIn: true, username: true, caCertPath: true })
  .extend({ orgId: z.string().trim().max(200).optional() });

/** One org found on a server, reachable or not, with why not. */
export interface DiscoveredOrg {
  orgId: string;
  /** The server's display name (the id when it gives none). */
  name: string;
  /** A profile name to offer, e.g. "Sales Analytics". */
  suggestedName: string;
  /** 'listed': in the server's list of the user's orgs; 'named': named by the form or another profile on this server. */
  source: 'listed' | 'named';
  /** Names of profiles that already point at this server and org. */
  existingProfiles: string[];
  access: { ok: true; scheduleCount: number } | { ok: false; reason: string };
}

export interface OrgDiscovery {
  /** serverKeyOf(apiUrl), e.g. "atscale.example.com:10502". */
  server: string;
  /** Who signed in (the user name, or "API token"). */
  signedInAs: string;
  orgs: DiscoveredOrg[];
}

/** How old a profile's API token is, and when it stops working (API tokens live 90 days). */
export interface TokenAge {
  profileId: string;
  /** When the token was issued (the server said so) or saved in this app. */
  since: string;
  source: 'server' | 'saved';
  expiresAt: string;
  /** Whole days left, negative once expired. */
  daysLeft: number;
  /** True from two weeks before expiry on. */
  warn: boolean;
}

export type CaFileChoice = { status: 'chosen'; path: string } | { status: 'cancelled' } | { status: 'unavailable'; message: string };

export interface EncryptedImportResult extends ImportResult {
  /** How many imported profiles got their secret from the file. */
  secretsSet: number;
  /** Profiles imported without their secret, and why (e.g. the keychain refused it). */
  secretProblems: { name: string; reason: string }[];
}

export const connectionChannels = {
  /** The step-by-step connection test on an unsaved profile; without `secret`, the stored secret of `profileId`. */
  'connection:test-draft': channel(
    z.object({ profile: profileInputSchema, secret: secret.optional(), profileId: id.optional() }).strict(),
  ).returns<ConnectionTestResult>(),
  /** Signs in and lists the orgs the user can reach, plus the named orgs it cannot reach, with why. */
  'orgs:discover': channel(
    z
      .object({
        profile: serverPartSchema,
        secret: secret.optional(),
        profileId: id.optional(),
        orgIds: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
      })
      .strict(),
  ).returns<OrgDiscovery>(),
  /** Token age of every token profile whose age is known. */
  'tokens:ages': channel(empty).returns<TokenAge[]>(),
  /** Asks the server when the profile's token was issued (when it offers that), and remembers it. */
  'tokens:check': channel(z.object({ profileId: id }).strict()).returns<TokenAge | null>(),
  /** The system's file dialog for a CA certificate (desktop app only). */
  'files:choose-ca': channel(empty).returns<CaFileChoice>(),
  /** Export as `profiles:export`; with a passphrase the secrets are included, encrypted (scrypt + AES-256-GCM). */
  'profiles:export-encrypted': channel(z.object({ ids: z.array(id).max(10_000).optional(), passphrase: passphrase.optional() }).strict()).returns<{
    json: string;
    count: number;
    secrets: number;
  }>(),
  /** Import as `profiles:import`; secrets in the file are decrypted with the passphrase first (a wrong one imports nothing). */
  'profiles:import-encrypted': channel(
    z
      .object({ json: z.string().max(5_000_000), passphrase: z.string().min(1).max(1024).optional(), secretStorage: z.enum(['keychain', 'memory']).optional() })
      .strict(),
  ).returns<EncryptedImportResult>(),
};
