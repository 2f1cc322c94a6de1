// The writes a change made, one line each: what was sent and what came of it (never guessed).
import type { ChangeStep } from '@shared/ipc/channels/changes';
import { stepText } from './step-text';

export function StepList({ steps, caption }: { steps: readonly ChangeStep[]; caption?: string }) {
  if (steps.length === 0) return null;
  return (
    <ol className="step-list" aria-label={caption ?? 'Steps'}>
      {steps.map((step, i) => (
        <li key={i} className={`step step-${step.outcome}`} data-outcome={step.outcome}>
          {stepText(step)}
        </li>
      ))}
    </ol>
  );
}
