// The linter before every write: lintExpression's verdicts in the server zone, plus 'duplicate' when an
// active schedule of the same org already fires at the same instants (sameSchedule).
import { lintExpression, sameSchedule } from '@shared/cron';
import type { ExpressionVerdict, LintedExpression } from '@shared/ipc/channels/changes';
import { AppFailure } from '@core/errors';

export interface ExistingSchedule {
  jobId: string;
  timeExpression: string;
}

export interface LintContext {
  timeZone: string;
  now: Date;
  /** Active schedules of the org, to find duplicates. */
  existing: readonly ExistingSchedule[];
  allowTooFrequent?: boolean;
}

/** Same fire times in the zone; identical text (spaces aside) needs no expansion. */
export function fireTheSame(a: string, b: string, timeZone: string): boolean {
  if (normalized(a) === normalized(b)) return true;
  return sameSchedule(a, b, { timeZone });
}

function normalized(expression: string): string {
  return expression.trim().split(/\s+/).join(' ').toUpperCase();
}

export function lintFor(expression: string, c: LintContext): LintedExpression {
  const verdicts: ExpressionVerdict[] = lintExpression(expression, { timeZone: c.timeZone, now: c.now }).map((v) => ({
    code: v.code,
    severity: v.severity,
    message: v.message,
    ...('suggestion' in v && typeof v.suggestion === 'string' ? { suggestion: v.suggestion } : {}),
  }));
  const valid = !verdicts.some((v) => v.code === 'invalid');
  const twin = valid ? c.existing.find((s) => fireTheSame(expression, s.timeExpression, c.timeZone)) : undefined;
  if (twin) {
    verdicts.push({
      code: 'duplicate',
      severity: 'warning',
      message: `Fires at the same times as job ${twin.jobId} ("${twin.timeExpression}") already in this org.`,
    });
  }
  return { expression, verdicts, blocked: isBlocked(verdicts, c.allowTooFrequent ?? false) };
}

export function isBlocked(verdicts: readonly ExpressionVerdict[], allowTooFrequent: boolean): boolean {
  return verdicts.some((v) => v.severity === 'error' && !(v.code === 'too-frequent' && allowTooFrequent));
}

/** Refuses a write the linter blocks, naming each error and how to go on. Nothing is sent. */
export function assertWritable(linted: LintedExpression): void {
  if (!linted.blocked) return;
  const errors = linted.verdicts.filter((v) => v.severity === 'error');
  const frequentOnly = errors.every((v) => v.code === 'too-frequent');
  const detail = errors.map((v) => v.message).join(' ');
  const hint = frequentOnly ? ' To create it anyway, allow too-frequent schedules explicitly.' : '';
  throw new AppFailure('invalid-input', `"${linted.expression}" was not sent: ${detail}${hint}`);
}
