// The history as the schedule panel and the calendar show it: each execution beside the expected fire it
// answered (in the profile's server zone) with its lateness, and the past expected fires of a window with
// their outcome. A fire is only called missed when a list proved it: the job's latest execution, seen
// after the fire's grace, was older than the fire. Unseen stretches (no list ran then) stay unknown.
import type { HistoryAnswer, HistoryExecution, HistoryFire } from '@shared/ipc';
import { EARLY_TOLERANCE_MS, matchExecutions, pastFires } from '@shared/health';
import type { StoredExecution } from './history-store';

export interface HistoryViewOptions {
  orgId: string;
  timeZone: string;
  graceMs: number;
  now: Date;
  from: Date;
  to: Date;
  jobId?: string;
}

export function historyView(executions: readonly StoredExecution[], options: HistoryViewOptions): HistoryAnswer {
  const byJob = new Map<string, StoredExecution[]>();
  for (const e of executions) {
    if (e.orgId !== options.orgId || (options.jobId !== undefined && e.jobId !== options.jobId)) continue;
    byJob.set(e.jobId, [...(byJob.get(e.jobId) ?? []), e]);
  }
  const out: HistoryExecution[] = [];
  const fires: HistoryFire[] = [];
  for (const [jobId, list] of byJob) {
    const sorted = [...list].sort((a, b) => Date.parse(a.executedAt) - Date.parse(b.executedAt));
    const latest = sorted[sorted.length - 1] as StoredExecution;
    // The job as last seen: its expression may have been the same for all of them, or not; the latest wins.
    const input = { timeExpression: latest.timeExpression, createdAt: latest.jobCreatedAt, executions: sorted.map((e) => ({ id: e.id, executedAt: e.executedAt })) };
    const seenAs = new Map(sorted.map((e) => [e.id, e.timeExpression]));
    for (const m of matchExecutions(input, { timeZone: options.timeZone, graceMs: options.graceMs })) {
      out.push({ jobId, executionId: m.id, executedAt: m.executedAt, expectedAt: m.expectedAt, latenessMs: m.latenessMs, verdict: m.verdict, timeExpression: seenAs.get(m.id) ?? latest.timeExpression });
    }
    const past = pastFires(input, {
      timeZone: options.timeZone,
      graceMs: options.graceMs,
      from: options.from,
      to: options.to,
      now: options.now,
      knownSince: new Date(sorted[0]?.executedAt ?? options.now),
    });
    for (const f of past.fires) {
      const verdict = f.verdict === 'missed' && !provenMissed(sorted, Date.parse(f.at), options.graceMs) ? 'unknown' : f.verdict;
      fires.push({ jobId, ...f, verdict });
    }
  }
  out.sort((a, b) => Date.parse(b.executedAt) - Date.parse(a.executedAt));
  fires.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { executions: out, fires };
}

/** Some list, after the fire's grace, still showed an execution from before the fire as the latest. */
function provenMissed(sorted: readonly StoredExecution[], fire: number, graceMs: number): boolean {
  return sorted.some((e) => Date.parse(e.executedAt) < fire - EARLY_TOLERANCE_MS && Date.parse(e.lastSeenAt ?? e.seenAt) >= fire + graceMs);
}
