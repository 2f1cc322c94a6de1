// The error type of the engine and the words it uses for each field. Kept apart from index.ts so the
// parser and the computation can throw it without importing the public seam (no import cycle).

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

/** Field order in a Quartz expression: index 0 = seconds ... 6 = year. */
export const FIELD_ORDER: readonly CronField[] = ['seconds', 'minutes', 'hours', 'day-of-month', 'month', 'day-of-week', 'year'];

export const FIELD_LABEL: Record<CronField, string> = {
  seconds: 'Seconds',
  minutes: 'Minutes',
  hours: 'Hours',
  'day-of-month': 'Day-of-month',
  month: 'Month',
  'day-of-week': 'Day-of-week',
  year: 'Year',
  expression: 'Expression',
};

/** Allowed range text per field, used in "out of range" messages. */
export const FIELD_RANGE: Record<CronField, string> = {
  seconds: '0-59',
  minutes: '0-59',
  hours: '0-23',
  'day-of-month': '1-31',
  month: '1-12 (or JAN-DEC)',
  'day-of-week': '1-7 (1 = Sunday)',
  year: '1970-2099',
  expression: '',
};
