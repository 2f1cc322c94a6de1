// One table of Quartz fields: every message names the field the user got wrong and quotes what they
// typed; the year accepts what Quartz 2.3.2 accepts; the builder's hints come from the same table.
import { describe, expect, it } from 'vitest';
import { nextRuns, parseQuartz, validateQuartz, type CronField } from '@shared/cron/index';
import { MAX_YEAR, QUARTZ_FIELDS } from '@shared/cron/fields';
import { FIELDS } from '@renderer/create/expression-fields';

const LABEL: Record<Exclude<CronField, 'expression'>, string> = {
  seconds: 'Seconds',
  minutes: 'Minutes',
  hours: 'Hours',
  'day-of-month': 'Day-of-month',
  month: 'Month',
  'day-of-week': 'Day-of-week',
  year: 'Year',
};

/** A valid expression with `value` in field `index`; the day fields keep '?' in the other one. */
function withValue(index: number, value: string): string {
  const parts = ['0', '0', '4', '?', '*', '*', '2030'];
  if (index === 5) parts[3] = '?';
  if (index === 3) parts[5] = '?';
  parts[index] = value;
  return parts.join(' ');
}

// Values Quartz 2.3.2 rejects, per field (checked with the jar): out of range, letters, a bad step.
const BAD: [Exclude<CronField, 'expression'>, string, string?][] = [
  ['seconds', '60'],
  ['seconds', '10-61'],
  ['seconds', 'abc'],
  ['seconds', '5/x'],
  ['seconds', '*/61'],
  ['minutes', '60'],
  ['minutes', '0-60'],
  ['minutes', 'xyz'],
  ['minutes', '1/q'],
  ['hours', '24'],
  ['hours', '20-24'],
  ['hours', 'noon'],
  ['hours', '*/24'],
  ['day-of-month', '0'],
  ['day-of-month', '32'],
  ['day-of-month', '1-32'],
  ['day-of-month', 'first'],
  ['day-of-month', '5L'],
  ['month', '0'],
  ['month', '13'],
  ['month', '11-13'],
  ['month', 'FOO'],
  ['month', 'jan-foo', "'foo' is not a month name"],
  ['month', '*/13'],
  ['day-of-week', '0'],
  ['day-of-week', '8'],
  ['day-of-week', '1-8'],
  ['day-of-week', 'FUN'],
  ['day-of-week', '9L'],
  ['day-of-week', '2#7'],
  ['year', 'soon'],
  ['year', '2030-2020'],
  ['year', '2027-x'],
];

describe('messages name the field at fault and quote what was typed', () => {
  it.each(BAD)('%s: %s', (field, value, quoted = value) => {
    const index = QUARTZ_FIELDS.findIndex((f) => f.field === field);
    const v = validateQuartz(withValue(index, value));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.field).toBe(field);
    expect(v.message.startsWith(`${LABEL[field]}: `), v.message).toBe(true);
    // The typed value (or the wrong piece of it) appears in the message.
    expect(v.message).toContain(quoted);
    // No other field's label leads the message.
    for (const other of Object.values(LABEL)) if (other !== LABEL[field]) expect(v.message.startsWith(`${other}:`)).toBe(false);
  });

  it('quotes a range that holds an out-of-range number, and cuts a very long value short', () => {
    expect(validateQuartz('0 0 20-25 ? * *')).toMatchObject({
      field: 'hours',
      message: expect.stringMatching(/^Hours: 25 is out of range 0-23 \(in '20-25'\)/),
    });
    const long = `1/${'x'.repeat(5000)}`;
    const v = validateQuartz(`0 0 ${long} ? * *`);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.message.length).toBeLessThan(200);
  });
});

describe('the year field, as Quartz 2.3.2 reads it', () => {
  const after = new Date('2026-06-01T00:00:00Z');

  it('accepts any whole year, firing only from 1970 up to this year + 100', () => {
    for (const y of ['1969', '0', '2099', '2100', String(MAX_YEAR), String(MAX_YEAR + 1), '3000', '99999', '2027-2200']) {
      expect(validateQuartz(`0 0 0 1 1 ? ${y}`), y).toEqual({ ok: true });
    }
    expect(nextRuns('0 0 0 1 1 ? 2100', { after, count: 1, timeZone: 'UTC' })[0]?.toISOString()).toBe('2100-01-01T00:00:00.000Z');
    expect(nextRuns(`0 0 0 1 1 ? ${MAX_YEAR}`, { after, count: 1, timeZone: 'UTC' })).toHaveLength(1);
    expect(nextRuns(`0 0 0 1 1 ? ${MAX_YEAR + 1}`, { after, count: 1, timeZone: 'UTC' })).toEqual([]);
    expect(nextRuns('0 0 0 1 1 ? 1969', { after: new Date(0), count: 1, timeZone: 'UTC' })).toEqual([]);
  });

  it('the builder says the same: no 1970-2099 limit, the last year Quartz fires in', () => {
    const year = FIELDS.find((f) => f.field === 'year');
    expect(year?.hint).toContain(String(MAX_YEAR));
    expect(year?.hint).not.toContain('2099');
    expect(QUARTZ_FIELDS.find((f) => f.field === 'year')).toMatchObject({ min: 1970, max: MAX_YEAR, optional: true });
  });
});

describe('one table for parser and builder', () => {
  it('lists the seven fields in order with their labels, ranges and names', () => {
    expect(QUARTZ_FIELDS.map((f) => [f.field, f.label, f.min, f.max])).toEqual([
      ['seconds', 'Seconds', 0, 59],
      ['minutes', 'Minutes', 0, 59],
      ['hours', 'Hours', 0, 23],
      ['day-of-month', 'Day-of-month', 1, 31],
      ['month', 'Month', 1, 12],
      ['day-of-week', 'Day-of-week', 1, 7],
      ['year', 'Year', 1970, MAX_YEAR],
    ]);
    expect(QUARTZ_FIELDS[4]?.names[0]).toBe('JAN');
    expect(QUARTZ_FIELDS[5]?.names[0]).toBe('SUN'); // 1 = Sunday
    expect(QUARTZ_FIELDS[5]?.range).toBe('1-7 (1 = Sunday)');
  });

  it('the parser uses the table: names map to the right numbers, ranges end where the table says', () => {
    expect(parseQuartz('0 0 0 ? JAN,DEC SUN,SAT').months).toEqual([1, 12]);
    expect(parseQuartz('0 0 0 ? JAN,DEC SUN,SAT').daysOfWeek).toEqual([1, 7]);
    expect(parseQuartz('0 0 0/8 ? * *').hours).toEqual([0, 8, 16]);
    expect(parseQuartz('0 0 22-2 ? * *').hours).toEqual([0, 1, 2, 22, 23]);
  });

  it('the builder shows one input per table row, with the table hint and examples', () => {
    expect(FIELDS.map((f) => f.field)).toEqual(QUARTZ_FIELDS.map((f) => f.field));
    expect(FIELDS.map((f) => f.label)).toEqual(['Seconds', 'Minutes', 'Hours', 'Day of month', 'Month', 'Day of week', 'Year (optional)']);
    FIELDS.forEach((f, i) => {
      expect(f.hint).toBe(QUARTZ_FIELDS[i]?.hint);
      expect(f.examples).toContain(QUARTZ_FIELDS[i]?.examples[0]?.value);
    });
  });
});

describe('digits of other scripts, read as Quartz reads them (Integer.parseInt accepts them in places)', () => {
  // Each checked with the Quartz 2.3.2 jar.
  it.each([
    ['0 0 4 ? * 2-\uff16', [2, 3, 4, 5, 6]],
    ['0 0 4 ? * 2-6/\uff12', [2, 4, 6]],
    ['0 0 4 ? * 2/\uff12', [2, 4, 6]],
  ])('%s: day-of-week %j', (e, dow) => {
    expect(parseQuartz(e).daysOfWeek).toEqual(dow);
  });

  it('reads a full-width step after */ and after #, and rejects one where Quartz wants an ASCII digit', () => {
    expect(parseQuartz('0 0 */\uff12 ? * *').hours).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
    expect(parseQuartz('0 0 4 ? * 1#\uff12').nthdayOfWeek).toBe(2);
    expect(parseQuartz('0 0 4 1-\u0663 * ?').daysOfMonth).toEqual([1, 2, 3]);
    expect(validateQuartz('\uff10 0 4 * * ?')).toMatchObject({ ok: false, field: 'seconds' });
    expect(validateQuartz('0 0 4 ? * \uff12-6')).toMatchObject({ ok: false, field: 'day-of-week' });
  });
});
