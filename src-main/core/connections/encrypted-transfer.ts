// Export and import with secrets: the usual export file (profiles without secrets) plus a `secrets`
// block sealed under the user's passphrase (see encrypted-secrets.ts). The file still imports without
// the passphrase through `profiles:import`, which ignores the block; this module is the way in with it.
import type { Profile } from '@shared/domain';
import type { EncryptedImportResult } from '@shared/ipc/channels/connections';
import { AppFailure } from '@core/errors';
import type { ProfileService } from '@core/profiles/profile-service';
import type { ProfileStore } from '@core/profiles/profile-store';
import { exportProfiles } from '@core/profiles/profile-transfer';
import { serverAccount, type ProfileSecrets } from '@core/secrets/profile-secrets';
import { seal, sealedSchema, unseal, type SealedEntry } from './encrypted-secrets';
import { datesFor, type TokenDateStore } from './token-dates';

export interface TransferDeps {
  profiles: ProfileStore;
  profileService: ProfileService;
  vault: ProfileSecrets;
  tokenDates: TokenDateStore;
  now: () => Date;
}

type Keyed = Pick<Profile, 'name' | 'orgId' | 'apiUrl'>;
// As the import reads a row: name and URL trimmed, the org ID as it stands (one with spaces is refused).
const keyOf = (p: Keyed): string => JSON.stringify([p.name.trim(), p.orgId, p.apiUrl.trim()]);

export async function exportWithSecrets(
  d: TransferDeps,
  ids: string[] | undefined,
  passphrase: string | undefined,
): Promise<{ json: string; count: number; secrets: number }> {
  const plain = exportProfiles(d.profiles, ids, d.now());
  if (passphrase === undefined) return { ...plain, secrets: 0 };
  const doc = JSON.parse(plain.json) as { profiles: Keyed[] } & Record<string, unknown>;
  // exportProfiles keeps the store's order; each row is matched to its profile by name, org and URL.
  const chosen = d.profiles.list().filter((p) => !ids || ids.includes(p.id));
  const entries: SealedEntry[] = [];
  for (const [index, row] of doc.profiles.entries()) {
    const profile = chosen[index];
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: both lists come from one synchronous read of the store; this guards a future await between them
    if (!profile || keyOf(profile) !== keyOf(row)) throw new AppFailure('internal', 'The export changed while it was written; export again.');
    const secret = await d.vault.get(profile.id);
    if (secret === null) continue;
    // Only API tokens have dates.
    const dates = await datesFor(d.tokenDates, d.vault.accountOf(profile.id), profile.id);
    const tokenSince = dates?.issuedAt ?? dates?.savedAt;
    entries.push({ index, secret, ...(tokenSince ? { tokenSince } : {}) });
  }
  const secrets = await seal(entries, passphrase, JSON.stringify(doc.profiles));
  return { json: JSON.stringify({ ...doc, secrets }, null, 2), count: plain.count, secrets: entries.length };
}

export async function importWithSecrets(
  d: TransferDeps,
  json: string,
  passphrase: string | undefined,
  wanted: 'keychain' | 'memory' | undefined,
): Promise<EncryptedImportResult> {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
    // Stryker disable next-line BlockStatement: not JSON: the profile service words the failure either way
  } catch {
    // The profile service words this failure; let it.
    return { ...(await d.profileService.importJson(json)), secretsSet: 0, secretProblems: [] };
  }
  const block = typeof doc === 'object' && doc !== null && 'secrets' in doc ? (doc as { secrets: unknown }).secrets : undefined;
  if (block === undefined) return { ...(await d.profileService.importJson(json)), secretsSet: 0, secretProblems: [] };
  if (passphrase === undefined) {
    throw new AppFailure(
      'invalid-input',
      'This file holds passwords or tokens encrypted under a passphrase. Type the passphrase to import them; nothing was imported.',
    );
  }
  const sealed = sealedSchema.safeParse(block);
  if (!sealed.success)
    throw new AppFailure(
      'invalid-input',
      'The encrypted secrets in this file are not in the expected form (scrypt + AES-256-GCM). Export them again with this app.',
    );
  const rows = (doc as { profiles?: unknown }).profiles;
  if (!Array.isArray(rows)) throw new AppFailure('invalid-input', 'The file holds no profiles: expected {"profiles": [...]} as exported by this app.');
  // Decrypt before anything is written: a wrong passphrase imports nothing.
  const entries = await unseal(sealed.data, passphrase, JSON.stringify(rows));
  // Stryker disable next-line StringLiteral: with no entries nothing reads it (and no keychain choice is needed)
  const storage = entries.length === 0 ? 'memory' : storageFor(d.vault, wanted);

  const serversBefore = new Set(d.profiles.doc().servers.map((x) => x.id));
  const result = await d.profileService.importJson(json);
  const byKey = new Map(result.imported.map((p) => [keyOf(p), p]));
  let secretsSet = 0;
  // Orgs of one server share its secret; one whose secret differs from the one its server has keeps its
  // own. A server the app had before the import keeps the secret it has (its orgs sign in with it): an
  // imported one that differs becomes the imported profile's own, never a silent replacement.
  const serverSecret = new Map<string, string | null>();
  const sharedOf = async (serverId: string): Promise<string | null | undefined> => {
    if (serverSecret.has(serverId)) return serverSecret.get(serverId);
    if (!serversBefore.has(serverId)) return undefined;
    // Unreadable (a failing keychain): unknown, so the imported secret is kept as the profile's own.
    const existing = await d.vault.accounts.get(serverAccount(serverId)).catch(() => null);
    serverSecret.set(serverId, existing);
    return existing;
  };
  const secretProblems: EncryptedImportResult['secretProblems'] = [];
  for (const entry of entries) {
    const row = rows[entry.index] as Partial<Keyed> | undefined;
    if (!row || typeof row.name !== 'string' || typeof row.orgId !== 'string' || typeof row.apiUrl !== 'string') continue;
    const key = keyOf(row as Keyed);
    const profile = byKey.get(key);
    if (!profile) continue; // skipped by the import (already there, or invalid): listed in `skipped`
    // One row per profile: a later row with the same name, org and URL was skipped, and so is its secret.
    byKey.delete(key);
    try {
      const shared = profile.serverId ? await sharedOf(profile.serverId) : undefined;
      if (shared === entry.secret) {
        // Its server signs in with this very secret already: nothing to write (its dates stay as they are).
        secretsSet += 1;
        continue;
      }
      // null: a server the app had, with no secret it could read; the imported one stays this profile's own
      // so the other orgs there are never given a password they did not have.
      await d.profileService.setSecret(profile.id, entry.secret, storage, {
        ...(entry.tokenSince ? { since: new Date(entry.tokenSince) } : {}),
        own: shared !== undefined,
      });
      if (profile.serverId && shared === undefined) serverSecret.set(profile.serverId, entry.secret);
      secretsSet += 1;
    } catch (error) {
      secretProblems.push({ name: profile.name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { imported: result.imported.map((p) => d.profileService.view(p)), skipped: result.skipped, secretsSet, secretProblems };
}

function storageFor(vault: ProfileSecrets, wanted: 'keychain' | 'memory' | undefined): 'keychain' | 'memory' {
  if (wanted) return wanted;
  if (vault.status().keychain === 'available') return 'keychain';
  // Never memory without the user choosing it: the secrets would be gone on restart.
  throw new AppFailure(
    'keychain-unavailable',
    'No keychain is available to keep the imported secrets. Choose "keep in memory for this session" and import again; nothing was imported.',
  );
}
