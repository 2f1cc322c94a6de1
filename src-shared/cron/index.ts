// PUBLIC SEAM of the Quartz engine. Signatures are fixed (other helpers and outside checks rely on them);
// the bodies are placeholders until the engine lands.

export type CronField = 'seconds' | 'minutes' | 'hours' | 'day-of-month' | 'month' | 'day-of-week' | 'year' | 'expression';

/** Thrown for an expression Quartz 2.3.2 would reject; message names the field and what is wrong. */
export class CronSyntaxError extends Error {
  readonly field: CronField;
  constructor(field: CronField, message: string) {
    super(message);
    this.name = 'CronSyntaxError';
    this.field = field;
  }
}

export type Validation = { ok: true } | { ok: false; field: CronField; message: string };

export interface NextRunsOptions {
  after: Date;
  count: number;
  /** IANA zone, e.g. 'UTC', 'America/New_York'. */
  timeZone: string;
}

export interface WindowOptions {
  from: Date;
  to: Date;
  timeZone: string;
  /** At most this many Dates are built. */
  limit: number;
}

export interface WindowExpansion {
  /** Fire times in [from, to), at most `limit` of them. */
  runs: Date[];
  /** How many fire times fall in [from, to) in all. */
  total: number;
  /** True when total > limit: draw a band with the count instead of chips. */
  truncated: boolean;
}

export interface DescribeOptions {
  /** BCP 47 locale such as 'en', 'de', 'fr'; falls back to English. */
  locale?: string;
  use24HourTimeFormat?: boolean;
}

/** Fire times strictly after `after`, as Quartz 2.3.2 computes them in `timeZone`. Throws CronSyntaxError. */
export function nextRuns(expression: string, options: NextRunsOptions): Date[] {
  void expression;
  void options;
  throw new Error('engine not implemented yet');
}

export function validateQuartz(expression: string): Validation {
  void expression;
  throw new Error('engine not implemented yet');
}

export function expandWindow(expression: string, options: WindowOptions): WindowExpansion {
  void expression;
  void options;
  throw new Error('engine not implemented yet');
}

export function describeQuartz(expression: string, options?: DescribeOptions): string {
  void expression;
  void options;
  throw new Error('engine not implemented yet');
}
