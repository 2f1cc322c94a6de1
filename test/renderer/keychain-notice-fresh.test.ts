// The editor keeps the app's keychain state fresh: it asks the core again when it opens (a failing
// answer keeps what the window knows) and follows every app:info-changed while open. React's useEffect
// is replaced by a direct call so the hook runs here without a DOM.
import type * as React from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '@shared/ipc';
import { err, installFakeApi, ok, type FakeApi } from './support/fake-api';

const effects = vi.hoisted(() => ({ cleanups: [] as unknown[], deps: [] as unknown[] }));
vi.mock('react', async (importOriginal) => ({
  ...(await importOriginal<typeof React>()),
  useEffect: (effect: () => unknown, deps?: unknown[]) => {
    effects.deps.push(deps);
    effects.cleanups.push(effect());
  },
}));

const { rereadAppInfo, useFreshAppInfo } = await import('@renderer/profiles/keychain-notice');
const { useAppStore } = await import('@renderer/store');

const info = (keychainProblem: string | null): AppInfo => ({
  version: '1.0.0',
  demoRunning: false,
  keychain: 'available',
  keychainProblem,
  keychainService: 'AtScale Maintenance Scheduler',
  platform: 'linux',
  dataProblems: [],
  demoAvailable: false,
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let api: FakeApi;
beforeEach(() => {
  api = installFakeApi();
  useAppStore.setState({ appInfo: info(null) });
  effects.cleanups.length = 0;
  effects.deps.length = 0;
});

describe('rereadAppInfo', () => {
  it('puts the core’s current state in the store', async () => {
    api.handle('app:info', () => ok(info('An older entry is left.')));
    await rereadAppInfo();
    expect(api.callsTo('app:info')).toEqual([{}]);
    expect(useAppStore.getState().appInfo).toEqual(info('An older entry is left.'));
  });

  it('keeps the state the window has when the core does not answer', async () => {
    api.handle('app:info', () => err('internal', 'gone'));
    await expect(rereadAppInfo()).resolves.toBeUndefined();
    expect(useAppStore.getState().appInfo).toEqual(info(null));
  });
});

describe('useFreshAppInfo', () => {
  it('asks once on opening, follows app:info-changed while open, and stops when closed', async () => {
    api.handle('app:info', () => ok(info('On open.')));
    useFreshAppInfo();
    await flush();
    expect(effects.deps).toEqual([[]]);
    expect(useAppStore.getState().appInfo?.keychainProblem).toBe('On open.');
    api.emit('app:info-changed', info('Later.'));
    expect(useAppStore.getState().appInfo?.keychainProblem).toBe('Later.');
    const stop = effects.cleanups[0];
    expect(stop).toBeTypeOf('function');
    (stop as () => void)();
    api.emit('app:info-changed', info('After closing.'));
    expect(useAppStore.getState().appInfo?.keychainProblem).toBe('Later.');
  });

  it('still asks when the window has no event bridge', async () => {
    api.handle('app:info', () => ok(info('On open.')));
    (globalThis as { window: { appEvents?: unknown } }).window.appEvents = undefined;
    expect(() => useFreshAppInfo()).not.toThrow();
    await flush();
    expect(useAppStore.getState().appInfo?.keychainProblem).toBe('On open.');
  });
});
