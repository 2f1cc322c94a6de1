// "Running since 04:00 (12 min)": the org's maintenance run in progress, as main last saw it.
import type { RunningState } from '@shared/ipc';
import { runningText } from './running-text';

export function RunningNow({ state, now, zone, name }: { state: RunningState | undefined; now: Date; zone: string; name?: string }) {
  const text = runningText(state, now, zone);
  if (text === null) return null;
  const trigger = state?.running?.triggerType;
  return (
    <span className="running-now" role="status" data-testid="running-now" title={trigger ? `Started by ${trigger}` : undefined}>
      <span className="running-pulse" aria-hidden="true" />
      {name ? `${name}: ` : ''}
      {text}
    </span>
  );
}
