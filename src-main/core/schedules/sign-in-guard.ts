// Refused sign-ins, remembered per server and credentials for the client pool. Every org of a server is
// signed in to on its own (`GET {designCenter}/{orgId}/auth`), so twenty profiles sharing one user and an
// expired password would send that password twenty times a refresh (and again at each running-job poll):
// enough to lock the account under a lockout policy. Instead:
// - a sign-in refused with 401 is remembered for (the Design Center's server, user, password); until the
//   password (or user) changes, or the profile is saved again, every call of a client with those
//   credentials is answered at once with 'unauthorized', and nothing is sent;
// - credentials not yet tried go first with one call alone (the others wait for its outcome), so a wrong
//   password is refused once, not once per profile in flight;
// - a sign-in that succeeds (a connection test's too) clears the refusal. Other failures (a 403 for one
//   org, an unreachable server) are each org's own and are not remembered.
// Only password credentials sign in; API tokens pass through untouched. The key holds a digest of the
// password, never the password, and no message names it.
import { createHash } from 'node:crypto';
import type { ClientOptions, ScheduleClient } from '@core/atscale-port';
import { AtScaleError } from '@core/atscale/index';
import { quote } from '@core/errors';
import { serverKeyOf } from '@shared/profile-urls';

/** The profile a client was made for, as messages name it (kept current by the pool). */
export interface ClientOwner {
  id: string;
  name: string;
}

interface Refusal {
  profileName: string;
  username: string;
}

interface CredentialState {
  refusal: Refusal | null;
  /** The credentials were tried (a call settled without a refusal): calls run side by side from now on. */
  tried: boolean;
  /** The first call of untried credentials, which the other clients wait for. */
  probe: Promise<void> | null;
  /** The client making it: its other calls go beside it, sharing its one sign-in. */
  prober: object | null;
}

export interface SignInGuard {
  /** The credentials' key (server of the sign-in URL, user, password digest), or null when they do not sign in (API tokens). */
  keyOf(options: ClientOptions): string | null;
  /** Runs one call of a client with the credentials `key`; `session` is that client's own sign-in state. */
  run<T>(key: string, owner: ClientOwner, session: { signedIn: boolean }, work: () => Promise<T>): Promise<T>;
  /** Forgets what is known about the credentials (the user entered the password again). */
  clear(key: string): void;
  /** A sign-in with the credentials just worked outside the pool (a connection test): a refusal of them is over. */
  accepted(key: string): void;
}

export function createSignInGuard(): SignInGuard {
  const states = new Map<string, CredentialState>();
  const stateOf = (key: string): CredentialState => {
    let state = states.get(key);
    if (!state) {
      state = { refusal: null, tried: false, probe: null, prober: null };
      states.set(key, state);
    }
    return state;
  };

  return {
    keyOf(options) {
      if (options.credentials.kind !== 'password') return null;
      const { username, password } = options.credentials;
      const server = serverKeyOf(options.authUrl === undefined || options.authUrl === '' ? options.apiUrl : options.authUrl);
      return JSON.stringify([server, username, createHash('sha256').update(password, 'utf8').digest('hex')]);
    },

    async run(key, owner, session, work) {
      const state = stateOf(key);
      const hadSession = session.signedIn;
      for (;;) {
        if (state.refusal) throw refusedBefore(state.refusal, owner);
        if (hadSession || state.tried || state.probe === null || state.prober === session) break;
        await state.probe;
      }
      let endProbe: (() => void) | null = null;
      if (!hadSession && !state.tried && state.probe === null) {
        state.probe = new Promise<void>((resolve) => (endProbe = resolve));
        state.prober = session;
      }
      try {
        const value = await work();
        signedIn(state, session, hadSession);
        return value;
      } catch (error) {
        if (isRefusal(error)) {
          session.signedIn = false;
          state.refusal = { profileName: owner.name, username: usernameOf(key) };
          state.tried = false;
        } else if (error instanceof AtScaleError && error.step === 'sign-in') {
          // Not signed in (a 403 for this org, a server that did not answer): the org's own failure.
          session.signedIn = false;
          state.tried = true;
        } else if (error instanceof AtScaleError && error.step === undefined && error.status !== undefined) {
          // The call itself got an answer, so it had signed in.
          signedIn(state, session, hadSession);
        } else state.tried = true;
        throw error;
      } finally {
        if (endProbe) {
          state.probe = null;
          state.prober = null;
          (endProbe as () => void)();
        }
      }
    },

    clear(key) {
      states.delete(key);
    },

    accepted(key) {
      const state = states.get(key);
      if (!state) return;
      state.refusal = null;
      state.tried = true;
    },
  };
}

function signedIn(state: CredentialState, session: { signedIn: boolean }, hadSession: boolean): void {
  session.signedIn = true;
  state.tried = true;
  // A client without a session signed in for this call: the password works (again).
  if (!hadSession) state.refusal = null;
}

/** A 401 at the sign-in step: the server refused the user and password (not a 403 for one org). */
function isRefusal(error: unknown): boolean {
  return error instanceof AtScaleError && error.step === 'sign-in' && error.status === 401;
}

function usernameOf(key: string): string {
  const parts = JSON.parse(key) as unknown[];
  return String(parts[1]);
}

function refusedBefore(refusal: Refusal, owner: ClientOwner): AtScaleError {
  return new AtScaleError(
    'unauthorized',
    `Not signed in for ${quote(owner.name)}: the same user ${quote(refusal.username)} was refused a moment ago for profile ${quote(refusal.profileName)} (HTTP 401). Nothing was sent, so repeated attempts cannot lock the account. Enter the new password in the profile to sign in again.`,
    // No status: this is no answer of the server. notSent: a write refused here never left.
    { step: 'sign-in', notSent: true },
  );
}

/** The client with every call passed through the guard (close is the client's own). */
export function guardClient(client: ScheduleClient, guard: SignInGuard, key: string, owner: ClientOwner): ScheduleClient {
  const session = { signedIn: false };
  const run = <T>(work: () => Promise<T>): Promise<T> => guard.run(key, owner, session, work);
  const guarded: ScheduleClient = {
    listSchedules: (options) => run(() => client.listSchedules(options)),
    createSchedule: (timeExpression) => run(() => client.createSchedule(timeExpression)),
    deleteSchedule: (jobId) => run(() => client.deleteSchedule(jobId)),
  };
  const { signIn, getRunningJob, runNow, listOrgs, sessionToken, close } = client;
  if (signIn) guarded.signIn = () => run(() => signIn.call(client));
  if (getRunningJob) guarded.getRunningJob = () => run(() => getRunningJob.call(client));
  if (runNow) guarded.runNow = () => run(() => runNow.call(client));
  if (listOrgs) guarded.listOrgs = () => run(() => listOrgs.call(client));
  if (sessionToken) guarded.sessionToken = () => run(() => sessionToken.call(client));
  if (close) guarded.close = () => close.call(client);
  return guarded;
}
