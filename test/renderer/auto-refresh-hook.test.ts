// When the window refreshes its lists on its own (useAutoRefresh): the clock every 30 seconds, the lists
// every few minutes unless hidden or busy, and on coming back (focus, visible, online) unless the last
// answer is recent; and never once the window's hook is gone. The tests have no DOM, so the hook runs in
// a small runner: a render reads the store as it stands, then runs the effects whose dependencies changed.
import type * as ReactModule from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAutoRefresh } from '@renderer/app/auto-refresh';
import type * as StoreModule from '@renderer/store';
import { useAppStore } from '@renderer/store';
import { ALL_PROFILES } from '@renderer/store/view-slice';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import { profile } from './support/fake-api';

const hooks = vi.hoisted(() => ({
  slots: [] as { deps: readonly unknown[] | undefined; cleanup: (() => void) | undefined }[],
  index: 0,
  pending: [] as (() => void)[],
}));

vi.mock('react', async (importOriginal) => {
  const real = await importOriginal<typeof ReactModule>();
  const useEffect = (effect: () => void | (() => void), deps?: readonly unknown[]) => {
    const i = hooks.index++;
    const slot = hooks.slots[i];
    const same = slot?.deps !== undefined && deps !== undefined && deps.length === slot.deps.length && deps.every((d, k) => Object.is(d, slot.deps?.[k]));
    if (same) return;
    hooks.pending.push(() => {
      slot?.cleanup?.();
      hooks.slots[i] = { deps, cleanup: effect() ?? undefined };
    });
  };
  return { ...real, default: { ...real, useEffect }, useEffect };
});

// The window's store, read as it stands at each render (a selector over the current state).
vi.mock('@renderer/store', async (importOriginal) => {
  const real = await importOriginal<typeof StoreModule>();
  const store = real.createAppStore();
  const useAppStore = Object.assign(<T>(selector: (s: ReturnType<typeof store.getState>) => T) => selector(store.getState()), store);
  return { ...real, useAppStore };
});

function render() {
  hooks.index = 0;
  useAutoRefresh();
  const run = hooks.pending.splice(0);
  for (const effect of run) effect();
}
function unmount() {
  for (const slot of hooks.slots) slot.cleanup?.();
  hooks.slots = [];
}

/** A browser-like window: timers clamped to at least 4 ms, as browsers do, and DOM-style events. */
const browserDelay = (ms: number) => (Number.isFinite(ms) && ms > 4 ? ms : 4);
const win = Object.assign(new EventTarget(), {
  setInterval: (fn: () => void, ms: number) => setInterval(fn, browserDelay(ms)),
  clearInterval: (id: ReturnType<typeof setInterval>) => clearInterval(id),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, browserDelay(ms)),
  clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
});
const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });

const NOW = Date.parse('2026-12-01T10:00:00Z');
const MIN = 60_000;
const answered = (agoMs: number, status: 'live' | 'loading' = 'live') =>
  ({ status, list: null, previous: null, lastAttemptAt: new Date(NOW - agoMs).toISOString(), lastSuccessAt: null }) as unknown as ProfileSchedules;

const initial = useAppStore.getState();
let refreshShown: ReturnType<typeof vi.fn<() => Promise<void>>>;
let tick: ReturnType<typeof vi.fn<(now?: Date) => void>>;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  (globalThis as { window?: unknown }).window = win;
  (globalThis as { document?: unknown }).document = doc;
  doc.visibilityState = 'visible';
  refreshShown = vi.fn<() => Promise<void>>(async () => {});
  tick = vi.fn<(now?: Date) => void>();
  useAppStore.setState(initial, true);
  useAppStore.setState({
    autoRefreshMinutes: 5,
    profiles: [profile('a'), profile('b')],
    selectedProfileId: 'a',
    lists: { a: answered(10 * MIN), b: answered(10 * MIN) },
    refreshProgress: null,
    refreshShown,
    tick,
  });
});

afterEach(() => {
  unmount();
  vi.useRealTimers();
  delete (globalThis as { window?: unknown }).window;
  delete (globalThis as { document?: unknown }).document;
});

const focus = () => win.dispatchEvent(new Event('focus'));
const becomeVisible = () => doc.dispatchEvent(new Event('visibilitychange'));
const online = () => win.dispatchEvent(new Event('online'));

describe('the clock', () => {
  it('ticks every 30 seconds so “updated N minutes ago” counts, and stops with the window', () => {
    useAppStore.setState({ autoRefreshMinutes: 0 });
    render();
    vi.advanceTimersByTime(29_999);
    expect(tick).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30_000);
    expect(tick).toHaveBeenCalledTimes(2);
    unmount();
    vi.advanceTimersByTime(5 * 30_000);
    expect(tick).toHaveBeenCalledTimes(2);
  });
});

describe('refreshing every few minutes', () => {
  it('refreshes the shown lists at each interval of the setting', () => {
    render();
    vi.advanceTimersByTime(5 * MIN - 1);
    expect(refreshShown).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refreshShown).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5 * MIN);
    expect(refreshShown).toHaveBeenCalledTimes(2);
  });

  it('does not poll when the setting is off', () => {
    useAppStore.setState({ autoRefreshMinutes: 0 });
    render();
    vi.advanceTimersByTime(1_000);
    expect(refreshShown).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * 60 * MIN);
    expect(refreshShown).not.toHaveBeenCalled();
  });

  it('follows a change of the setting', () => {
    render();
    useAppStore.setState({ autoRefreshMinutes: 15 });
    render();
    vi.advanceTimersByTime(14 * MIN);
    expect(refreshShown).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MIN);
    expect(refreshShown).toHaveBeenCalledTimes(1);
  });

  it('stops polling with the window', () => {
    render();
    unmount();
    vi.advanceTimersByTime(20 * MIN);
    expect(refreshShown).not.toHaveBeenCalled();
  });

  it('a hidden window does not poll', () => {
    doc.visibilityState = 'hidden';
    render();
    vi.advanceTimersByTime(10 * MIN);
    expect(refreshShown).not.toHaveBeenCalled();
  });

  it('does not poll while a refresh of all profiles is under way', () => {
    useAppStore.setState({ refreshProgress: { done: 0, total: 2 } });
    render();
    vi.advanceTimersByTime(10 * MIN);
    expect(refreshShown).not.toHaveBeenCalled();
  });

  it('does not poll while the one shown profile is loading', () => {
    useAppStore.setState({ lists: { a: answered(10 * MIN, 'loading'), b: answered(10 * MIN) } });
    render();
    vi.advanceTimersByTime(10 * MIN);
    expect(refreshShown).not.toHaveBeenCalled();
  });

  it('polls when another profile than the shown one is loading', () => {
    useAppStore.setState({ lists: { a: answered(10 * MIN), b: answered(10 * MIN, 'loading') } });
    render();
    vi.advanceTimersByTime(5 * MIN);
    expect(refreshShown).toHaveBeenCalledTimes(1);
  });

  it('polls a shown profile that has no list yet', () => {
    useAppStore.setState({ lists: {} });
    render();
    vi.advanceTimersByTime(5 * MIN);
    expect(refreshShown).toHaveBeenCalledTimes(1);
  });

  it('polls All profiles, and with no profile chosen', () => {
    useAppStore.setState({ selectedProfileId: ALL_PROFILES });
    render();
    vi.advanceTimersByTime(5 * MIN);
    expect(refreshShown).toHaveBeenCalledTimes(1);
    useAppStore.setState({ selectedProfileId: null });
    vi.advanceTimersByTime(5 * MIN);
    expect(refreshShown).toHaveBeenCalledTimes(2);
  });
});

describe('coming back to the window', () => {
  beforeEach(() => useAppStore.setState({ autoRefreshMinutes: 0 }));

  it('refreshes a second after focus when the last answer is not recent, and updates the clock', () => {
    render();
    focus();
    vi.advanceTimersByTime(999);
    expect(refreshShown).not.toHaveBeenCalled();
    expect(tick).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refreshShown).toHaveBeenCalledTimes(1);
    expect(tick).toHaveBeenCalledTimes(1);
  });

  it('refreshes when the window becomes visible again', () => {
    render();
    becomeVisible();
    vi.advanceTimersByTime(1_000);
    expect(refreshShown).toHaveBeenCalledTimes(1);
  });

  it('counts focus and visibility events close together as one', () => {
    render();
    focus();
    vi.advanceTimersByTime(500);
    becomeVisible();
    vi.advanceTimersByTime(500);
    focus();
    vi.advanceTimersByTime(2_000);
    expect(refreshShown).toHaveBeenCalledTimes(1);
  });

  it('does not refresh on focus when the last answer came moments ago, but updates the clock', () => {
    useAppStore.setState({ lists: { a: answered(5_000), b: answered(10 * MIN) } });
    render();
    focus();
    vi.advanceTimersByTime(1_000);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(refreshShown).not.toHaveBeenCalled();
  });

  it('refreshes when the network comes back, even after a recent answer', () => {
    useAppStore.setState({ lists: { a: answered(5_000), b: answered(5_000) } });
    render();
    online();
    vi.advanceTimersByTime(1_000);
    expect(refreshShown).toHaveBeenCalledTimes(1);
  });

  it('with no profile chosen nothing is shown: focus does not refresh, the network coming back does', () => {
    useAppStore.setState({ selectedProfileId: null });
    render();
    focus();
    vi.advanceTimersByTime(1_000);
    expect(refreshShown).not.toHaveBeenCalled();
    online();
    vi.advanceTimersByTime(1_000);
    expect(refreshShown).toHaveBeenCalledTimes(1);
  });

  it('does nothing while the window is still hidden', () => {
    doc.visibilityState = 'hidden';
    render();
    becomeVisible();
    online();
    vi.advanceTimersByTime(5_000);
    expect(refreshShown).not.toHaveBeenCalled();
    expect(tick).not.toHaveBeenCalled();
  });

  it('does not refresh without any profile, or while a refresh is under way', () => {
    useAppStore.setState({ profiles: [], selectedProfileId: null, lists: {} });
    render();
    online();
    vi.advanceTimersByTime(1_000);
    expect(refreshShown).not.toHaveBeenCalled();
    useAppStore.setState({ profiles: [profile('a')], selectedProfileId: 'a', lists: { a: answered(10 * MIN) }, refreshProgress: { done: 0, total: 1 } });
    online();
    vi.advanceTimersByTime(1_000);
    expect(refreshShown).not.toHaveBeenCalled();
  });

  it('listens no more once the window’s hook is gone, and drops a pending return', () => {
    render();
    focus();
    unmount();
    vi.advanceTimersByTime(1_000);
    focus();
    becomeVisible();
    online();
    vi.advanceTimersByTime(1_000);
    expect(refreshShown).not.toHaveBeenCalled();
    expect(tick).not.toHaveBeenCalled();
  });
});
