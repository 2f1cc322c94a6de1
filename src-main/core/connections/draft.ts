// A profile that is not saved (yet): the form's fields as a Profile, and which secret it may use.
// A stored secret is lent to a draft only when the draft talks to the same servers it was entered for,
// so a typo in a URL can never hand the password to another host.
import type { Profile } from '@shared/domain';
import type { ProfileInput } from '@shared/ipc/schemas';
import { AppFailure, createRedactor, type Redactor } from '@core/errors';
import type { ProfileStore } from '@core/profiles/profile-store';
import type { SecretVault } from '@core/secrets/secret-vault';
import { sameOrigin } from '@core/profiles/server-secrets';
import type { SecretReader } from '@core/schedules/client-pool';

export const DRAFT_ID = 'draft';

export interface DraftDeps {
  profiles: Pick<ProfileStore, 'get'>;
  vault: SecretVault;
}

/** The draft as a Profile (never stored): the id of the saved profile it edits, or "draft". */
export function draftProfile(input: ProfileInput, profileId: string | undefined, now: Date): Profile {
  const { id: _ignored, ...fields } = input;
  const stamp = now.toISOString();
  // Stryker disable next-line BooleanLiteral: nothing a connection test or org discovery does reads the draft's demo flag
  return { ...fields, caCertPath: fields.caCertPath ?? null, id: profileId ?? DRAFT_ID, demo: false, createdAt: stamp, updatedAt: stamp };
}

/**
 * The secret a draft signs in with: the one typed, else the stored secret of `profileId` when the draft
 * points at the same API and Design Center origins. Null when there is none to use.
 */
export async function draftSecret(
  deps: DraftDeps,
  draft: Pick<Profile, 'apiUrl' | 'authUrl'>,
  typed: string | undefined,
  profileId: string | undefined,
): Promise<string | null> {
  if (typed !== undefined) return typed;
  // Stryker disable next-line ConditionalExpression: without an id the lookup below finds no profile either; this only skips it
  if (!profileId) return null;
  const saved = deps.profiles.get(profileId);
  if (!saved) return null;
  if (!sameOrigin(saved.apiUrl, draft.apiUrl) || !sameOrigin(saved.authUrl, draft.authUrl)) {
    throw new AppFailure(
      'no-secret',
      `The stored secret of "${saved.name}" was entered for ${originOf(saved.apiUrl)}; type it again to use it with ${originOf(draft.apiUrl)}.`,
    );
  }
  return deps.vault.get(profileId);
}

/** The draft's secret as the connection test reads it: a reader only, so a test can never store anything. */
export function draftVault(secret: string | null): SecretReader {
  return { get: async () => secret };
}

/** The app's redaction plus the typed secret (which the vault has never seen). */
export function draftRedactor(vault: SecretVault, secret: string | null): Redactor {
  // Stryker disable next-line ConditionalExpression: the client stars the secret it signs in with in every message it makes; adding the typed one here covers text made outside the client (none today)
  return createRedactor(() => (secret === null ? vault.known() : [...vault.known(), secret]));
}

function originOf(url: string): string {
  try {
    // Stryker disable BlockStatement: the catch below never runs (both URLs passed the request schema's URL check, the saved one when it was saved); it only keeps an unreadable one from throwing
    return new URL(url).host;
  } catch {
    // Stryker restore BlockStatement
    // Stryker disable next-line all: as above
    return 'another server';
  }
}
