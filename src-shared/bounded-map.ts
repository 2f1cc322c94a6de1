// Caches bounded by how many entries they hold. A Map iterates in insertion order, so its first key is
// the oldest insertion: first in, first out, or least recently used for a cache that touches its hits.

/** Sets `key`, and drops the oldest entry once the map holds more than `max`. */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}

/** The entry under `key`, moved to the newest place, so the least recently used goes first. */
export function touch<K, V>(map: Map<K, V>, key: K): V | undefined {
  const hit = map.get(key);
  if (hit !== undefined) {
    map.delete(key);
    map.set(key, hit);
  }
  return hit;
}
