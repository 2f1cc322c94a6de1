// The connection channels' use cases. Built from the same deps as every other handler; token dates are
// kept by the profile service's secret hooks (token-dates.ts), wired in app-core.ts.
import type { ConnectionTestResult, ParsedRequestOf } from '@shared/ipc';
import type { Profile } from '@shared/domain';
import type { CaFileChoice, connectionChannels, TokenAge } from '@shared/ipc/channels/connections';
import { AppFailure, toAppError } from '@core/errors';
import { requireProfile } from '@core/profiles/profile-store';
import { clientOptionsFor, requireSecret } from '@core/schedules/client-pool';
import { testConnection } from '@core/schedules/connection-test';
import type { HandlerDeps, Implementations } from '@core/handlers';
import { draftProfile, draftRedactor, draftSecret, draftVault } from './draft';
import { discoverOrgs, FALLBACK_SIGN_IN_ORG } from './org-discovery';
import { exportWithSecrets, importWithSecrets } from './encrypted-transfer';
import { datesFor, tokenAgeOf } from './token-dates';

export type ConnectionChannel = keyof typeof connectionChannels;
export type CoreImplementations = Omit<Implementations, ConnectionChannel>;

export const CHOOSE_CA_UNAVAILABLE: CaFileChoice = {
  status: 'unavailable',
  message: 'Not available in the browser version: type the path of the PEM file.',
};

export function connectionHandlers(d: HandlerDeps): Pick<Implementations, ConnectionChannel> {
  const { tokenDates } = d;

  const ageOf = async (profile: Profile): Promise<TokenAge | null> => {
    if (profile.signIn !== 'token' || d.vault.storageOf(profile.id) === 'none') return null;
    return tokenAgeOf(profile.id, await datesFor(tokenDates, d.vault.accountOf(profile.id), profile.id), d.now());
  };

  return {
    'connection:test-draft': async (r): Promise<ConnectionTestResult> => {
      const draft = draftProfile(r.profile, r.profileId, d.now());
      let secret: string | null;
      try {
        secret = await draftSecret(d, draft, r.secret, r.profileId);
      } catch (error) {
        // As the saved profile's test answers (connection-test.ts): the secret is the sign-in step, and a
        // keychain that failed reading it says so by its kind, rather than reading as a secret never entered.
        return { ok: false, step: 'sign-in', error: toAppError(error, draftRedactor(d.vault, r.secret ?? null), 'testing the connection') };
      }
      return testConnection(draft, {
        factory: d.factory,
        vault: draftVault(secret),
        redact: draftRedactor(d.vault, secret),
        timeoutMs: d.timeoutMs,
        // The typed password signed in: a refusal of it is over (nothing is stored or refused by a test).
        onSignedIn: (options) => d.pool.signedIn(options),
      });
    },

    'orgs:discover': async (r) => {
      const server = draftProfile(
        {
          ...r.profile,
          // Stryker disable next-line StringLiteral: discovery reads only the server fields and the org; the rest only fills the Profile shape
          name: 'Org discovery',
          orgId: r.profile.orgId || FALLBACK_SIGN_IN_ORG,
          // Stryker disable next-line ObjectLiteral,StringLiteral: as above
          environment: { kind: 'custom', label: 'Discovery', color: '#000000' },
          // Stryker disable next-line StringLiteral: as above
          serverTimeZone: 'UTC',
          // Stryker disable next-line StringLiteral: as above
          notes: '',
        },
        r.profileId,
        d.now(),
      );
      const secret = await draftSecret(d, server, r.secret, r.profileId);
      if (secret === null) {
        throw new AppFailure('no-secret', `Type the ${server.signIn === 'password' ? 'password' : 'API token'} first: finding orgs signs in to the server.`);
      }
      const redact = draftRedactor(d.vault, secret);
      try {
        return await discoverOrgs({ factory: d.factory, timeoutMs: d.timeoutMs, redact, existing: d.profiles.list() }, server, secret, r.orgIds ?? []);
      } catch (error) {
        // Stryker disable next-line ConditionalExpression: discovery throws only Errors, the client stars the typed secret in its own and app-core redacts the stored ones; this covers text made outside the client
        if (error instanceof Error) error.message = redact(error.message);
        throw error;
      }
    },

    'tokens:ages': async () => {
      const ages = await Promise.all(d.profiles.list().map(ageOf));
      return ages.filter((a): a is TokenAge => a !== null);
    },

    'tokens:check': async (r: ParsedRequestOf<'tokens:check'>) => {
      const profile = requireProfile(d.profiles, r.profileId);
      if (profile.signIn !== 'token') return null;
      const client = d.factory(await clientOptionsFor(profile, await requireSecret(d.vault, profile), d.timeoutMs));
      try {
        const said = client.sessionToken ? await client.sessionToken() : null;
        if (said?.generatedAt) await tokenDates.issued(d.vault.accountOf(profile.id), said.generatedAt, said.expiresAt);
      } finally {
        // Stryker disable next-line OptionalChaining: every client the app builds has close(); the port declares it optional
        client.close?.();
      }
      return ageOf(profile);
    },

    'files:choose-ca': async () => CHOOSE_CA_UNAVAILABLE,

    'profiles:export-encrypted': (r) => exportWithSecrets(d, r.ids, r.passphrase),
    'profiles:import-encrypted': (r) => importWithSecrets(d, r.json, r.passphrase, r.secretStorage),
  };
}
