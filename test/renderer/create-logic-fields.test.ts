// The create dialog's builder fields and live check: which field an emptied builder input or stray
// spacing in the raw box is blamed on, and the message shown under the box.
import { describe, expect, it } from 'vitest';
import { checkExpression, joinFields, splitFields, validationMessage } from '@renderer/create/expression-fields';

describe('an emptied builder field in the raw text', () => {
  it('keeps an emptied day of week in place when the year is empty too', () => {
    const joined = joinFields(['0', '0', '4', '?', '*', '', '']);
    expect(joined).toBe('0 0 4 ? * ');
    expect(splitFields(joined)).toEqual(['0', '0', '4', '?', '*', '', '']);
  });
});

describe('an emptied Seconds field', () => {
  it('is named, not the Hours field the shifted text would blame', () => {
    const joined = joinFields(['', '0', '3', '?', '*', '*', '']);
    expect(joined).toBe(' 0 3 ? * *');
    const v = checkExpression(joined);
    expect(v).toMatchObject({ ok: false, field: 'seconds' });
    expect(validationMessage(v)).toBe('Seconds is empty: enter 0-59, or * for every value.');
  });

  it('is named with a year too', () => {
    expect(checkExpression(joinFields(['', '0', '3', '?', '*', 'MON', '2027']))).toMatchObject({ ok: false, field: 'seconds' });
  });

  it('is not blamed when the text after a leading space is refused for another reason', () => {
    // With seconds first it is still refused (no hour 25): the engine's own message stands.
    expect(checkExpression(' 0 25 ? * *')).not.toMatchObject({ field: 'seconds' });
    // And without a leading space the engine's message stands too.
    expect(checkExpression('0 3 ? * *')).not.toMatchObject({ field: 'seconds' });
  });
});

describe('spacing typed in the raw box', () => {
  it('ignores spaces typed before the expression', () => {
    expect(checkExpression('  0 0 4 ? * * *')).toEqual({ ok: true });
  });

  it('still names an emptied field after leading spaces', () => {
    const v = checkExpression('  0  4 ? * * *');
    expect(v).toMatchObject({ ok: false, field: 'minutes' });
  });

  it('takes a double space before the year as spacing, not as an empty field', () => {
    expect(checkExpression('0 0 4 ? * *  2027')).toEqual({ ok: true });
  });

  it('does not call the next field empty while a space is typed at the end', () => {
    // The user is about to type the day of week: the engine's own message says what is missing.
    const v = checkExpression('0 0 4 ? * ');
    expect(v).toMatchObject({ ok: false, field: 'expression' });
    expect(validationMessage(v)).toMatch(/missing day-of-week/);
    expect(checkExpression('0 0 4 ? * * ')).toEqual({ ok: true });
  });
});

describe('the message under the box', () => {
  it('is empty for a valid expression', () => {
    expect(validationMessage(checkExpression('0 0 4 ? * * *'))).toBe('');
  });

  it('asks for an expression, with no field name, when the box is empty', () => {
    expect(validationMessage(checkExpression(''))).toBe('Enter an expression.');
  });

  it('names the year without its "(optional)" mark', () => {
    expect(validationMessage({ ok: false, field: 'year', message: '2100 is out of range' })).toBe('Year: 2100 is out of range');
  });
});
