// Shared set-up for the client contract tests: a real simulator on 127.0.0.1 and clients against it.
import { expect } from 'vitest';
import { AtScaleError, createAtScaleClient, type AtScaleClient, type AtScaleClientOptions } from '@core/atscale/index';
import { DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER, type Simulator } from '@simulator/index';

/** Small backoff so retry tests stay fast; the retry count is the default (3 tries). */
export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

export function passwordClient(sim: Simulator, overrides: Partial<AtScaleClientOptions> = {}): AtScaleClient {
  return createAtScaleClient({
    apiUrl: sim.url,
    orgId: 'default',
    credentials: { kind: 'password', username: DEMO_USER, password: DEMO_PASSWORD },
    timeoutMs: 3000,
    retry: FAST_RETRY,
    caCert: sim.caCert ?? undefined,
    ...overrides,
  });
}

export function tokenClient(sim: Simulator, overrides: Partial<AtScaleClientOptions> = {}): AtScaleClient {
  return passwordClient(sim, { credentials: { kind: 'token', token: DEMO_TOKEN }, ...overrides });
}

/** Awaits a rejection and returns it as an AtScaleError (fails the test for anything else). */
export async function rejection(promise: Promise<unknown>): Promise<AtScaleError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AtScaleError);
    return err as AtScaleError;
  }
  throw new Error('expected the call to reject, but it resolved');
}

/** Every secret the client could have seen, for "no secret in any message" checks. */
export const SECRETS = [DEMO_PASSWORD, DEMO_TOKEN];

export function expectNoSecret(err: AtScaleError, extra: string[] = []): void {
  const text = `${err.message} ${JSON.stringify(err)} ${String(err.cause)} ${err.stack ?? ''}`;
  for (const secret of [...SECRETS, ...extra]) expect(text).not.toContain(secret);
}
