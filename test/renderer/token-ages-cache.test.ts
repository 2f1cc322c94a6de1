// The token ages the sidebar and the editor show: loaded from main when the profile list changes, and
// again after the editor asked the server about a token; a failed load keeps what was shown. React's
// hooks are replaced by direct calls so the hook runs here without a DOM.
import type * as React from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenAge } from '@shared/ipc/channels/connections';
import { err, installFakeApi, ok, type FakeApi } from './support/fake-api';

const react = vi.hoisted(() => ({
  subscribe: undefined as undefined | ((listener: () => void) => () => void),
  deps: [] as unknown[],
}));
vi.mock('react', async (importOriginal) => ({
  ...(await importOriginal<typeof React>()),
  useEffect: (effect: () => void, deps?: unknown[]) => {
    react.deps.push(deps);
    effect();
  },
  useSyncExternalStore: <T>(subscribe: (listener: () => void) => () => void, getSnapshot: () => T): T => {
    react.subscribe = subscribe;
    return getSnapshot();
  },
}));

const { checkTokenAge, reloadTokenAges, useTokenAges } = await import('@renderer/profiles/token-ages');

const age = (profileId: string, daysLeft: number): TokenAge => ({
  profileId,
  since: '2026-09-01T00:00:00.000Z',
  source: 'server',
  expiresAt: '2026-11-30T00:00:00.000Z',
  daysLeft,
  warn: daysLeft <= 14,
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let api: FakeApi;
beforeEach(async () => {
  api = installFakeApi();
  api.handle('tokens:ages', () => ok([]));
  await reloadTokenAges();
  api.calls.length = 0;
  react.deps.length = 0;
});

describe('token ages', () => {
  it('loads the ages by profile id when the profile list is given', async () => {
    api.handle('tokens:ages', () => ok([age('a', 10), age('b', -3)]));
    const profiles = ['a', 'b'];
    useTokenAges(profiles);
    await flush();
    // Run again whenever the profile list is another one.
    expect(react.deps).toEqual([[profiles]]);
    expect(api.callsTo('tokens:ages')).toEqual([{}]);
    const ages = useTokenAges();
    expect([...ages.keys()]).toEqual(['a', 'b']);
    expect(ages.get('b')).toEqual(age('b', -3));
  });

  it('does not ask main when no reload key is given', async () => {
    useTokenAges();
    await flush();
    expect(api.calls).toEqual([]);
  });

  it('keeps the ages shown when main fails to answer', async () => {
    api.handle('tokens:ages', () => ok([age('a', 10)]));
    await reloadTokenAges();
    api.handle('tokens:ages', () => err('internal', 'boom'));
    await expect(reloadTokenAges()).resolves.toBeUndefined();
    expect(useTokenAges().get('a')).toEqual(age('a', 10));
  });

  it('tells every view when ages reload, until it stops listening', async () => {
    useTokenAges();
    const listener = vi.fn();
    const stop = react.subscribe?.(listener);
    await reloadTokenAges();
    expect(listener).toHaveBeenCalledTimes(1);
    stop?.();
    await reloadTokenAges();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('asks the server about one profile’s token, then reloads the ages', async () => {
    api.handle('tokens:check', () => ok(age('a', 80)));
    api.handle('tokens:ages', () => ok([age('a', 80)]));
    await checkTokenAge('a');
    expect(api.calls.map((c) => [c.channel, c.request])).toEqual([
      ['tokens:check', { profileId: 'a' }],
      ['tokens:ages', {}],
    ]);
    expect(useTokenAges().get('a')?.daysLeft).toBe(80);
  });

  it('still reloads the saved ages when the server cannot be asked', async () => {
    api.handle('tokens:check', () => err('network', 'unreachable'));
    api.handle('tokens:ages', () => ok([age('a', 5)]));
    await expect(checkTokenAge('a')).resolves.toBeUndefined();
    expect(useTokenAges().get('a')?.daysLeft).toBe(5);
  });
});
