// "Test connection": sign in and list with a fresh client (no cached token), and say which step failed.
import type { ConnectionStep, ConnectionTestResult } from '@shared/ipc';
import type { Profile } from '@shared/domain';
import type { ClientFactory, ClientOptions } from '@core/atscale-port';
import { kindOf, toAppError, type Redactor } from '@core/errors';
import { clientOptionsFor, requireSecret, type SecretReader } from './client-pool';

export async function testConnection(
  profile: Profile,
  deps: {
    factory: ClientFactory;
    vault: SecretReader;
    redact: Redactor;
    timeoutMs: number;
    /** The credentials signed in (the pool then stops refusing them, see sign-in-guard.ts). */
    onSignedIn?: (options: ClientOptions) => void;
  },
): Promise<ConnectionTestResult> {
  const started = performance.now();
  // A missing secret or an unreadable CA file fail before any request (their kinds name the step).
  let step: ConnectionStep = 'sign-in';
  try {
    const secret = await requireSecret(deps.vault, profile);
    const options = await clientOptionsFor(profile, secret, deps.timeoutMs);
    const client = deps.factory(options);
    try {
      // Stryker disable next-line ConditionalExpression: the client tags its sign-in failures, so a sign-in made lazily by the list names the same step
      if (client.signIn) {
        await client.signIn();
        deps.onSignedIn?.(options);
      }
      step = 'list';
      const schedules = await client.listSchedules();
      return { ok: true, scheduleCount: schedules.length, elapsedMs: Math.round(performance.now() - started) };
    } finally {
      // Stryker disable next-line OptionalChaining: every client the app builds has close(); the port declares it optional
      client.close?.();
    }
  } catch (error) {
    return { ok: false, step: stepOf(error, step), error: toAppError(error, deps.redact, 'testing the connection') };
  }
}

/** The client tags socket failures with dns/connect/tls/sign-in; HTTP answers are read by their kind. */
function stepOf(error: unknown, current: ConnectionStep): ConnectionStep {
  const tagged = (Object(error) as { step?: unknown }).step;
  const kind = kindOf(error);
  if (kind === 'not-found') return 'org';
  if (tagged === 'dns' || tagged === 'connect' || tagged === 'tls') return tagged;
  if (kind === 'tls') return 'tls';
  // A missing secret or an unusable keychain fail before sign-in starts, so the current step names them.
  if (kind === 'unauthorized') return 'sign-in';
  if (tagged === 'sign-in') return 'sign-in';
  return current;
}
