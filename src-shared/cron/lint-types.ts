// The linter's verdict shape, shared by its parts.
import type { CronField } from './errors';

export type LintCode =
  | 'invalid'
  | 'never-fires'
  | 'too-frequent'
  | 'lookalike-character'
  | 'ignored-text'
  | 'too-many-fields'
  | 'zero-step'
  | 'unix-cron'
  | 'sunday-zero'
  | 'both-day-fields'
  | 'duplicate'
  | 'stops-firing';

export type LintSeverity = 'error' | 'warning';

export interface LintIssue {
  readonly code: LintCode;
  /** 'error': the schedule would not do what it says (or cannot be created); 'warning': worth a look. */
  readonly severity: LintSeverity;
  /** Short, names the field, quotes at most an excerpt of the text, says how to fix it. */
  readonly message: string;
  /** The field at fault, when there is one. */
  readonly field?: CronField;
  /** A corrected expression to offer, when the fix is clear. */
  readonly suggestion?: string;
}
