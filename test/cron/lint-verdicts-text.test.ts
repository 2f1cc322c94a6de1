// The linter's whole verdict, word for word, for look-alike characters, skipped text and extra fields at
// the edges of each check: what the user reads in the editor, with nothing more (no stray entries) and
// nothing less (the fix when there is one).
import { verdicts } from './lint-verdict-table';

verdicts('look-alike characters at the edges of each range', [
  [
    '0 0 4 ? * MON！',
    [
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'day-of-week',
        // Retyped as '!', the field still ends in text Quartz skips: no fix is offered that keeps it.
        message: "Day-of-week: 'MON！' has a full-width '！' (U+FF01); Quartz reads only 'MON' and ignores '！'. Remove '！' or correct the value.",
      },
    ],
  ],
  [
    '0 0 4 ? * MON～',
    [
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: 'MON～' has a full-width '～' (U+FF5E); Quartz reads only 'MON' and ignores '～'. Remove '～' or correct the value.",
      },
    ],
  ],
  [
    '0 0 4 ? * MON\u2000',
    [
      {
        code: 'lookalike-character',
        severity: 'warning',
        field: 'day-of-week',
        message:
          "Day-of-week: 'MON<U+2000>' has a Unicode space (U+2000); Quartz happens to read it as intended, but it is easy to misread. Type 'MON' instead: 0 0 4 ? * MON.",
        suggestion: '0 0 4 ? * MON',
      },
    ],
  ],
  [
    '0 0 4 ? * MON\u200a',
    [
      {
        code: 'lookalike-character',
        severity: 'warning',
        field: 'day-of-week',
        message:
          "Day-of-week: 'MON<U+200A>' has a Unicode space (U+200A); Quartz happens to read it as intended, but it is easy to misread. Type 'MON' instead: 0 0 4 ? * MON.",
        suggestion: '0 0 4 ? * MON',
      },
    ],
  ],
  [
    '0 0 4 ? * ٠',
    [
      {
        code: 'invalid',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: unexpected character '٠' in '٠'. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n.",
      },
      {
        // Read as the digit it looks like, it is Unix cron's Sunday.
        code: 'sunday-zero',
        severity: 'error',
        field: 'day-of-week',
        message:
          "Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so 0 is not a day. Write 1 or SUN for Sunday; counted from 0 as in Unix cron, '0' is '1'.",
        suggestion: '0 0 4 ? * 1',
      },
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'day-of-week',
        message:
          "Day-of-week: '٠' has a non-ASCII digit '٠' (U+0660); Quartz rejects the expression. Type '0' instead; Quartz still rejects the expression then (see the other issues).",
      },
    ],
  ],
  [
    '0 0 4 ? * 1٠',
    [
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'day-of-week',
        // '10' is no day: retyping the digit does not help.
        message: "Day-of-week: '1٠' has a non-ASCII digit '٠' (U+0660); Quartz reads only '1' and ignores '٠'. Remove '٠' or correct the value.",
      },
    ],
  ],
  [
    '0 0 4 ? * * 2027 MON–FRI',
    [
      {
        code: 'too-many-fields',
        severity: 'error',
        field: 'expression',
        message: "Expression: has 8 fields; Quartz reads the first 7 and ignores 'MON–FRI'. Remove the extra text.",
        suggestion: '0 0 4 ? * * 2027',
      },
      { code: 'stops-firing', severity: 'warning', field: 'year', message: 'Year: it stops running after 2027. Leave the year out to keep it running.' },
      {
        code: 'lookalike-character',
        severity: 'warning',
        field: 'expression',
        message:
          "Expression: 'MON–FRI' has an en dash (–, U+2013); Quartz happens to read it as intended, but it is easy to misread. Type 'MON-FRI' instead, and fix the other issues.",
      },
    ],
  ],
  [
    '0 0 4 ? * MON \u200b',
    [
      {
        code: 'invalid',
        severity: 'error',
        field: 'year',
        message: "Year: unexpected character '\u200b' in '\u200b'. Use a year such as 2027, a range such as 2027-2030, or * (Quartz stops at 2126).",
      },
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'year',
        message: "Year: '<U+200B>' has a zero-width space (U+200B); Quartz rejects the expression. Type ' ' instead: 0 0 4 ? * MON.",
        suggestion: '0 0 4 ? * MON',
      },
    ],
  ],
  [
    '0 0 4 ? * MON｡',
    [
      {
        code: 'ignored-text',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Quartz reads 'MON｡' as 'MON' and ignores '｡'. Remove '｡' or correct the value.",
      },
    ],
  ],
  [
    '0 0 4 ? * MON‰',
    [
      {
        code: 'ignored-text',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Quartz reads 'MON‰' as 'MON' and ignores '‰'. Remove '‰' or correct the value.",
      },
    ],
  ],
  [
    '0 0 4 ? *\u2002MON *',
    [
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'month',
        message: "Month: '*<U+2002>MON' has a Unicode space (U+2002); Quartz reads only '*' and ignores '<U+2002>MON'. Type '* MON' instead: 0 0 4 ? * MON *.",
        suggestion: '0 0 4 ? * MON *',
      },
    ],
  ],
  [
    '0 0 4 ? *\u0007MON *',
    [
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'month',
        message:
          "Month: '*<U+0007>MON' has a control character (U+0007); Quartz reads only '*' and ignores '<U+0007>MON'. Type '* MON' instead: 0 0 4 ? * MON *.",
        suggestion: '0 0 4 ? * MON *',
      },
    ],
  ],
  [
    '0 0 4 ? JANX MON–FRI',
    [
      {
        code: 'lookalike-character',
        severity: 'error',
        field: 'day-of-week',
        // Retyping the dash leaves 'JANX', which Quartz reads as 'JAN': only the month's fix, which retypes the dash too, reads whole.
        message:
          "Day-of-week: 'MON–FRI' has an en dash (–, U+2013); Quartz reads only 'MON' and ignores '–FRI'. Type 'MON-FRI' instead, and fix the other issues.",
      },
      {
        code: 'ignored-text',
        severity: 'warning',
        field: 'month',
        message: "Month: Quartz reads 'JANX' as 'JAN' and ignores 'X'. Write 'JAN'.",
        suggestion: '0 0 4 ? JAN MON-FRI',
      },
    ],
  ],
]);

verdicts('text Quartz skips', [
  [
    '0 0 4 5X * ?',
    [
      {
        code: 'ignored-text',
        severity: 'error',
        field: 'day-of-month',
        message: "Day-of-month: Quartz reads '5X' as '5' and ignores 'X'. Remove 'X' or correct the value.",
      },
    ],
  ],
  [
    '0 0 4 ? * MONDAY,FRI',
    [
      {
        code: 'ignored-text',
        severity: 'warning',
        field: 'day-of-week',
        message: "Day-of-week: Quartz reads 'MONDAY' as 'MON' and ignores 'DAY'. Write 'MON'.",
        suggestion: '0 0 4 ? * MON,FRI',
      },
    ],
  ],
  [
    '0 0 L * * ?',
    [
      {
        code: 'ignored-text',
        severity: 'error',
        field: 'hours',
        message: "Hours: Quartz ignores 'L' here ('L', last, means something only in day-of-month and day-of-week). Remove it.",
      },
      { code: 'invalid', severity: 'error', field: 'hours', message: 'Hours: has no values, so the schedule never fires; give it a value such as *.' },
    ],
  ],
  [
    '0 L 4 ? * *',
    [
      {
        code: 'ignored-text',
        severity: 'error',
        field: 'minutes',
        message: "Minutes: Quartz ignores 'L' here ('L', last, means something only in day-of-month and day-of-week). Remove it.",
      },
      { code: 'invalid', severity: 'error', field: 'minutes', message: 'Minutes: has no values, so the schedule never fires; give it a value such as *.' },
    ],
  ],
  [
    '0 0 4 ? LW *',
    [
      {
        code: 'ignored-text',
        severity: 'error',
        field: 'month',
        message: "Month: Quartz ignores 'LW' here ('L', last, means something only in day-of-month and day-of-week). Remove it.",
      },
      { code: 'invalid', severity: 'error', field: 'month', message: 'Month: has no values, so the schedule never fires; give it a value such as *.' },
    ],
  ],
  [
    '0 0 4 ? * MON-5X',
    [
      {
        code: 'invalid',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: '5X' is not a valid value. Use 1-7 (1 = Sunday) or SUN-SAT, optionally with -, /, L or #n.",
      },
    ],
  ],
  // 'L' read in day-of-week: only a value that reads as nothing gets the note about where L means something.
  [
    '0 0 4 ? * L-3',
    [
      {
        code: 'ignored-text',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Quartz reads 'L-3' as 'L' and ignores '-3'. Remove '-3' or correct the value.",
      },
    ],
  ],
  [
    '0 0 4 ? JAN-JUNE *',
    [
      {
        code: 'ignored-text',
        severity: 'warning',
        field: 'month',
        message: "Month: Quartz reads 'JAN-JUNE' as 'JAN-JUN' and ignores 'E'. Write 'JAN-JUN'.",
        suggestion: '0 0 4 ? JAN-JUN *',
      },
    ],
  ],
  [
    '0 0 4 ? * MON/2X',
    [
      {
        code: 'ignored-text',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: Quartz reads 'MON/2X' as 'MON' and ignores '/2X'. Remove '/2X' or correct the value.",
      },
    ],
  ],
]);

verdicts('too many fields', [
  [
    '0 0 4 ? * * 2027 x',
    [
      {
        code: 'too-many-fields',
        severity: 'error',
        field: 'expression',
        message: "Expression: has 8 fields; Quartz reads the first 7 and ignores 'x'. Remove the extra text.",
        suggestion: '0 0 4 ? * * 2027',
      },
      { code: 'stops-firing', severity: 'warning', field: 'year', message: 'Year: it stops running after 2027. Leave the year out to keep it running.' },
    ],
  ],
  [
    '1 2 3 4 5 6 7 8 9',
    [
      {
        code: 'invalid',
        severity: 'error',
        field: 'day-of-week',
        message: "Day-of-week: day-of-month and day-of-week cannot both be restricted; put '?' in one of them (e.g. '0 0 3 ? * MON' or '0 0 3 15 * ?').",
      },
      {
        // Told on the seven fields Quartz reads.
        code: 'both-day-fields',
        severity: 'error',
        field: 'day-of-week',
        message:
          "Day-of-week: Quartz cannot combine day-of-month '4' with day-of-week '6'; keep one and put '?' in the other (1 2 3 4 5 ? 7 or 1 2 3 ? 5 6 7).",
      },
      {
        // The first seven alone are still refused, so they are not offered.
        code: 'too-many-fields',
        severity: 'error',
        field: 'expression',
        message: "Expression: has 9 fields; Quartz reads the first 7 and ignores '8 9'. Remove the extra text.",
      },
    ],
  ],
]);
