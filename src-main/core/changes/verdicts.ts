// The linter before every write: lintExpression's verdicts in the server zone, a schedule that fires at
// the same instants as an active one of the org (sameSchedule) included as 'duplicate'.
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

/** Same fire times in the server zone (false when either is invalid). */
export function fireTheSame(a: string, b: string, timeZone: string): boolean {
  return sameSchedule(a, b, { timeZone });
}

export function lintFor(expression: string, c: LintContext): LintedExpression {
  const verdicts = lintExpression(expression, { timeZone: c.timeZone, now: c.now, existing: c.existing.map((s) => s.timeExpression) });
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
