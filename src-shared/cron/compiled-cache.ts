// Parse once per expression string: the calendar expands the same few hundred schedules on every scroll.
import { setBounded, touch } from '../bounded-map';
import { parseQuartz, type CompiledCron } from './parse';

const MAX_ENTRIES = 4096;
const cache = new Map<string, CompiledCron>();

// Stryker disable all: a cache; a miss, a lost refresh or an early eviction gives the parser's same answer, only later.
/** Compiled expression from a small LRU keyed by the exact string; throws CronSyntaxError when invalid. */
export function compile(expression: string): CompiledCron {
  const hit = touch(cache, expression);
  if (hit) return hit;
  const compiled = parseQuartz(expression);
  setBounded(cache, expression, compiled, MAX_ENTRIES);
  return compiled;
}
