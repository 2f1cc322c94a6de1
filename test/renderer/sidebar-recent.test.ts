// The profiles the switcher offers first: the last twenty chosen, most recent first, kept in
// localStorage; a storage that is missing, full, disabled or holds something else loses only the order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recentFirst, recentProfileIds, rememberRecentProfile } from '@renderer/sidebar/recent-profiles';

function memoryStorage(initial?: string) {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set('recent-profiles', initial);
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('recent profile ids', () => {
  it('are none before any choice, or when the stored value is not a list', () => {
    expect(recentProfileIds(memoryStorage())).toEqual([]);
    expect(recentProfileIds(memoryStorage('{"a":1}'))).toEqual([]);
    expect(recentProfileIds(memoryStorage('not json'))).toEqual([]);
  });

  it('skip stored entries that are not ids', () => {
    expect(recentProfileIds(memoryStorage('["a", 3, null, "b"]'))).toEqual(['a', 'b']);
  });

  it('keep the twenty most recent', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `p${i}`);
    const storage = memoryStorage();
    for (const id of ids) rememberRecentProfile(id, storage);
    const stored: unknown = JSON.parse(storage.data.get('recent-profiles') ?? '[]');
    expect(stored).toEqual(ids.slice(5).reverse());
    expect(recentProfileIds(memoryStorage(JSON.stringify(ids)))).toEqual(ids.slice(0, 20));
  });

  it('lose only the order when the storage refuses to keep them', () => {
    const full = {
      getItem: () => '["a"]',
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberRecentProfile('b', full)).not.toThrow();
  });
});

describe('the window’s localStorage', () => {
  it('is where the ids are kept by default', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    rememberRecentProfile('a');
    rememberRecentProfile('b');
    expect(recentProfileIds()).toEqual(['b', 'a']);
    expect(storage.data.get('recent-profiles')).toBe('["b","a"]');
  });

  it('may be refused (a disabled storage): nothing is remembered, nothing fails', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new Error('SecurityError');
      },
    });
    try {
      expect(() => rememberRecentProfile('a')).not.toThrow();
      expect(recentProfileIds()).toEqual([]);
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});

describe('recent first', () => {
  it('puts recent profiles first, most recent first, the rest in their order', () => {
    const items = ['x', 'a', 'y', 'b', 'z'].map((id) => ({ id }));
    expect(recentFirst(items, ['b', 'a']).map((p) => p.id)).toEqual(['b', 'a', 'x', 'y', 'z']);
  });
});
