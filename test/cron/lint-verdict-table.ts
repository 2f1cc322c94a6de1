// One table of whole linter verdicts: each row an expression and every issue the editor shows for it.
import { describe, expect, it } from 'vitest';
import { lintExpression, type LintIssue } from '@shared/cron/index';

const now = new Date('2026-12-01T10:00:00Z');

/** A test per row: the verdict in UTC on 2026-12-01 is exactly `issues`, in order. */
export function verdicts(title: string, rows: [expression: string, issues: LintIssue[]][]): void {
  describe(title, () => {
    it.each(rows)('%s', (expression, issues) => {
      expect(lintExpression(expression, { timeZone: 'UTC', now })).toEqual(issues);
    });
  });
}
