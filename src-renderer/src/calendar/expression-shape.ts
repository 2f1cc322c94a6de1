// An expression read as a set of times of day (its seconds, minutes and hours) on the days its day
// rule matches (its day-of-month, month, day-of-week and year fields), and the arithmetic on that set:
// how many fire within part of a day, the first ones, the last one. Read once per expression.
import { parseQuartz, type CompiledCron } from '@shared/cron';

const DAY_MS = 86_400_000;
const H_MS = 3_600_000;
const M_MS = 60_000;

/** An expression as a time-of-day set times a day rule. */
export interface ExpressionShape {
  /** Valid hours, minutes and seconds, sorted (Quartz's markers removed). */
  hs: readonly number[];
  ms: readonly number[];
  ss: readonly number[];
  /** The day fields as typed (day-of-month month day-of-week [year]). */
  dayRule: string;
  /** Runs on a whole matching day, and the time of day (ms) of the last. */
  perDay: number;
  lastTod: number;
  /** The first times of day (ms) of a whole day, by how many are built. */
  firsts: Map<number, number[]>;
}

const shapes = new Map<string, ExpressionShape | null>();
const SHAPES_KEPT = 20_000;
const probes = new Map<string, CompiledCron | null>();
/** One time field's valid values (sorted), by field (seconds, minutes, hours) and text; null when refused. */
const fieldValues = [new Map<string, number[] | null>(), new Map<string, number[] | null>(), new Map<string, number[] | null>()] as const;

const valid = (values: readonly number[], max: number): number[] => values.filter((v) => v >= 0 && v <= max);

/** The probe of a day rule: noon on every matching day (noon exists on every steady day). */
export const probeOf = (dayRule: string) => `0 0 12 ${dayRule}`;

/** The probe of one time field (0 seconds, 1 minutes, 2 hours): that field's values on every day. */
const fieldProbeOf = (field: 0 | 1 | 2, text: string) => (field === 0 ? `${text} 0 0 ? * *` : field === 1 ? `0 ${text} 0 ? * *` : `0 0 ${text} ? * *`);

/**
 * One time field's valid values, from its probe compiled once per field text (a few dozen texts among
 * thousands of expressions), or null when the engine refuses the field.
 */
function fieldValuesOf(field: 0 | 1 | 2, text: string): readonly number[] | null {
  const cache = fieldValues[field];
  let values = cache.get(text);
  if (values === undefined) {
    let probe: CompiledCron | null = null;
    try {
      probe = parseQuartz(fieldProbeOf(field, text));
    } catch {
      probe = null;
    }
    values = probe ? (field === 0 ? valid(probe.seconds, 59) : field === 1 ? valid(probe.minutes, 59) : valid(probe.hours, 23)) : null;
    // Stryker disable next-line all: a cache; an early clear gives the same values, only later.
    if (cache.size >= SHAPES_KEPT) cache.clear();
    cache.set(text, values);
  }
  return values;
}

function compiledOnce(cache: Map<string, CompiledCron | null>, key: string, expression: string): CompiledCron | null {
  let probe = cache.get(key);
  if (probe === undefined) {
    try {
      probe = parseQuartz(expression);
    } catch {
      probe = null;
    }
    // Stryker disable next-line all: a cache; an early clear gives the same probe, only later.
    if (cache.size >= SHAPES_KEPT) cache.clear();
    cache.set(key, probe);
  }
  return probe;
}

/** The day rule's probe compiled (once per rule), or null when the engine refuses it. */
export function dayProbe(dayRule: string): CompiledCron | null {
  return compiledOnce(probes, dayRule, probeOf(dayRule));
}

/**
 * Read from probes, each compiled once: one per time field and one for the day rule. Quartz reads each
 * field on its own (the day fields' '?' rule and the year are within the day rule), so the expression
 * is valid exactly when every probe is, and its fields parse as theirs do. Ten thousand schedules hold
 * a few dozen texts of each time field and a few dozen day rules, against thousands of expressions.
 */
function readShape(expression: string): ExpressionShape | null {
  // Quartz splits fields on spaces and tabs; fields past the seventh are ignored.
  const fields = singleSpaced(expression) ? expression.split(' ') : expression.split(/[ \t]+/).filter((f) => f !== '');
  if (fields.length < 6) return null; // the engine's path words the error
  const ss = fieldValuesOf(0, fields[0] as string);
  if (!ss) return null;
  const ms = fieldValuesOf(1, fields[1] as string);
  if (!ms) return null;
  const hs = fieldValuesOf(2, fields[2] as string);
  if (!hs) return null;
  const dayRule = fields.length === 6 ? `${fields[3]} ${fields[4]} ${fields[5]}` : `${fields[3]} ${fields[4]} ${fields[5]} ${fields[6]}`;
  if (!dayProbe(dayRule)) return null;
  if (hs.length === 0 || ms.length === 0 || ss.length === 0) return null;
  const h = hs[hs.length - 1] as number;
  const m = ms[ms.length - 1] as number;
  const sec = ss[ss.length - 1] as number;
  return { hs, ms, ss, dayRule, perDay: hs.length * ms.length * ss.length, lastTod: h * H_MS + m * M_MS + sec * 1000, firsts: new Map() };
}

/** Fields apart by one space each, none empty: split on ' ' reads them as the engine does. */
function singleSpaced(expression: string): boolean {
  // Stryker disable next-line all: a wrong "no" only takes the general split, which reads the same fields.
  return expression.length > 0 && expression[0] !== ' ' && !expression.endsWith(' ') && !expression.includes('  ') && !expression.includes('\t');
}

/** The expression's shape, or null when only the engine's own walk can expand it. */
export function expressionShape(expression: string): ExpressionShape | null {
  let shape = shapes.get(expression);
  if (shape === undefined) {
    shape = readShape(expression);
    // Stryker disable next-line all: a cache; an early clear gives the same shape, only later.
    if (shapes.size >= SHAPES_KEPT) shapes.clear();
    shapes.set(expression, shape);
  }
  return shape;
}

const countAbove = (arr: readonly number[], v: number): number => {
  let n = 0;
  for (let i = arr.length - 1; i >= 0 && (arr[i] as number) > v; i--) n++;
  return n;
};

/** Combinations whose time of day (ms, whole seconds) is at or after `tod`. */
export function combosAtOrAfter(s: ExpressionShape, tod: number): number {
  if (tod >= DAY_MS) return 0;
  if (tod <= 0) return s.perDay;
  const h0 = Math.floor(tod / H_MS);
  const m0 = Math.floor((tod % H_MS) / M_MS);
  const s0 = Math.floor((tod % M_MS) / 1000);
  const sameH = s.hs.includes(h0) ? 1 : 0;
  const sameM = s.ms.includes(m0) ? 1 : 0;
  return countAbove(s.hs, h0) * s.ms.length * s.ss.length + sameH * (countAbove(s.ms, m0) * s.ss.length + sameM * countAbove(s.ss, s0 - 1));
}

/** The times of day (ms) in [startTod, endTod), at most `limit` of them. */
export function combos(s: ExpressionShape, limit: number, startTod: number, endTod: number): number[] {
  const out: number[] = [];
  const { hs, ms, ss } = s;
  // Indexed: a for-of allocates an iterator per loop until the code is optimized (once per expression).
  for (let i = 0; i < hs.length; i++) {
    const hb = (hs[i] as number) * H_MS;
    if (hb + H_MS <= startTod) continue;
    if (hb >= endTod) return out;
    for (let j = 0; j < ms.length; j++) {
      const mb = hb + (ms[j] as number) * M_MS;
      if (mb + M_MS <= startTod) continue;
      if (mb >= endTod) return out;
      for (let k = 0; k < ss.length; k++) {
        const tod = mb + (ss[k] as number) * 1000;
        if (tod < startTod) continue;
        if (tod >= endTod || out.length >= limit) return out;
        out.push(tod);
      }
    }
  }
  return out;
}

/** The first `limit` times of day of a whole day, computed once per expression and limit. */
export function firstsOfDay(s: ExpressionShape, limit: number): number[] {
  let firsts = s.firsts.get(limit);
  if (!firsts) {
    firsts = combos(s, limit, 0, DAY_MS);
    s.firsts.set(limit, firsts);
  }
  return firsts;
}

/** The last combination before `endTod`, or -1. */
export function lastBefore(s: ExpressionShape, endTod: number): number {
  if (endTod >= DAY_MS) return s.lastTod;
  for (let i = s.hs.length - 1; i >= 0; i--) {
    const hb = (s.hs[i] as number) * H_MS;
    if (hb >= endTod) continue;
    for (let j = s.ms.length - 1; j >= 0; j--) {
      const mb = hb + (s.ms[j] as number) * M_MS;
      if (mb >= endTod) continue;
      for (let k = s.ss.length - 1; k >= 0; k--) {
        const tod = mb + (s.ss[k] as number) * 1000;
        if (tod < endTod) return tod;
      }
    }
  }
  return -1;
}
