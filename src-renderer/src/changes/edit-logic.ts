// The edit dialog's pure logic: whether the new expression may be sent, and what the answer means.
import { sameSchedule, type LintIssue } from '@shared/cron';
import type { EditResult, RetryDelete } from '@shared/ipc/channels/changes';
import { gateOf, lintForWrite, type LintContext, type LintGate } from '../create/lint-gate';
import { checkExpression, normalizeExpression } from '../create/expression-fields';

export interface EditCheck {
  expression: string;
  issues: LintIssue[];
  gate: LintGate;
  /** The new expression fires at the same instants as the current one: there is nothing to change. */
  unchanged: boolean;
  /** Why "Change schedule" is off (besides the org and the profile's state), or null. */
  reason: string | null;
}

export function editCheck(raw: string, current: string, c: LintContext, allowTooFrequent: boolean): EditCheck {
  const expression = normalizeExpression(raw);
  const validation = checkExpression(raw);
  const issues = validation.ok ? lintForWrite(raw.trim(), c) : [];
  const gate = gateOf(issues, allowTooFrequent);
  const unchanged = validation.ok && sameSchedule(expression, current, { timeZone: c.timeZone, from: c.now });
  const reason = !validation.ok ? validation.message : unchanged ? 'This fires at the same times as the current schedule: change the time first.' : gate.reason;
  return { expression, issues, gate, unchanged, reason };
}

export type EditView =
  | { tone: 'done'; text: string; newJobId: string }
  /** Both the new and the old schedule exist (the delete did not complete): offer the retry. */
  | { tone: 'both-exist'; text: string; newJobId: string; retry: RetryDelete }
  /** Nothing changed for sure ('error'), or the create's answer was lost ('unknown'). */
  | { tone: 'error' | 'unknown'; text: string };

export function editView(result: EditResult): EditView {
  switch (result.status) {
    case 'done':
      return { tone: 'done', text: result.message, newJobId: result.created.jobId };
    case 'both-exist':
      return { tone: 'both-exist', text: result.message, newJobId: result.created.jobId, retry: result.retry };
    case 'not-changed':
      return { tone: result.steps.some((s) => s.outcome === 'unknown') ? 'unknown' : 'error', text: result.message };
  }
}
