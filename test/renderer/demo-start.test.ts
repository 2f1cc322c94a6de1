// Starting the demo shows its first profile, unless the user already picked one of the demo profiles
// that the profiles-changed event drew in the sidebar before the start answered.
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '@renderer/store';
import type { AppInfo } from '@shared/ipc';
import { installFakeApi, ok, profile, type FakeApi } from './support/fake-api';

const INFO: AppInfo = {
  version: '0',
  demoRunning: true,
  keychain: 'available',
  keychainProblem: null,
  keychainService: 'AtScale Maintenance Scheduler',
  platform: 'linux',
  dataProblems: [],
  demoAvailable: true,
};
const DEMO = [profile('demo-dev', { name: 'Demo dev', demo: true }), profile('demo-prod', { name: 'Demo prod', demo: true })];

let api: FakeApi;
let store: ReturnType<typeof createAppStore>;
let answerStart: () => void;

beforeEach(() => {
  api = installFakeApi();
  store = createAppStore();
  api.handle('demo:start', () => new Promise((resolve) => (answerStart = () => resolve(ok(DEMO)))));
  api.handle('app:info', () => ok(INFO));
  api.handle('profiles:list', () => ok(DEMO));
});

async function started(beforeAnswer: () => void): Promise<string | null> {
  const start = store.getState().startDemo();
  await Promise.resolve();
  beforeAnswer();
  answerStart();
  await start;
  return store.getState().selectedProfileId;
}

describe('starting the demo', () => {
  it('shows the first demo profile when nothing else was picked', async () => {
    expect(await started(() => {})).toBe('demo-dev');
    expect(store.getState().demoStarting).toBe(false);
  });

  it('keeps the profile the user picked while the start was answering', async () => {
    const picked = await started(() => {
      store.setState({ profiles: DEMO });
      store.getState().selectProfile('demo-prod');
    });
    expect(picked).toBe('demo-prod');
  });
});
