// How the simulated server's scheduler behaves over (simulated) time: which fires of a job became runs,
// when each started, and how long it ran. Everything is derived from the expression, the clock and the
// org's scheduler settings, so it stays right however far the clock jumps.
import { createHash } from 'node:crypto';
import { nextRuns } from '@shared/cron';

const DAY = 86_400_000;
// Growing look-back windows for "the last fire time before now": cheap for frequent and rare schedules alike.
const LOOKBACKS = [60_000, 3_600_000, DAY, 8 * DAY, 32 * DAY, 366 * DAY, 5 * 366 * DAY, 30 * 366 * DAY];
/** Enough to step back over any run of paused or still-queued fires without looping for ever. */
const MAX_STEPS = 2000;

/** The triggerType of a run started by the schedule, by run-immediately, and by a cube event. */
export const TRIGGER_SCHEDULED = 'ScheduledMaintenance';
export const TRIGGER_RUN_NOW = 'RunImmediately';
export const TRIGGER_EVENT = 'CubeUpdateMaintenance(FirstTimeCubeProcessed)';

/** One org's scheduler, as the engine settings and the server's load shape it. */
export interface OrgScheduler {
  /** How long one run takes. */
  durationMs: number;
  /** Windows [from, to) in which scheduled runs were paused (pausescheduledjobs); to null = still paused. */
  pauses: { from: number; to: number | null }[];
  /** From each `from` on, scheduled runs start `ms` after their fire time (sorted by from). */
  lateness: { from: number; ms: number }[];
  /** Runs not started by a schedule: run-immediately and cube events. Not affected by a pause. */
  extraRuns: SimRun[];
}

export interface SimRun {
  id: string;
  orgId: string;
  /** The schedule that fired it; null for run-immediately and events. */
  jobId: string | null;
  triggerType: string;
  /** When it was requested (the fire time, or the request). */
  creationTime: Date;
  /** When it started (later than creationTime when it queued). */
  startTime: Date;
  durationMs: number;
}

export function newOrgScheduler(durationMs: number): OrgScheduler {
  return { durationMs, pauses: [], lateness: [], extraRuns: [] };
}

export function pausedAt(sched: OrgScheduler, t: number): { from: number; to: number | null } | null {
  return sched.pauses.find((p) => p.from <= t && (p.to === null || t < p.to)) ?? null;
}

export function latenessAt(sched: OrgScheduler, t: number): number {
  let ms = 0;
  for (const rule of sched.lateness) if (rule.from <= t) ms = rule.ms;
  return ms;
}

interface JobLike {
  jobId: string;
  orgId: string;
  timeExpression: string;
  createdAt: Date;
  deactivatedAt: Date | null;
}

/** The last scheduled run of `job` that had started by `now`, or null. */
export function lastScheduledRun(job: JobLike, sched: OrgScheduler, now: number, timeZone: string): SimRun | null {
  const created = job.createdAt.getTime();
  let end = Math.min(now, job.deactivatedAt?.getTime() ?? Infinity);
  for (let step = 0; step < MAX_STEPS; step++) {
    const fire = lastFireBetween(job.timeExpression, created, end, timeZone);
    if (fire === null) return null;
    const pause = pausedAt(sched, fire);
    if (pause) {
      end = pause.from - 1;
      continue;
    }
    const start = fire + latenessAt(sched, fire);
    if (start <= now) return scheduledRun(job, fire, start, sched.durationMs);
    end = fire - 1; // queued, not started yet: the one before is the latest run
  }
  return null;
}

function scheduledRun(job: JobLike, fire: number, start: number, durationMs: number): SimRun {
  return {
    id: stableId(`${job.jobId}@${new Date(fire).toISOString()}`),
    orgId: job.orgId,
    jobId: job.jobId,
    triggerType: TRIGGER_SCHEDULED,
    creationTime: new Date(fire),
    startTime: new Date(start),
    durationMs,
  };
}

/** Scheduled runs of `job` that started in (from, to], oldest first, at most `limit`. */
export function scheduledRunsBetween(job: JobLike, sched: OrgScheduler, from: number, to: number, timeZone: string, limit: number): SimRun[] {
  const created = job.createdAt.getTime();
  const lastFire = Math.min(to, job.deactivatedAt?.getTime() ?? Infinity);
  // A run starting in the window may have fired before it (lateness): look back by the largest delay.
  const maxLate = sched.lateness.reduce((m, r) => Math.max(m, r.ms), 0);
  let after = new Date(Math.max(created, from - maxLate));
  const out: SimRun[] = [];
  try {
    while (out.length < limit) {
      const fires = nextRuns(job.timeExpression, { after, count: 256, timeZone });
      for (const at of fires) {
        const fire = at.getTime();
        if (fire > lastFire) return out;
        const start = fire + latenessAt(sched, fire);
        if (!pausedAt(sched, fire) && start > from && start <= to) out.push(scheduledRun(job, fire, start, sched.durationMs));
        if (out.length >= limit) return out;
      }
      const last = fires[fires.length - 1];
      if (fires.length < 256 || !last) return out;
      after = last;
    }
  } catch {
    // An expression the engine cannot expand simply never runs in the simulation.
  }
  return out;
}

/** Last fire time in (start, end], using the Quartz engine. */
export function lastFireBetween(expression: string, start: number, end: number, timeZone: string): number | null {
  if (end <= start) return null;
  try {
    for (const lookback of LOOKBACKS) {
      const from = Math.max(start, end - lookback);
      const [first] = nextRuns(expression, { after: new Date(from), count: 1, timeZone });
      if (first && first.getTime() <= end) {
        let last = first;
        for (;;) {
          const batch = nextRuns(expression, { after: last, count: 64, timeZone }).filter((d) => d.getTime() <= end);
          if (batch.length === 0) return last.getTime();
          last = batch[batch.length - 1] as Date;
          if (batch.length < 64) return last.getTime();
        }
      }
      if (from === start) return null;
    }
  } catch {
    return null;
  }
  return null;
}

/** A UUID-shaped id that is the same every time for the same input, so repeated lists agree. */
export function stableId(input: string): string {
  const hex = createHash('sha1').update(input).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function isRunning(run: SimRun, now: number): boolean {
  const start = run.startTime.getTime();
  return start <= now && now < start + run.durationMs;
}
