// Defence in depth: every string that leaves core (handler values, events) has known secrets replaced.
// Works on string leaves only, so the structure of a value can never be damaged by a replacement.
import type { Redactor } from './errors';

export function redactDeep<T>(value: T, redact: Redactor): T {
  return walk(value, redact) as T;
}

function walk(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, redact));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, redact);
    return out;
  }
  return value;
}
