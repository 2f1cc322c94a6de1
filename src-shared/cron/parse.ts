// Quartz 2.3.2 expression parser. It reproduces org.quartz.CronExpression's acceptance exactly (checked
// against the real jar by the golden fixtures), oddities included: text after a complete value is
// ignored ("5X" = 5, "JANXYZ" = JAN), "*/0" means "*", ranges may wrap ("22-2" hours), fields past the
// seventh are ignored. Where Quartz fails with an internal Java exception we reject with a clear message.
import { ALL_SPEC, DAY_OF_MONTH, DAY_OF_WEEK, HOUR, MAX_YEAR, MINUTE, MONTH, NO_SPEC, SECOND, YEAR } from './value-sets';
import { CronSyntaxError, type CronField } from './errors';
import { FieldParser } from './field-parser';
import type { ParseNote } from './parse-notes';
import { QUARTZ_FIELDS, quartzTokens } from './fields';
import { javaTrim } from './java-text';

export { ALL_SPEC, MAX_YEAR, NO_SPEC } from './value-sets';

export interface CompiledCron {
  readonly source: string;
  /** Sorted value sets, markers (98/99) included, exactly as Quartz holds them. */
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly number[];
  readonly months: readonly number[];
  readonly daysOfWeek: readonly number[];
  readonly years: readonly number[];
  readonly lastdayOfWeek: boolean;
  readonly nthdayOfWeek: number;
  readonly lastdayOfMonth: boolean;
  readonly nearestWeekday: boolean;
  readonly lastdayOffset: number;
}

// A missing year field means "*": Quartz fills 1970..MAX_YEAR plus its '*' marker. Built once, shared read-only.
const DEFAULT_YEARS_SET = new Set([ALL_SPEC]);
for (let y = 1970; y <= MAX_YEAR; y++) DEFAULT_YEARS_SET.add(y);

const sorted = (s: Set<number>): number[] => [...s].sort((a, b) => a - b);
const DEFAULT_YEARS: readonly number[] = sorted(DEFAULT_YEARS_SET);

/** Parses like `new CronExpression(expr)`; throws CronSyntaxError naming the field. */
export function parseQuartz(expression: string): CompiledCron {
  return parseQuartzDetail(expression).compiled;
}

export interface ParseDetail {
  readonly compiled: CompiledCron;
  /** What Quartz read differently from how it was typed (ignored text, a step of 0). */
  readonly notes: readonly ParseNote[];
}

/** parseQuartz plus what Quartz silently reads differently, for the linter. */
export function parseQuartzDetail(expression: string): ParseDetail {
  if (typeof expression !== 'string') throw new CronSyntaxError('expression', 'Expression: expected text such as "0 0 3 ? * MON-FRI".');
  const tokens = quartzTokens(expression.toUpperCase());
  // The same fields as typed, so messages quote the user's text rather than Quartz's upper-cased copy.
  const typed = quartzTokens(expression);
  const p = new FieldParser();
  for (let type = 0; type < Math.min(7, tokens.length); type++) {
    // StringTokenizer.trim(): strip control characters at both ends.
    const token = javaTrim(tokens[type] as string);
    // A '*' year is exactly Quartz's default years: shared, not rebuilt value by value on every parse.
    if (type === YEAR && token === '*') p.sets[YEAR] = DEFAULT_YEARS_SET;
    else p.parseField(type, token, javaTrim(typed[type] as string));
  }
  if (tokens.length === 0) {
    throw new CronSyntaxError('expression', "Expression: it is empty; enter 6 or 7 fields, for example '0 0 3 ? * MON-FRI' (03:00 on weekdays).");
  }
  if (tokens.length < 6) {
    const missing = QUARTZ_FIELDS.slice(tokens.length, 6)
      .map((f) => f.field)
      .join(', ');
    throw new CronSyntaxError(
      'expression',
      `Expression: expected 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]) but found ${tokens.length}; missing ${missing}.`,
    );
  }
  if (tokens.length < 7) {
    p.sets[YEAR] = DEFAULT_YEARS_SET;
  }
  const domNoSpec = (p.sets[DAY_OF_MONTH] as Set<number>).has(NO_SPEC);
  const dowNoSpec = (p.sets[DAY_OF_WEEK] as Set<number>).has(NO_SPEC);
  if (domNoSpec === dowNoSpec) {
    const msg = domNoSpec
      ? "Day-of-week: '?' cannot be used in both day-of-month and day-of-week. Give one of them a value."
      : "Day-of-week: day-of-month and day-of-week cannot both be restricted; put '?' in one of them (e.g. '0 0 3 ? * MON' or '0 0 3 15 * ?').";
    throw new CronSyntaxError('day-of-week', msg);
  }
  const s = p.sets;
  const compiled: CompiledCron = {
    source: expression,
    seconds: sorted(s[SECOND] as Set<number>),
    minutes: sorted(s[MINUTE] as Set<number>),
    hours: sorted(s[HOUR] as Set<number>),
    daysOfMonth: sorted(s[DAY_OF_MONTH] as Set<number>),
    months: sorted(s[MONTH] as Set<number>),
    daysOfWeek: sorted(s[DAY_OF_WEEK] as Set<number>),
    // Stryker disable next-line ConditionalExpression: speed only; sorting the default set gives the same years.
    years: s[YEAR] === DEFAULT_YEARS_SET ? DEFAULT_YEARS : sorted(s[YEAR] as Set<number>),
    lastdayOfWeek: p.lastdayOfWeek,
    nthdayOfWeek: p.nthdayOfWeek,
    lastdayOfMonth: p.lastdayOfMonth,
    nearestWeekday: p.nearestWeekday,
    lastdayOffset: p.lastdayOffset,
  };
  return { compiled, notes: p.notes };
}

const KEYS = ['seconds', 'minutes', 'hours', 'daysOfMonth', 'months', 'daysOfWeek', 'years'] as const;
/** Same value sets and flags: Quartz computes the same fire times from both. */
export function sameCompiled(a: CompiledCron, b: CompiledCron): boolean {
  for (const k of KEYS) if (a[k].join() !== b[k].join()) return false;
  return (
    a.lastdayOfWeek === b.lastdayOfWeek &&
    a.nthdayOfWeek === b.nthdayOfWeek &&
    a.lastdayOfMonth === b.lastdayOfMonth &&
    a.nearestWeekday === b.nearestWeekday &&
    a.lastdayOffset === b.lastdayOffset
  );
}

export type { CronField };
