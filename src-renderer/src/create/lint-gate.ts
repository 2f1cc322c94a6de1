// The linter before a write, in the renderer: the same lintExpression main runs again before it sends
// anything. Errors block; 'too-frequent' alone can be allowed with an explicit override (which in
// production also needs the typed org, as every production write does).
import { lintExpression, type LintIssue } from '@shared/cron';

export interface LintContext {
  timeZone: string;
  now: Date;
  /** Expressions of the org's other active schedules: one with the same fire times is a duplicate. */
  existing: readonly string[];
}

/** The linter's verdicts; a bad zone (a profile typed wrongly) is itself a verdict, never a crash. */
export function lintForWrite(expression: string, c: LintContext): LintIssue[] {
  try {
    return lintExpression(expression, { timeZone: c.timeZone, now: c.now, existing: c.existing });
  } catch (error) {
    return [
      {
        code: 'invalid',
        severity: 'error',
        field: 'expression',
        message: `The server zone "${c.timeZone}" cannot be used: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

export interface LintGate {
  /** Errors that refuse the write whatever the user confirms. */
  blocking: LintIssue[];
  /** The too-frequent verdict, when it is the one that needs the override. */
  frequent: LintIssue | null;
  /** True when the linter lets the write go (the override given where it is needed). */
  ok: boolean;
  /** Why the write is refused, in words, or null. */
  reason: string | null;
}

export function gateOf(issues: readonly LintIssue[], allowTooFrequent: boolean): LintGate {
  const errors = issues.filter((i) => i.severity === 'error');
  const blocking = errors.filter((i) => i.code !== 'too-frequent');
  const frequent = errors.find((i) => i.code === 'too-frequent') ?? null;
  if (blocking.length > 0) return { blocking, frequent, ok: false, reason: blocking[0]?.message ?? 'The linter refuses this expression.' };
  if (frequent && !allowTooFrequent) return { blocking, frequent, ok: false, reason: 'Runs this frequent need the override: tick “Allow runs this frequent”.' };
  return { blocking, frequent, ok: true, reason: null };
}

/** The one-click fixes: verdicts that carry a corrected expression. */
export function suggestionsOf(issues: readonly LintIssue[]): { code: LintIssue['code']; suggestion: string }[] {
  const seen = new Set<string>();
  const out: { code: LintIssue['code']; suggestion: string }[] = [];
  for (const issue of issues) {
    if (!issue.suggestion || seen.has(issue.suggestion)) continue;
    seen.add(issue.suggestion);
    out.push({ code: issue.code, suggestion: issue.suggestion });
  }
  return out;
}
