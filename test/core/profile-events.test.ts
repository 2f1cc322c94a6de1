// The profile service owns every change to the profile list: save, import and demo profiles each tell
// listeners exactly once, with the list as it now is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore, CoreEvent } from '@core/app-core';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let demo: Simulator | null = null;
let dir: string;
let core: AppCore;
const events: CoreEvent[] = [];
const changes = (): CoreEvent[] => events.filter((e) => e.event === 'profiles:changed');

beforeAll(async () => {
  server = await sim();
  dir = await tempDir();
  core = await makeCore(dir, {
    demoServer: async () => {
      demo = await sim();
      return { url: demo.url, close: () => demo?.close() ?? Promise.resolve() };
    },
  });
  core.onEvent((e) => events.push(e));
});
afterAll(async () => {
  await core.close();
  await server.close();
  await removeDir(dir);
});

describe('profile change events', () => {
  it('are sent once per save, import and demo start, each with the whole list', async () => {
    await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect(changes()).toHaveLength(1);
    const exported = await call(core, 'profiles:export', {});
    const doc = JSON.parse(exported.json) as { profiles: { name: string }[] };
    await call(core, 'profiles:import', { json: JSON.stringify({ profiles: doc.profiles.map((p) => ({ ...p, name: 'Imported' })) }) });
    expect(changes()).toHaveLength(2);
    const demoProfiles = await call(core, 'demo:start', {});
    expect(demoProfiles.map((p) => p.name)).toEqual(['Demo dev', 'Demo prod']);
    expect(changes()).toHaveLength(3);
    const last = changes().at(-1);
    expect(last?.event === 'profiles:changed' && last.payload.map((p) => p.name)).toEqual(['Sales dev', 'Imported', 'Demo dev', 'Demo prod']);
    // A second demo start adds nothing and changes nothing.
    await call(core, 'demo:start', {});
    expect(changes()).toHaveLength(3);
    // An import that adds nothing tells nobody.
    await call(core, 'profiles:import', { json: JSON.stringify({ profiles: doc.profiles.map((p) => ({ ...p, name: 'Imported' })) }) });
    expect(changes()).toHaveLength(3);
  });
});
