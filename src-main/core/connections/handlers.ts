// The connection channels' use cases, and the bookkeeping the profile channels need for them (when a
// token was saved, forgetting it with its profile). Built from the same deps as every other handler.
import type { ConnectionTestResult, ParsedRequestOf } from '@shared/ipc';
import type { Profile } from '@shared/domain';
import type { CaFileChoice, connectionChannels, TokenAge } from '@shared/ipc/channels/connections';
import { AppFailure } from '@core/errors';
import { requireProfile } from '@core/profiles/profile-store';
import { clientOptionsFor, requireSecret } from '@core/schedules/client-pool';
import { testConnection } from '@core/schedules/connection-test';
import type { HandlerDeps, Implementations } from '@core/handlers';
import { draftProfile, draftRedactor, draftSecret, draftVault } from './draft';
import { discoverOrgs, FALLBACK_SIGN_IN_ORG } from './org-discovery';
import { exportWithSecrets, importWithSecrets } from './encrypted-transfer';
import { openTokenDates, tokenAgeOf } from './token-dates';

export type ConnectionChannel = keyof typeof connectionChannels;
/** The profile channels this module adds bookkeeping to (it calls the original, then records). */
type Decorated = 'profiles:save' | 'secrets:set' | 'profiles:delete' | 'profiles:duplicate';
export type CoreImplementations = Omit<Implementations, ConnectionChannel>;

export const CHOOSE_CA_UNAVAILABLE: CaFileChoice = {
  status: 'unavailable',
  message: 'Not available in the browser version: type the path of the PEM file.',
};

export function connectionHandlers(d: HandlerDeps, base: CoreImplementations): Pick<Implementations, ConnectionChannel | Decorated> {
  const tokenDates = openTokenDates(d.dataDir, d.now);

  const ageOf = async (profile: Profile): Promise<TokenAge | null> =>
    profile.signIn === 'token' && d.vault.storageOf(profile.id) !== 'none' ? tokenAgeOf(profile.id, await tokenDates.get(profile.id), d.now()) : null;

  return {
    'profiles:save': async (r) => {
      const saved = await base['profiles:save'](r);
      if (r.secret !== undefined && saved.signIn === 'token') await tokenDates.saved(saved.id, d.now());
      return saved;
    },
    'secrets:set': async (r) => {
      const view = await base['secrets:set'](r);
      if (view.signIn === 'token') await tokenDates.saved(view.id, d.now());
      return view;
    },
    'profiles:duplicate': async (r) => {
      const copy = await base['profiles:duplicate'](r);
      // The copy signs in with the same token, so it is just as old.
      const dates = copy.signIn === 'token' && copy.hasSecret ? await tokenDates.get(r.id) : undefined;
      const since = dates?.issuedAt ?? dates?.savedAt;
      if (since) await tokenDates.saved(copy.id, new Date(since));
      return copy;
    },
    'profiles:delete': async (r) => {
      const done = await base['profiles:delete'](r);
      await tokenDates.forget(r.id).catch(() => undefined);
      return done;
    },

    'connection:test-draft': async (r): Promise<ConnectionTestResult> => {
      const draft = draftProfile(r.profile, r.profileId, d.now());
      let secret: string | null;
      try {
        secret = await draftSecret(d, draft, r.secret, r.profileId);
      } catch (error) {
        // Worded like the saved profile's test: the secret is the sign-in step.
        return { ok: false, step: 'sign-in', error: { kind: 'no-secret', message: (error as Error).message } };
      }
      return testConnection(draft, { factory: d.factory, vault: draftVault(d.vault, secret), redact: draftRedactor(d.vault, secret), timeoutMs: d.timeoutMs });
    },

    'orgs:discover': async (r) => {
      const server = draftProfile(
        {
          ...r.profile,
          name: 'Org discovery',
          orgId: r.profile.orgId || FALLBACK_SIGN_IN_ORG,
          environment: { kind: 'custom', label: 'Discovery', color: '#000000' },
          serverTimeZone: 'UTC',
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
        if (said?.generatedAt) await tokenDates.issued(profile.id, said.generatedAt, said.expiresAt);
      } finally {
        client.close?.();
      }
      return ageOf(profile);
    },

    'files:choose-ca': async () => CHOOSE_CA_UNAVAILABLE,

    'profiles:export-encrypted': (r) => exportWithSecrets({ ...d, tokenDates }, r.ids, r.passphrase),
    'profiles:import-encrypted': (r) => importWithSecrets({ ...d, tokenDates }, r.json, r.passphrase, r.secretStorage),
  };
}
