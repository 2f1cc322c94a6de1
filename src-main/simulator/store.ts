// The simulator's state: orgs and their jobs. latest_execution is derived from the expression and the
// simulated clock, so it advances as simulated time passes (and stops when a job is deactivated).
import { createHash, randomUUID } from 'node:crypto';
import { nextRuns } from '@shared/cron';
import type { SeedOrg } from './demo-data';

export interface SimJob {
  jobId: string;
  orgId: string;
  timeExpression: string;
  fullBuild: boolean;
  createdBy: string;
  createdAt: Date;
  deactivatedAt: Date | null;
}

export interface SimExecution {
  id: string;
  jobId: string;
  executedAt: Date;
}

const DAY = 86_400_000;
// Growing look-back windows for "the last fire time before now": cheap for frequent and rare schedules alike.
const LOOKBACKS = [60_000, 3_600_000, DAY, 8 * DAY, 32 * DAY, 366 * DAY, 5 * 366 * DAY, 30 * 366 * DAY];

export class SimStore {
  private readonly orgs = new Map<string, SimJob[]>();
  private readonly cache = new Map<string, { end: number; execution: SimExecution | null }>();

  constructor(
    private readonly now: () => Date,
    private readonly timeZone: string,
  ) {}

  seed(orgs: readonly SeedOrg[]): void {
    const start = this.now().getTime();
    for (const org of orgs) {
      this.addOrg(org.orgId);
      for (const job of org.jobs) {
        this.jobsOf(org.orgId).push({
          jobId: job.jobId,
          orgId: org.orgId,
          timeExpression: job.timeExpression,
          fullBuild: job.fullBuild,
          createdBy: job.createdBy,
          createdAt: new Date(start - job.createdDaysAgo * DAY),
          deactivatedAt: job.deactivatedDaysAgo === undefined ? null : new Date(start - job.deactivatedDaysAgo * DAY),
        });
      }
    }
  }

  hasOrg(orgId: string): boolean {
    return this.orgs.has(orgId);
  }

  addOrg(orgId: string): void {
    if (!this.orgs.has(orgId)) this.orgs.set(orgId, []);
  }

  orgIds(): string[] {
    return [...this.orgs.keys()];
  }

  /** Jobs of an org; active = true/false filters like the real API, undefined lists all. */
  list(orgId: string, active?: boolean): SimJob[] {
    const jobs = this.jobsOf(orgId);
    return active === undefined ? [...jobs] : jobs.filter((job) => (job.deactivatedAt === null) === active);
  }

  create(orgId: string, timeExpression: string, createdBy: string): SimJob {
    const job: SimJob = {
      jobId: randomUUID(),
      orgId,
      timeExpression,
      fullBuild: false,
      createdBy,
      createdAt: this.now(),
      deactivatedAt: null,
    };
    this.jobsOf(orgId).push(job);
    return job;
  }

  /** Deletes the way AtScale does: the job is deactivated and still listed with active=false. */
  deactivate(orgId: string, jobId: string): SimJob | null {
    const job = this.jobsOf(orgId).find((j) => j.jobId === jobId && j.deactivatedAt === null);
    if (!job) return null;
    job.deactivatedAt = this.now();
    return job;
  }

  /** The last simulated run at or before now (or before deactivation), null when it has not run yet. */
  latestExecution(job: SimJob): SimExecution | null {
    const end = Math.min(this.now().getTime(), job.deactivatedAt?.getTime() ?? Infinity);
    const cached = this.cache.get(job.jobId);
    if (cached && cached.end === end) return cached.execution;
    const at = lastRunBetween(job.timeExpression, job.createdAt.getTime(), end, this.timeZone);
    const execution = at ? { id: executionId(job.jobId, at), jobId: job.jobId, executedAt: at } : null;
    this.cache.set(job.jobId, { end, execution });
    return execution;
  }

  private jobsOf(orgId: string): SimJob[] {
    const jobs = this.orgs.get(orgId);
    if (!jobs) throw new Error(`unknown org ${orgId}`);
    return jobs;
  }
}

/** Last fire time in (start, end], using the Quartz engine. */
function lastRunBetween(expression: string, start: number, end: number, timeZone: string): Date | null {
  if (end <= start) return null;
  try {
    for (const lookback of LOOKBACKS) {
      const from = Math.max(start, end - lookback);
      const [first] = nextRuns(expression, { after: new Date(from), count: 1, timeZone });
      if (first && first.getTime() <= end) {
        let last = first;
        for (;;) {
          const batch = nextRuns(expression, { after: last, count: 64, timeZone }).filter((d) => d.getTime() <= end);
          if (batch.length === 0) return last;
          last = batch[batch.length - 1] as Date;
          if (batch.length < 64) return last;
        }
      }
      if (from === start) return null;
    }
  } catch {
    // An expression the engine cannot expand simply never runs in the simulation.
    return null;
  }
  return null;
}

/** Stable id per (job, run) so repeated lists show the same execution. */
function executionId(jobId: string, at: Date): string {
  const hex = createHash('sha1').update(`${jobId}@${at.toISOString()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
