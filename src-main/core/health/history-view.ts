// The history as the schedule panel shows it: each execution beside the expected fire it answered (in the
// profile's server zone), with its lateness. The rules are the classifier's: an execution answers the
// latest fire at or before it (allowing the early tolerance); a second execution for one fire is extra.
import type { HistoryExecution } from '@shared/ipc';
import { EARLY_TOLERANCE_MS, LOOKBACK_MS, lastFireAtOrBefore } from '@shared/health';
import type { StoredExecution } from './history-store';

/** Newest first. */
export function historyView(executions: readonly StoredExecution[], options: { orgId: string; timeZone: string; graceMs: number; jobId?: string }): HistoryExecution[] {
  const byJob = new Map<string, StoredExecution[]>();
  for (const e of executions) {
    if (e.orgId !== options.orgId || (options.jobId !== undefined && e.jobId !== options.jobId)) continue;
    byJob.set(e.jobId, [...(byJob.get(e.jobId) ?? []), e]);
  }
  const out: HistoryExecution[] = [];
  for (const [jobId, list] of byJob) {
    const sorted = [...list].sort((a, b) => Date.parse(a.executedAt) - Date.parse(b.executedAt));
    const answered = new Set<number>();
    for (const e of sorted) {
      const t = Date.parse(e.executedAt);
      const fire = expectedFire(e, t, options.timeZone);
      const base = { jobId, executionId: e.id, executedAt: new Date(t).toISOString(), timeExpression: e.timeExpression };
      if (fire === null || answered.has(fire)) {
        out.push({ ...base, expectedAt: fire === null ? null : new Date(fire).toISOString(), latenessMs: null, verdict: 'extra' });
        continue;
      }
      answered.add(fire);
      const latenessMs = t - fire;
      out.push({ ...base, expectedAt: new Date(fire).toISOString(), latenessMs, verdict: latenessMs > options.graceMs ? 'late' : 'on-time' });
    }
  }
  return out.sort((a, b) => Date.parse(b.executedAt) - Date.parse(a.executedAt));
}

function expectedFire(e: StoredExecution, t: number, zone: string): number | null {
  const created = Date.parse(e.jobCreatedAt);
  const floor = Number.isFinite(created) ? created : t - LOOKBACK_MS;
  try {
    return lastFireAtOrBefore(e.timeExpression, zone, t + EARLY_TOLERANCE_MS, floor);
  } catch {
    return null; // an expression or zone the engine cannot read: no fire explains the run
  }
}
