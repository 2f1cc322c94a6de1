// The calendar reads an expression's shape from probes (one per time field, one for its day rule), each
// compiled once. Pinned against the whole expression compiled by the engine, over every expression of
// the golden corpus, the harness mix and malformed variants: the same expressions have a shape, with
// the same times of day and day fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuartz, type CompiledCron } from '@shared/cron';
import { expressionShape, probeOf } from '@renderer/calendar/expression-shape';
import { expressionFor } from '../harness/seed-mix';
import { FLAGGED_EXPRESSIONS, ORDINARY_EXPRESSIONS } from '../cron/lint-corpus';

const golden = readFileSync(join(import.meta.dirname, '../golden/expressions.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));
const mix = Array.from({ length: 400 }, (_, k) => expressionFor(k % 13, k));
const malformed = [
  '0 0 4',
  '0 0 4 ? *',
  '0\t30  2 ? * *',
  '0 30  2 ? * *',
  ' 0 30 2 ? * *',
  '0 30 2 ? * * ',
  '0\t30 2 ? * *',
  '0 30 2 ? *  * 2030',
  '  0 0 4 ? * * *  ',
  '0 0 4 ? * * * extra fields',
  '0 0 4 ? * MON 2030',
  '0 0 L ? * *',
  '0 0 4W ? * *',
  '0 61 4 ? * *',
  '0 0 24 ? * *',
  '0 0 4 * * MON',
  '0 0 4 ? ? *',
  '0 0 4 ? * 8',
  '0 0 4 32 * ?',
  '0 0 4 ? * 6#6',
  '0 0/0 4 ? * *',
  '0 0 4 ? * * 1969',
  '0 0 4 ? * * 2100-2099',
  '0 0 */5 ? * * *',
  '0 5-2 4 ? * *',
  '0 0 4 ? * sun-sat',
  'a b c d e f',
];

/** The shape as the engine reads the whole expression, the way the calendar read it before probes. */
function reference(expression: string) {
  let compiled: CompiledCron;
  try {
    compiled = parseQuartz(expression);
  } catch {
    return null;
  }
  const valid = (values: readonly number[], max: number) => values.filter((v) => v >= 0 && v <= max);
  const hs = valid(compiled.hours, 23);
  const ms = valid(compiled.minutes, 59);
  const ss = valid(compiled.seconds, 59);
  const fields = expression.split(/[ \t]+/).filter((f) => f !== '');
  if (hs.length === 0 || ms.length === 0 || ss.length === 0) return null;
  const dayRule = fields.slice(3, 7).join(' ');
  const probe = parseQuartz(probeOf(dayRule));
  const days = (c: CompiledCron) => [
    c.daysOfMonth,
    c.months,
    c.daysOfWeek,
    c.years,
    c.lastdayOfWeek,
    c.nthdayOfWeek,
    c.lastdayOfMonth,
    c.nearestWeekday,
    c.lastdayOffset,
  ];
  expect(days(probe), `${expression}: its day rule parses as in the whole expression`).toEqual(days(compiled));
  return { hs, ms, ss, dayRule };
}

describe("an expression's shape", () => {
  it('exists exactly when the engine accepts the whole expression, with the same fields', () => {
    const all = [...new Set([...golden, ...mix, ...malformed, ...FLAGGED_EXPRESSIONS, ...ORDINARY_EXPRESSIONS])];
    expect(all.length).toBeGreaterThan(300);
    let shaped = 0;
    for (const expression of all) {
      const shape = expressionShape(expression);
      const want = reference(expression);
      expect(shape && { hs: shape.hs, ms: shape.ms, ss: shape.ss, dayRule: shape.dayRule }, expression).toEqual(want);
      if (shape) shaped += 1;
    }
    // Most are valid; the malformed ones are not.
    expect(shaped).toBeGreaterThan(all.length / 2);
    expect(malformed.filter((e) => expressionShape(e) === null).length).toBeGreaterThan(10);
  });

  it('counts the runs of a whole day from its times', () => {
    const shape = expressionShape('0 0/30 9-10 ? * MON-FRI');
    expect(shape).toMatchObject({ perDay: 4, lastTod: (10 * 60 + 30) * 60_000, dayRule: '? * MON-FRI' });
  });
});
