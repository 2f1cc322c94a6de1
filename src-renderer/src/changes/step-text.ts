// One write of a change, in words: an unknown outcome is said as unknown, never as a failure.
import type { ChangeStep } from '@shared/ipc/channels/changes';

const OUTCOME: Record<ChangeStep['outcome'], string> = {
  ok: 'done',
  failed: 'failed',
  unknown: 'outcome unknown (the answer was lost; refresh to see)',
  'not-run': 'not sent (an earlier step stopped the change)',
};

export function stepText(step: ChangeStep): string {
  const what =
    step.action === 'create'
      ? `Create “${step.timeExpression ?? ''}”${step.jobId ? ` as job ${step.jobId}` : ''}`
      : `Delete job ${step.jobId ?? '?'}${step.timeExpression ? ` (“${step.timeExpression}”)` : ''}`;
  const error = step.error && step.outcome !== 'ok' ? `: ${step.error.message}` : '';
  const warning = step.warning ? `. Warning: ${step.warning}` : '';
  return `${what} — ${OUTCOME[step.outcome]}${error}${warning}`;
}

/** Every distinct warning of the steps (the server did it, a local record of it failed). */
export function stepWarnings(steps: readonly ChangeStep[]): string[] {
  return [...new Set(steps.flatMap((s) => (s.warning ? [s.warning] : [])))];
}

/** Counts by outcome, for a one-line summary. */
export function stepSummary(steps: readonly ChangeStep[]): string {
  const count = (o: ChangeStep['outcome']) => steps.filter((s) => s.outcome === o).length;
  const parts = [
    [count('ok'), 'done'],
    [count('failed'), 'failed'],
    [count('unknown'), 'unknown'],
    [count('not-run'), 'not sent'],
  ] as const;
  return (
    parts
      .filter(([n]) => n > 0)
      .map(([n, w]) => `${n} ${w}`)
      .join(', ') || 'nothing sent'
  );
}
