// One AtScale client per profile configuration, so a signed-in token is reused across calls. A client is
// built from the profile as it is at call time; changing the profile or its secret builds a new one.
//
// A refused sign-in is remembered per server and credentials (sign-in-guard.ts): the orgs of a server
// that share one user and password are not each sent the same refused password (which could lock the
// account), they are answered at once until the password is entered again.
import type { Profile } from '@shared/domain';
import type { ClientFactory, ClientOptions, Credentials, ScheduleClient } from '@core/atscale-port';
import { AppFailure, quote } from '@core/errors';
import { readCaCert } from './ca-file';
import { createSignInGuard, guardClient, type ClientOwner } from './sign-in-guard';
import type { SecretVault } from '@core/secrets/secret-vault';

export interface ClientPool {
  clientFor(profile: Profile): Promise<ScheduleClient>;
  /** Drops the profile's client; a refused sign-in remembered for its credentials is forgotten too (the user saved it again). */
  forget(profileId: string): void;
  /** A sign-in with these options worked outside the pool (a connection test): a refusal of those credentials is over. */
  signedIn(options: ClientOptions): void;
  closeAll(): void;
}

export function createClientPool(factory: ClientFactory, vault: SecretVault, timeoutMs: number): ClientPool {
  const clients = new Map<string, { key: string; client: ScheduleClient; raw: ScheduleClient; credentialKey: string | null; owner: ClientOwner }>();
  const retired = new Set<ScheduleClient>();
  const guard = createSignInGuard();
  return {
    async clientFor(profile) {
      const secret = await requireSecret(vault, profile);
      const options = await clientOptionsFor(profile, secret, timeoutMs);
      // The key holds the secret only in memory, to notice a changed password; it is never written anywhere.
      const key = JSON.stringify([options.apiUrl, options.authUrl, options.orgId, options.credentials, options.caCert ?? null]);
      const cached = clients.get(profile.id);
      if (cached && cached.key === key) {
        // A renamed profile keeps its client; messages name it as it is called now.
        cached.owner.name = profile.name;
        return cached.client;
      }
      if (cached) retire(cached.raw);
      const raw = factory(options);
      const credentialKey = guard.keyOf(options);
      const owner: ClientOwner = { id: profile.id, name: profile.name };
      const client = credentialKey === null ? raw : guardClient(raw, guard, credentialKey, owner);
      clients.set(profile.id, { key, client, raw, credentialKey, owner });
      return client;
    },
    forget(profileId) {
      const cached = clients.get(profileId);
      if (cached) {
        retire(cached.raw);
        if (cached.credentialKey !== null) guard.clear(cached.credentialKey);
      }
      clients.delete(profileId);
    },
    signedIn(options) {
      const credentialKey = guard.keyOf(options);
      if (credentialKey !== null) guard.accepted(credentialKey);
    },
    closeAll() {
      for (const { raw } of clients.values()) raw.close?.();
      for (const client of retired) client.close?.();
      clients.clear();
      retired.clear();
    },
  };

  // A replaced client may still carry a request in flight (a delete bound to the old profile): closing
  // now would cut it. It is closed after a grace period longer than any request timeout.
  function retire(client: ScheduleClient): void {
    retired.add(client);
    setTimeout(() => {
      retired.delete(client);
      client.close?.();
    }, timeoutMs * 3).unref();
  }
}

/** The profile's secret, or a no-secret failure that says what to enter. */
/** All a sign-in reads of a vault: the profile's secret. */
export type SecretReader = Pick<SecretVault, 'get'>;

export async function requireSecret(vault: SecretReader, profile: Profile): Promise<string> {
  const secret = await vault.get(profile.id);
  if (secret !== null) return secret;
  const what = profile.signIn === 'password' ? 'password' : 'API token';
  throw new AppFailure('no-secret', `No ${what} is stored for ${quote(profile.name)}. Enter it in the profile to connect.`);
}

/** What the AtScale client needs for a profile; reads the profile's CA file (a tls failure when unusable, see ca-file.ts). */
export async function clientOptionsFor(profile: Profile, secret: string, timeoutMs: number): Promise<ClientOptions> {
  const caCert = profile.caCertPath ? await readCaCert(profile.caCertPath) : undefined;
  const credentials: Credentials =
    profile.signIn === 'password' ? { kind: 'password', username: profile.username, password: secret } : { kind: 'token', token: secret };
  return { apiUrl: profile.apiUrl, authUrl: profile.authUrl, orgId: profile.orgId, credentials, timeoutMs, ...(caCert ? { caCert } : {}) };
}
