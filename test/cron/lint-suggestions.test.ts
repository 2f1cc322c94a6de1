// What the linter offers must be safe to take: every suggestion is an expression Quartz accepts and
// reads whole (no look-alike, no skipped text, no extra field), and the hints on an expression's form
// (Unix cron, Sunday as 0, both day fields) follow the fields as the user meant them, not as a
// look-alike space or an extra field shifts them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintExpression, type LintIssue } from '@shared/cron';
import { FLAGGED_EXPRESSIONS } from './lint-corpus';

const now = new Date('2027-01-04T00:00:00Z');
const lint = (e: string): LintIssue[] => lintExpression(e, { timeZone: 'UTC', now });

/** Codes that mean Quartz does not take the text as typed, whole. */
const MISREAD = new Set(['invalid', 'lookalike-character', 'ignored-text', 'too-many-fields', 'zero-step', 'unix-cron']);

const SPACES = ['\u00a0', '\u2003', '\u3000', '\u202f'];
const INVISIBLE = ['\u200b', '\ufeff', '\u2060'];
const BASES = ['0 0 4 ? * MON-FRI', '0 30 2 ? * * *', '0 0 3 L * ?', '0 15 10 ? * 6#3 2030', '0 0 4 ? * 0', '0 0 4 5 * MON'];

/** Every way of putting one character at a field boundary or inside a day name of `base`. */
function variants(base: string): string[] {
  const out: string[] = [];
  const gaps = [...base.matchAll(/ /g)].map((m) => m.index);
  for (const gap of gaps) for (const c of SPACES) out.push(base.slice(0, gap) + c + base.slice(gap + 1));
  for (const name of base.matchAll(/[A-Z]{3}/g)) for (const c of INVISIBLE) out.push(base.slice(0, name.index + 1) + c + base.slice(name.index + 1));
  return out;
}

const CASES = [
  ...FLAGGED_EXPRESSIONS.filter((e) => e.length < 200),
  ...BASES.flatMap(variants),
  '0 0 4 ? * 0 * 5',
  '0 0 4 5 * MON * x',
  '0 0 4 ? * MON\u200bFRI',
  '0 0 4 ? * MON\u00a0FRI',
  '0 0 4 ? * 1\u0665',
  '0 0 4 ? * MON\uff01',
  '1 2 3 4 5 6 7 8 9',
];

// 4,000 seeded slips (a stray token or separator, a name, a doubled field) whose acceptance Quartz decided.
const SLIPS = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../golden/fixtures/quartz-acceptance.json', import.meta.url)), 'utf8')) as { cases: { e: string }[] }
).cases.map((c) => c.e);

describe('every suggestion is safe to take', () => {
  it('for thousands of slips, even where two things are wrong at once', () => {
    const unsafe: string[] = [];
    for (const expression of SLIPS) {
      for (const issue of lint(expression)) {
        if (issue.suggestion === undefined) continue;
        const after = lint(issue.suggestion).filter((i) => MISREAD.has(i.code) || i.code === 'sunday-zero' || i.code === 'both-day-fields');
        if (after.length > 0)
          unsafe.push(
            `${JSON.stringify(expression)}: ${issue.code} suggests ${JSON.stringify(issue.suggestion)}, then ${after.map((i) => i.message).join(' ')}`,
          );
      }
    }
    expect(unsafe.slice(0, 5)).toEqual([]);
  });

  it.each(CASES)('%s', (expression) => {
    for (const issue of lint(expression)) {
      if (issue.suggestion === undefined) continue;
      const after = lint(issue.suggestion).filter((i) => MISREAD.has(i.code) || i.code === 'sunday-zero' || i.code === 'both-day-fields');
      expect(after, `${issue.code} suggests ${JSON.stringify(issue.suggestion)}`).toEqual([]);
    }
  });
});

describe('hints on the form follow the fields as meant', () => {
  it.each(BASES.flatMap(variants).filter((e) => /[\u00a0\u2003\u3000\u202f]/.test(e)))(
    'a look-alike space between fields is no Unix cron: %s',
    (expression) => {
      const issues = lint(expression);
      expect(issues.map((i) => i.code)).not.toContain('unix-cron');
      expect(issues.map((i) => i.code)).toContain('lookalike-character');
    },
  );

  it('past the seventh field, Sunday as 0 and both day fields are still told, with one fix for everything', () => {
    const sunday = lint('0 0 4 ? * 0 * 5');
    expect(sunday.find((i) => i.code === 'sunday-zero')?.suggestion).toBe('0 0 4 ? * 1 *');
    expect(sunday.find((i) => i.code === 'too-many-fields')?.suggestion).toBeUndefined();
    const both = lint('0 0 4 5 * MON * x');
    expect(both.find((i) => i.code === 'both-day-fields')?.message).toContain('(0 0 4 5 * ? * or 0 0 4 ? * MON *)');
  });

  it('a zero-width space inside a day name is not read "as intended" when the name then carries skipped text', () => {
    const [issue] = lint('0 0 4 ? * MON\u200bFRI');
    expect(issue).toMatchObject({ code: 'lookalike-character', severity: 'error' });
    expect(issue?.message).toContain("Quartz reads only 'MON' and ignores '<U+200B>FRI'");
    expect(issue?.suggestion).toBeUndefined();
  });

  it('is a clear RangeError, not a TypeError, when the options are missing', () => {
    const untyped = lintExpression as (e: string, o?: unknown) => LintIssue[];
    expect(() => untyped('0 0 4 ? * *')).toThrow(RangeError);
    expect(() => untyped('0 0 4 ? * *', null)).toThrow('now must be a valid Date.');
  });
});
