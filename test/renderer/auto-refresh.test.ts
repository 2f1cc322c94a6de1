// When lists refresh by themselves on coming back (focus, visible, online), and where the interval is kept.
import { describe, expect, it } from 'vitest';
import { dueOnReturn, lastAnsweredAt, RETURN_GAP_MS } from '@renderer/app/auto-refresh';
import { createAppStore } from '@renderer/store';
import { ALL_PROFILES, DEFAULT_AUTO_REFRESH_MINUTES } from '@renderer/store/view-slice';
import { profile } from './support/fake-api';

describe('coming back to the window', () => {
  it('refreshes when the shown lists were last answered long enough ago, or never', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(dueOnReturn(null, now)).toBe(true);
    expect(dueOnReturn(now - RETURN_GAP_MS, now)).toBe(true);
    expect(dueOnReturn(now - 5_000, now)).toBe(false);
  });

  it('uses the oldest answer among the shown profiles', () => {
    const lists = {
      a: { status: 'live' as const, list: null as never, lastAttemptAt: '2026-12-01T09:00:00.000Z', lastSuccessAt: null },
      b: { status: 'live' as const, list: null as never, lastAttemptAt: '2026-12-01T09:59:00.000Z', lastSuccessAt: null },
    };
    const profiles = [profile('a'), profile('b')];
    expect(lastAnsweredAt({ selectedProfileId: ALL_PROFILES, profiles, lists })).toBe(Date.parse('2026-12-01T09:00:00.000Z'));
    expect(lastAnsweredAt({ selectedProfileId: 'b', profiles, lists })).toBe(Date.parse('2026-12-01T09:59:00.000Z'));
    expect(lastAnsweredAt({ selectedProfileId: ALL_PROFILES, profiles: [...profiles, profile('c')], lists })).toBeNull();
  });
});

describe('the interval setting', () => {
  it('is a few minutes by default, kept in localStorage, and only takes offered choices', () => {
    const saved = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => saved.set(k, v),
    };
    try {
      const store = createAppStore();
      expect(store.getState().autoRefreshMinutes).toBe(DEFAULT_AUTO_REFRESH_MINUTES);
      store.getState().setAutoRefreshMinutes(15);
      store.getState().setAutoRefreshMinutes(7);
      expect(store.getState().autoRefreshMinutes).toBe(15);
      expect(createAppStore().getState().autoRefreshMinutes).toBe(15);
      store.getState().setAutoRefreshMinutes(0);
      expect(createAppStore().getState().autoRefreshMinutes).toBe(0);
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
