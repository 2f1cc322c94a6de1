// Recently selected profiles, most recent first, remembered in localStorage (ids only) so the
// Ctrl/Cmd+K switcher can offer them first.
const KEY = 'recent-profiles';

/** The part of the Web Storage API used here (localStorage in the app, a map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const MAX = 20;

export function recentProfileIds(storage: Pick<KeyValueStore, 'getItem'> | undefined = safeStorage()): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberRecentProfile(id: string, storage: KeyValueStore | undefined = safeStorage()): void {
  const next = [id, ...recentProfileIds(storage).filter((x) => x !== id)].slice(0, MAX);
  try {
    storage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // A full or disabled storage only loses the order.
  }
}

/** Recent ones first (most recent first), the rest in their given order. */
export function recentFirst<T extends { id: string }>(items: readonly T[], recent: readonly string[]): T[] {
  const rank = new Map(recent.map((id, i) => [id, i]));
  return [...items].sort((a, b) => (rank.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.id) ?? Number.MAX_SAFE_INTEGER));
}

function safeStorage(): KeyValueStore | undefined {
  try {
    // Through globalThis: this module is also type-checked (and tested) outside a browser.
    return (globalThis as { localStorage?: KeyValueStore }).localStorage;
  } catch {
    return undefined;
  }
}
