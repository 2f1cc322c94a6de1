// The history as the schedule panel and the calendar show it: each execution beside the expected fire it
// answered (in the profile's server zone) with its lateness, and the past expected fires of a window with
// their outcome. A fire is only called missed when a list proved it: after the fire's grace, a list showed
// the job's latest execution older than the fire, or no execution at all. Unseen stretches stay unknown.
// Only what was seen on the profile's server and org counts: a former server's or org's runs are not its.
import type { HistoryAnswer, HistoryExecution, HistoryFire } from '@shared/ipc';
import { EARLY_TOLERANCE_MS, matchExecutions, pastFires } from '@shared/health';
import { seenOn, type NeverRunJob, type StoredExecution } from './history-store';

export interface HistoryViewOptions {
  /** serverKeyOf the profile's API URL. */
  server: string;
  orgId: string;
  timeZone: string;
  graceMs: number;
  now: Date;
  from: Date;
  to: Date;
  jobId?: string;
}

export function historyView(history: { executions: readonly StoredExecution[]; neverRun: readonly NeverRunJob[] }, options: HistoryViewOptions): HistoryAnswer {
  const at = { server: options.server, orgId: options.orgId };
  const mine = (x: { orgId: string; server?: string; jobId: string }): boolean => seenOn(x, at) && (options.jobId === undefined || x.jobId === options.jobId);
  const byJob = new Map<string, StoredExecution[]>();
  for (const e of history.executions) if (mine(e)) byJob.set(e.jobId, [...(byJob.get(e.jobId) ?? []), e]);
  const quiet = new Map(history.neverRun.filter(mine).map((j) => [j.jobId, j]));
  const out: HistoryExecution[] = [];
  const fires: HistoryFire[] = [];
  for (const jobId of new Set([...byJob.keys(), ...quiet.keys()])) {
    const sorted = [...(byJob.get(jobId) ?? [])].sort((a, b) => Date.parse(a.executedAt) - Date.parse(b.executedAt));
    const neverRun = quiet.get(jobId) ?? null;
    // The job as last seen: its expression may have changed over time; the latest sighting wins.
    const job = sorted[sorted.length - 1] ?? (neverRun as NeverRunJob);
    const input = { timeExpression: job.timeExpression, createdAt: job.jobCreatedAt, executions: sorted.map((e) => ({ id: e.id, executedAt: e.executedAt })) };
    const seenAs = new Map(sorted.map((e) => [e.id, e.timeExpression]));
    for (const m of matchExecutions(input, { timeZone: options.timeZone, graceMs: options.graceMs })) {
      out.push({
        jobId,
        executionId: m.id,
        executedAt: m.executedAt,
        expectedAt: m.expectedAt,
        latenessMs: m.latenessMs,
        verdict: m.verdict,
        timeExpression: seenAs.get(m.id) ?? job.timeExpression,
      });
    }
    const past = pastFires(input, { timeZone: options.timeZone, graceMs: options.graceMs, from: options.from, to: options.to, now: options.now });
    for (const f of past.fires) {
      const verdict = f.verdict === 'missed' && !provenMissed(sorted, neverRun, Date.parse(f.at), options.graceMs) ? 'unknown' : f.verdict;
      fires.push({ jobId, ...f, verdict });
    }
  }
  out.sort((a, b) => Date.parse(b.executedAt) - Date.parse(a.executedAt));
  fires.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { executions: out, fires };
}

/** Some list, after the fire's grace, showed an execution from before the fire as the latest, or none. */
function provenMissed(sorted: readonly StoredExecution[], neverRun: NeverRunJob | null, fire: number, graceMs: number): boolean {
  if (neverRun && Date.parse(neverRun.lastSeenAt) >= fire + graceMs) return true;
  return sorted.some((e) => Date.parse(e.executedAt) < fire - EARLY_TOLERANCE_MS && Date.parse(e.lastSeenAt ?? e.seenAt) >= fire + graceMs);
}
