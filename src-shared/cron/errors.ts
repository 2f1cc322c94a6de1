// The error type of the engine. Kept apart from index.ts so the parser and the computation can throw it
// without importing the public seam (no import cycle). The fields' labels and ranges live in fields.ts.

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
