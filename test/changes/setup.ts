// One simulator, one core, and profiles on three orgs (development, test, production) for the change tests.
import type { AppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import type { ProfileView } from '@shared/domain';
import { DEMO_PASSWORD, call, makeCore, profileInput, tempDir } from '../core/helpers';

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
  return { dir: dataDir, core, dev: await save('Dev', 'development', 'default'), test: await save('Test', 'test', 'finance-prod'), prod: await save('Prod', 'production', 'sales-analytics') };
}

/** Active expressions of an org on the server, sorted. */
export function activeExpressions(server: Simulator, orgId: string): string[] {
  return server
    .jobs(orgId, true)
    .map((j) => j.timeExpression)
    .sort();
}

/** Writes (creates and deletes) that reached the server. */
export function writes(server: Simulator): string[] {
  return server.requests().filter((r) => r.endpoint === 'create' || r.endpoint === 'delete').map((r) => `${r.endpoint} ${r.orgId ?? ''}`);
}
