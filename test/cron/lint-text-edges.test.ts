// Look-alike characters of every kind the linter knows (Unicode spaces, control characters, digits of
// other scripts, Cyrillic letters, full-width and small punctuation): each is named with its code, the
// verdict says what Quartz makes of it, and the fix is the plain character.
import { describe, expect, it } from 'vitest';
import { lintExpression, type LintIssue } from '@shared/cron/index';

const now = new Date('2026-12-01T10:00:00Z');
const lint = (e: string): LintIssue[] => lintExpression(e, { timeZone: 'UTC', now });
const lookalike = (e: string): LintIssue | undefined => lint(e).find((i) => i.code === 'lookalike-character');

describe('look-alikes Quartz happens to read as meant are warnings', () => {
  it.each([
    ['0 0 4 ? * MON\u2002', "Day-of-week: 'MON<U+2002>' has a Unicode space (U+2002)", '0 0 4 ? * MON'],
    ['0 0 4 ? * MON\u0007', "Day-of-week: 'MON<U+0007>' has a control character (U+0007)", '0 0 4 ? * MON'],
    ['0 0 4 ? * MON\u007f', "Day-of-week: 'MON<U+007F>' has a control character (U+007F)", '0 0 4 ? * MON'],
    ['0 0 4 ? * MON-FRI\u200b', "Day-of-week: 'MON-FRI<U+200B>' has a zero-width space (U+200B)", '0 0 4 ? * MON-FRI'],
    ['0 0 4 ? * 2\u20446', "Day-of-week: '2⁄6' has a fraction slash (⁄, U+2044)", '0 0 4 ? * 2/6'],
  ])('%s', (e, start, suggestion) => {
    expect(lint(e)).toEqual([
      {
        code: 'lookalike-character',
        severity: 'warning',
        field: 'day-of-week',
        message: `${start}; Quartz happens to read it as intended, but it is easy to misread. Type '${suggestion.split(' ')[5]}' instead: ${suggestion}.`,
        suggestion,
      },
    ]);
  });

  it('a tab separates fields as a space does: nothing to say', () => {
    expect(lint('0 0 4 ? * MON\t')).toEqual([]);
    expect(lint('0\t0 4 ? * MON')).toEqual([]);
  });
});

describe('look-alikes that change what Quartz reads are errors', () => {
  it.each([
    [
      '0 0 4 ? * MON\uff0dFRI',
      "Day-of-week: 'MON－FRI' has a full-width '－' (U+FF0D); Quartz reads only 'MON' and ignores '－FRI'. Type 'MON-FRI' instead: 0 0 4 ? * MON-FRI.",
    ],
    [
      '0 0 4 ? * 2\u201a3',
      "Day-of-week: '2‚3' has a low quotation mark (‚, U+201A); Quartz reads only '2' and ignores '‚3'. Type '2,3' instead: 0 0 4 ? * 2,3.",
    ],
    [
      '0 0 4 ? * 6\ufe5f3',
      "Day-of-week: '6﹟3' has a small number sign (﹟, U+FE5F); Quartz reads only '6' and ignores '﹟3'. Type '6#3' instead: 0 0 4 ? * 6#3.",
    ],
  ])('%s', (e, message) => {
    expect(lint(e)).toEqual([
      { code: 'lookalike-character', severity: 'error', field: 'day-of-week', message, suggestion: message.split(': ').at(-1)?.slice(0, -1) },
    ]);
  });

  // The plain form differs from what Quartz read only in a flag (W, L, #): still an error, not "as intended".
  it.each([
    [
      '0 0 4 15\uff37 * ?',
      'day-of-month',
      "Day-of-month: '15Ｗ' has a full-width 'Ｗ' (U+FF37); Quartz reads only '15' and ignores 'Ｗ'. Type '15W' instead: 0 0 4 15W * ?.",
    ],
    [
      '0 0 4 ? * 6\uff2c',
      'day-of-week',
      "Day-of-week: '6Ｌ' has a full-width 'Ｌ' (U+FF2C); Quartz reads only '6' and ignores 'Ｌ'. Type '6L' instead: 0 0 4 ? * 6L.",
    ],
    [
      '0 0 4 ? * 2\uff031',
      'day-of-week',
      "Day-of-week: '2＃1' has a full-width '＃' (U+FF03); Quartz reads only '2' and ignores '＃1'. Type '2#1' instead: 0 0 4 ? * 2#1.",
    ],
  ])('%s loses its day rule', (e, field, message) => {
    expect(lint(e)).toEqual([{ code: 'lookalike-character', severity: 'error', field, message, suggestion: message.split(': ').at(-1)?.slice(0, -1) }]);
  });

  it.each([
    ['0 0 4 ? * \u0662', 'day-of-week', "Day-of-week: '٢' has a non-ASCII digit '٢' (U+0662); Quartz rejects the expression. Type '2' instead: 0 0 4 ? * 2."],
    ['0 0 \u0664 ? * *', 'hours', "Hours: '٤' has a non-ASCII digit '٤' (U+0664); Quartz rejects the expression. Type '4' instead: 0 0 4 ? * *."],
    ['0 0 4 ? * \u2217', 'day-of-week', "Day-of-week: '∗' has an asterisk operator (∗, U+2217); Quartz rejects the expression. Type '*' instead: 0 0 4 ? * *."],
    [
      '0 0 4 \ufe56 * 2',
      'day-of-month',
      "Day-of-month: '﹖' has a small question mark (﹖, U+FE56); Quartz rejects the expression. Type '?' instead: 0 0 4 ? * 2.",
    ],
    ['\u200b0 0 4 ? * *', 'seconds', "Seconds: '<U+200B>0' has a zero-width space (U+200B); Quartz rejects the expression. Type '0' instead: 0 0 4 ? * *."],
  ])('%s is rejected by Quartz: invalid, and the plain form offered', (e, field, message) => {
    const issues = lint(e);
    expect(issues.map((i) => i.code)).toEqual(['invalid', 'lookalike-character']);
    expect(issues[1]).toEqual({ code: 'lookalike-character', severity: 'error', field, message, suggestion: message.split(': ').at(-1)?.slice(0, -1) });
  });

  it('names every look-alike in a field, and offers no expression when the plain text is still wrong', () => {
    expect(lookalike('0 0 4 ? \u0415\u0422C *')).toEqual({
      code: 'lookalike-character',
      severity: 'error',
      field: 'month',
      message:
        "Month: 'ЕТC' has a non-Latin 'Е' (U+0415, looks like 'E') and a non-Latin 'Т' (U+0422, looks like 'T'); Quartz rejects the expression. Type 'ETC' instead; Quartz still rejects the expression then (see the other issues).",
    });
  });

  it('a space-like character inside a field: Quartz stops reading there', () => {
    expect(lookalike('0 0 4 ? * MON\u00a0FRI')).toEqual({
      code: 'lookalike-character',
      severity: 'error',
      field: 'day-of-week',
      // A plain space there would make 'FRI' the year: no retyping is offered.
      message:
        "Day-of-week: 'MON<U+00A0>FRI' has a non-breaking space (U+00A0); Quartz reads only 'MON' and ignores '<U+00A0>FRI'. Remove '<U+00A0>FRI' or correct the value.",
    });
  });

  it('each field quotes what Quartz read of that field', () => {
    const suggestion = '0 0 4 ? JAN-JUN MON-FRI';
    expect(lint('0 0 4 ? JAN\u2013JUN MON\u2013FRI')).toEqual([
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'month',
        message: `Month: 'JAN–JUN' has an en dash (–, U+2013); Quartz reads only 'JAN' and ignores '–JUN'. Type 'JAN-JUN' instead: ${suggestion}.`,
        suggestion,
      },
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'day-of-week',
        message: `Day-of-week: 'MON–FRI' has an en dash (–, U+2013); Quartz reads only 'MON' and ignores '–FRI'. Type 'MON-FRI' instead: ${suggestion}.`,
        suggestion,
      },
    ]);
  });

  it('quotes at most an excerpt of a long field', () => {
    const message = lookalike(`0 0 4 ? * 1\u2013${'x'.repeat(50)}`)?.message ?? '';
    expect(message).toBe(
      `Day-of-week: '1–${'x'.repeat(37)}…' has an en dash (–, U+2013); Quartz reads only '1' and ignores '–${'x'.repeat(38)}…'. Remove '–${'x'.repeat(38)}…' or correct the value.`,
    );
  });

  it('a look-alike next to extra fields: both are told, and either fix clears both, so it reads whole', () => {
    const issues = lint('0 0 4 ? * MON\u2013FRI 2027 x');
    expect(issues.map((i) => [i.code, i.suggestion])).toEqual([
      ['lookalike-character', '0 0 4 ? * MON-FRI 2027'],
      ['too-many-fields', '0 0 4 ? * MON-FRI 2027'],
      ['stops-firing', undefined],
    ]);
  });
});
