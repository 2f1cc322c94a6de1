// One simulator, one core, and profiles on three orgs (development, test, production) for the change tests.
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import type { ProfileView } from '@shared/domain';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, sim, tempDir } from '../core/helpers';

/** Jobs the simulator seeds in org default (test/changes suites refer to them by id). */
export const DAILY = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3'; // 0 0 4 ? * * *
export const SUNDAY = '9b2d7c1e-4f3a-4e8b-9c6d-2a1b0f9e8d7c'; // 0 30 1 ? * SUN *
export const DEACTIVATED = '0f1e2d3c-4b5a-4697-8877-665544332211'; // 0 0 0/6 ? * *, deactivated

export interface World {
  dir: string;
  core: AppCore;
  dev: ProfileView;
  test: ProfileView;
  prod: ProfileView;
}

export async function world(server: Simulator, dir?: string): Promise<World> {
  const dataDir = dir ?? (await tempDir('changes-test-'));
  const core = await makeCore(dataDir);
  const save = (name: string, kind: 'development' | 'test' | 'production', orgId: string) =>
    call(core, 'profiles:save', {
      profile: profileInput(server, { name, orgId, environment: { kind, label: kind, color: '#2f9e44' } }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
  return {
    dir: dataDir,
    core,
    dev: await save('Dev', 'development', 'default'),
    test: await save('Test', 'test', 'finance-prod'),
    prod: await save('Prod', 'production', 'sales-analytics'),
  };
}

/**
 * One simulator for a test file, handed to `started`; after each test, the test's world (`current`) is
 * closed and its folder removed, and the simulator is back to its seed.
 */
export function useSimulator(started: (server: Simulator) => void, current: () => World | undefined): void {
  let server: Simulator | undefined;
  beforeAll(async () => {
    server = await sim();
    started(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    const w = current();
    if (w) {
      await w.core.close();
      await removeDir(w.dir);
    }
    server?.reset();
  });
}

/** Active expressions of an org on the server, sorted. */
export function activeExpressions(server: Simulator, orgId: string): string[] {
  return server
    .jobs(orgId, true)
    .map((j) => j.timeExpression)
    .sort();
}

/**
 * Takes the profile offline with its live list saved: from now on every list of its org is cut off, so its
 * lists answer from the last saved copy.
 */
export async function listFromSnapshot(server: Simulator, core: AppCore, profile: ProfileView): Promise<void> {
  await call(core, 'schedules:list', { profileId: profile.id });
  server.inject({ orgId: profile.orgId, endpoint: 'list', action: { type: 'reset' } });
}

/** Writes (creates and deletes) that reached the server. */
export function writes(server: Simulator): string[] {
  return server
    .requests()
    .filter((r) => r.endpoint === 'create' || r.endpoint === 'delete')
    .map((r) => `${r.endpoint} ${r.orgId ?? ''}`);
}

/**
 * Runs `work` with one write's answer lost after the server did it, and any re-list that tries to settle
 * it failing too: the write's outcome cannot be known (the re-list fault is added while the write is held).
 */
export async function withLostAnswer<T>(server: Simulator, orgId: string, endpoint: 'create' | 'delete', work: () => Promise<T>): Promise<T> {
  server.inject({ orgId, endpoint, action: { type: 'reset' }, when: 'after', times: 1 });
  const hold = server.hold({ orgId, endpoint });
  let settled = false;
  const pending = work().finally(() => (settled = true));
  while (hold.waiting() === 0 && !settled) await new Promise((resolve) => setTimeout(resolve, 5));
  const relist = server.inject({ orgId, endpoint: 'list', action: { type: 'status', status: 503 } });
  hold.release();
  try {
    return await pending;
  } finally {
    server.removeFault(relist);
  }
}
