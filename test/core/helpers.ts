// Shared set-up for the core tests: temp data folders, a real simulator on 127.0.0.1, a real core.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { createAppCore, type AppCore, type AppCoreOptions } from '@core/app-core';
import { createAtScaleClient } from '@core/atscale/index';
import { DEMO_PASSWORD, DEMO_USER, startSimulator, type Simulator, type SimulatorOptions } from '@simulator/index';
import type { Channel, RequestOf, ResponseOf, Result } from '@shared/ipc';
import type { ProfileInput } from '@shared/ipc/schemas';
import type { AppError } from '@shared/domain';

/** Set by test/keyring/with-keyring.sh when a private GNOME Keyring answers. */
export const KEYRING_READY = process.env['KEYRING_READY'] === '1';

/** Keychain tests: run with the real keyring, skip LOUDLY without one, and fail under CI=true. */
export function keyringOrSkip(): boolean {
  if (KEYRING_READY) return true;
  const message = 'NO KEYRING: keychain tests are SKIPPED. Run them with `bash test/keyring/with-keyring.sh npx vitest run test/core`.';
  if (process.env['CI'] === 'true') throw new Error(`${message} (CI=true: a missing keyring is a failure)`);
  console.warn(`\n${'#'.repeat(100)}\n# WARNING: ${message}\n${'#'.repeat(100)}\n`);
  return false;
}

export async function tempDir(prefix = 'core-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * A simulator clock that ticks from 10:30 UTC today, when no seeded schedule (and none the tests make)
 * runs: a test that expects no running job never meets one that the wall clock happened to start.
 */
export function quietClock(): () => Date {
  const start = new Date();
  start.setUTCHours(10, 30, 0, 0);
  const t0 = Date.now();
  return () => new Date(start.getTime() + (Date.now() - t0));
}

export async function sim(options: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ port: 0, ...options });
}

/** A temp folder and the TLS simulator's CA certificate (PEM) for a whole test file: the CA-file suites' fixture. */
export function caFileFixture(prefix: string): { readonly dir: string; readonly pem: string } {
  const fixture = { dir: '', pem: '' };
  beforeAll(async () => {
    fixture.dir = await tempDir(prefix);
    const tls = await sim({ tls: true });
    fixture.pem = tls.caCert ?? '';
    await tls.close();
  });
  afterAll(async () => {
    await removeDir(fixture.dir);
  });
  return fixture;
}

/** One simulator for a whole test file: started before its first test, closed after its last. */
export function fileSimulator(options: SimulatorOptions = {}): () => Simulator {
  let server: Simulator | undefined;
  beforeAll(async () => {
    server = await sim(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the file simulator starts before the first test');
    return server;
  };
}

/** A core with the real AtScale client (short backoff so offline tests stay fast) and its own keychain service. */
export async function makeCore(dataDir: string, options: Partial<AppCoreOptions> = {}): Promise<AppCore> {
  return createAppCore({
    dataDir,
    secrets: 'memory',
    keychainService: `AtScale Maintenance Scheduler test ${randomUUID()}`,
    requestTimeoutMs: 3000,
    clientFactory: (o) => createAtScaleClient({ ...o, retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 } }),
    ...options,
  });
}

export function profileInput(s: { url: string }, overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: 'Sales dev',
    environment: { kind: 'development', label: 'development', color: '#2f9e44' },
    apiUrl: s.url,
    authUrl: s.url,
    orgId: 'default',
    signIn: 'password',
    username: DEMO_USER,
    serverTimeZone: 'UTC',
    caCertPath: null,
    notes: '',
    ...overrides,
  };
}

export { DEMO_PASSWORD };

/** Calls a handler and returns its value; fails the test with the error when it answered ok: false. */
export async function call<C extends Channel>(core: AppCore, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await core.handlers[channel](request)) as Result<ResponseOf<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** Calls a handler that must fail and returns its AppError. */
export async function callFails<C extends Channel>(core: AppCore, channel: C, request: unknown): Promise<AppError> {
  const result = await core.handlers[channel](request);
  if (result.ok) throw new Error(`${channel} was expected to fail but answered ${JSON.stringify(result.value).slice(0, 200)}`);
  expect(Object.keys(result.error).sort()).toEqual(['kind', 'message']);
  return result.error;
}

/** Every file under dir (recursively) with its text. */
export async function filesUnder(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if ((await stat(path)).isDirectory()) out.push(...(await filesUnder(path)));
    else out.push({ path, text: await readFile(path, 'utf8') });
  }
  return out;
}
