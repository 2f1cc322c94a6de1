// The seven Quartz 2.3.2 fields, declared once: the parser's limits, its messages and the builder's
// hints all read this table, so a range written here is the range everywhere.
import type { CronField } from './errors';

export type QuartzField = Exclude<CronField, 'expression'>;

/**
 * Quartz computes its last year as "this year + 100" when the class loads; mirror it. Quartz accepts any
 * whole number in the year field (1969, 3000, ...), but it only ever fires from 1970 up to this year.
 */
export const MAX_YEAR = new Date().getUTCFullYear() + 100;
export const MIN_YEAR = 1970;

export interface QuartzFieldSpec {
  readonly field: QuartzField;
  /** Position in the expression: 0 = seconds ... 6 = year. */
  readonly index: number;
  /** As messages name the field: "Day-of-week: ...". */
  readonly label: string;
  /** Smallest and largest value Quartz accepts (the year: the years it can fire in). */
  readonly min: number;
  readonly max: number;
  /** Three-letter names Quartz reads, names[0] = min ("JAN" = 1, "SUN" = 1). */
  readonly names: readonly string[];
  /** Largest step Quartz accepts after '/'. */
  readonly maxStep: number;
  /** A range written backwards ("22-2") wraps past this many values; -1: not allowed. */
  readonly wrap: number;
  /** Allowed values in words, for "out of range" messages. */
  readonly range: string;
  /** What may be typed, for the builder. */
  readonly hint: string;
  /** How to write a valid value, closing the parser's messages. */
  readonly fix: string;
  /** A few values with their meaning, for help text. */
  readonly examples: readonly { readonly value: string; readonly meaning: string }[];
  /** May be left out (only the year). */
  readonly optional: boolean;
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const time = (field: QuartzField, index: number, label: string, max: number, unit: string): QuartzFieldSpec => ({
  field,
  index,
  label,
  min: 0,
  max,
  names: [],
  maxStep: max,
  wrap: max + 1,
  range: `0-${max}`,
  hint: `0-${max}`,
  fix: `Use 0-${max} with -, / and , as needed.`,
  examples: [
    { value: '0', meaning: `at ${unit} 0` },
    { value: `0/15`, meaning: `every 15 ${unit}s from 0` },
    { value: '*', meaning: `every ${unit}` },
  ],
  optional: false,
});

export const QUARTZ_FIELDS: readonly QuartzFieldSpec[] = [
  time('seconds', 0, 'Seconds', 59, 'second'),
  time('minutes', 1, 'Minutes', 59, 'minute'),
  time('hours', 2, 'Hours', 23, 'hour'),
  {
    field: 'day-of-month',
    index: 3,
    label: 'Day-of-month',
    min: 1,
    max: 31,
    names: [],
    maxStep: 31,
    wrap: 31,
    range: '1-31',
    hint: '1-31, L, L-n, nW, LW or ?',
    fix: 'Use 1-31, L, L-n, nW or LW, optionally with - and /.',
    examples: [
      { value: '15', meaning: 'the 15th' },
      { value: 'L', meaning: 'the last day of the month' },
      { value: '15W', meaning: 'the weekday nearest the 15th' },
      { value: '?', meaning: 'any (the day-of-week decides)' },
    ],
    optional: false,
  },
  {
    field: 'month',
    index: 4,
    label: 'Month',
    min: 1,
    max: 12,
    names: MONTH_NAMES,
    maxStep: 12,
    wrap: 12,
    range: '1-12 (or JAN-DEC)',
    hint: '1-12 or JAN-DEC',
    fix: 'Use 1-12 or JAN-DEC, optionally with - and /.',
    examples: [
      { value: '*', meaning: 'every month' },
      { value: 'JAN,JUL', meaning: 'January and July' },
      { value: '1/3', meaning: 'every third month from January' },
    ],
    optional: false,
  },
  {
    field: 'day-of-week',
    index: 5,
    label: 'Day-of-week',
    min: 1,
    max: 7,
    names: DAY_NAMES,
    maxStep: 7,
    wrap: 7,
    range: '1-7 (1 = Sunday)',
    hint: '1-7 (1 = Sunday), SUN-SAT, nL, n#k or ?',
    fix: 'Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n.',
    examples: [
      { value: 'MON-FRI', meaning: 'Monday to Friday (2-6)' },
      { value: '6L', meaning: 'the last Friday of the month' },
      { value: '2#1', meaning: 'the first Monday of the month' },
      { value: '?', meaning: 'any (the day-of-month decides)' },
    ],
    optional: false,
  },
  {
    field: 'year',
    index: 6,
    label: 'Year',
    min: MIN_YEAR,
    max: MAX_YEAR,
    names: [],
    maxStep: Infinity,
    wrap: -1,
    range: `${MIN_YEAR}-${MAX_YEAR}`,
    hint: `empty (every year), 2027 or 2027-2030; fires up to ${MAX_YEAR}`,
    fix: `Use a year such as 2027, a range such as 2027-2030, or * (Quartz stops at ${MAX_YEAR}).`,
    examples: [
      { value: '2027', meaning: 'only in 2027' },
      { value: '2027-2030', meaning: '2027 to 2030' },
      { value: '*', meaning: 'every year' },
    ],
    optional: true,
  },
];

/** The spec of a field by position (0-6) or name; undefined for 'expression' or a position past 6. */
export function fieldSpec(key: number | CronField): QuartzFieldSpec | undefined {
  return typeof key === 'number' ? QUARTZ_FIELDS[key] : QUARTZ_FIELDS.find((f) => f.field === key);
}

/** The label messages start with: "Day-of-week", or "Expression" for the whole text. */
export function fieldLabel(key: number | CronField): string {
  return fieldSpec(key)?.label ?? 'Expression';
}

/** The expression split as Quartz's StringTokenizer(" \t") splits it: runs of anything but spaces and tabs. */
export function quartzTokens(expression: string): string[] {
  return expression.match(/[^ \t]+/g) ?? [];
}
